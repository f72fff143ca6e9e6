/**
 * The default repair of host builds (src/platforms/linux-repair.ts), on every
 * CPython of this machine:
 * - an extension that references no libc symbol (test/fixtures/barsdemo, and
 *   one linked with `-nostdlib`) has no DT_NEEDED libc; auditwheel cannot
 *   tell its libc before cpython-311 and the wheel is repaired for the lowest
 *   policy of the arch, said in one line;
 * - one that calls libc (test/fixtures/libc-ext) repairs as auditwheel
 *   repairs it on its own;
 * - one that links libm but no libc (test/fixtures/libm-ext) still fails,
 *   with auditwheel's telling line.
 * The expected tags come from the test venv's auditwheel, never from our table.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  check,
  hostCPythons,
  ROOT,
  runCliProcess,
  tempDir,
  venvTool,
  wheelsIn,
  writeTree
} from '../helpers/tools.js'

const cpythons = hostCPythons()
/** The CPythons whose extension suffix does not tell auditwheel the libc (before 3.11). */
const ambiguous = cpythons.filter(tag => Number(tag.slice(3)) < 11)
const identifiers = (tags: readonly string[]) => tags.map(t => `${t}-manylinux_x86_64`).join(' ')

function copyFixture(name: string): string {
  const dest = path.join(tempDir('fixture'), name)
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', name), dest, { recursive: true })
  return dest
}

/** The platform tags of a wheel file name, sorted. */
const platformTags = (wheel: string) =>
  wheel
    .replace(/\.whl$/, '')
    .split('-')
    .at(-1)!
    .split('.')
    .sort()

/**
 * The pinned auditwheel's lowest glibc policy for x86_64 (the oldest glibc) and its
 * aliases, sorted. auditwheel ranks it highest: its `lowest` is the newest glibc.
 */
function lowestPolicyTags(): string[] {
  const code = [
    'import json',
    'from auditwheel.architecture import Architecture',
    'from auditwheel.libc import Libc',
    'from auditwheel.policy import WheelPolicies',
    "lowest = WheelPolicies(libc=Libc.GLIBC, arch=Architecture('x86_64')).highest",
    'print(json.dumps(sorted([lowest.name, *lowest.aliases])))'
  ].join('\n')
  return JSON.parse(check([venvTool('python'), '-c', code])) as string[]
}

function build(project: string, tags: readonly string[], env: Record<string, string>) {
  const out = tempDir('repair-out')
  const run = runCliProcess(
    [
      'build',
      project,
      '--platform',
      'linux',
      '--container',
      'off',
      '--cache',
      'false',
      '--build',
      identifiers(tags),
      '--parallel',
      '2',
      '--output-dir',
      out
    ],
    env
  )
  return { ...run, wheels: wheelsIn(out) }
}

const fallbackLines = (output: string) =>
  output.split('\n').filter(l => l.includes('auditwheel could not tell the libc of'))

