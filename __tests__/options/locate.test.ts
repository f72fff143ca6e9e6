/** The line of a config key in pyproject.toml, and errors placed there. */
import { describe, expect, test } from '@jest/globals'
import { keyLine, locateError } from '../../src/options/locate.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { UserError } from '../../src/util/errors.js'

const TOML = `[project]
name = "demo"            # line 2
requires-python = ">=3.9"

[tool.cibuildwheel]
build = "cp3*"
skip = [
  "pp*",                   # archs = "inside an array"
  "*musllinux*",
]
test-command = """
archs = 'inside a string'
"""
build-frontend = "nope"
linux.archs = "x86_64"
"container-engine" = "podman"
macos = { archs = ["arm64"] }

[tool.cibuildwheel.windows]
archs = "AMD64"

[[tool.cibuildwheel.overrides]]
select = "cp39-*"
environment = { A = "1" }

[[tool.cibuildwheel.overrides]]
select = "cp312-*"
build-frontend = "pip"
`

describe('the line of a key', () => {
  test.each([
    ['project.name', 2],
    ['project.requires-python', 3],
    ['tool.cibuildwheel', 5],
    ['tool.cibuildwheel.build', 6],
    ['tool.cibuildwheel.skip', 7],
    ['tool.cibuildwheel.test-command', 11],
    ['tool.cibuildwheel.build-frontend', 14],
    ['tool.cibuildwheel.linux.archs', 15],
    ['tool.cibuildwheel.container-engine', 16],
    // An inline table: the line that opens it.
    ['tool.cibuildwheel.macos.archs', 17],
    ['tool.cibuildwheel.windows', 19],
    ['tool.cibuildwheel.windows.archs', 20],
    ['tool.cibuildwheel.overrides[0]', 22],
    ['tool.cibuildwheel.overrides[0].environment', 24],
    ['tool.cibuildwheel.overrides[1].select', 27],
    ['tool.cibuildwheel.overrides[1].build-frontend', 28],
    // Not in the file: the nearest table that is.
    ['tool.cibuildwheel.archs', 5],
    ['tool.wheelwright.parallel', undefined]
  ])('%s is on line %j', (key, line) => {
    expect(keyLine(TOML, key)).toBe(line)
  })
})

describe('errors placed at their line', () => {
  const sources = { tool: { file: '/w/pyproject.toml', text: TOML } }

  test.each([
    ['a tool key', 'tool.cibuildwheel.windows.archs', { file: '/w/pyproject.toml', line: 20 }],
    ['an input', 'archs', undefined],
    ['no key', undefined, undefined]
  ])('%s', (_name, key, location) => {
    const error = new UserError('bad', { ...(key ? { key } : {}), hint: 'fix it' })
    const placed = locateError(error, sources) as UserError
    expect(placed.location).toEqual(location)
    expect(placed.message).toBe(error.message)
  })

  function resolveWith(toml: string, inputs: Record<string, string>, env = {}) {
    const options = resolveOptions({
      inputs: new Map(Object.entries(inputs)),
      env,
      runner: { platform: 'linux', machine: 'x86_64' },
      project: parsePyproject(toml, 'pyproject.toml'),
      packageDir: '/w',
      packageInput: '.',
      sources: { tool: { file: '/w/pyproject.toml', text: toml } }
    })
    return () => options.buildOptions('cp312-manylinux_x86_64')
  }

  test.each([
    ['from [tool.cibuildwheel]: its line', 'nope', {}, 4, 'build-frontend'],
    [
      'from CIBW_*: no file, the variable named',
      'pip',
      { CIBW_BUILD_FRONTEND: 'nope' },
      undefined,
      'CIBW_BUILD_FRONTEND'
    ]
  ])('an option value %s', (_name, written, env, line, key) => {
    const toml = `[project]\nname = "x"\n[tool.cibuildwheel]\nbuild-frontend = "${written}"\n`
    let error: UserError | undefined
    try {
      resolveWith(toml, {}, env)()
    } catch (e) {
      error = e as UserError
    }
    expect(error?.message).toMatch(new RegExp(`^${key}: unknown build frontend`))
    expect(error?.location?.line).toBe(line)
  })

  // enable adds CIBW_ENABLE to the config's groups: the error names the source that holds the bad one.
  test.each([
    ['a bad group in the config, a good CIBW_ENABLE', '["pypi"]', 'pypy', 'enable', 4],
    ['a good config, a bad group in CIBW_ENABLE', '["pypy"]', 'graalpi', 'CIBW_ENABLE', undefined]
  ])('enable: %s', (_name, written, envValue, key, line) => {
    const toml = `[project]\nname = "x"\n[tool.cibuildwheel]\nenable = ${written}\n`
    let error: UserError | undefined
    try {
      resolveWith(toml, {}, { CIBW_ENABLE: envValue })()
    } catch (e) {
      error = e as UserError
    }
    expect(error?.message).toMatch(new RegExp(`^${key}: unknown enable group`))
    expect(error?.location?.line).toBe(line)
  })

  test('an override: the line in its own table', () => {
    const toml =
      '[project]\nname = "x"\n[tool.cibuildwheel]\nbuild-frontend = "pip"\n' +
      '[[tool.cibuildwheel.overrides]]\nselect = "cp312-*"\nbuild-frontend = "nope"\n'
    expect(() => resolveWith(toml, {})()).toThrow(
      expect.objectContaining({ location: { file: '/w/pyproject.toml', line: 7 } })
    )
  })

  test('a syntax error names its line', () => {
    expect(() =>
      parsePyproject('[tool]\nx = = 1\n', 'pyproject.toml', '/w/pyproject.toml')
    ).toThrow(expect.objectContaining({ location: { file: '/w/pyproject.toml', line: 2 } }))
  })
})
