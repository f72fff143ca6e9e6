/** The activated environment: the parser on recorded vcvarsall output, and the overlay on a step's env. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { applyCapturedEnvironment, parseActivation } from '../../src/execute/captured-env.js'
import { ROOT } from '../helpers/tools.js'

const FIXTURES = path.join(ROOT, '__fixtures__', 'vcvarsall')
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')

/** The environment before activation (`set` output: every line is a variable). */
const BEFORE = parseActivation({}, read('before.txt')).variables
const VS = 'C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise'
const MSVC_BIN = `${VS}\\VC\\Tools\\MSVC\\14.44.35207\\bin`

describe('parseActivation on recorded vcvarsall output', () => {
  test('x64: only what vcvarsall changed, nothing of the banner', () => {
    const captured = parseActivation(BEFORE, read('x64.txt'))
    expect(captured.errors).toEqual([])
    const names = Object.keys(captured.variables)
    expect(names).toEqual(
      expect.arrayContaining([
        'INCLUDE',
        'LIB',
        'LIBPATH',
        'Path',
        'Platform',
        'VCINSTALLDIR',
        'VCToolsInstallDir',
        'VCToolsVersion',
        'VSINSTALLDIR',
        'VisualStudioVersion',
        'VSCMD_ARG_HOST_ARCH',
        'VSCMD_ARG_TGT_ARCH',
        'WindowsSdkDir',
        'WindowsSDKVersion',
        'UCRTVersion',
        'UniversalCRTSdkDir',
        'DevEnvDir'
      ])
    )
    for (const unchanged of ['ALLUSERSPROFILE', 'RUNNER_OS', 'ComSpec', 'PIP_EXTRA_OPTIONS']) {
      expect(names).not.toContain(unchanged)
    }
    expect(names.some(n => n.startsWith('*') || n.startsWith('['))).toBe(false)
    expect(captured.variables.VSCMD_ARG_TGT_ARCH).toBe('x64')
    expect(captured.variables.Platform).toBe('x64')
    expect(captured.variables.VCToolsVersion).toBe('14.44.35207')
    expect(captured.variables.Path.split(';')[0]).toBe(`${MSVC_BIN}\\HostX64\\x64`)
    expect(captured.variables.Path.endsWith(BEFORE.Path)).toBe(true)
    expect(captured.previous).toEqual({ PATH: BEFORE.Path })
  })

  test('x64_arm64: the cross tools and the ARM64 libraries', () => {
    const captured = parseActivation(BEFORE, read('x64_arm64.txt'))
    expect(captured.errors).toEqual([])
    expect(captured.variables.VSCMD_ARG_HOST_ARCH).toBe('x64')
    expect(captured.variables.VSCMD_ARG_TGT_ARCH).toBe('arm64')
    expect(captured.variables.Platform).toBe('arm64')
    expect(captured.variables.Path.split(';').slice(0, 2)).toEqual([
      `${MSVC_BIN}\\HostX64\\arm64`,
      `${MSVC_BIN}\\HostX64\\x64`
    ])
    expect(captured.variables.LIB.split(';')[1]).toBe(
      `${VS}\\VC\\Tools\\MSVC\\14.44.35207\\lib\\arm64`
    )
  })

  test('names compare case-insensitively (PATH before, Path after)', () => {
    const upper = Object.fromEntries(Object.entries(BEFORE).map(([k, v]) => [k.toUpperCase(), v]))
    const a = Object.keys(parseActivation(BEFORE, read('x64.txt')).variables)
    const b = Object.keys(parseActivation(upper, read('x64.txt')).variables)
    expect(b).toEqual(a)
  })

  test('a value containing = is split on its first = only', () => {
    const same = parseActivation(BEFORE, read('x64.txt'))
    expect(Object.keys(same.variables)).not.toContain('PIP_EXTRA_OPTIONS')
    const other = parseActivation({ ...BEFORE, PIP_EXTRA_OPTIONS: '--no-deps' }, read('x64.txt'))
    expect(other.variables.PIP_EXTRA_OPTIONS).toBe('--config-settings=--build-option=--quiet')
  })

  test('PATH-like variables are deduplicated (a second activation in the same job)', () => {
    const once = parseActivation(BEFORE, read('x64.txt'))
    const twice = parseActivation(BEFORE, read('x64-twice.txt'))
    expect(twice.errors).toEqual([])
    expect(twice.variables.Path).toBe(once.variables.Path)
    const entries = twice.variables.Path.split(';').map(e => e.toLowerCase())
    expect(new Set(entries).size).toBe(entries.length)
  })

  test('an invalid arch: the [ERROR lines fail the activation', () => {
    const captured = parseActivation(BEFORE, read('error-arch.txt'))
    expect(captured.errors).toEqual([
      '[ERROR:vcvarsall.bat] Invalid argument found : x65',
      '[ERROR:vcvarsall.bat] Error in script usage. The correct usage is:'
    ])
    expect(captured.variables).toEqual({})
  })

  test('a missing toolset: the [ERROR lines fail the activation', () => {
    const captured = parseActivation(BEFORE, read('error-toolset.txt'))
    expect(captured.errors[0]).toBe(
      "[ERROR:ext\\vcvars.bat] Toolset directory for version '14.1' was not found."
    )
    expect(captured.errors).toHaveLength(10)
  })
})

describe('applyCapturedEnvironment', () => {
  const captured = parseActivation(BEFORE, read('x64.txt'))

  test('the build venv stays first on PATH, then the tools vcvarsall added, then the runner PATH', () => {
    const env = {
      PATH: `D:\\w\\venv\\Scripts;C:\\tools\\Scripts;${BEFORE.Path}`,
      DISTUTILS_USE_SDK: '1'
    }
    const result = applyCapturedEnvironment(env, captured)
    expect(Object.keys(result).filter(k => k.toUpperCase() === 'PATH')).toEqual(['PATH'])
    const entries = result.PATH.split(';')
    expect(entries.slice(0, 3)).toEqual([
      'D:\\w\\venv\\Scripts',
      'C:\\tools\\Scripts',
      `${MSVC_BIN}\\HostX64\\x64`
    ])
    expect(result.PATH.endsWith(BEFORE.Path)).toBe(true)
    expect(result.DISTUTILS_USE_SDK).toBe('1')
    expect(result.INCLUDE).toBe(captured.variables.INCLUDE)
    expect(result.VSCMD_ARG_TGT_ARCH).toBe('x64')
  })

  test('variables the step sets differently are replaced, whatever their case', () => {
    const result = applyCapturedEnvironment({ platform: 'x86' }, captured)
    expect(result).not.toHaveProperty('Platform')
    expect(result.platform).toBe('x64')
  })
})