describe('host repair', () => {
  test('this machine has a CPython before 3.11, whose extensions auditwheel cannot place by name', () => {
    expect(ambiguous.length).toBeGreaterThan(0)
  })

  test('barsdemo, which references no libc symbol: one repaired, tested wheel per CPython, for the lowest policy', () => {
    const lowest = lowestPolicyTags()
    const run = build(copyFixture('barsdemo'), cpythons, {
      CIBW_TEST_COMMAND: 'python -c "import barsdemo; assert barsdemo.triple(14) == 42"'
    })
    expect(run.stderr.slice(-3000)).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.wheels).toHaveLength(cpythons.length)
    for (const tag of cpythons) {
      const wheel = run.wheels.find(w => w.startsWith(`barsdemo-0.3.1-${tag}-${tag}-`))
      expect(wheel && platformTags(wheel)).toEqual(lowest)
      // Tested in a fresh venv (the summary's last column).
      expect(run.stdout).toMatch(
        new RegExp(`${tag}-manylinux_x86_64\\s+barsdemo-0\\.3\\.1-${tag}\\S+\\s.*\\syes\\s*$`, 'm')
      )
    }
    // One line for each CPython before 3.11, naming the extension and the policy; no traceback.
    const said = fallbackLines(run.stdout)
    expect(said.sort()).toEqual(
      ambiguous
        .map(
          tag =>
            `[${tag}-manylinux_x86_64] auditwheel could not tell the libc of barsdemo.${tag.replace('cp', 'cpython-')}-x86_64-linux-gnu.so, ` +
            'which references no libc symbol: repairing for manylinux_2_5_x86_64, the lowest policy of its arch'
        )
        .sort()
    )
    expect(run.stdout + run.stderr).not.toContain('Traceback')
    expect(run.stdout + run.stderr).not.toContain('InvalidLibcError')
  }, 900_000)

  test('an extension linked without libc (-nostdlib) is repaired too', () => {
    const project = writeTree(tempDir('nolibc'), {
      'pyproject.toml':
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "nolibc"\nversion = "1.0"\n',
      'setup.py':
        'from setuptools import Extension, setup\nsetup(ext_modules=[Extension("nolibc", ["nolibc.c"], extra_link_args=["-nostdlib"])])\n',
      'nolibc.c':
        '#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, "nolibc", NULL, -1, NULL};\nPyMODINIT_FUNC PyInit_nolibc(void) { return PyModule_Create(&m); }\n'
    })
    const tags = [ambiguous[0], cpythons.at(-1)!]
    const run = build(project, tags, { CIBW_TEST_COMMAND: 'python -c "import nolibc"' })
    expect(run.stderr.slice(-2000)).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.wheels.map(platformTags)).toEqual(tags.map(() => lowestPolicyTags()))
  }, 600_000)

  test('saltdemo, which calls libc, repairs as auditwheel repairs it on its own', () => {
    const project = copyFixture('libc-ext')
    // What the default command gave before: auditwheel run directly on a wheel of the project.
    const raw = tempDir('salt-raw')
    const venvBin = path.dirname(venvTool('python'))
    const toolEnv = { ...process.env, PATH: `${venvBin}:${process.env.PATH ?? ''}` }
    check([venvTool('python'), '-m', 'build', '--wheel', '--outdir', raw, project], {
      env: toolEnv
    })
    const direct = tempDir('salt-direct')
    check([venvTool('auditwheel'), 'repair', '-w', direct, path.join(raw, wheelsIn(raw)[0])], {
      env: toolEnv
    })
    const before = platformTags(wheelsIn(direct)[0])
    expect(before).not.toEqual(lowestPolicyTags())

    const run = build(project, cpythons, {
      CIBW_TEST_COMMAND: 'python -c "import saltdemo; assert len(saltdemo.salt(16)) == 16"'
    })
    expect(run.stderr.slice(-3000)).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.wheels).toHaveLength(cpythons.length)
    for (const wheel of run.wheels) expect(platformTags(wheel)).toEqual(before)
    expect(fallbackLines(run.stdout + run.stderr)).toEqual([])
  }, 900_000)

  test("cuberoot, which links libm but no libc, still fails with auditwheel's telling line", () => {
    const tag = ambiguous[0]
    const run = build(copyFixture('libm-ext'), [tag], {})
    expect(run.status).not.toBe(0)
    expect(run.wheels).toEqual([])
    const extension = `cuberoot.${tag.replace('cp', 'cpython-')}-x86_64-linux-gnu.so`
    // The error's telling line is auditwheel's own.
    const error = run.stderr.slice(run.stderr.lastIndexOf('error: '))
    expect(error).toContain(`${tag}-manylinux_x86_64: repair failed: exit code 1`)
    expect(error).toContain(
      `auditwheel.error.InvalidLibcError: couldn't detect libc for python extension ${extension}`
    )
    // The build log (stdout, as cibuildwheel's) says why no fallback was tried.
    expect(run.stdout).toContain(
      `not repaired for manylinux_2_5_x86_64, the lowest policy, since ${extension} links libm.so.6`
    )
    expect(fallbackLines(run.stdout + run.stderr)).toEqual([])
  }, 600_000)
})
