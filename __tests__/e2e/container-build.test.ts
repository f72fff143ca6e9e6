/**
 * Container builds for real: podman and the Debian-made manylinux-style image
 * (glibc 2.31) from scripts/test-env.sh. Wheels are installed in a bare image
 * that has no compiler; a cancelled build leaves no container behind.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  check,
  CLI,
  cleanEnv,
  containersOf,
  ROOT,
  runCliProcess,
  tempDir,
  testSetting,
  venvTool,
  wheelsIn
} from '../helpers/tools.js'

const image = testSetting('WHEELWRIGHT_TEST_IMAGE')
const bareImage = testSetting('WHEELWRIGHT_TEST_BARE_IMAGE')
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name)
const containerFlags = [
  '--container',
  'on',
  '--container-engine',
  'podman',
  '--manylinux-image',
  image
]

/** Installs the wheels in a fresh container of the bare image and runs `code`. */
function importInBareImage(wheelDir: string, code: string): string {
  return check([
    'podman',
    'run',
    '--rm',
    '--network',
    'none',
    '-v',
    `${wheelDir}:/wheels:ro`,
    bareImage,
    'sh',
    '-c',
    'python3 -m venv /venv && /venv/bin/pip install --no-index --disable-pip-version-check -q /wheels/*.whl && cd / && /venv/bin/python -c "$1"',
    'install',
    code
  ])
}

