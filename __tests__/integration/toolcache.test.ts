/**
 * The runner tool cache, for real: this machine's pyenv interpreters laid out
 * as a runner's RUNNER_TOOL_CACHE (`Python/<X.Y.Z>/x64/` plus `x64.complete`),
 * found by the lookup and by discovery, then a host build of cp311 (or, on a
 * machine without 3.11, of its first CPython) whose only interpreter of that
 * version is the tool cache's.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check, ROOT, runCliProcess, tempDir, wheelsIn } from '../helpers/tools.js'
import { findCachedPython } from '../../src/python/toolcache.js'
import { discoverInterpreters } from '../../src/python/interpreters.js'
import { LINUX } from '../../src/platforms/linux.js'

const LINUX_LAYOUT = LINUX.python.layout

const PYENV = path.join(os.homedir(), '.pyenv', 'versions')

/** pyenv's CPython 3.9–3.13 on this machine: full version → its python executable. */
function pyenvPythons(): Map<string, string> {
  const found = new Map<string, string>()
  const entries = fs.existsSync(PYENV) ? fs.readdirSync(PYENV) : []
  for (const version of entries.sort()) {
    const m = /^3\.(\d+)\.\d+$/.exec(version)
    if (!m || Number(m[1]) < 9 || Number(m[1]) > 13) continue
    const exe = path.join(PYENV, version, 'bin', `python3.${m[1]}`)
    if (fs.existsSync(exe)) found.set(version, exe)
  }
  return found
}

const pythons = pyenvPythons()
const minorOf = (version: string) => version.split('.').slice(0, 2).join('.')
const versionFor = (minor: string) => [...pythons.keys()].find(v => minorOf(v) === minor)
/** The version the host build targets: 3.11 as in the issue, else the first one here. */
const target = versionFor('3.11') ?? [...pythons.keys()][0]
const targetTag = target ? `cp3${target.split('.')[1]}` : 'cp311'

/** A tool cache in the runner layout whose bin/python3 links to a real interpreter. */
function makeToolCache(): string {
  const root = tempDir('runner-tool-cache')
  for (const [version, exe] of pythons) {
    const dir = path.join(root, 'Python', version, 'x64')
    fs.mkdirSync(path.join(dir, 'bin'), { recursive: true })
    fs.symlinkSync(exe, path.join(dir, 'bin', 'python3'))
    fs.writeFileSync(path.join(root, 'Python', version, 'x64.complete'), '')
  }
  return root
}

/**
 * A PATH with this machine's tools but none of its Pythons: every executable of
 * the system bin dirs is linked in except python*, pypy* and pyenv, and
 * `python3` is the tool cache's `hostPython` (the tools venv needs one).
 */
function pathWithoutPythons(hostPython: string): string {
  const dir = tempDir('bin')
  for (const source of ['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    if (!fs.existsSync(source)) continue
    for (const name of fs.readdirSync(source)) {
      if (/^(python|pypy|pyenv|idle|pydoc|2to3)/.test(name)) continue
      const target = path.join(dir, name)
      if (!fs.existsSync(target)) fs.symlinkSync(path.join(source, name), target)
    }
  }
  fs.symlinkSync(hostPython, path.join(dir, 'python3'))
  return dir
}

describe('interpreters from the runner tool cache', () => {
  test('this machine has pyenv CPythons 3.9–3.13 to lay out', () => {
    if (pythons.size === 0) {
      throw new Error(
        `need at least one pyenv CPython 3.9–3.13 under ${PYENV} (3.11 and one more preferred); none found`
      )
    }
  })

  test('the lookup finds every version, and each is the interpreter it claims', () => {
    const root = makeToolCache()
    for (const version of pythons.keys()) {
      const found = findCachedPython(
        root,
        { version: minorOf(version), arch: 'x64', freeThreaded: false },
        LINUX_LAYOUT
      )
      expect(found?.version).toBe(version)
      expect(found?.python).toBe(path.join(root, 'Python', version, 'x64', 'bin', 'python3'))
      const reported = check([
        found!.python,
        '-c',
        'import platform; print(platform.python_version())'
      ])
      expect(reported.trim()).toBe(version)
    }
  })

  test('without the .complete marker a version is invisible', () => {
    const root = makeToolCache()
    fs.rmSync(path.join(root, 'Python', target, 'x64.complete'))
    expect(
      findCachedPython(
        root,
        { version: minorOf(target), arch: 'x64', freeThreaded: false },
        LINUX_LAYOUT
      )
    ).toBeUndefined()
  })

  test('discovery maps identifiers to the tool cache before anything else', async () => {
    const root = makeToolCache()
    const found = await discoverInterpreters({
      env: { RUNNER_TOOL_CACHE: root, PATH: '', PYENV_ROOT: tempDir('no-pyenv') },
      layout: LINUX_LAYOUT,
      platformTag: 'manylinux_x86_64',
      toolCacheArch: 'x64'
    })
    for (const version of pythons.keys()) {
      const [, minor] = version.split('.')
      expect(found.get(`cp3${minor}-manylinux_x86_64`)).toEqual({
        path: path.join(root, 'Python', version, 'x64', 'bin', 'python3'),
        version,
        implementation: 'cpython',
        freeThreaded: false
      })
    }
  })

  test(`a host build whose only Python ${minorOf(target ?? '3.11')} is the tool cache one`, () => {
    const root = makeToolCache()
    const other = [...pythons.keys()].find(v => v !== target) ?? target
    const hostPython = path.join(root, 'Python', other, 'x64', 'bin', 'python3')
    const env = {
      RUNNER_TOOL_CACHE: root,
      PYENV_ROOT: tempDir('no-pyenv'),
      PATH: pathWithoutPythons(hostPython),
      XDG_CACHE_HOME: tempDir('cache'),
      SOURCE_DATE_EPOCH: '1700000000'
    }
    const args = [
      'build',
      path.join(ROOT, 'test', 'fixtures', 'c-ext'),
      '--container',
      'off',
      '--only',
      `${targetTag}-manylinux_x86_64`
    ]
    const dry = runCliProcess([...args, '--dry-run'], env)
    expect(dry.stderr).not.toContain('error:')
    expect(dry.status).toBe(0)
    const plan = JSON.parse(dry.stdout)
    expect(plan.groups[0].builds[0].python).toBe(
      path.join(root, 'Python', target, 'x64', 'bin', 'python3')
    )

    const out = tempDir('out')
    const run = runCliProcess([...args, '--output-dir', out], env)
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    const wheels = wheelsIn(out)
    expect(wheels).toHaveLength(1)
    const tag = targetTag
    expect(wheels[0]).toMatch(
      new RegExp(`^spam_ext-1\\.0\\.0-${tag}-${tag}-(\\S+\\.)?manylinux_\\d+_\\d+_x86_64\\.whl$`)
    )
    // The test command ran against it in a fresh venv.
    expect(run.stdout).toMatch(
      new RegExp(`${tag}-manylinux_x86_64\\s+spam_ext-1\\.0\\.0-${tag}\\S*\\s.*\\byes\\b`)
    )
  })
})
