/**
 * A project configured for cibuildwheel builds unchanged in our containers
 * (podman, the multi-CPython image): the contract of cibuildwheel's container,
 * kept with parallel lanes. The `dropin` fixture checks each point from
 * inside its own before-all, before-build and test command:
 * - before-all: cp39 first on PATH, the environment option applied, in /project;
 * - before-build: the identifier's Python first on the image's own PATH (an
 *   image toolset dir stays second); it writes a header into {package} that
 *   the build needs;
 * - the package is in a subdirectory: {project} is the whole project;
 * - test requirements `-r requirements/test.txt` and a relative PIP_CONSTRAINT
 *   from the environment resolve in /project, and the project's own pin
 *   (idna 3.7) wins over our tool pins (idna 3.20).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { ROOT, runCliProcess, tempDir, testSetting, wheelsIn, writeTree } from '../helpers/tools.js'

const MULTI_IMAGE = testSetting('WHEELWRIGHT_TEST_MULTI_IMAGE')
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name)
/** An image PATH with a toolset dir first, as manylinux puts its gcc-toolset. */
const IMAGE_PATH = '/opt/toolset/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const engine = `podman; create_args: --env PATH=${IMAGE_PATH}`

/** Runs the bundled CLI from `cwd` as cibuildwheel would be run there. */
function build(cwd: string, args: string[], env: Record<string, string> = {}) {
  return runCliProcess(
    [
      'build',
      ...args,
      '--container',
      'on',
      '--container-engine',
      engine,
      '--manylinux-image',
      MULTI_IMAGE,
      '--cache',
      'false'
    ],
    env,
    cwd
  )
}

describe('a cibuildwheel project in containers, unchanged', () => {
  test('before-all, before-build, a subdirectory package and the test requirements, in two lanes', () => {
    const project = tempDir('dropin')
    fs.cpSync(fixture('dropin'), project, { recursive: true })
    const out = path.join(tempDir('dropin-out'), 'wheelhouse')
    const run = build(project, [
      'pkg',
      '--build',
      'cp311-manylinux_x86_64 cp312-manylinux_x86_64',
      '--parallel',
      '2',
      '--output-dir',
      out
    ])
    const log = run.stdout + run.stderr
    expect({ status: run.status, tail: log.slice(-3000) }).toEqual({
      status: 0,
      tail: expect.any(String)
    })
    expect(wheelsIn(out)).toEqual([
      expect.stringMatching(/^dropin-0\.1\.0-cp311-cp311-.*manylinux.*\.whl$/),
      expect.stringMatching(/^dropin-0\.1\.0-cp312-cp312-.*manylinux.*\.whl$/)
    ])
    // Two lanes: two containers, each set up once.
    expect(log.match(/✓ copy-in/g)).toHaveLength(2)
    // The build log is on stdout, as cibuildwheel's.
    expect(run.stdout).toContain('✓ 2 wheels')
    // Nothing is written into the user's project.
    expect(fs.existsSync(path.join(project, 'pkg', 'src', 'generated.h'))).toBe(false)
  })

  test('an environment that puts another python first on PATH is refused, as cibuildwheel refuses it', () => {
    const project = tempDir('dropin-path')
    fs.cpSync(fixture('dropin'), project, { recursive: true })
    const run = build(
      project,
      ['pkg', '--only', 'cp312-manylinux_x86_64', '--output-dir', tempDir('dropin-path-out')],
      // CIBW_ENVIRONMENT replaces the project's environment, which its before-all checks.
      { CIBW_ENVIRONMENT: 'PATH=/opt/python/cp39-cp39/bin:$PATH', CIBW_BEFORE_ALL: 'true' }
    )
    expect(run.status).toBe(1)
    expect(run.stdout + run.stderr).toContain(
      "python on PATH is /opt/python/cp39-cp39/bin/python, not this build's /opt/python/cp312-cp312/bin/python"
    )
  })

  test('abi3 in two lanes: one wheel, built once and tested on both identifiers', () => {
    const out = tempDir('abi3-lanes')
    const run = build(fixture('abi3-ext'), [
      '.',
      '--build',
      'cp311-manylinux_x86_64 cp312-manylinux_x86_64',
      '--parallel',
      '2',
      '--output-dir',
      out,
      '--test-command',
      'python -c "import sys; print(\'tested on\', sys.version_info[:2])"'
    ])
    const log = run.stdout + run.stderr
    expect({ status: run.status, tail: log.slice(-2000) }).toEqual({
      status: 0,
      tail: expect.any(String)
    })
    expect(wheelsIn(out)).toEqual([
      expect.stringMatching(/^limited_ext-1\.0\.0-cp39-abi3-.*manylinux.*\.whl$/)
    ])
    expect(log).toContain('tested on (3, 11)')
    expect(log).toContain('tested on (3, 12)')
  })

  test('allow-empty with nothing selected succeeds before any engine is asked', () => {
    const out = path.join(tempDir('empty'), 'wheelhouse')
    const run = runCliProcess(
      [
        'build',
        fixture('c-ext'),
        '--container',
        'on',
        '--container-engine',
        'docker',
        '--skip',
        '*',
        '--allow-empty',
        '--output-dir',
        out
      ],
      { PATH: '/usr/bin:/bin', DOCKER_HOST: 'unix:///nonexistent/docker.sock' }
    )
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
    expect(fs.readdirSync(out)).toEqual([])
  })

  test('a wheel restored from the cache still goes through the audit command', () => {
    const project = writeTree(tempDir('audit-cache'), {})
    fs.cpSync(fixture('c-ext'), project, { recursive: true })
    const cacheDir = tempDir('audit-cache-dir')
    const args = [
      'build',
      project,
      '--container',
      'off',
      '--only',
      `cp312-manylinux_x86_64`,
      '--output-dir',
      tempDir('audit-out'),
      '--cache-dir',
      cacheDir
    ]
    const first = runCliProcess(args, { CIBW_AUDIT_COMMAND: 'test -f {wheel}' })
    expect({ status: first.status, tail: (first.stdout + first.stderr).slice(-1500) }).toEqual({
      status: 0,
      tail: expect.any(String)
    })
    const second = runCliProcess(args, { CIBW_AUDIT_COMMAND: 'echo audit-ran-on {wheel}; false' })
    const log = second.stdout + second.stderr
    expect(log).toContain('from the wheel cache')
    expect(log).toContain('audit-ran-on')
    expect(second.status).toBe(9)
  })
})
