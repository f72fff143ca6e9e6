/**
 * The default repair of Linux host builds: the lowest policy of each arch,
 * and the repair program's pure parts (recognising auditwheel's "couldn't
 * detect libc" error, telling whether a wheel links anything outside
 * itself) and its pass-through, run with this machine's python3 and a
 * stand-in auditwheel.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { LINUX_ARCHS } from '../../src/platforms/linux-archs.js'
import { HOST_REPAIR_PY, hostRepairArgv, lowestPolicy } from '../../src/platforms/linux-repair.js'
import { tempDir, writeTree } from '../helpers/tools.js'

/** Calls a function of the repair program with JSON arguments; its JSON result. */
function call(name: string, ...args: unknown[]): unknown {
  const harness = [
    'import json, sys',
    'scope = {"__name__": "repair"}',
    'exec(sys.argv[1], scope)',
    'print(json.dumps(scope[sys.argv[2]](*json.loads(sys.argv[3]))))'
  ].join('\n')
  const result = spawnSync(
    'python3',
    ['-I', '-c', harness, HOST_REPAIR_PY, name, JSON.stringify(args)],
    { encoding: 'utf8' }
  )
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}

/** auditwheel 6.8.2's output for barsdemo built by CPython 3.9 (measured, paths shortened). */
const UNDETECTED_OUTPUT = `INFO:auditwheel.main_repair:Repairing barsdemo-0.3.1-cp39-cp39-linux_x86_64.whl
Traceback (most recent call last):
  File "/tools/bin/auditwheel", line 8, in <module>
    sys.exit(main())
  File "/tools/lib/python3.11/site-packages/auditwheel/wheel_abi.py", line 201, in get_wheel_elfdata
    raise InvalidLibcError(msg)
auditwheel.error.InvalidLibcError: couldn't detect libc for python extension barsdemo.cpython-39-x86_64-linux-gnu.so
`

describe('lowest policy', () => {
  test.each([
    ['manylinux_x86_64', 'manylinux_2_5_x86_64'],
    ['manylinux_i686', 'manylinux_2_5_i686'],
    ['manylinux_aarch64', 'manylinux_2_17_aarch64'],
    ['manylinux_ppc64le', 'manylinux_2_17_ppc64le'],
    ['manylinux_s390x', 'manylinux_2_17_s390x'],
    ['manylinux_armv7l', 'manylinux_2_17_armv7l'],
    ['manylinux_riscv64', 'manylinux_2_31_riscv64'],
    ['musllinux_x86_64', 'musllinux_1_2_x86_64'],
    ['musllinux_aarch64', 'musllinux_1_2_aarch64'],
    ['musllinux_riscv64', 'musllinux_1_2_riscv64']
  ])('%s → %s', (tag, policy) => {
    expect(lowestPolicy(tag)).toBe(policy)
  })

  test('every Linux arch has one for both libcs, never a host glibc version', () => {
    for (const arch of LINUX_ARCHS) {
      expect(lowestPolicy(`manylinux_${arch}`)).toMatch(/^manylinux_2_(5|17|31)_/)
      expect(lowestPolicy(`musllinux_${arch}`)).toBe(`musllinux_1_2_${arch}`)
    }
  })

  test.each(['linux_x86_64', 'manylinux_sparc', 'macosx_11_0_arm64', 'manylinux2014_x86_64'])(
    '%s is refused',
    tag => {
      expect(() => lowestPolicy(tag)).toThrow(`no Linux platform tag: ${tag}`)
    }
  )

  test('the argv: the tools Python runs the program, isolated, with the policy, dest dir and wheel', () => {
    expect(
      hostRepairArgv('/tools/bin/python', 'manylinux_aarch64', '/w/repaired').filter(
        a => a !== HOST_REPAIR_PY
      )
    ).toEqual(['/tools/bin/python', '-I', '-c', 'manylinux_2_17_aarch64', '/w/repaired', '{wheel}'])
  })
})

