/**
 * The bundled CLI (dist/cli.js) plans macOS and Windows builds on this Linux
 * machine: RUNNER_OS / RUNNER_ARCH decide the runner it assumes, and
 * `--dry-run` prints every step with the argv and env that runner would execute.
 */
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { ROOT, runCliProcess } from '../helpers/tools.js'
import type { BuildPlan, Step } from '../../src/model/build-plan.js'

const project = path.join(ROOT, 'test', 'fixtures', 'c-ext')

function dryRun(env: Record<string, string>, identifier: string): BuildPlan {
  const run = runCliProcess(['build', project, '--only', identifier, '--dry-run'], env)
  expect(run.stderr).not.toContain('error:')
  expect(run.status).toBe(0)
  return JSON.parse(run.stdout) as BuildPlan
}

const byName = (steps: readonly Step[]) => Object.fromEntries(steps.map(s => [s.name, s]))

describe('dry runs of other runners', () => {
  test('macOS arm64 runner, cp312 universal2', () => {
    const plan = dryRun({ RUNNER_OS: 'macOS', RUNNER_ARCH: 'ARM64' }, 'cp312-macosx_universal2')
    expect(plan.platform).toBe('macos')
    expect(plan.runner).toEqual({ platform: 'macos', machine: 'arm64' })
    const [build] = plan.groups[0].builds
    expect(build.python).toBe('/Users/runner/hostedtoolcache/Python/3.12.10/arm64/bin/python3')
    expect(build.env).toMatchObject({
      MACOSX_DEPLOYMENT_TARGET: '10.13',
      ARCHFLAGS: '-arch arm64 -arch x86_64',
      _PYTHON_HOST_PLATFORM: 'macosx-10.13-universal2'
    })
    const steps = byName(build.steps)
    expect(steps.repair.argv).toEqual([
      'bash',
      '-c',
      'delocate-wheel --require-archs "${WHEELWRIGHT_DELOCATE_ARCHS}" -w "${WHEELWRIGHT_DEST_DIR}" -v "${WHEELWRIGHT_WHEEL}"'
    ])
    expect(steps.repair.env.WHEELWRIGHT_DELOCATE_ARCHS).toBe('x86_64,arm64')
    expect(steps.build.env.ARCHFLAGS).toBe('-arch arm64 -arch x86_64')
    // Tested on the arm64 slice, natively.
    expect(build.tested).toBe(true)
    expect(steps.test.argv[0]).toBe('bash')
  })

  test('Windows x64 runner, cp313 win_arm64: vswhere, vcvarsall x64_arm64, the cross env, delvewheel', () => {
    const plan = dryRun({ RUNNER_OS: 'Windows', RUNNER_ARCH: 'X64' }, 'cp313-win_arm64')
    expect(plan.runner).toEqual({ platform: 'windows', machine: 'AMD64' })
    const setup = byName(plan.groups[0].setup)
    expect(setup.vswhere.argv).toEqual([
      'C:\\Program Files (x86)\\Microsoft Visual Studio\\Installer\\vswhere.exe',
      '-products',
      '*',
      '-latest',
      '-requires',
      'Microsoft.VisualStudio.Component.VC.Tools.x86.x64',
      '-property',
      'installationPath'
    ])
    expect(setup.vswhere.stdoutVar).toBe('WHEELWRIGHT_VS_PATH')
    expect(setup['vcvarsall-x64_arm64'].argv).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      '"%WHEELWRIGHT_VS_PATH%\\VC\\Auxiliary\\Build\\vcvarsall.bat" x64_arm64 && set'
    ])
    expect(setup['vcvarsall-x64_arm64'].captureEnv).toBe('msvc-x64_arm64')
    const [build] = plan.groups[0].builds
    expect(build.capturedEnv).toBe('msvc-x64_arm64')
    expect(build.python).toBe('C:\\hostedtoolcache\\windows\\Python\\3.13.17\\x64\\python.exe')
    expect(build.env).toMatchObject({
      DISTUTILS_USE_SDK: '1',
      MSSdk: '1',
      SETUPTOOLS_EXT_SUFFIX: '.cp313-win_arm64.pyd',
      SETUPTOOLS_USE_DISTUTILS: 'local',
      VSCMD_ARG_TGT_ARCH: 'arm64',
      CARGO_BUILD_TARGET: 'aarch64-pc-windows-msvc',
      DIST_EXTRA_CONFIG: `${plan.tempDir}\\build\\cp313-win_arm64\\extra-setup.cfg`
    })
    const steps = byName(build.steps)
    expect(steps['write-config'].argv.at(-1)).toContain('plat_name=win-arm64')
    expect(steps.repair.argv).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      'delvewheel repair -w "%WHEELWRIGHT_DEST_DIR%" -v "%WHEELWRIGHT_WHEEL%"'
    ])
    expect(build.tested).toBe(false)
    expect(build.testWarning).toMatch(/not tested/)
  })
})
