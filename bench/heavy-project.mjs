// Writes the benchmark's project: one C extension whose single source file
// holds `functions` small numeric functions, so that compiling it takes a
// few seconds with -O2 and dominates each build.
import fs from 'node:fs'
import path from 'node:path'

export function generateProject(dir, functions) {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true })
  fs.writeFileSync(
    path.join(dir, 'pyproject.toml'),
    [
      '[build-system]',
      'requires = ["setuptools>=64"]',
      'build-backend = "setuptools.build_meta"',
      '',
      '[project]',
      'name = "heavy-bench"',
      'version = "1.0.0"',
      '',
      '[tool.setuptools]',
      'ext-modules = [{ name = "heavy", sources = ["src/heavy.c"], extra-compile-args = ["-O2"] }]',
      ''
    ].join('\n')
  )
  const body = ['#define PY_SSIZE_T_CLEAN', '#include <Python.h>', '#include <stdio.h>', '']
  for (let i = 0; i < functions; i++) {
    body.push(
      `static double f${i}(double x) {`,
      `    double acc = ${i}.0;`,
      '    for (int k = 0; k < 8; k++) {',
      `        acc = acc * 1.000001 + x / (k + ${(i % 7) + 1}.0);`,
      '        if (acc > 1e9) acc -= 1e9;',
      '        switch ((int)acc % 5) { case 0: acc += 1; break; case 1: acc -= 2; break; case 2: acc *= 1.5; break; default: acc /= 1.1; }',
      '    }',
      '    return acc;',
      '}'
    )
  }
  body.push(
    'static PyObject *run(PyObject *self, PyObject *arg) {',
    '    double x = PyFloat_AsDouble(arg), s = 0;'
  )
  for (let i = 0; i < functions; i++) body.push(`    s += f${i}(x);`)
  body.push(
    '    char text[64];',
    '    snprintf(text, sizeof text, "%.6f", s); /* links the C library, as real extensions do */',
    '    return PyFloat_FromString(PyUnicode_FromString(text));',
    '}',
    'static PyMethodDef methods[] = {{"run", run, METH_O, "Sum every generated function."}, {NULL, NULL, 0, NULL}};',
    'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "heavy", NULL, -1, methods};',
    'PyMODINIT_FUNC PyInit_heavy(void) { return PyModule_Create(&module); }',
    ''
  )
  fs.writeFileSync(path.join(dir, 'src', 'heavy.c'), body.join('\n'))
  return dir
}
