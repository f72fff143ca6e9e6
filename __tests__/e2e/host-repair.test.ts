/**
 * A host build repairs an extension that links no libc at all (`-nostdlib`):
 * auditwheel must still tell which libc the wheel is for, and the wheel gets
 * the host's manylinux tag.
 */
import fs from 'node:fs'
import { describe, expect, test } from '@jest/globals'
import { runCliProcess, tempDir, writeTree } from '../helpers/tools.js'

describe('host repair', () => {
  test('an extension linked without libc is repaired to a manylinux wheel', () => {
    const project = writeTree(tempDir('nolibc'), {
      'pyproject.toml':
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "nolibc"\nversion = "1.0"\n',
      'setup.py':
        'from setuptools import Extension, setup\nsetup(ext_modules=[Extension("nolibc", ["nolibc.c"], extra_link_args=["-nostdlib"])])\n',
      'nolibc.c':
        '#include <Python.h>\nstatic struct PyModuleDef m = {PyModuleDef_HEAD_INIT, "nolibc", NULL, -1, NULL};\nPyMODINIT_FUNC PyInit_nolibc(void) { return PyModule_Create(&m); }\n'
    })
    const out = tempDir('nolibc-out')
    const run = runCliProcess([
      'build',
      project,
      '--container',
      'off',
      '--only',
      'cp312-manylinux_x86_64',
      '--cache',
      'false',
      '--output-dir',
      out,
      '--test-command',
      'python -c "import nolibc"'
    ])
    expect(run.stderr.slice(-2000)).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(fs.readdirSync(out)).toEqual([
      expect.stringMatching(/^nolibc-1\.0-cp312-cp312-manylinux.*_x86_64\.whl$/)
    ])
  }, 600_000)
})
