// Writes the compiler-cache benchmark's project: a C extension made of
// `units` translation units that do not include Python (a core library
// compiled beside the binding, as real projects vendor one), plus one
// binding file that does. Each unit holds `functions` small numeric
// functions: by default 2400 (about 13 s to compile with -O2 on the machine
// the README's figures come from, as slow as a template-heavy C++ file), so
// that the build is compile time, as in the projects a compiler cache is for. (C, not C++: the multi-CPython test image has gcc
// but no g++; both compile the same way.) Two build backends:
//   - cmake: scikit-build-core and CMake, the core a static library target,
//     as most C and C++ projects with a vendored library build it. CMake
//     chooses the compile flags, so the core compiles the same for every
//     Python.
//   - setuptools: one Extension of every file. setuptools compiles with each
//     interpreter's own CFLAGS, which differ between Python versions, so
//     the core compiles once per flag set.
// The output depends only on the arguments: the same call writes the same bytes.
import fs from 'node:fs'
import path from 'node:path'

/** Small numeric functions in each unit, unless told: about 13 s to compile with -O2 here. */
export const FUNCTIONS_PER_UNIT = 2400
export const BACKENDS = ['cmake', 'setuptools']

const unitName = i => `unit_${String(i).padStart(2, '0')}`

/** The text of unit `i` at `revision` (0 is the original; an edit bumps it). */
function unitSource(i, revision, functions) {
  const name = unitName(i)
  const body = ['#include "core.h"', '', `/* revision ${revision} */`]
  for (let f = 0; f < functions; f++)
    body.push(
      `static double ${name}_f${f}(double x) {`,
      `    double acc = ${f}.0 + ${revision}.0;`,
      '    for (int k = 0; k < 8; k++) {',
      `        acc = acc * 1.000001 + x / (k + ${((i + f) % 7) + 1}.0);`,
      '        if (acc > 1e9) acc -= 1e9;',
      '        switch ((int)acc % 5) { case 0: acc += 1; break; case 1: acc -= 2; break; case 2: acc *= 1.5; break; default: acc /= 1.1; }',
      '    }',
      '    return acc;',
      '}'
    )
  body.push(`double ${name}(double x) {`, '    double s = 0;')
  for (let f = 0; f < functions; f++) body.push(`    s += ${name}_f${f}(x);`)
  body.push('    return s;', '}', '')
  return body.join('\n')
}

/** pyproject.toml (and CMakeLists.txt) of a backend. */
function buildFiles(backend, name, sources) {
  const project = ['[project]', `name = "${name}-bench"`, 'version = "1.0.0"', '']
  if (backend === 'setuptools')
    return {
      'pyproject.toml': [
        '[build-system]',
        'requires = ["setuptools>=64"]',
        'build-backend = "setuptools.build_meta"',
        '',
        ...project,
        '[[tool.setuptools.ext-modules]]',
        `name = "${name}"`,
        `sources = ${JSON.stringify(sources)}`,
        'include-dirs = ["include"]',
        'extra-compile-args = ["-O2"]',
        ''
      ]
    }
  if (backend !== 'cmake') throw new Error(`unknown backend ${backend}: one of ${BACKENDS}`)
  const core = sources.filter(file => file.startsWith('src/core/'))
  return {
    'pyproject.toml': [
      '[build-system]',
      'requires = ["scikit-build-core>=0.10"]',
      'build-backend = "scikit_build_core.build"',
      '',
      ...project,
      '[tool.scikit-build]',
      'cmake.build-type = "Release"',
      ''
    ],
    'CMakeLists.txt': [
      'cmake_minimum_required(VERSION 3.15...3.31)',
      `project(${name} LANGUAGES C)`,
      'find_package(Python COMPONENTS Interpreter Development.Module REQUIRED)',
      `add_library(core STATIC ${core.join(' ')})`,
      'set_target_properties(core PROPERTIES POSITION_INDEPENDENT_CODE ON)',
      'target_include_directories(core PUBLIC include)',
      'target_compile_options(core PRIVATE -O2)',
      `Python_add_library(${name} MODULE src/binding.c WITH_SOABI)`,
      `target_link_libraries(${name} PRIVATE core)`,
      `install(TARGETS ${name} DESTINATION .)`,
      ''
    ]
  }
}

/**
 * Writes the project into `dir`; returns `dir`. The module is `name`; its
 * `run(x)` sums every unit's function, and `units()` says how many there are.
 */
export function generateMultiFileProject(
  dir,
  units,
  { name = 'multi', backend = 'cmake', functions = FUNCTIONS_PER_UNIT } = {}
) {
  fs.mkdirSync(path.join(dir, 'src', 'core'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'include'), { recursive: true })
  const sources = [
    ...Array.from({ length: units }, (_, i) => `src/core/${unitName(i)}.c`),
    'src/binding.c'
  ]
  for (const [file, lines] of Object.entries(buildFiles(backend, name, sources)))
    fs.writeFileSync(path.join(dir, file), lines.join('\n'))
  fs.writeFileSync(
    path.join(dir, 'include', 'core.h'),
    [
      '#pragma once',
      ...Array.from({ length: units }, (_, i) => `double ${unitName(i)}(double x);`),
      ''
    ].join('\n')
  )
  for (let i = 0; i < units; i++)
    fs.writeFileSync(path.join(dir, 'src', 'core', `${unitName(i)}.c`), unitSource(i, 0, functions))
  fs.writeFileSync(
    path.join(dir, 'src', 'binding.c'),
    [
      '#define PY_SSIZE_T_CLEAN',
      '#include <Python.h>',
      '#include "core.h"',
      '',
      'static PyObject *run(PyObject *self, PyObject *arg) {',
      '    double x = PyFloat_AsDouble(arg), s = 0;',
      '    if (x == -1.0 && PyErr_Occurred()) return NULL;',
      ...Array.from({ length: units }, (_, i) => `    s += ${unitName(i)}(x);`),
      '    return PyFloat_FromDouble(s);',
      '}',
      `static PyObject *count(PyObject *self, PyObject *unused) { return PyLong_FromLong(${units}); }`,
      'static PyMethodDef methods[] = {',
      '    {"run", run, METH_O, "Sum every unit\'s function."},',
      '    {"units", count, METH_NOARGS, "How many units there are."},',
      '    {NULL, NULL, 0, NULL}};',
      `static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "${name}", NULL, -1, methods};`,
      `PyMODINIT_FUNC PyInit_${name}(void) { return PyModule_Create(&module); }`,
      ''
    ].join('\n')
  )
  return dir
}

/** Edits one unit of a generated project (a new revision of its text, of as many functions as it was written with); returns the file. */
export function editUnit(dir, index, revision, functions = FUNCTIONS_PER_UNIT) {
  const file = path.join(dir, 'src', 'core', `${unitName(index)}.c`)
  if (!fs.existsSync(file)) throw new Error(`the generated project has no unit ${index}: ${file}`)
  fs.writeFileSync(file, unitSource(index, revision, functions))
  return file
}
