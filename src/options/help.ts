/**
 * `wheelwright --help` and `wheelwright <command> --help`, made from the
 * inputs table: each command lists only the flags it reads, with their
 * descriptions and defaults, so the help cannot drift from the action's docs.
 */
import { COMMAND_SPECS, INPUTS, type CommandSpec, type InputSpec } from './inputs.js'
import type { Command } from '../model/options.js'

const WIDTH = 80
const INDENT = 2
/** Where descriptions start; a longer flag puts its description on the next line. */
const COLUMN = 28

const GLOBAL_FLAGS: readonly (readonly [string, string])[] = [
  ['-h, --help', 'Show this help; after a command, the flags of that command.'],
  ['--version', 'Print the version of wheelwright.'],
  ['--debug', 'Print the stack trace of an unexpected error.']
]

/** Markdown code spans read as plain words on a terminal. */
const plain = (text: string) => text.replace(/`([^`]*)`/g, '$1')

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return line ? [...lines, line] : lines
}

/** One entry: the term, then its text wrapped in the description column. */
function entry(term: string, text: string): string[] {
  const body = wrap(text, WIDTH - COLUMN)
  const head = ' '.repeat(INDENT) + term
  const pad = ' '.repeat(COLUMN)
  if (head.length + 2 > COLUMN) return [head, ...body.map(l => pad + l)]
  return [head.padEnd(COLUMN) + (body[0] ?? ''), ...body.slice(1).map(l => pad + l)]
}

function flagTerm(spec: InputSpec): string {
  return spec.boolean ? `--${spec.name}[=true|false]` : `--${spec.name} ${spec.metavar ?? 'VALUE'}`
}

function described(spec: InputSpec): string {
  const text = plain(spec.description)
  return spec.default ? `${text} [default: ${spec.default}]` : text
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length > 0 ? ['', `${title}:`, ...lines] : []
}

function globalFlags(): string[] {
  return section(
    'flags of every command',
    GLOBAL_FLAGS.flatMap(([term, text]) => entry(term, text))
  )
}

/** The help of one command: its argument, its flags, other actions' names for them. */
export function commandHelp(command: Command): string {
  const spec = COMMAND_SPECS.find(c => c.name === command) as CommandSpec
  const argument = spec.argument
  const argumentSpec = INPUTS.find(i => i.name === argument.input) as InputSpec
  const flags = INPUTS.filter(
    i =>
      i.commands.includes(command) &&
      !i.actionOnly &&
      // The argument is listed above; the password is never a flag (TWINE_PASSWORD).
      i.name !== argument.input &&
      i.name !== 'password'
  )
  const own = flags.filter(i => !i.aliasOf && !i.noEffect)
  const others = flags.filter(i => i.aliasOf || i.noEffect)
  const release = flags.some(i => i.name === 'repository-url')
  return [
    `usage: wheelwright ${command} [${argument.name}] [flags]`,
    '',
    ...wrap(spec.summary, WIDTH),
    ...section(
      'argument',
      entry(
        argument.name,
        `${plain(argumentSpec.description)} Also --${argument.input} ${argumentSpec.metavar}. [default: ${argumentSpec.default}]`
      )
    ),
    ...section(
      'flags',
      own.flatMap(i => entry(flagTerm(i), described(i)))
    ),
    ...section(
      "other actions' names",
      others.flatMap(i => entry(flagTerm(i), described(i)))
    ),
    ...globalFlags(),
    '',
    ...wrap(
      'Flags override [tool.cibuildwheel], [tool.wheelwright] and CIBW_* settings.' +
        (release
          ? ' The password (an API token) is read from TWINE_PASSWORD, or from standard input with --password-stdin, never from a flag; without one, publishing uses trusted publishing.'
          : ''),
      WIDTH
    ),
    ''
  ].join('\n')
}

/** `wheelwright --help`: the commands and the flags every command takes. */
export function mainHelp(): string {
  return [
    'usage: wheelwright <command> [ARGUMENT] [flags]',
    '',
    ...wrap(
      'Build, repair, test and publish Python wheels with native extensions for every Python, OS and architecture.',
      WIDTH
    ),
    ...section(
      'commands',
      COMMAND_SPECS.flatMap(c => entry(`${c.name} [${c.argument.name}]`, c.summary))
    ),
    ...globalFlags(),
    '',
    'Run `wheelwright <command> --help` for the flags of a command.',
    ''
  ].join('\n')
}
