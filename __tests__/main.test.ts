/**
 * runCli on bad input, table-driven: each case exits non-zero with `error: ...` naming
 * the input or config key, never a stack trace, and writes nothing.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { cli } from './helpers/cli.js'
import { tempDir, writeTree } from './helpers/tools.js'

const PYPROJECT = '[project]\nname = "demo"\nversion = "1.0"\n'

interface Case {
  name: string
  args: string[]
  files?: Record<string, string>
  env?: Record<string, string>
  /** Substrings the error line must contain. */
  expect: string[]
}

const CASES: Case[] = [
  {
    name: 'unknown log format',
    args: ['plan', '--log-format', 'xml'],
    expect: ['--log-format', '"xml"', 'use text or json']
  },
  {
    name: 'unknown platform',
    args: ['plan', '--platform', 'beos'],
    expect: ['platform', 'beos', 'linux, macos or windows']
  },
  {
    name: 'pyodide is not supported yet',
    args: ['plan', '--platform', 'pyodide'],
    expect: ['platform', 'not supported yet']
  },
  {
    name: 'ios via only',
    args: ['build', '--only', 'cp313-ios_arm64_iphoneos', '--dry-run'],
    expect: ['only', 'not supported yet']
  },
  {
    name: 'unknown arch',
    args: ['plan', '--archs', 'sparc'],
    expect: ['archs', 'sparc', 'auto, native']
  },
  {
    name: 'arch of another OS',
    args: ['build', '--platform', 'linux', '--archs', 'arm64', '--dry-run'],
    expect: ['archs', 'arm64', 'aarch64']
  },
  {
    name: 'build selector matches nothing',
    args: ['build', '--build', 'cp27-*', '--dry-run'],
    expect: ['build', 'cp27-*', 'Python < 3.9']
  },
  {
    name: 'build selector of a disabled group',
    args: ['build', '--build', 'pp311-*', '--dry-run'],
    expect: ['build', 'pp311-*', 'enable']
  },
  {
    name: 'malformed TOML gives the line',
    args: ['plan'],
    files: { 'pyproject.toml': '[project]\nname = "x"\nversion = \n' },
    expect: ['pyproject.toml', 'line 3']
  },
  {
    name: 'tool.cibuildwheel not a table',
    args: ['plan'],
    files: { 'pyproject.toml': '[tool]\ncibuildwheel = 3\n' },
    expect: ['tool.cibuildwheel', 'table']
  },
  {
    name: 'invalid version specifier',
    args: ['plan', '--python-versions', '>=three'],
    expect: ['python-versions', '>=three', 'PEP 440']
  },
  {
    name: 'invalid specifier in tool.wheelwright',
    args: ['plan'],
    files: { 'pyproject.toml': `${PYPROJECT}[tool.wheelwright]\npython-versions = "~~3"\n` },
    expect: ['tool.wheelwright.python-versions']
  },
  {
    name: 'invalid requires-python',
    args: ['plan'],
    files: {
      'pyproject.toml': '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.x"\n'
    },
    expect: ['project.requires-python', '>=3.x']
  },
  {
    name: 'only with platform',
    args: ['build', '--only', 'cp312-manylinux_x86_64', '--platform', 'linux', '--dry-run'],
    expect: ['only', 'platform']
  },
  {
    name: 'only with archs',
    args: ['build', '--only', 'cp312-manylinux_x86_64', '--archs', 'x86_64', '--dry-run'],
    expect: ['only', 'archs']
  },
  {
    name: 'only that is no identifier',
    args: ['build', '--only', 'banana', '--dry-run'],
    expect: ['only', 'banana']
  },
  {
    name: 'missing package dir',
    args: ['plan', 'does-not-exist'],
    expect: ['package-dir', 'does-not-exist', 'does not exist']
  },
  {
    name: 'package dir is a file but not an sdist',
    args: ['plan', 'README.txt'],
    files: { 'README.txt': 'hi' },
    expect: ['package-dir', 'README.txt', 'not an sdist']
  },
  {
    name: 'package dir without project files',
    args: ['plan', 'empty'],
    files: { 'empty/.keep': '' },
    expect: ['package-dir', 'no pyproject.toml']
  },
  {
    name: 'corrupt sdist',
    args: ['plan', 'demo-1.0.tar.gz'],
    files: { 'demo-1.0.tar.gz': 'not gzip' },
    expect: ['package-dir', 'could not be read in full as a .tar.gz']
  },
  {
    name: 'container off with an engine',
    args: ['build', '--container', 'off', '--container-engine', 'podman', '--dry-run'],
    expect: ['container-engine', 'container: off']
  },
  {
    name: 'container value',
    args: ['build', '--container', 'maybe', '--dry-run'],
    expect: ['container', 'maybe', 'auto, on, off']
  },
  { name: 'unknown command', args: ['deploy'], expect: ['command', 'deploy'] },
  {
    name: 'unknown flag with suggestion',
    args: ['plan', '--archz', 'all'],
    expect: ['--archz', 'did you mean --archs']
  },
  { name: 'flag without value', args: ['plan', '--archs'], expect: ['--archs', 'needs a value'] },
  {
    name: 'boolean flag with a bad value',
    args: ['build', '--dry-run=maybe'],
    expect: ['--dry-run', 'true or false']
  },
  {
    name: 'parallel zero',
    args: ['build', '--parallel', '0', '--dry-run'],
    expect: ['parallel', '"0"', 'positive']
  },
  {
    name: 'parallel in tool.wheelwright',
    args: ['build', '--dry-run'],
    files: { 'pyproject.toml': `${PYPROJECT}[tool.wheelwright]\nparallel = "many"\n` },
    expect: ['tool.wheelwright.parallel', 'many']
  },
  {
    name: 'unknown enable group',
    args: ['plan', '--enable', 'pypi'],
    expect: ['enable', 'pypi', 'did you mean pypy']
  },
  {
    name: 'unknown build frontend',
    args: ['build', '--build-frontend', 'poetry', '--dry-run', '--container', 'off'],
    expect: ['build-frontend', 'poetry']
  },
  {
    name: 'unknown container engine',
    args: ['build', '--container-engine', 'lxc', '--dry-run'],
    expect: ['container-engine', 'lxc', 'docker or podman']
  },
  {
    name: 'removed image policy',
    args: ['build', '--manylinux-image', 'manylinux2010', '--container', 'on', '--dry-run'],
    expect: ['manylinux-x86_64-image', 'manylinux2010']
  },
  {
    name: 'override without select',
    args: ['plan'],
    files: {
      'pyproject.toml': `${PYPROJECT}[[tool.cibuildwheel.overrides]]\ntest-command = "x"\n`
    },
    expect: ['overrides[0].select']
  },
  {
    name: 'override of a global option',
    args: ['plan'],
    files: {
      'pyproject.toml': `${PYPROJECT}[[tool.cibuildwheel.overrides]]\nselect = "cp39-*"\narchs = "all"\n`
    },
    expect: ['overrides[0].archs', 'cannot be overridden']
  },
  {
    name: 'bad inherit rule',
    args: ['plan'],
    files: {
      'pyproject.toml': `${PYPROJECT}[[tool.cibuildwheel.overrides]]\nselect = "cp39-*"\ninherit.test-command = "merge"\ntest-command = "x"\n`
    },
    expect: ['inherit.test-command', 'merge']
  },
  {
    name: 'list where a table is needed',
    args: ['build', '--dry-run', '--container', 'off'],
    files: { 'pyproject.toml': `${PYPROJECT}[tool.cibuildwheel]\nenvironment = [1, 2]\n` },
    expect: ['tool.cibuildwheel.environment']
  },
  {
    name: 'deployment target syntax',
    args: ['build', '--platform', 'macos', '--macos-deployment-target', 'eleven', '--dry-run'],
    expect: ['macos-deployment-target', 'eleven']
  },
  {
    name: 'unclosed quote in test-requires',
    args: ['build', '--dry-run', '--container', 'off'],
    env: { CIBW_TEST_REQUIRES: 'pytest "numpy' },
    expect: ['CIBW_TEST_REQUIRES', 'unclosed quote']
  },
  {
    name: 'nothing selected',
    args: ['build', '--dry-run'],
    files: {
      'pyproject.toml': '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.99"\n'
    },
    expect: ['build', 'no identifier selected']
  },
  {
    name: 'unknown group from plan',
    args: ['build', '--group', 'nope', '--dry-run'],
    expect: ['group', 'nope', 'manylinux_x86_64']
  },
  {
    name: 'publish mode',
    args: ['build', '--publish', 'sometimes', '--dry-run'],
    expect: ['publish', 'sometimes', 'false, true, tag']
  },
  {
    name: 'macOS wheels on a Linux machine (no dry run)',
    args: ['build', '--platform', 'macos'],
    expect: ['platform', 'macos wheels cannot be built on linux', '--dry-run']
  },
  {
    name: 'output-dir is a file',
    args: ['build', '--output-dir', 'out', '--container', 'off'],
    files: { 'pyproject.toml': PYPROJECT, out: 'a file' },
    expect: ['output-dir', 'is a file, not a directory']
  },
  {
    name: 'cache-dir inside a file',
    args: ['build', '--cache-dir', 'cachefile/sub', '--container', 'off'],
    files: { 'pyproject.toml': PYPROJECT, cachefile: 'a file' },
    expect: ['cache-dir', 'cannot be created', 'is a file']
  },
  {
    name: 'environment that runs a command list',
    args: ['build', '--dry-run'],
    env: { CIBW_ENVIRONMENT: 'A=1; rm -rf x' },
    expect: ['environment', 'malformed environment option', '";" is not allowed here']
  },
  {
    name: 'test-environment with a bare word',
    args: ['build', '--dry-run'],
    env: { CIBW_TEST_ENVIRONMENT: 'A=1 oops' },
    expect: ['CIBW_TEST_ENVIRONMENT', '"oops" is not an assignment']
  },
  {
    name: 'test-groups names no group',
    args: ['build', '--dry-run'],
    files: { 'pyproject.toml': `${PYPROJECT}[tool.cibuildwheel]\ntest-groups = ["nope"]\n` },
    expect: ['test-groups', 'nope', 'no dependency group']
  },
  {
    name: 'dependency-versions names a missing file',
    args: ['build', '--dry-run'],
    env: { CIBW_DEPENDENCY_VERSIONS: 'pins.txt' },
    expect: ['CIBW_DEPENDENCY_VERSIONS', 'pins.txt', 'does not exist']
  },
  {
    name: 'audit-command without a placeholder',
    args: ['build', '--dry-run'],
    env: { CIBW_AUDIT_COMMAND: 'abi3audit' },
    expect: ['CIBW_AUDIT_COMMAND', '{abi3_wheel}']
  },
  ...(
    [
      ['environment', 'environment = {A = {b = 1}}', 'a nested table'],
      ['config-settings', 'config-settings = {a = {b = 1}}', 'a nested table'],
      ['test-requires', 'test-requires = [{a = 1}]', 'a nested table'],
      ['test-sources', 'test-sources = [["a"]]', 'a nested list']
    ] as const
  ).map(([key, toml, what]) => ({
    name: `nested TOML in ${key}`,
    args: ['build', '--dry-run'],
    files: { 'pyproject.toml': `${PYPROJECT}[tool.cibuildwheel]\n${toml}\n` },
    expect: [`tool.cibuildwheel.${key}`, `cannot take ${what}`]
  })),
  {
    name: 'a password on the command line',
    args: ['publish', '--password', 'pypi-secret'],
    expect: ['--password', 'TWINE_PASSWORD']
  },
  {
    name: 'an input of the action only, refused before any build',
    args: ['build', '--artifact-retention-days', '100', '--container', 'off'],
    expect: ['--artifact-retention-days', 'GitHub Action', 'wheelwright build', 'artifacts']
  },
  {
    name: 'the command as a flag',
    args: ['build', '--command', 'plan', '--dry-run'],
    expect: ['--command', 'wheelwright build', '"plan"', 'first word']
  },
  {
    name: 'a flag of another command',
    args: ['plan', '--dry-run'],
    expect: ['--dry-run', 'means nothing to wheelwright plan', 'wheelwright build']
  },
  {
    name: "another action's name and ours, with different values",
    args: ['build', '--user', 'alice', '--username', 'bob', '--dry-run'],
    expect: ['--user', '--username', '"alice" and "bob"']
  },
  {
    name: 'a boolean flag with a bad value',
    args: ['build', '--fail-fast', 'maybe', '--dry-run'],
    expect: ['--fail-fast', 'maybe', 'takes true or false']
  }
]

