/** The words of the command line: the command, its argument, the flags and their values. */
import { describe, expect, test } from '@jest/globals'
import { parseCliArgs } from '../../src/options/cli-args.js'

describe('boolean flags', () => {
  test.each([
    [['build', '--dry-run'], 'true'],
    [['build', '--dry-run=true'], 'true'],
    [['build', '--dry-run=false'], 'false'],
    [['build', '--dry-run', 'false'], 'false'],
    [['build', '--dry-run', 'true', 'pkg'], 'true'],
    [['build', '--dry-run', 'pkg'], 'true'],
    [['build', '--fail-fast', 'false', '--dry-run'], 'true']
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv).inputs.get('dry-run')).toBe(expected)
  })

  test('a bare boolean leaves the next word a positional', () => {
    expect(parseCliArgs(['build', '--dry-run', 'pkg']).positional).toBe('pkg')
  })
})

describe('values, positionals and program flags', () => {
  test.each([
    [
      ['plan', 'pkg', '--archs', 'x86_64 i686', '--platform=linux'],
      { command: 'plan', positional: 'pkg', inputs: { archs: 'x86_64 i686', platform: 'linux' } }
    ],
    [['build', '--archs=', 'pkg'], { command: 'build', positional: 'pkg', inputs: { archs: '' } }],
    [
      ['build', '--test-command', 'build'],
      { command: 'build', inputs: { 'test-command': 'build' } }
    ],
    [['build', '--', '--not-a-flag'], { command: 'build', positional: '--not-a-flag', inputs: {} }],
    [['build', '--skip', 'a', '--skip', 'b'], { command: 'build', inputs: { skip: 'b' } }],
    [['publish', '--user', 'alice'], { command: 'publish', inputs: { user: 'alice' } }]
  ])('%j', (argv, expected) => {
    const parsed = parseCliArgs(argv)
    expect({
      command: parsed.command,
      ...(parsed.positional !== undefined ? { positional: parsed.positional } : {}),
      inputs: Object.fromEntries(parsed.inputs)
    }).toEqual(expected)
  })

  test.each([
    [['--version'], { version: true, help: false, debug: false }],
    [['build', '-h'], { version: false, help: true, debug: false }],
    [['build', '--debug', '--dry-run'], { version: false, help: false, debug: true }]
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toMatchObject(expected)
  })

  test('help wins over mistakes in the other words', () => {
    const parsed = parseCliArgs(['build', '--archz', 'x', 'y', 'z', '--help'])
    expect(parsed).toMatchObject({ command: 'build', help: true })
    expect(parsed.inputs.size).toBe(0)
  })
})

describe('mistakes', () => {
  test.each([
    [['plan', '--archz', 'all'], 'error: --archz: unknown flag. Hint: did you mean --archs?'],
    [['build', '--no-dry-run'], '--no-dry-run: unknown flag. Hint: write --dry-run=false'],
    [
      ['build', '-x'],
      '-x: unknown flag. Hint: the one short flag is -h (help); write every other flag in full'
    ],
    [['build', '-hx'], '-hx: unknown flag'],
    [['build', '-dash'], '-dash: unknown flag'],
    [['build', 'pkg', '--dry-run', '-xh'], '-xh: unknown flag'],
    [['-hx'], '-hx: unknown flag'],
    [['build', '---archs', 'x'], '---archs: unknown flag'],
    [['plan', '--archs'], '--archs: needs a value. Hint: write --archs VALUE'],
    [['plan', '--archs', '--platform', 'linux'], '--archs: needs a value'],
    [
      ['build', '--dry-run=maybe'],
      '--dry-run: takes true or false (got "maybe"). Hint: write --dry-run, --dry-run=true or --dry-run=false'
    ],
    [['build', 'pkg', '--fail-fast', 'maybe'], '--fail-fast: takes true or false (got "maybe")'],
    [['build', 'pkg', 'extra'], 'too many arguments (got "extra")'],
    [['publish', '--password', 'pypi-secret'], '--password: is refused on the command line'],
    [
      ['publish', '--password=pypi-secret'],
      'set TWINE_PASSWORD in the environment, or pipe it to --password-stdin'
    ]
  ])('%j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message.replace(/^error: /, ''))
  })

  test('the refused password is never echoed', () => {
    expect(() => parseCliArgs(['publish', '--password=pypi-secret'])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('pypi-secret') })
    )
  })
})
