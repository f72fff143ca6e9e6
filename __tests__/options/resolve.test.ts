/** The option cascade and its sources, table-driven. */
import { describe, expect, test } from '@jest/globals'
import { resolveOptions, type ResolveInput } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { INPUTS } from '../../src/options/inputs.js'

const runner = { platform: 'linux' as const, machine: 'x86_64' }

function resolve(
  toml: string,
  env: Record<string, string> = {},
  inputs: Record<string, string> = {}
) {
  const input: ResolveInput = {
    inputs: new Map(Object.entries(inputs)),
    env,
    runner,
    project: parsePyproject(`[project]\nname = "x"\nversion = "1"\n${toml}`, 'pyproject.toml'),
    packageDir: '/project',
    packageInput: '.',
    cpuCount: 2
  }
  return resolveOptions(input)
}

describe('precedence: defaults → toml → platform table → overrides → CIBW_X → CIBW_X_PLATFORM → inputs', () => {
  const toml = `
[tool.cibuildwheel]
test-command = "toml"
[tool.cibuildwheel.linux]
test-command = "linux-table"
[[tool.cibuildwheel.overrides]]
select = "cp312-*"
test-command = "override"
`
  test.each([
    ['default', '', {}, {}, 'cp39-manylinux_x86_64', ''],
    ['toml', '[tool.cibuildwheel]\ntest-command = "toml"', {}, {}, 'cp39-manylinux_x86_64', 'toml'],
    ['platform table beats toml', toml, {}, {}, 'cp39-manylinux_x86_64', 'linux-table'],
    ['override beats platform table', toml, {}, {}, 'cp312-manylinux_x86_64', 'override'],
    [
      'CIBW_X beats override',
      toml,
      { CIBW_TEST_COMMAND: 'env' },
      {},
      'cp312-manylinux_x86_64',
      'env'
    ],
    [
      'CIBW_X_LINUX beats CIBW_X',
      toml,
      { CIBW_TEST_COMMAND: 'env', CIBW_TEST_COMMAND_LINUX: 'env-linux' },
      {},
      'cp312-manylinux_x86_64',
      'env-linux'
    ],
    [
      'CIBW_X_MACOS does not apply on linux',
      toml,
      { CIBW_TEST_COMMAND_MACOS: 'mac' },
      {},
      'cp39-manylinux_x86_64',
      'linux-table'
    ],
    [
      'input beats everything',
      toml,
      { CIBW_TEST_COMMAND_LINUX: 'env-linux' },
      { 'test-command': 'input' },
      'cp312-manylinux_x86_64',
      'input'
    ],
    [
      'empty env value overrides for commands',
      toml,
      { CIBW_TEST_COMMAND: '' },
      {},
      'cp39-manylinux_x86_64',
      ''
    ],
    [
      'an empty input (a flag given empty) overrides too',
      toml,
      { CIBW_TEST_COMMAND: 'env' },
      { 'test-command': '' },
      'cp312-manylinux_x86_64',
      ''
    ]
  ])('%s', (_name, tomlText, env, inputs, identifier, expected) => {
    expect(resolve(tomlText, env, inputs).buildOptions(identifier).testCommand).toBe(expected)
  })

  test.each<[string, Record<string, string>, Record<string, string>]>([
    ['CIBW_REPAIR_WHEEL_COMMAND=', { CIBW_REPAIR_WHEEL_COMMAND: '' }, {}],
    ['--repair-wheel-command (empty)', {}, { 'repair-wheel-command': '' }],
    ['--repair-wheel-command (blank)', {}, { 'repair-wheel-command': '  ' }]
  ])('%s disables repair, as in cibuildwheel', (_name, env, inputs) => {
    expect(resolve('', env, inputs).buildOptions('cp312-manylinux_x86_64').repairCommand).toBe('')
    expect(resolve('').buildOptions('cp312-manylinux_x86_64').repairCommand).toMatch(
      /^auditwheel repair/
    )
  })

  test('list values join per option', () => {
    const options = resolve(`
[tool.cibuildwheel]
before-build = ["a", "b"]
test-requires = ["pytest", "numpy>=2; python_version > '3.10'"]
test-extras = ["x", "y"]
config-settings = { "--build-option" = ["--a", "--b"], setup-args = "-Dx=1" }
environment = { CFLAGS = "-O2", PATH = "$PATH:/x" }
`)
    const build = options.buildOptions('cp312-manylinux_x86_64')
    expect(build.beforeBuild).toBe('a && b')
    expect(build.testRequires).toEqual(['pytest', "numpy>=2; python_version > '3.10'"])
    expect(build.testExtras).toBe('x,y')
    expect(build.configSettings).toEqual([
      '--build-option=--a',
      '--build-option=--b',
      'setup-args=-Dx=1'
    ])
    expect(build.environment).toBe('CFLAGS="-O2" PATH="$PATH:/x"')
  })

  test('override inherit append and prepend', () => {
    const options = resolve(`
[tool.cibuildwheel]
before-build = "base"
environment = { A = "1" }
[[tool.cibuildwheel.overrides]]
select = "cp39-*"
inherit.before-build = "append"
inherit.environment = "prepend"
before-build = "extra"
environment = { B = "2" }
`)
    const build = options.buildOptions('cp39-manylinux_x86_64')
    expect(build.beforeBuild).toBe('base && extra')
    expect(build.environment).toBe('B="2" A="1"')
    expect(options.buildOptions('cp310-manylinux_x86_64').beforeBuild).toBe('base')
  })

  test('CIBW_ENABLE adds to the TOML groups', () => {
    const options = resolve('[tool.cibuildwheel]\nenable = ["pypy"]', { CIBW_ENABLE: 'graalpy' })
    expect([...options.enable].sort()).toEqual(['graalpy', 'pypy'])
  })

  test('CIBW_BUILD_LINUX is not read (no platform variant for build)', () => {
    expect(resolve('', { CIBW_BUILD_LINUX: 'cp39-*' }).build).toBe('*')
  })

  test('image inputs apply to every arch', () => {
    const options = resolve('', {}, { 'manylinux-image': 'manylinux_2_34' })
    expect(options.buildOptions('cp312-manylinux_aarch64').image).toBe('manylinux_2_34')
    expect(options.buildOptions('cp312-musllinux_x86_64').image).toBe('musllinux_1_2')
  })

  test('tool.wheelwright keys and their input overrides', () => {
    const toml = '[tool.wheelwright]\nparallel = 3\nfail-fast = false\npython-versions = ">=3.11"'
    expect(resolve(toml).parallel).toBe(3)
    expect(resolve(toml).failFast).toBe(false)
    expect(resolve(toml, {}, { parallel: 'auto' }).parallel).toBe(2)
    expect(resolve(toml).selector.pythonVersions?.('3.10.99')).toBe(false)
    expect(resolve(toml).selector.pythonVersions?.('3.11.99')).toBe(true)
  })

  test('options are frozen', () => {
    const options = resolve('')
    expect(Object.isFrozen(options)).toBe(true)
    expect(Object.isFrozen(options.buildOptions('cp39-manylinux_x86_64'))).toBe(true)
  })

  test('build-frontend and container-engine strings', () => {
    const options = resolve(
      '[tool.cibuildwheel]\nbuild-frontend = { name = "pip", args = ["--no-build-isolation"] }',
      {
        CIBW_CONTAINER_ENGINE: 'podman; create_args: --userns=keep-id --cpus 2'
      }
    )
    const build = options.buildOptions('cp39-manylinux_x86_64')
    expect(build.frontend).toEqual({ name: 'pip', args: ['--no-build-isolation'] })
    expect(build.containerEngine).toEqual({
      name: 'podman',
      createArgs: ['--userns=keep-id', '--cpus', '2'],
      disableHostMount: false
    })
  })
})

