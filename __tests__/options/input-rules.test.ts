/**
 * The inputs table's rules: flags refused by commands that do not read them,
 * action-only inputs, other actions' names, and the action's warnings.
 */
import { describe, expect, test } from '@jest/globals'
import { parseCliArgs } from '../../src/options/cli-args.js'
import { COMMAND_SPECS, INPUTS } from '../../src/options/inputs.js'
import {
  checkUnknownInputs,
  cliInputs,
  inputVariable,
  readActionInputs,
  UnknownInputError,
  unknownInputVariables
} from '../../src/options/input-rules.js'

const cli = (...argv: string[]) => cliInputs(parseCliArgs(argv))
const action = (given: Record<string, string>) =>
  readActionInputs(name => given[name] ?? { command: 'build', 'package-dir': '.' }[name] ?? '')
const COMMANDS = COMMAND_SPECS.map(c => c.name)

describe('on the command line, each flag belongs to the commands the table names', () => {
  const flags = INPUTS.filter(i => !i.actionOnly && i.name !== 'password')
  const cases = flags.flatMap(spec =>
    COMMANDS.map(command => [spec.name, command, spec.commands.includes(command)] as const)
  )
  test.each(cases)('--%s with %s: accepted %s', (name, command, accepted) => {
    const spec = INPUTS.find(i => i.name === name)!
    const argv = [command, spec.boolean ? `--${name}` : `--${name}=x`]
    if (accepted) expect(() => cli(...argv)).not.toThrow()
    else
      expect(() => cli(...argv)).toThrow(
        new RegExp(
          `^--${name}: means nothing to wheelwright ${command}\\. Hint: it is a flag of wheelwright .*${spec.commands[0]}`
        )
      )
  })
})

describe('refused on the command line', () => {
  test.each([
    [
      ['build', '--command', 'plan'],
      '--command: is an input of the GitHub Action, not a flag of wheelwright build (got "plan"). Hint: the command is the first word on the command line'
    ],
    [
      ['build', '--artifact-name', 'x'],
      '--artifact-name: is an input of the GitHub Action, not a flag of wheelwright build (got "x"). Hint: workflow artifacts exist only in a GitHub Actions run'
    ],
    [['build', '--upload-artifact=false'], '--upload-artifact: is an input of the GitHub Action'],
    [['build', '--artifact-retention-days', '100'], '--artifact-retention-days: is an input'],
    [['sdist', '--artifact-compression-level', '9'], '--artifact-compression-level: is an input'],
    [['publish', '--artifact-pattern', 'wheels-*'], 'publish takes DIST_DIR as it is'],
    [
      ['plan', '--dry-run'],
      '--dry-run: means nothing to wheelwright plan. Hint: it is a flag of wheelwright build, sdist or publish; see wheelwright plan --help'
    ],
    [
      ['sdist', '--repository-url', 'https://example.org/'],
      'it is a flag of wheelwright build or publish'
    ],
    [
      ['deploy'],
      'command: unknown command (got "deploy"). Hint: use one of plan, build, sdist, publish'
    ],
    [
      ['publish', 'dist', '--dist-dir', 'other'],
      'DIST_DIR: and --dist-dir both set dist-dir ("dist" and "other")'
    ],
    [
      ['publish', 'dist', '--packages-dir', 'other'],
      'DIST_DIR: and --packages-dir both set dist-dir'
    ],
    [
      ['publish', '--packages-dir', 'a', '--dist-dir', 'b'],
      '--packages-dir: and --dist-dir are one input, given two values ("a" and "b"). Hint: packages-dir is pypa/gh-action-pypi-publish\'s name for dist-dir: give only --dist-dir'
    ],
    [['publish', '--user', 'alice', '--username', 'bob'], '--user: and --username are one input']
  ])('%j', (argv, message) => {
    expect(() => cli(...argv)).toThrow(message)
  })
})

describe('accepted on the command line', () => {
  test.each([
    [['build'], { command: 'build' }],
    [['build', 'pkg'], { command: 'build', 'package-dir': 'pkg' }],
    [['publish', 'out'], { command: 'publish', 'dist-dir': 'out' }],
    [['publish', 'out', '--dist-dir', 'out'], { command: 'publish', 'dist-dir': 'out' }],
    [['publish', '--packages-dir', 'out'], { command: 'publish', 'dist-dir': 'out' }],
    [['publish', '--user', 'alice'], { command: 'publish', username: 'alice' }],
    [
      ['publish', '--user', 'alice', '--username', 'alice'],
      { command: 'publish', username: 'alice' }
    ],
    [
      ['publish', '--print-hash', '--verbose'],
      { command: 'publish', 'print-hash': 'true', verbose: 'true' }
    ],
    [['plan', '--print-identifiers'], { command: 'plan', 'print-identifiers': 'true' }]
  ])('%j', (argv, expected) => {
    const read = cli(...argv)
    expect(Object.fromEntries(read.inputs)).toEqual(expected)
    expect(read.warnings).toEqual([])
  })

  test('extras is accepted with a warning that says why it does nothing', () => {
    const read = cli('build', '--extras', 'uv')
    expect(read.inputs.has('extras')).toBe(false)
    expect(read.warnings).toEqual([
      '--extras: wheelwright installs uv itself when build-frontend is uv or build[uv], and needs no other extras; ignored (got "uv")'
    ])
  })
})

