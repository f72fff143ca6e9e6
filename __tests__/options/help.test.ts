/** The help of wheelwright and of each command, made from the inputs table. */
import { describe, expect, test } from '@jest/globals'
import { commandHelp, mainHelp } from '../../src/options/help.js'
import { COMMAND_SPECS, INPUTS } from '../../src/options/inputs.js'

const COMMANDS = COMMAND_SPECS.map(c => c.name)
/** The flags a help text lists, at the start of an entry. */
const listed = (help: string) => [...help.matchAll(/^ {2}(--[a-z0-9-]+)/gm)].map(m => m[1])

describe('each command lists exactly the flags it reads', () => {
  test.each(COMMANDS)('%s', command => {
    const argument = COMMAND_SPECS.find(c => c.name === command)!.argument.input
    const expected = INPUTS.filter(
      i =>
        i.commands.includes(command) &&
        !i.actionOnly &&
        i.name !== 'password' &&
        i.name !== argument
    ).map(i => `--${i.name}`)
    expect(listed(commandHelp(command))).toEqual([...expected, '--version', '--debug'])
  })
})

describe('what an entry says', () => {
  test.each([
    ['build', /^ {2}--output-dir DIR +Where finished wheels go/m],
    ['build', '[default: wheelhouse]'],
    ['build', /^ {2}--fail-fast\[=true\|false\] +Stop at the first failed identifier/m],
    ['build', /^ {2}PACKAGE_DIR +The project, the directory of its pyproject.toml;\n/m],
    ['build', /Also --package-dir\s+DIR\. \[default: \.\]/],
    ['build', /^ {2}--user NAME +username, under/m],
    ['plan', '  --print-identifiers[=true|false]\n'],
    ['publish', 'usage: wheelwright publish [DIST_DIR] [flags]'],
    ['publish', /Also --dist-dir\s+DIR\. \[default: dist\]/],
    ['publish', /^ {2}--packages-dir DIR +dist-dir, under/m],
    ['publish', 'read from TWINE_PASSWORD'],
    ['sdist', 'Build the source distribution into output-dir.']
  ])('%s: %s', (command, text) => {
    const help = commandHelp(command as (typeof COMMANDS)[number])
    if (typeof text === 'string') expect(help).toContain(text)
    else expect(help).toMatch(text)
  })

  test.each(COMMANDS)('%s: no action-only input, no password flag, no markdown', command => {
    const help = commandHelp(command)
    for (const spec of INPUTS.filter(i => i.actionOnly))
      expect(help).not.toContain(`--${spec.name}`)
    expect(help).not.toMatch(/--password(?!-stdin)/)
    expect(help).not.toContain('`')
  })

  test.each([...COMMANDS, undefined])('%s: every line fits in 80 columns', command => {
    const help = command ? commandHelp(command) : mainHelp()
    const long = help.split('\n').filter(line => line.length > 80 && !/^ {2}--\S+$/.test(line))
    expect(long).toEqual([])
  })
})

describe('wheelwright --help', () => {
  test('lists every command with its argument and summary', () => {
    const help = mainHelp()
    for (const spec of COMMAND_SPECS) {
      expect(help).toMatch(new RegExp(`^ {2}${spec.name} \\[${spec.argument.name}\\] +\\S`, 'm'))
    }
    expect(help).toContain('wheelwright <command> --help')
  })
})