describe('requires-python sources', () => {
  test('CIBW_PROJECT_REQUIRES_PYTHON overrides [project]', () => {
    const options = resolve('', { CIBW_PROJECT_REQUIRES_PYTHON: '>=3.13' })
    expect(options.requiresPython).toBe('>=3.13')
    expect(options.selector.requiresPython?.('3.12.99')).toBe(false)
  })
})

describe('python-versions: PEP 440 specifiers (npm-style ranges still read)', () => {
  const pythons = (spec: string) => {
    const selector = resolve('', {}, { 'python-versions': spec }).selector
    return ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14'].filter(v => selector.pythonVersions!(v))
  }
  test.each([
    ['>=3.12', ['3.12', '3.13', '3.14']],
    ['~=3.11', ['3.11', '3.12', '3.13', '3.14']],
    ['>=3.10,<3.13', ['3.10', '3.11', '3.12']],
    ['==3.12.*', ['3.12']],
    ['!=3.10,>=3.9,<3.12', ['3.9', '3.11']],
    ['3.10 - 3.12', ['3.10', '3.11', '3.12']],
    ['^3.13', ['3.13', '3.14']]
  ])('%s → %j', (spec, expected) => {
    expect(pythons(spec)).toEqual(expected)
  })

  test.each(['banana', '>=three', '3.10 -', '~~3'])('%j is refused', spec => {
    expect(() => pythons(spec)).toThrow(/python-versions: is not a valid version specifier/)
  })
})

