/** The build frontends (build, build[uv], pip, uv): argv with config-settings and verbosity, requirements. */
import { describe, expect, test } from '@jest/globals'
import { frontendArgv, frontendRequirements } from '../../src/steps/frontend.js'
import type { Frontend, FrontendName } from '../../src/model/options.js'

const CALL = {
  python: '/w/venv/bin/python',
  packageDir: '/w/src',
  outDir: '/w/built',
  configSettings: [] as string[],
  verbosity: 0,
  uv: '/w/venv/bin/uv'
}
const frontend = (name: FrontendName, args: string[] = []): Frontend => ({ name, args })

describe('frontendArgv', () => {
  test.each([
    ['build', ['/w/venv/bin/python', '-m', 'build', '/w/src', '--wheel', '--outdir=/w/built']],
    [
      'build[uv]',
      [
        '/w/venv/bin/python',
        '-m',
        'build',
        '/w/src',
        '--wheel',
        '--outdir=/w/built',
        '--installer=uv'
      ]
    ],
    [
      'pip',
      ['/w/venv/bin/python', '-m', 'pip', 'wheel', '/w/src', '--wheel-dir=/w/built', '--no-deps']
    ],
    [
      'uv',
      [
        '/w/venv/bin/uv',
        'build',
        '--wheel',
        '--out-dir=/w/built',
        '--python=/w/venv/bin/python',
        '/w/src'
      ]
    ]
  ] as const)('%s, plain', (name, argv) => {
    expect(frontendArgv(frontend(name), CALL)).toEqual(argv)
  })

  test.each([
    ['build', ['-Csetup-args=-Dx=1', '-C--build-option=--quiet']],
    ['build[uv]', ['-Csetup-args=-Dx=1', '-C--build-option=--quiet']],
    ['pip', ['--config-settings=setup-args=-Dx=1', '--config-settings=--build-option=--quiet']],
    ['uv', ['--config-setting=setup-args=-Dx=1', '--config-setting=--build-option=--quiet']]
  ] as const)('%s: each config-setting in its own flag, in order', (name, flags) => {
    const argv = frontendArgv(frontend(name), {
      ...CALL,
      configSettings: ['setup-args=-Dx=1', '--build-option=--quiet']
    })
    const at = argv.indexOf(flags[0])
    expect(at).toBeGreaterThan(0)
    expect(argv.slice(at, at + 2)).toEqual(flags)
  })

  // pip counts -v like the user did; build and uv are chattier, so 1 adds nothing and 3 is -vv.
  const PIP_VERBOSITY: Record<number, string[]> = {
    [-2]: ['-q', '-q'],
    [-1]: ['-q'],
    0: [],
    1: ['-v'],
    2: ['-v', '-v'],
    3: ['-v', '-v', '-v']
  }
  const OTHER_VERBOSITY: Record<number, string[]> = {
    [-2]: ['-q', '-q'],
    [-1]: ['-q'],
    0: [],
    1: [],
    2: ['-v'],
    3: ['-vv']
  }
  const VERBOSITY_CASES = (['build', 'build[uv]', 'pip', 'uv'] as const).flatMap(name =>
    [-2, -1, 0, 1, 2, 3].map(level => [
      name,
      level,
      (name === 'pip' ? PIP_VERBOSITY : OTHER_VERBOSITY)[level]
    ])
  ) as [FrontendName, number, string[]][]

  test.each(VERBOSITY_CASES)(
    '%s at build-verbosity %i: %j after the config-settings, before the user args',
    (name, verbosity, flags) => {
      const argv = frontendArgv(frontend(name, ['--user-arg']), {
        ...CALL,
        configSettings: ['k=v'],
        verbosity
      })
      const setting = argv.findIndex(a => a.endsWith('k=v'))
      const user = argv.indexOf('--user-arg')
      expect(argv.slice(setting + 1, user)).toEqual(flags)
      expect(argv.filter(a => /^-(q+|v+)$/.test(a))).toEqual(flags)
    }
  )

  test.each([
    ['build', -1],
    ['pip', -1],
    ['uv', -2]
  ] as const)('%s: the user args come last (uv: before the project dir)', (name, last) => {
    const argv = frontendArgv(frontend(name, ['--a', '--b']), { ...CALL, verbosity: 2 })
    expect(argv.at(last - 1)).toBe('--a')
    expect(argv.at(last)).toBe('--b')
    if (name === 'uv') expect(argv.at(-1)).toBe('/w/src')
  })

  test('uv without an executable given is found on PATH', () => {
    expect(frontendArgv(frontend('uv'), { ...CALL, uv: undefined })[0]).toBe('uv')
  })
})

describe('frontendRequirements', () => {
  test.each([
    ['build', ['build']],
    ['build[uv]', ['build[uv]']],
    ['pip', []],
    ['uv', ['uv']]
  ] as const)('%s needs %j in the build venv', (name, requirements) => {
    expect(frontendRequirements(frontend(name, ['--ignored']))).toEqual(requirements)
  })
})
