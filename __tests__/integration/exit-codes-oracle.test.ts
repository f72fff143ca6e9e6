/**
 * Exit statuses against cibuildwheel: the pinned cibuildwheel of the test
 * venv and wheelwright's bundled CLI run on the same project with the same
 * CIBW_* variables (podman and the test image for both), and must exit with
 * the same status: nothing to do, a deprecated selector or arch, a
 * configuration error, a failed build and a failed test.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { CLI, ROOT, tempDir, testSetting, venvTool } from '../helpers/tools.js'

const FIXTURES = path.join(ROOT, 'test', 'fixtures')

interface Case {
  readonly name: string
  readonly fixture: string
  readonly env: Record<string, string>
  /** Appended to the fixture's pyproject.toml. */
  readonly config?: string
  readonly status: number
  /** What wheelwright's message must say. */
  readonly message: RegExp
}

const CONFIG_CASES: readonly Case[] = [
  {
    name: 'nothing to do',
    fixture: 'c-ext',
    env: { CIBW_BUILD: 'cp39-*', CIBW_SKIP: '*' },
    status: 3,
    message: /no identifier selected/
  },
  {
    name: 'a selector of a Python no longer supported',
    fixture: 'c-ext',
    env: { CIBW_BUILD: 'cp27-*' },
    status: 4,
    message: /build: selector matches no identifier.*Python < 3\.9/
  },
  {
    name: 'an arch of another OS',
    fixture: 'c-ext',
    env: { CIBW_ARCHS: 'arm64' },
    status: 4,
    message: /CIBW_ARCHS: linux cannot build arm64.*arm64 is called aarch64 on linux/
  },
  {
    name: 'an unknown build frontend',
    fixture: 'c-ext',
    env: { CIBW_BUILD_FRONTEND: 'nope' },
    status: 2,
    message: /CIBW_BUILD_FRONTEND: unknown build frontend/
  },
  {
    name: 'a malformed environment',
    fixture: 'c-ext',
    env: { CIBW_ENVIRONMENT: 'A=1;B' },
    status: 2,
    message: /CIBW_ENVIRONMENT: malformed environment option/
  },
  {
    name: 'an unknown key in [tool.cibuildwheel]',
    fixture: 'c-ext',
    env: {},
    config: 'test-comand = "pytest"',
    status: 2,
    message: /tool\.cibuildwheel\.test-comand: is not an option.*did you mean test-command/
  },
  {
    name: 'an unknown key in a platform table',
    fixture: 'c-ext',
    env: {},
    config: '[tool.cibuildwheel.linux]\nbefore-bulid = "true"',
    status: 2,
    message: /tool\.cibuildwheel\.linux\.before-bulid: is not an option.*did you mean before-build/
  },
  {
    name: 'an unknown container engine',
    fixture: 'c-ext',
    env: { CIBW_BUILD: 'cp39-manylinux_x86_64', CIBW_CONTAINER_ENGINE: 'nosuch' },
    status: 2,
    message: /CIBW_CONTAINER_ENGINE: unknown container engine/
  }
]

const BUILD_CASES: readonly Case[] = [
  {
    name: 'a build that fails to compile',
    fixture: 'failing',
    env: {},
    status: 1,
    message: /1 build failed: cp39-manylinux_x86_64/
  },
  {
    name: 'a test that fails',
    fixture: 'c-ext',
    env: { CIBW_TEST_COMMAND: 'python -c "raise SystemExit(3)"' },
    status: 1,
    message: /cp39-manylinux_x86_64: test failed: exit code 3/
  }
]

/** Runs a tool in a copy of the fixture (both write there), with only these variables. */
function run(
  tool: 'cibuildwheel' | 'wheelwright',
  fixture: string,
  env: Record<string, string>,
  config?: string
) {
  const project = tempDir(`oracle-${fixture}`)
  fs.cpSync(path.join(FIXTURES, fixture), project, { recursive: true })
  if (config) fs.appendFileSync(path.join(project, 'pyproject.toml'), `\n${config}\n`)
  const out = tempDir('oracle-out')
  const argv =
    tool === 'cibuildwheel'
      ? [venvTool('cibuildwheel'), '--platform', 'linux', '--output-dir', out]
      : [process.execPath, CLI, 'build', '.', '--output-dir', out]
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: project,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CIBW_CONTAINER_ENGINE: 'podman',
      CIBW_MANYLINUX_X86_64_IMAGE: testSetting('WHEELWRIGHT_TEST_IMAGE'),
      CIBW_BUILD: 'cp39-manylinux_x86_64',
      ...env
    },
    timeout: 600_000
  })
  fs.rmSync(project, { recursive: true, force: true })
  fs.rmSync(out, { recursive: true, force: true })
  return { status: result.status, stderr: `${result.stderr}` }
}

describe('exit statuses, against cibuildwheel', () => {
  test.each(CONFIG_CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const theirs = run('cibuildwheel', c.fixture, c.env, c.config)
    const ours = run('wheelwright', c.fixture, c.env, c.config)
    expect(theirs.status).toBe(c.status)
    expect(ours.status).toBe(c.status)
    expect(ours.stderr).toMatch(c.message)
    expect(ours.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
  })

  test.each(BUILD_CASES.map(c => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const theirs = run('cibuildwheel', c.fixture, c.env)
      const ours = run('wheelwright', c.fixture, c.env)
      expect(theirs.status).toBe(c.status)
      expect(ours.status).toBe(c.status)
      expect(ours.stderr).toMatch(c.message)
    },
    600_000
  )
})