describe('in the action', () => {
  test('defaults of action.yml count as not given', () => {
    const read = action({ command: 'publish' })
    expect(Object.fromEntries(read.inputs)).toEqual({ command: 'publish', 'package-dir': '.' })
    expect(read.warnings).toEqual([])
  })

  test('CLI-only flags are not read', () => {
    expect(action({ matrix: 'true', 'cache-dir': '/c' }).inputs.has('matrix')).toBe(false)
  })

  test.each([
    [
      { command: 'plan', 'dry-run': 'true' },
      ['dry-run: has no effect with command: plan (it is read by build, sdist or publish); ignored']
    ],
    [
      { command: 'publish', archs: 'all', 'output-dir': 'out' },
      [
        'output-dir: has no effect with command: publish (it is read by build or sdist); ignored',
        'archs: has no effect with command: publish (it is read by build or plan); ignored'
      ]
    ],
    [{ command: 'sdist', 'upload-artifact': 'false', 'artifact-name': 'sd' }, []],
    [
      { command: 'plan', user: 'alice' },
      ['user: has no effect with command: plan (it is read by build or publish); ignored']
    ],
    [
      { extras: 'uv' },
      [
        'extras: wheelwright installs uv itself when build-frontend is uv or build[uv], and needs no other extras; ignored (got "uv")'
      ]
    ],
    // An unknown command is refused later, naming it; no warnings about the inputs first.
    [{ command: 'deploy', archs: 'all' }, []]
  ])('%j', (given, warnings) => {
    expect(action(given).warnings.slice().sort()).toEqual(warnings.slice().sort())
  })

  test.each([
    [
      { command: 'publish', repository_url: 'https://test.pypi.org/legacy/' },
      { 'repository-url': 'https://test.pypi.org/legacy/' }
    ],
    [{ command: 'publish', packages_dir: 'out' }, { 'dist-dir': 'out' }],
    [{ command: 'publish', skip_existing: 'true' }, { 'skip-existing': 'true' }],
    [{ command: 'publish', verify_metadata: 'false' }, { 'verify-metadata': 'false' }],
    [{ command: 'publish', print_hash: 'true' }, { 'print-hash': 'true' }],
    [{ name: 'wheels-a' }, { 'artifact-name': 'wheels-a' }],
    [{ 'retention-days': '3' }, { 'artifact-retention-days': '3' }],
    [{ command: 'publish', 'packages-dir': 'out' }, { 'dist-dir': 'out' }],
    [{ command: 'publish', user: 'alice' }, { username: 'alice' }],
    [{ command: 'publish', user: 'alice', username: 'alice' }, { username: 'alice' }]
  ])('%j is read as %j', (given, expected) => {
    const read = action(given)
    expect(Object.fromEntries(read.inputs)).toMatchObject(expected)
    for (const name of Object.keys(given).filter(n => !Object.keys(expected).includes(n)))
      if (name !== 'command') expect(read.inputs.has(name)).toBe(false)
  })

  test('an alias and its target with different values is an error naming both', () => {
    expect(() => action({ command: 'publish', 'packages-dir': 'a', 'dist-dir': 'b' })).toThrow(
      'packages-dir: and dist-dir are one input, given two values ("a" and "b")'
    )
  })
})

describe('INPUT_* variables the action does not know', () => {
  test('every input of the table, in either spelling the runner uses, is known', () => {
    const env = Object.fromEntries(
      INPUTS.filter(i => !i.cliOnly).map(i => [inputVariable(i.name), 'x'])
    )
    expect(unknownInputVariables(env)).toEqual([])
    expect(inputVariable('repository_url')).toBe('INPUT_REPOSITORY_URL')
    expect(inputVariable('repository-url')).toBe('INPUT_REPOSITORY-URL')
  })

  test('others are listed, sorted; other variables are not inputs', () => {
    expect(
      unknownInputVariables({
        'INPUT_REPOSITORY-URLS': 'x',
        INPUT_REPO_URL: '',
        'INPUT_DIST-DIR': 'dist',
        PATH: '/bin',
        MY_INPUT_X: '1'
      })
    ).toEqual(['INPUT_REPOSITORY-URLS', 'INPUT_REPO_URL'])
  })

  test('a publishing run stops, naming each', () => {
    expect(() => checkUnknownInputs(['INPUT_REPO_URL'], true)).toThrow(UnknownInputError)
    expect(() => checkUnknownInputs(['INPUT_REPO_URL', 'INPUT_X'], true)).toThrow(
      'with: wheelwright has no input named repo_url (INPUT_REPO_URL), x (INPUT_X); nothing was built or uploaded'
    )
  })

  test('any other run warns, one line each', () => {
    expect(checkUnknownInputs(['INPUT_REPO_URL'], false)).toEqual([
      'with: wheelwright has no input named repo_url (INPUT_REPO_URL); ignored (check the spelling; the README lists every input)'
    ])
    expect(checkUnknownInputs([], true)).toEqual([])
  })
})
