/** MSVC activation: the steps that find Visual Studio and activate its compiler. */
import { describe, expect, test } from '@jest/globals'
import { activationSteps, vcvarsArch, vcvarsArgv, vswhereArgv } from '../../src/platforms/msvc.js'

describe('activation steps', () => {
  test.each([
    ['AMD64', 'AMD64', 'x64'],
    ['AMD64', 'x86', 'x64_x86'],
    ['AMD64', 'ARM64', 'x64_arm64'],
    ['ARM64', 'ARM64', 'arm64'],
    ['ARM64', 'AMD64', 'arm64_x64'],
    ['ARM64', 'x86', 'arm64_x86'],
    ['x86', 'x86', 'x86'],
    ['x86', 'AMD64', 'x86_x64']
  ])('host %s, target %s → vcvarsall %s', (host, target, arch) => {
    expect(vcvarsArch(host, target)).toBe(arch)
  })

  test('vswhere asks for the newest instance with the C++ tools', () => {
    expect(vswhereArgv({ 'PROGRAMFILES(X86)': 'E:\\PF86' }, 'AMD64')).toEqual([
      'E:\\PF86\\Microsoft Visual Studio\\Installer\\vswhere.exe',
      '-products',
      '*',
      '-latest',
      '-requires',
      'Microsoft.VisualStudio.Component.VC.Tools.x86.x64',
      '-property',
      'installationPath'
    ])
  })

  test('vcvarsall with and without a toolset', () => {
    expect(vcvarsArgv('x64_arm64')).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      '"%WHEELWRIGHT_VS_PATH%\\VC\\Auxiliary\\Build\\vcvarsall.bat" x64_arm64 && set'
    ])
    expect(vcvarsArgv('x64', '14.29').at(-1)).toBe(
      '"%WHEELWRIGHT_VS_PATH%\\VC\\Auxiliary\\Build\\vcvarsall.bat" x64 -vcvars_ver=14.29 && set'
    )
  })

  test('one vswhere, one vcvarsall per distinct arch, none without builds', () => {
    const steps = activationSteps({
      hostMachine: 'AMD64',
      targets: ['AMD64', 'x86', 'AMD64', 'ARM64'],
      env: { Path: 'C:\\Windows' },
      cwd: 'D:\\t'
    })
    expect(steps.map(s => [s.name, s.stdoutVar ?? s.captureEnv])).toEqual([
      ['vswhere', 'WHEELWRIGHT_VS_PATH'],
      ['vcvarsall-x64', 'msvc-x64'],
      ['vcvarsall-x64_x86', 'msvc-x64_x86'],
      ['vcvarsall-x64_arm64', 'msvc-x64_arm64']
    ])
    expect(steps.every(s => s.where === 'host' && s.cwd === 'D:\\t')).toBe(true)
    expect(activationSteps({ hostMachine: 'AMD64', targets: [], env: {}, cwd: 'D:\\t' })).toEqual(
      []
    )
  })
})