describe('bad input gives one clear error line', () => {
  test.each(CASES.map(c => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = writeTree(tempDir('err'), c.files ?? { 'pyproject.toml': PYPROJECT })
    const before = fs.readdirSync(dir).sort()
    // The project dir goes right after the command unless the case names its own.
    const names = ['does-not-exist', 'README.txt', 'empty', 'demo-1.0.tar.gz']
    const argv = c.args.some(a => names.includes(a)) ? c.args : [c.args[0], dir, ...c.args.slice(1)]
    const result = await cli(
      argv,
      {
        ...c.env,
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: 'X64'
      },
      dir
    )
    expect(result.code).not.toBe(0)
    const line = result.stderr
      .trim()
      .split('\n')
      .find(l => l.startsWith('error: '))
    expect(line).toBeDefined()
    for (const part of c.expect) expect(line).toContain(part)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(fs.readdirSync(dir).sort()).toEqual(before)
    expect(fs.existsSync(path.join(dir, 'wheelhouse'))).toBe(false)
  })
})

describe('--log-format json', () => {
  test('every line on stderr is an event; a failure ends with an error event', async () => {
    const dir = writeTree(tempDir('json'), { 'pyproject.toml': PYPROJECT })
    const result = await cli(
      [
        'build',
        dir,
        '--platform',
        'linux',
        '--archs',
        'arm64',
        '--dry-run',
        '--log-format',
        'json'
      ],
      { RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' },
      dir
    )
    // An arch of another OS: cibuildwheel's status 4.
    expect(result.code).toBe(4)
    const events = result.stderr
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line))
    expect(events.at(-2)).toEqual({
      event: 'usage',
      cpuMs: expect.any(Number),
      t: expect.any(Number)
    })
    expect(events.at(-2).cpuMs).toBeGreaterThan(0)
    expect(events.at(-1)).toEqual({
      event: 'error',
      text: expect.stringContaining('archs'),
      exitCode: 4,
      t: expect.any(Number)
    })
    expect(result.stdout).toBe('')
  })

  test('a result stays on stdout, as it is', async () => {
    const dir = writeTree(tempDir('json'), { 'pyproject.toml': PYPROJECT })
    const argv = ['plan', dir, '--platform', 'linux', '--build', 'cp312-manylinux_x86_64']
    const env = { RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' }
    const text = await cli([...argv, '--print-identifiers'], env, dir)
    const json = await cli([...argv, '--print-identifiers', '--log-format', 'json'], env, dir)
    expect(json.stdout).toBe(text.stdout)
    expect(json.stdout).toBe('cp312-manylinux_x86_64\n')
    for (const line of json.stderr.trimEnd().split('\n').filter(Boolean))
      expect(JSON.parse(line)).toMatchObject({ event: expect.any(String) })
  })
})

