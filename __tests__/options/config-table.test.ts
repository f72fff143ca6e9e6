/** The structure of [tool.cibuildwheel] and [tool.wheelwright], and the [[overrides]] list. */
import { describe, expect, test } from '@jest/globals'
import { checkConfigTables, parseOverrides } from '../../src/options/config-table.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { UserError } from '../../src/util/errors.js'

const project = (toml: string) =>
  parsePyproject(`[project]\nname = "demo"\nversion = "1.0"\n${toml}`, 'pyproject.toml')

/** The UserError `run` throws, as `key: message` and its hint. */
function refusal(run: () => unknown): { text: string; hint?: string } {
  try {
    run()
  } catch (error) {
    if (error instanceof UserError)
      return { text: error.message.split('. Hint:')[0], hint: error.hint }
    throw error
  }
  throw new Error('nothing was thrown')
}

describe('checkConfigTables', () => {
  test.each([
    ['no tables at all', ''],
    [
      'options, platform tables and overrides',
      '[tool.cibuildwheel]\nbuild = "cp3*"\ntest-command = ["pytest", "-x"]\nenvironment = { A = "1" }\n[tool.cibuildwheel.linux]\nmanylinux-x86_64-image = "manylinux_2_28"\n[tool.cibuildwheel.macos]\narchs = ["arm64"]\n[[tool.cibuildwheel.overrides]]\nselect = "cp39-*"\ntest-command = "true"'
    ],
    ['our own table', '[tool.wheelwright]\nparallel = 4\ncache = false\ncache-dir = "/tmp/c"'],
    ['[project] fields of the right types', 'requires-python = ">=3.9"']
  ])('%s: accepted', (_name, toml) => {
    expect(() => checkConfigTables(project(toml))).not.toThrow()
  })

  test.each<[string, string, string, RegExp | undefined]>([
    [
      'an unknown key, with the nearest one',
      '[tool.cibuildwheel]\ntest-comand = "pytest"',
      'tool.cibuildwheel.test-comand: is not an option',
      /did you mean test-command\?/
    ],
    [
      'an unknown key nothing is near',
      '[tool.cibuildwheel]\nzzzzzzzzzzzz = 1',
      'tool.cibuildwheel.zzzzzzzzzzzz: is not an option',
      /see the list of options in the README/
    ],
    [
      'an unknown key in a platform table',
      '[tool.cibuildwheel.linux]\nbefore-bulid = "x"',
      'tool.cibuildwheel.linux.before-bulid: is not an option',
      /did you mean before-build\?/
    ],
    [
      'a structural key inside a platform table',
      '[tool.cibuildwheel.linux.overrides]\nselect = "x"',
      'tool.cibuildwheel.linux.overrides: is not an option',
      undefined
    ],
    [
      'a platform table that is not a table',
      '[tool.cibuildwheel]\nlinux = "x"',
      `tool.cibuildwheel.linux: must be a table (got "x")`,
      undefined
    ],
    [
      "another platform's option in a platform table",
      '[tool.cibuildwheel.macos]\nmanylinux-x86_64-image = "manylinux_2_28"',
      'tool.cibuildwheel.macos.manylinux-x86_64-image: only applies to linux',
      /move it to \[tool\.cibuildwheel\.linux\] or \[tool\.cibuildwheel\]/
    ],
    [
      'a value of a shape its option does not take',
      '[tool.cibuildwheel]\nbefore-build = { a = 1 }',
      `tool.cibuildwheel.before-build: cannot take a table (got "{\\"a\\":1}")`,
      /see the cibuildwheel documentation of before-build/
    ],
    [
      'a wrong shape even where an input would override it',
      '[tool.cibuildwheel.windows]\nbuild-verbosity = [1]',
      `tool.cibuildwheel.windows.build-verbosity: cannot take a list (got "[1]")`,
      undefined
    ],
    [
      'an unknown key of ours',
      '[tool.wheelwright]\nparalel = 2',
      'tool.wheelwright.paralel: is not an option',
      /did you mean parallel\?/
    ],
    [
      'a table as our value',
      '[tool.wheelwright]\ncache = { on = true }',
      `tool.wheelwright.cache: must be a string, number or boolean (got "{\\"on\\":true}")`,
      undefined
    ],
    [
      'project.version that is no string',
      '[project]\nname = "demo"\nversion = 1.5\n',
      `project.version: must be a string (got "1.5")`,
      undefined
    ],
    [
      'requires-python that is no string',
      '[project]\nname = "demo"\nrequires-python = [">=3.9"]\n',
      `project.requires-python: must be a string (got "[\\">=3.9\\"]")`,
      /write a specifier such as ">=3\.9"/
    ]
  ])('%s: refused', (_name, toml, text, hint) => {
    // A case that writes its own [project] table replaces the default one.
    const config = toml.startsWith('[project]')
      ? parsePyproject(toml, 'pyproject.toml')
      : project(toml)
    const error = refusal(() => checkConfigTables(config))
    expect(error.text).toBe(text)
    if (hint) expect(error.hint).toMatch(hint)
  })
})

