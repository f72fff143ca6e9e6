/** The kept build venv: what its key covers, and the check and mark steps run by a real Python. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { POSIX, WINDOWS } from '../../src/steps/dialect.js'
import {
  checkKeptVenvArgv,
  keptVenv,
  LINK_KEPT_VENV_PY,
  markKeptVenvArgv,
  type KeptVenvInput
} from '../../src/steps/kept-venv.js'
import { tempDir } from '../helpers/tools.js'

const BASE: KeptVenvInput = {
  root: '/cache/venvs',
  dialect: POSIX,
  python: '/py/3.12/bin/python',
  virtualenv: '/cache/tools/bin/virtualenv',
  requirements: ['build'],
  constraintsFile: '/tmp/wheelwright-1/constraints/constraints-0123456789ab.txt'
}

describe('the key of a kept venv', () => {
  test('a dir and marker under the root, on either dialect', () => {
    expect(keptVenv(BASE).dir).toMatch(/^\/cache\/venvs\/[0-9a-f]{16}$/)
    expect(keptVenv(BASE).marker).toBe(`${keptVenv(BASE).dir}/.wheelwright-ready`)
    const windows = keptVenv({ ...BASE, dialect: WINDOWS, root: 'C:\\cache\\venvs' })
    expect(windows.marker).toMatch(/^C:\\cache\\venvs\\[0-9a-f]{16}\\\.wheelwright-ready$/)
  })

  test.each<[string, Partial<KeptVenvInput>, boolean]>([
    // The constraints file lives in the run's temp dir; only its content (its name) counts.
    [
      'the same pins written to another run dir',
      { constraintsFile: '/tmp/wheelwright-xyz/constraints/constraints-0123456789ab.txt' },
      true
    ],
    [
      'other pins',
      { constraintsFile: '/tmp/wheelwright-1/constraints/constraints-ba9876543210.txt' },
      false
    ],
    ['no pins (latest)', { constraintsFile: undefined }, false],
    ['another interpreter', { python: '/py/3.13/bin/python' }, false],
    ['another frontend', { requirements: ['build[uv]'] }, false],
    ['python -m venv instead of virtualenv', { virtualenv: undefined }, false]
  ])('%s: the same venv is %s', (_name, change, same) => {
    expect(keptVenv({ ...BASE, ...change }).dir === keptVenv(BASE).dir).toBe(same)
  })
})

/** A venv without pip made by python3 in `dir`; returns its python. */
function emptyVenv(dir: string): string {
  expect(spawnSync('python3', ['-m', 'venv', '--without-pip', dir]).status).toBe(0)
  return path.join(dir, 'bin', 'python')
}

describe('the check and the mark, run by a real venv of python3', () => {
  const run = (argv: string[]) => spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' })
  // Marked in an empty venv: the mark compiles only that venv's own packages.
  const markedVenv = () => {
    const venv = keptVenv({ ...BASE, root: tempDir('kept') })
    const python = emptyVenv(venv.dir)
    expect(run(markKeptVenvArgv(python, venv)).status).toBe(0)
    return { venv, python }
  }

  test('the mark records the interpreter that made the venv', () => {
    const { venv, python } = markedVenv()
    const version = run([python, '-c', 'import sys; sys.stdout.write(sys.version)']).stdout
    expect(version).toMatch(/^3\.\d+/)
    expect(fs.readFileSync(venv.marker, 'utf8')).toBe(version)
  })

  test("the mark compiles the frontend's packages first, even with PYTHONDONTWRITEBYTECODE", () => {
    const dir = path.join(tempDir('kept'), 'venv')
    const python = emptyVenv(dir)
    const site = spawnSync(
      python,
      ['-c', "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
      {
        encoding: 'utf8'
      }
    ).stdout.trim()
    for (const name of ['frontend_probe', 'setuptools']) {
      fs.mkdirSync(path.join(site, name))
      fs.writeFileSync(path.join(site, name, '__init__.py'), 'X = 1\n')
    }
    const venv = keptVenv({ ...BASE, root: path.dirname(dir) })
    const argv = markKeptVenvArgv(python, { ...venv, marker: path.join(dir, '.ready') })
    const result = spawnSync(argv[0], argv.slice(1), {
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      encoding: 'utf8'
    })
    expect(result.stderr).toBe('')
    expect(fs.readdirSync(path.join(site, 'frontend_probe', '__pycache__'))).toEqual([
      expect.stringMatching(/^__init__\.cpython-\d+\.pyc$/)
    ])
    // What no frontend imports (virtualenv's setuptools on older Pythons) is left alone.
    expect(fs.existsSync(path.join(site, 'setuptools', '__pycache__'))).toBe(false)
    expect(fs.existsSync(path.join(dir, '.ready'))).toBe(true)
  })

  test.each<[string, string[], string | undefined, number, RegExp]>([
    ['its interpreter, with the frontend', ['json'], undefined, 0, /^$/],
    [
      'its interpreter, without the frontend',
      ['build', 'no_such_module'],
      undefined,
      1,
      /^missing: .*no_such_module\n$/
    ],
    [
      'another interpreter (upgraded in place)',
      ['json'],
      '3.11.2 (main)',
      1,
      /^made by Python 3\.11\.2 \(main\), now 3\./
    ],
    ['an empty marker (an older wheelwright)', [], '', 1, /^made by Python \(unknown\), now 3\./]
  ])('%s', (_name, modules, marker, status, stderr) => {
    const { venv, python } = markedVenv()
    if (marker !== undefined) fs.writeFileSync(venv.marker, marker)
    const result = run(checkKeptVenvArgv(python, venv, modules))
    expect(result.status).toBe(status)
    expect(result.stderr).toMatch(stderr)
  })
})

describe('a fresh venv that finds the kept frontend (before-build)', () => {
  /** A module in a venv's site-packages that says where it was found. */
  const plant = (python: string, name: string, text: string) => {
    const site = spawnSync(
      python,
      ['-c', "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
      { encoding: 'utf8' }
    ).stdout.trim()
    fs.writeFileSync(path.join(site, `${name}.py`), `WHERE = ${JSON.stringify(text)}\n`)
  }

  test('after the link, the kept modules import; what before-build installs wins', () => {
    const root = tempDir('layered')
    const kept = path.join(root, 'kept')
    const keptPython = emptyVenv(kept)
    const fresh = path.join(root, 'fresh')
    const freshPython = emptyVenv(fresh)
    plant(keptPython, 'frontend_probe', 'kept')
    plant(keptPython, 'shared_probe', 'kept')
    plant(freshPython, 'shared_probe', 'fresh')
    const link = spawnSync(freshPython, ['-c', LINK_KEPT_VENV_PY, kept], { encoding: 'utf8' })
    expect(link.stderr).toBe('')
    expect(link.status).toBe(0)
    const probe = spawnSync(
      freshPython,
      [
        '-c',
        'import frontend_probe, shared_probe; print(frontend_probe.WHERE, shared_probe.WHERE)'
      ],
      { encoding: 'utf8' }
    )
    expect(probe.stdout).toBe('kept fresh\n')
    // The kept venv itself is left as it was.
    const back = spawnSync(keptPython, ['-c', 'import shared_probe; print(shared_probe.WHERE)'], {
      encoding: 'utf8'
    })
    expect(back.stdout).toBe('kept\n')
  })
})