describe("recognising auditwheel's undetected libc", () => {
  test.each([
    [
      'the error of an extension without libc',
      UNDETECTED_OUTPUT,
      'barsdemo.cpython-39-x86_64-linux-gnu.so'
    ],
    [
      'another libc error',
      'auditwheel.error.InvalidLibcError: found a dependency on MUSL but the libc is already set to GLIBC\n',
      null
    ],
    [
      'too-recent symbols',
      'auditwheel: error: cannot repair "x.whl" to "manylinux_2_17_x86_64" ABI because of the presence of too-recent versioned symbols.\n',
      null
    ],
    [
      'a pure wheel',
      'INFO:auditwheel.main_repair:This does not look like a platform wheel\n',
      null
    ],
    ['nothing', '', null]
  ])('%s', (_what, output, extension) => {
    expect(call('undetected_libc', output)).toBe(extension)
  })
})

describe('what ties a wheel to the system', () => {
  const elf = (needed: string[], undefinedSymbols: string[], defined: string[] = ['PyInit_x']) => ({
    needed,
    undefined: undefinedSymbols,
    defined
  })
  test.each([
    [
      'the C API only',
      { 'barsdemo.so': elf([], ['PyArg_ParseTuple', 'PyLong_FromLong', 'PyModule_Create2']) },
      null
    ],
    ['libpython', { 'x.so': elf(['libpython3.9.so.1.0'], ['_PyArg_ParseTuple_SizeT']) }, null],
    ['libc', { 'x.so': elf(['libc.so.6'], ['strlen']) }, 'x.so links libc.so.6'],
    ['libm alone', { 'x.so': elf(['libm.so.6'], ['cbrt']) }, 'x.so links libm.so.6'],
    [
      'a libc function without DT_NEEDED (-nostdlib)',
      { 'x.so': elf([], ['PyLong_FromLong', 'strlen']) },
      'x.so references strlen'
    ],
    [
      'a library of the wheel',
      {
        'x.so': elf(['libgreet.so'], ['greet', 'PyUnicode_FromString']),
        'libgreet.so': elf([], [], ['greet'])
      },
      null
    ],
    [
      'a library of the wheel that links libc',
      {
        'x.so': elf(['libgreet.so'], ['greet']),
        'libgreet.so': elf(['libc.so.6'], ['printf'], ['greet'])
      },
      'libgreet.so links libc.so.6'
    ]
  ])('%s', (_what, elves, reason) => {
    expect(call('outside_reference', elves)).toBe(reason)
  })
})

describe('the repair program with a stand-in auditwheel', () => {
  const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8'
  }).stdout.trim()

  /** Runs the program with `script` as the auditwheel on PATH (none when undefined). */
  function repair(script: string | undefined) {
    const bin = tempDir('fake-auditwheel')
    if (script !== undefined) {
      writeTree(bin, { auditwheel: `#!/bin/sh\n${script}\n` })
      fs.chmodSync(path.join(bin, 'auditwheel'), 0o755)
    }
    const argv = hostRepairArgv(python, 'manylinux_x86_64', '/dest').map(a =>
      a === '{wheel}' ? 'x.whl' : a
    )
    const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { PATH: bin } })
    return { status: result.status, output: `${result.stdout}${result.stderr}` }
  }

  test('a repair that works is passed through, once', () => {
    expect(repair('echo "auditwheel $*"')).toEqual({
      status: 0,
      output: 'auditwheel repair -w /dest x.whl\n'
    })
  })

  test('any other failure keeps its output, traceback included, and its exit code', () => {
    const run = repair(
      'echo "Repairing x.whl"; echo "Traceback (most recent call last):"; echo "ValueError: patchelf 0.14.3 found."; exit 3'
    )
    expect(run).toEqual({
      status: 3,
      output:
        'Repairing x.whl\nTraceback (most recent call last):\nValueError: patchelf 0.14.3 found.\n'
    })
  })

  test('no auditwheel: the shell-style line and 127', () => {
    expect(repair(undefined)).toEqual({ status: 127, output: 'auditwheel: command not found\n' })
  })
})