describe('a boolean input with a bad value is refused, naming it', () => {
  test.each(INPUTS.filter(i => i.boolean && !i.aliasOf).map(i => i.name))('%s', name => {
    expect(() => resolve('', {}, { [name]: 'maybe' })).toThrow(
      `${name}: takes true or false (got "maybe")`
    )
  })

  test.each([
    ['yes', true],
    ['off', false],
    ['True', true]
  ])('%s reads as %s', (value, expected) => {
    expect(resolve('', {}, { 'skip-existing': value }).publish.skipExisting).toBe(expected)
  })
})

describe("the platforms' own settings, read from inputs or [tool.wheelwright]", () => {
  test.each<[string, string, Record<string, string>, Record<string, string | boolean | undefined>]>(
    [
      [
        'unset',
        '',
        {},
        {
          'macos-deployment-target': undefined,
          'msvc-toolset': undefined,
          'msvc-avoid-vcruntime140-1': false
        }
      ],
      [
        'from inputs',
        '',
        { 'macos-deployment-target': '11.0', 'msvc-avoid-vcruntime140-1': 'yes' },
        {
          'macos-deployment-target': '11.0',
          'msvc-toolset': undefined,
          'msvc-avoid-vcruntime140-1': true
        }
      ],
      [
        'from the toml',
        '[tool.wheelwright]\nmsvc-toolset = "14.29"\nmacos-deployment-target = 10.13',
        {},
        {
          'macos-deployment-target': '10.13',
          'msvc-toolset': '14.29',
          'msvc-avoid-vcruntime140-1': false
        }
      ]
    ]
  )('%s', (_name, toml, inputs, expected) => {
    expect(resolve(toml, {}, inputs).platformSettings).toEqual(expected)
  })

  test.each([
    [
      { 'macos-deployment-target': 'eleven' },
      '',
      'macos-deployment-target: is not a macOS version'
    ],
    [
      '',
      '[tool.wheelwright]\nmacos-deployment-target = "11.x"',
      'tool.wheelwright.macos-deployment-target: is not a macOS version'
    ],
    [{ 'msvc-avoid-vcruntime140-1': 'maybe' }, '', 'msvc-avoid-vcruntime140-1: takes true or false']
  ] as const)('a bad value is refused, naming its key: %j %j', (inputs, toml, message) => {
    expect(() => resolve(toml, {}, typeof inputs === 'string' ? {} : inputs)).toThrow(message)
  })
})

describe('compiler-cache: auto by default, one of four modes', () => {
  test.each([
    ['default', '', {}, 'auto'],
    ['tool.wheelwright', '[tool.wheelwright]\ncompiler-cache = "ccache"', {}, 'ccache'],
    [
      'the input beats the toml',
      '[tool.wheelwright]\ncompiler-cache = "ccache"',
      { 'compiler-cache': 'sccache' },
      'sccache'
    ],
    ['off', '', { 'compiler-cache': 'off' }, 'off'],
    ['false reads as off', '', { 'compiler-cache': 'false' }, 'off']
  ])('%s', (_name, toml, inputs, expected) => {
    expect(resolve(toml, {}, inputs as Record<string, string>).compilerCache).toBe(expected)
  })

  test.each([
    ['an unknown tool', '', { 'compiler-cache': 'distcc' }, 'distcc'],
    ['a misspelled mode', '[tool.wheelwright]\ncompiler-cache = "scache"', {}, 'scache'],
    ['true (no mode named)', '', { 'compiler-cache': 'true' }, 'true'],
    ['on (no mode named)', '[tool.wheelwright]\ncompiler-cache = "on"', {}, 'on']
  ])('refuses %s, naming the key, the value and the modes', (_name, toml, inputs, value) => {
    expect(() => resolve(toml, {}, inputs as Record<string, string>)).toThrow(
      `compiler-cache: is not one of the accepted values (got "${value}")`
    )
    expect(() => resolve(toml, {}, inputs as Record<string, string>)).toThrow(
      /use auto, sccache, ccache, off/
    )
  })
})