describe('container builds with podman', () => {
  test('the C fixture gives a cp39 manylinux wheel that imports where no compiler exists', () => {
    const out = tempDir('c-out')
    const cacheDir = tempDir('c-cache')
    // The image's own pip (a current one) runs in before-all with its cache in
    // the dir mounted from the host.
    const run = runCliProcess(
      [
        'build',
        fixture('c-ext'),
        ...containerFlags,
        '--only',
        'cp39-manylinux_x86_64',
        '--output-dir',
        out,
        '--cache-dir',
        cacheDir
      ],
      {
        // pip's own answer for its cache dir, written there: the host sees it.
        CIBW_BEFORE_ALL:
          '/opt/python/cp39-cp39/bin/python -m pip download -q --no-deps -d /tmp/dl six && ' +
          'mkdir -p "$PIP_CACHE_DIR" && /opt/python/cp39-cp39/bin/python -m pip cache dir > "$PIP_CACHE_DIR/where"'
      }
    )
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(
      fs.readFileSync(path.join(cacheDir, 'container-cache', 'pip', 'where'), 'utf8').trim()
    ).toBe('/wheelwright-cache/pip')
    const wheels = wheelsIn(out)
    expect(wheels).toHaveLength(1)
    expect(wheels[0]).toMatch(/^spam_ext-1\.0\.0-cp39-cp39-.*manylinux_2_\d+_x86_64.*\.whl$/)
    expect(
      check([
        'podman',
        'run',
        '--rm',
        bareImage,
        'sh',
        '-c',
        'command -v gcc cc || echo no-compiler'
      ]).trim()
    ).toBe('no-compiler')
    expect(
      importInBareImage(out, 'import spam; print(spam.add(2, 40), spam.describe(1))').trim()
    ).toBe('42 spam(1)')
    // Wheels come out through tar as this user; nothing is left root-owned by the engine.
    expect(fs.statSync(path.join(out, wheels[0])).uid).toBe(process.getuid?.())
    expect(containersOf(run.stdout)).toEqual([])
  })

  test('the second build takes the test env from the mounted uv cache: nothing new is downloaded', () => {
    const cacheDir = tempDir('uv-cache')
    // Unpacked downloads in uv's cache; the project's own wheel (new each build) left out.
    const archives = () => {
      const dir = path.join(cacheDir, 'container-cache', 'uv', 'archive-v0')
      if (!fs.existsSync(dir)) return []
      return fs
        .readdirSync(dir)
        .filter(entry => !fs.readdirSync(path.join(dir, entry)).some(f => f.startsWith('spam')))
        .sort()
    }
    const build = () =>
      runCliProcess([
        'build',
        fixture('c-ext'),
        ...containerFlags,
        '--only',
        'cp39-manylinux_x86_64',
        '--cache',
        'false',
        '--cache-dir',
        cacheDir,
        '--output-dir',
        tempDir('uv-out'),
        '--test-requires',
        'six',
        '--test-command',
        'python -c "import six, spam"'
      ])
    const first = build()
    expect(first.stderr.slice(-2000)).not.toContain('error:')
    expect(first.status).toBe(0)
    const filled = archives()
    // pip (seeded into the test venv) and six, unpacked by uv in the mounted cache.
    expect(filled.length).toBeGreaterThanOrEqual(2)
    const second = build()
    expect(second.status).toBe(0)
    expect(archives()).toEqual(filled)
  })

  test('an sdist as package-dir, configured by CIBW_* variables as for cibuildwheel', () => {
    const sdistDir = tempDir('sdist')
    check([venvTool('python'), '-m', 'build', '--sdist', '--outdir', sdistDir, fixture('c-ext')])
    const [sdist] = fs.readdirSync(sdistDir)
    const out = tempDir('sdist-out')
    const run = runCliProcess(['build', path.join(sdistDir, sdist), '--output-dir', out], {
      CIBW_BUILD: 'cp39-manylinux_x86_64',
      CIBW_MANYLINUX_X86_64_IMAGE: image,
      CIBW_CONTAINER_ENGINE: 'podman',
      CIBW_BEFORE_ALL: 'echo ran > /before-all-marker',
      CIBW_TEST_COMMAND:
        'test -f /before-all-marker && python -c "import spam; assert spam.add(1, 1) == 2"'
    })
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('before-all')
    expect(wheelsIn(out)).toHaveLength(1)
    expect(run.stdout).toMatch(/cp39-manylinux_x86_64\s+spam_ext-1\.0\.0-cp39.*yes/)
  })

  test('SIGTERM during a container build removes the container', async () => {
    const out = tempDir('cancel-out')
    const child = spawn(
      process.execPath,
      [
        CLI,
        'build',
        fixture('c-ext'),
        ...containerFlags,
        '--only',
        'cp39-manylinux_x86_64',
        '--output-dir',
        out,
        // Built, never restored: the before-build must run.
        '--cache',
        'false'
      ],
      {
        env: cleanEnv({ CIBW_BEFORE_BUILD: 'sleep 120' }),
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let log = ''
    child.stdout.on('data', d => (log += d))
    const started = Date.now()
    while (!log.includes('▸ before-build') && Date.now() - started < 120_000) {
      await new Promise(r => setTimeout(r, 250))
    }
    expect(log).toContain('▸ before-build')
    expect(containersOf(log)).toHaveLength(1)
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(containersOf(log)).toEqual([])
    expect(wheelsIn(out)).toEqual([])
  })
})

describe('real-world sdists from PyPI', () => {
  const projects = [
    {
      name: 'markupsafe',
      pin: 'markupsafe==3.0.2',
      smoke: 'import markupsafe, markupsafe._speedups; print(markupsafe.escape("<a>"))',
      expected: '&lt;a&gt;'
    },
    {
      name: 'msgpack',
      pin: 'msgpack==1.1.0',
      smoke:
        'import msgpack, msgpack._cmsgpack; print(msgpack.unpackb(msgpack.packb({"a": [1, 2]})))',
      expected: "{'a': [1, 2]}"
    }
  ]
  const download = (pin: string) => {
    const dir = tempDir('pypi')
    check([
      venvTool('python'),
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--no-binary',
      ':all:',
      '--disable-pip-version-check',
      '-q',
      '-d',
      dir,
      pin
    ])
    const [file] = fs.readdirSync(dir).filter(f => f.endsWith('.tar.gz'))
    return path.join(dir, file)
  }

  test.each(projects)(
    '$name: built in the container, imported in the bare image',
    ({ pin, smoke, expected }) => {
      const sdist = download(pin)
      const out = tempDir('rw-out')
      const run = runCliProcess([
        'build',
        sdist,
        ...containerFlags,
        '--only',
        'cp39-manylinux_x86_64',
        '--output-dir',
        out
      ])
      expect(run.stderr).not.toContain('error:')
      expect(run.status).toBe(0)
      expect(wheelsIn(out)).toHaveLength(1)
      expect(importInBareImage(out, smoke).trim()).toBe(expected)
    }
  )

  test.each(projects)(
    '$name: built on the host, imported in a fresh venv',
    ({ pin, smoke, expected }) => {
      const sdist = download(pin)
      const out = tempDir('rw-host')
      const run = runCliProcess([
        'build',
        sdist,
        '--container',
        'off',
        '--only',
        'cp311-manylinux_x86_64',
        '--output-dir',
        out
      ])
      expect(run.stderr).not.toContain('error:')
      expect(run.status).toBe(0)
      const wheels = wheelsIn(out)
      expect(wheels).toHaveLength(1)
      const venv = tempDir('rw-venv')
      check([venvTool('python'), '-m', 'venv', venv])
      check([
        path.join(venv, 'bin', 'pip'),
        'install',
        '--no-index',
        '-q',
        path.join(out, wheels[0])
      ])
      expect(
        check([path.join(venv, 'bin', 'python'), '-c', smoke], { cwd: tempDir('rw-cwd') }).trim()
      ).toBe(expected)
    }
  )
})