describe('parseOverrides', () => {
  test('none without the key', () => {
    expect(parseOverrides({})).toEqual([])
  })

  test('each entry: its select (a list joined), its inherit rules and its options', () => {
    const config = project(
      '[tool.cibuildwheel]\n[[tool.cibuildwheel.overrides]]\nselect = ["cp39-*", "cp310-*"]\nbefore-build = "a"\ninherit.before-build = "append"\ninherit.environment = "prepend"\n[[tool.cibuildwheel.overrides]]\nselect = "*-musllinux_*"\nrepair-wheel-command = ""'
    ).cibuildwheel
    expect(parseOverrides(config)).toEqual([
      {
        select: 'cp39-* cp310-*',
        inherit: { 'before-build': 'append', environment: 'prepend' },
        options: { 'before-build': 'a' }
      },
      { select: '*-musllinux_*', inherit: {}, options: { 'repair-wheel-command': '' } }
    ])
  })

  test.each<[string, unknown, string, RegExp | undefined]>([
    [
      'overrides as one table',
      { select: 'x' },
      'tool.cibuildwheel.overrides: must be an array of tables',
      /\[\[tool\.cibuildwheel\.overrides\]\]/
    ],
    [
      'an entry that is no table',
      ['cp39-*'],
      'tool.cibuildwheel.overrides[0]: must be a table',
      undefined
    ],
    [
      'no select',
      [{ 'test-command': 'x' }],
      'tool.cibuildwheel.overrides[0].select: needs a select pattern',
      /select = "cp312-\*"/
    ],
    [
      'an empty select',
      [{ select: '  ' }],
      'tool.cibuildwheel.overrides[0].select: needs a select pattern',
      undefined
    ],
    [
      'a global option',
      [{ select: '*' }, { select: 'cp3*', archs: 'x86_64' }],
      'tool.cibuildwheel.overrides[1].archs: cannot be overridden per identifier',
      /set it in \[tool\.cibuildwheel\] instead/
    ],
    [
      'an unknown option',
      [{ select: '*', 'test-comand': 'x' }],
      'tool.cibuildwheel.overrides[0].test-comand: unknown option in override',
      /did you mean test-command\?/
    ],
    [
      'a value of the wrong shape',
      [{ select: '*', environment: ['A=1'] }],
      `tool.cibuildwheel.overrides[0].environment: cannot take a list (got "[\\"A=1\\"]")`,
      undefined
    ],
    [
      'an unknown inherit rule',
      [{ select: '*', inherit: { environment: 'merge' } }],
      `tool.cibuildwheel.overrides[0].inherit.environment: is not an inherit rule (got "merge")`,
      /use none, append or prepend/
    ],
    [
      'a select pattern that expands too far',
      [{ select: '{a,b}'.repeat(12) }],
      'tool.cibuildwheel.overrides[0].select: expands to more than 1000 patterns',
      undefined
    ]
  ])('%s: refused', (_name, overrides, text, hint) => {
    const error = refusal(() => parseOverrides({ overrides } as never))
    expect(error.text).toMatch(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    if (hint) expect(error.hint).toMatch(hint)
  })
})
