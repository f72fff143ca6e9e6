/**
 * The rules of the inputs table, for both entry points: which inputs a
 * command reads (`commands`), which exist only in the action (`actionOnly`),
 * other actions' names (`aliasOf`) and inputs kept only for other actions'
 * users (`noEffect`). On the command line a flag that means nothing to the
 * command is an error; in the action it is a warning, as one `with:` block is
 * often shared by several steps.
 */
import { UserError } from '../util/errors.js'
import { COMMAND_SPECS, INPUTS, type InputSpec } from './inputs.js'
import type { Command } from '../model/options.js'
import type { ParsedArgs } from './cli-args.js'

export interface ReadInputs {
  /** Input name → value, every alias replaced by its target. */
  readonly inputs: Map<string, string>
  readonly warnings: readonly string[]
}

const BY_NAME: ReadonlyMap<string, InputSpec> = new Map(INPUTS.map(i => [i.name, i]))
const COMMAND_NAMES: readonly string[] = COMMAND_SPECS.map(c => c.name)

/** The commands an input applies to, with words: `build or publish`. */
function commandList(commands: readonly Command[]): string {
  return commands.length === 1
    ? commands[0]
    : `${commands.slice(0, -1).join(', ')} or ${commands[commands.length - 1]}`
}

/** An input's target after aliases: `packages-dir` reads as `dist-dir`. */
export function canonicalName(name: string): string {
  return BY_NAME.get(name)?.aliasOf ?? name
}

/**
 * Aliases to their targets (both given with different values is an error
 * naming both) and a warning for each input that has no effect here.
 * `label` spells an input as the user wrote it (`--dist-dir` or `dist-dir`).
 */
function applyAliases(
  given: ReadonlyMap<string, string>,
  label: (name: string) => string
): ReadInputs {
  const inputs = new Map<string, string>()
  const warnings: string[] = []
  for (const [name, value] of given) {
    const spec = BY_NAME.get(name)
    if (spec?.noEffect) {
      warnings.push(`${label(name)}: ${spec.noEffect}; ignored (got ${JSON.stringify(value)})`)
      continue
    }
    const target = canonicalName(name)
    if (target === name) {
      if (!inputs.has(name)) inputs.set(name, value)
      continue
    }
    const other = given.get(target)
    if (other !== undefined && other.trim() !== value.trim()) {
      const values = `${JSON.stringify(value)} and ${JSON.stringify(other)}`
      throw new UserError(`and ${label(target)} are one input, given two values (${values})`, {
        key: label(name),
        hint: `${name} is ${spec?.from?.join(' and ')}'s name for ${target}: give only ${label(target)}`
      })
    }
    inputs.set(target, value)
  }
  return { inputs, warnings }
}

function parseCommand(value: string, key: string): Command {
  if (COMMAND_NAMES.includes(value)) return value as Command
  throw new UserError('unknown command', {
    key,
    value,
    hint: `use one of ${COMMAND_NAMES.join(', ')}; see wheelwright --help`
  })
}

/**
 * The command line's inputs: the command, the positional argument as the
 * input it stands for, and the flags, each checked against the command.
 */
export function cliInputs(args: ParsedArgs): ReadInputs {
  const command = parseCommand(args.command ?? '', 'command')
  for (const name of args.inputs.keys()) {
    const spec = BY_NAME.get(name)!
    if (spec.actionOnly) {
      throw new UserError(
        `is an input of the GitHub Action, not a flag of wheelwright ${command}`,
        {
          key: `--${name}`,
          value: args.inputs.get(name),
          hint: spec.actionOnly
        }
      )
    }
    if (!spec.commands.includes(command)) {
      throw new UserError(`means nothing to wheelwright ${command}`, {
        key: `--${name}`,
        hint: `it is a flag of wheelwright ${commandList(spec.commands)}; see wheelwright ${command} --help`
      })
    }
  }
  const given = new Map(args.inputs)
  const argument = COMMAND_SPECS.find(c => c.name === command)!.argument
  if (args.positional !== undefined) {
    const flag = [...given].find(([name]) => canonicalName(name) === argument.input)
    if (flag && flag[1] !== args.positional) {
      const values = `${JSON.stringify(args.positional)} and ${JSON.stringify(flag[1])}`
      throw new UserError(`and --${flag[0]} both set ${argument.input} (${values})`, {
        key: argument.name,
        hint: `give ${argument.name} or --${argument.input}, not both`
      })
    }
    given.set(argument.input, args.positional)
  }
  const read = applyAliases(given, name => `--${name}`)
  read.inputs.set('command', command)
  return read
}

/**
 * The action's inputs from INPUT_* variables, as @actions/core reads them.
 * An input left at its action.yml default counts as not given.
 */
export function readActionInputs(getInput: (name: string) => string): ReadInputs {
  const given = new Map<string, string>()
  const explicit: InputSpec[] = []
  for (const spec of INPUTS) {
    if (spec.cliOnly) continue
    const value = getInput(spec.name)
    if (value === '') continue
    given.set(spec.name, value)
    if (value !== (spec.actionDefault ?? '')) explicit.push(spec)
  }
  const commandValue = given.get('command')?.trim() || 'build'
  // An unknown command is refused, naming it, when the options are resolved.
  const command = COMMAND_NAMES.includes(commandValue) ? (commandValue as Command) : undefined
  const read = applyAliases(given, name => name)
  const warnings = [...read.warnings]
  for (const spec of explicit) {
    if (command && !spec.commands.includes(command) && !spec.noEffect) {
      warnings.push(
        `${spec.name}: has no effect with command: ${command} (it is read by ${commandList(spec.commands)}); ignored`
      )
    }
  }
  return { inputs: read.inputs, warnings }
}

/** The variable the runner sets for an input: `INPUT_` and the name in upper case. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

const KNOWN_VARIABLES: ReadonlySet<string> = new Set(
  INPUTS.filter(i => !i.cliOnly).map(i => inputVariable(i.name))
)

/**
 * The `INPUT_*` variables that name no input of the action (the runner passes
 * every `with:` key, declared or not), sorted. A name the action does not
 * read is never silently dropped: it may have been meant to send the files
 * somewhere else.
 */
export function unknownInputVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(env)
    .filter(name => /^INPUT_/i.test(name) && !KNOWN_VARIABLES.has(name.toUpperCase()))
    .sort()
}

/** An input the action does not know, in a run that publishes: exit 2 before any work. */
export class UnknownInputError extends UserError {}

/**
 * For a run that publishes, unknown inputs are an error naming each; for any
 * other run, one warning each.
 */
export function checkUnknownInputs(variables: readonly string[], publishes: boolean): string[] {
  const named = variables.map(v => `${v.slice('INPUT_'.length).toLowerCase()} (${v})`)
  if (variables.length === 0) return []
  if (publishes) {
    throw new UnknownInputError(
      `wheelwright has no input named ${named.join(', ')}; nothing was built or uploaded`,
      {
        key: 'with',
        hint: "a publishing step stops on an input it would not read, as it may have meant another index or directory: fix the spelling, or remove it (the README lists every input, and the other actions' names that are read)"
      }
    )
  }
  return named.map(
    n =>
      `with: wheelwright has no input named ${n}; ignored (check the spelling; the README lists every input)`
  )
}