describe('warnings', () => {
  test('an unknown config key is refused, as cibuildwheel refuses it, with the closest key', async () => {
    const dir = writeTree(tempDir('warn'), {
      'pyproject.toml': `${PYPROJECT}[tool.cibuildwheel]\ntest-comand = "x"\n`
    })
    const result = await cli(['plan', dir, '--print-identifiers'], {
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64'
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'error: tool.cibuildwheel.test-comand: is not an option. Hint: did you mean test-command?'
    )
  })

  test('an unknown placeholder in a command is named', async () => {
    const dir = writeTree(tempDir('warn'), { 'pyproject.toml': PYPROJECT })
    const result = await cli(['plan', dir, '--print-identifiers'], {
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      CIBW_REPAIR_WHEEL_COMMAND: 'auditwheel repair -w {dest} {wheel}'
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'warning: repair-wheel-command: {dest} is no placeholder and reaches the shell as written'
    )
  })

  test('an unused skip pattern warns in build', async () => {
    const dir = writeTree(tempDir('warn'), { 'pyproject.toml': PYPROJECT })
    const result = await cli(
      ['build', dir, '--skip', 'cp27-*', '--dry-run', '--container', 'off'],
      { RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' }
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('skip: selector "cp27-*" matches no identifier')
  })
})

describe('hostile sdists', () => {
  /** A .tar.gz of `dir`'s entries, made by tar (links stored as links). */
  function tarball(dir: string, name: string): string {
    const file = path.join(tempDir('hostile-out'), name)
    const made = spawnSync('tar', ['-czf', file, '-C', dir, ...fs.readdirSync(dir)])
    if (made.status !== 0) throw new Error(String(made.stderr))
    return file
  }
  /**
   * Whether `dir` holds an entry named with `marker`, or a link to one. Other
   * runs on this machine unpack sdists into the same temp dir: only a copy of
   * this test's sdist holds its marker.
   */
  function holds(dir: string, marker: string): boolean {
    try {
      return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).some(entry => {
        if (entry.name.includes(marker)) return true
        const file = path.join(entry.parentPath, entry.name)
        return entry.isSymbolicLink() && fs.readlinkSync(file).includes(marker)
      })
    } catch {
      return false // removed meanwhile: another run's
    }
  }
  const sdists = () => fs.readdirSync(os.tmpdir()).filter(n => n.startsWith('wheelwright-sdist-'))
  /** Runs `command` on the sdist made of `root`, checking that no unpacked copy of it is left. */
  async function onSdist(root: string, marker: string, command: string[]) {
    expect(holds(root, marker)).toBe(true)
    const before = new Set(sdists())
    const [verb, ...flags] = command
    const result = await cli([verb, tarball(root, 'demo-1.0.tar.gz'), ...flags], {
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64'
    })
    const copies = sdists().filter(n => !before.has(n) && holds(path.join(os.tmpdir(), n), marker))
    expect(copies).toEqual([])
    return result
  }
  const newMarker = () => `marker-${crypto.randomBytes(6).toString('hex')}`

  test.each([
    [
      'a top-level link to a host directory',
      (root: string, marker: string) =>
        fs.symlinkSync(tempDir(marker), path.join(root, 'demo-1.0')),
      'demo-1.0: a link at the top of the sdist'
    ],
    [
      'a link inside that points out of the sdist',
      (root: string, marker: string) => {
        writeTree(root, { 'demo-1.0/pyproject.toml': PYPROJECT, [`demo-1.0/${marker}`]: '' })
        fs.symlinkSync('/etc', path.join(root, 'demo-1.0', 'etc'))
      },
      'demo-1.0/etc: a link to /etc, outside the sdist'
    ]
  ])('%s is refused before anything is unpacked', async (_name, make, reason) => {
    const root = tempDir('hostile')
    const marker = newMarker()
    make(root, marker)
    const result = await onSdist(root, marker, ['build', '--dry-run'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`error: package-dir: is refused: ${reason}`)
  })

  test('an sdist with a configuration error leaves no unpacked copy behind', async () => {
    const marker = newMarker()
    const root = writeTree(tempDir('bad-sdist'), {
      'demo-1.0/pyproject.toml': `${PYPROJECT}[tool.cibuildwheel]\nbuild-frontend = "nope"\n`,
      [`demo-1.0/${marker}`]: ''
    })
    const result = await onSdist(root, marker, ['build', '--dry-run'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('build-frontend')
  })

  test('a good sdist is unpacked for the run and removed after it', async () => {
    const marker = newMarker()
    const root = writeTree(tempDir('good-sdist'), {
      'demo-1.0/pyproject.toml': PYPROJECT,
      [`demo-1.0/${marker}`]: ''
    })
    const result = await onSdist(root, marker, ['plan', '--print-identifiers'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('cp312-manylinux_x86_64')
  })
})

describe('secrets in the CLI', () => {
  test('a password in repository-url is never printed', async () => {
    const dir = writeTree(tempDir('url-secret'), {
      'dist/demo-1.0.tar.gz': 'not an sdist'
    })
    const result = await cli(
      [
        'publish',
        path.join(dir, 'dist'),
        '--repository-url',
        'http://alice:s3cr3t-value@127.0.0.1:9/legacy/',
        '--verify-tag',
        'false'
      ],
      { WHEELWRIGHT_PUBLISH_PYTHON: 'false' },
      dir
    )
    expect(result.code).not.toBe(0)
    expect(`${result.stdout}${result.stderr}`).not.toContain('s3cr3t-value')
    expect(`${result.stdout}${result.stderr}`).not.toContain('alice:')
  })

  test('--password is refused without echoing the value', async () => {
    const result = await cli(['publish', '--password', 'pypi-very-secret'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--password')
    expect(result.stderr).not.toContain('pypi-very-secret')
  })
})

describe('help and version', () => {
  test.each([
    [['--help'], 0, 'usage: wheelwright <command>'],
    [[], 2, 'usage: wheelwright <command>'],
    [['build', '--help'], 0, 'usage: wheelwright build [PACKAGE_DIR] [flags]'],
    [['publish', '-h', '--password', 'x'], 0, 'usage: wheelwright publish [DIST_DIR] [flags]']
  ])('%j exits %d with the help', async (argv, code, first) => {
    const result = await cli(argv)
    expect(result.code).toBe(code)
    expect(result.stdout.split('\n')[0].startsWith(first)).toBe(true)
  })

  test('help of an unknown command is an error', async () => {
    const result = await cli(['deploy', '--help'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('error: command: unknown command (got "deploy")')
  })

  test('--version prints the version alone', async () => {
    const result = await cli(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/)
  })
})
