/**
 * The command line → a command, its one positional argument and flags.
 *
 * Tokens come from node's own `util.parseArgs` (built in, so nothing is added
 * to the bundle, and stable on Node 20 and 24). It runs with `strict: false`
 * and `tokens: true` because the rules here are ours to keep: a boolean also
 * takes `--name true|false` as two words, an unknown flag is answered with the
 * closest known one, and `--password` is refused without echoing its value.
 * Its strict mode would reject `--dry-run=false` and report errors in its own
 * words. commander was the other candidate; its optional-value booleans would
 * swallow a positional (`--dry-run pkg`), and its help cannot be the inputs
 * table without rewriting most of it.
 *
 * Which flags a command accepts is decided later (input-rules.ts); this
 * module only reads the words.
 */
import { parseArgs } from 'node:util'
import { UserError } from '../util/errors.js'
import { closest } from '../util/text.js'
import { INPUTS, type InputSpec } from './inputs.js'

export interface ParsedArgs {
  readonly command?: string
  readonly positional?: string
  /** Flag name → value, as given (booleans as `true` or `false`). */
  readonly inputs: ReadonlyMap<string, string>
  readonly help: boolean
  readonly version: boolean
  /** Print the stack trace of an unexpected error. */
  readonly debug: boolean
  /** publish: read the password from standard input. */
  readonly passwordStdin: boolean
}

/** Flags of the program itself, not inputs. */
const GLOBAL_FLAGS = ['help', 'version', 'debug', 'password-stdin'] as const
type GlobalFlag = (typeof GLOBAL_FLAGS)[number]

const BY_NAME: ReadonlyMap<string, InputSpec> = new Map(INPUTS.map(i => [i.name, i]))

/** What util.parseArgs needs to know: which flags take a value, and `-h`. */
const PARSE_OPTIONS = Object.fromEntries([
  ...INPUTS.map(spec => [spec.name, { type: spec.boolean ? 'boolean' : 'string' }] as const),
  ...GLOBAL_FLAGS.map(
    name => [name, { type: 'boolean', ...(name === 'help' ? { short: 'h' } : {}) }] as const
  )
])

function unknownFlag(raw: string, name: string): UserError {
  const negated = /^no-(.+)$/.exec(name)?.[1]
  if (negated && BY_NAME.get(negated)?.boolean) {
    return new UserError('unknown flag', { key: raw, hint: `write --${negated}=false` })
  }
  const suggestion = raw.startsWith('--') ? closest(name, BY_NAME.keys()) : undefined
  return new UserError('unknown flag', {
    key: raw,
    hint: suggestion ? `did you mean --${suggestion}?` : 'see wheelwright --help'
  })
}

/** `--archs --platform linux`: the next word is a flag, not the value. */
function isFlag(word: string): boolean {
  const name = /^--([^=]+)/.exec(word)?.[1]
  return (
    name !== undefined && (BY_NAME.has(name) || (GLOBAL_FLAGS as readonly string[]).includes(name))
  )
}

function notBoolean(name: string, value: string): UserError {
  return new UserError('takes true or false', {
    key: `--${name}`,
    value,
    hint: `write --${name}, --${name}=true or --${name}=false`
  })
}

/**
 * `--name value`, `--name=value`; a boolean also takes a bare `--name` (true)
 * and `--name true|false`. `--` ends the flags.
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const { tokens } = parseArgs({
    args: [...argv],
    options: PARSE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  const words = tokens.flatMap(t => (t.kind === 'positional' ? [t.value] : []))
  // The one short flag is -h, alone: `-hx` or `-dash` (a cluster with an h in it) is a
  // mistake, not a request for help that would exit 0 and let a CI step pass unbuilt.
  for (const token of tokens) {
    if (token.kind !== 'option' || token.rawName.startsWith('--')) continue
    const word = argv[token.index]
    if (word !== '-h') {
      throw new UserError('unknown flag', {
        key: word,
        hint: 'the one short flag is -h (help); write every other flag in full, e.g. --dry-run'
      })
    }
  }
  if (tokens.some(t => t.kind === 'option' && t.name === 'help')) {
    // Help wins over any mistake in the other words: it is what the user asked for.
    return {
      command: words[0],
      inputs: new Map(),
      help: true,
      version: false,
      debug: false,
      passwordStdin: false
    }
  }
  const inputs = new Map<string, string>()
  const positionals: string[] = []
  /** The boolean flag right before each positional, if any (`--fail-fast maybe`). */
  const afterBoolean = new Map<number, string>()
  const global: Record<GlobalFlag, boolean> = {
    help: false,
    version: false,
    debug: false,
    'password-stdin': false
  }
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') {
      const previous = tokens[t - 1]
      if (
        previous?.kind === 'option' &&
        previous.index === token.index - 1 &&
        !previous.inlineValue &&
        BY_NAME.get(previous.name)?.boolean
      )
        afterBoolean.set(positionals.length, previous.name)
      positionals.push(token.value)
      continue
    }
    const { name, rawName } = token
    if ((GLOBAL_FLAGS as readonly string[]).includes(name)) {
      global[name as GlobalFlag] = true
      continue
    }
    const spec = BY_NAME.get(name)
    if (!spec || rawName !== `--${name}`) throw unknownFlag(rawName, name)
    if (name === 'password') {
      // Never echo the value: it would be a secret in this error, too.
      throw new UserError(
        'is refused on the command line, where every user of the machine can read it (ps)',
        {
          key: '--password',
          hint: 'set TWINE_PASSWORD in the environment, or pipe it to --password-stdin'
        }
      )
    }
    let value = token.value
    if (spec.boolean && !token.inlineValue) {
      const next = tokens[t + 1]
      const word =
        next?.kind === 'positional' && next.index === token.index + 1 ? next.value : undefined
      if (word === 'true' || word === 'false') {
        value = word
        t++
      } else value = 'true'
    }
    if (value === undefined || (!token.inlineValue && isFlag(value))) {
      throw new UserError('needs a value', { key: `--${name}`, hint: `write --${name} VALUE` })
    }
    if (spec.boolean && value !== 'true' && value !== 'false') throw notBoolean(name, value)
    inputs.set(name, value)
  }
  if (positionals.length > 2) {
    const flag = [...afterBoolean].find(([index]) => index >= 2)
    if (flag) throw notBoolean(flag[1], positionals[flag[0]])
    throw new UserError('too many arguments', {
      value: positionals.slice(2).join(' '),
      hint: 'usage: wheelwright <command> [PACKAGE_DIR] [--flags]'
    })
  }
  const [command, positional] = positionals
  const { 'password-stdin': passwordStdin, ...flags } = global
  return { command, positional, inputs, ...flags, passwordStdin }
}
