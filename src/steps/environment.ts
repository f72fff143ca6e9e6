/**
 * The `environment` and `test-environment` options: space-separated bash
 * assignments (`A=1 B="$A x" C=$(cmd) D=${A}`), as cibuildwheel reads them.
 * The grammar is checked here, before any build: each word must be one
 * `NAME=value`, with quotes, escapes, `$VAR`, `${VAR}`, `$(cmd)` and
 * backticks; anything else (`;`, `|`, `&&`, redirections, a bare word) is
 * refused as a malformed environment option, instead of running as a script.
 * The assignments are then evaluated in order by bash where the build runs,
 * and the variables they changed are read back with `env -0`.
 */
import { UserError } from '../util/errors.js'

export interface Assignment {
  readonly name: string
  /** The value as written (bash evaluates it). */
  readonly value: string
}

const METACHARACTERS: ReadonlySet<string> = new Set([';', '|', '&', '<', '>', '(', ')'])
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

class Malformed extends Error {}

/** The end (exclusive) of a `$(...)` or `${...}` starting at `open` (the `(` or `{`). */
function skipGroup(text: string, open: number): number {
  const close = text[open] === '(' ? ')' : '}'
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === "'" && close === ')') i = skipSingle(text, i)
    else if (c === '"') i = skipDouble(text, i) - 1
    else if (c === '`') i = skipBacktick(text, i) - 1
    else if (c === text[open]) depth++
    else if (c === close && --depth === 0) return i + 1
  }
  throw new Malformed(`unclosed ${text.slice(open - 1, open + 1)}`)
}

function skipSingle(text: string, at: number): number {
  const end = text.indexOf("'", at + 1)
  if (end < 0) throw new Malformed('unclosed single quote')
  return end
}

/** The end (exclusive) of a double-quoted string starting at `at`. */
function skipDouble(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '"') return i + 1
    else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))
      i = skipGroup(text, i + 1) - 1
    else if (c === '`') i = skipBacktick(text, i) - 1
  }
  throw new Malformed('unclosed double quote')
}

function skipBacktick(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '`') return i + 1
  }
  throw new Malformed('unclosed backtick')
}

/** Splits the option into its words, as bash would, refusing anything but words. */
function words(text: string): string[] {
  const result: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '#') {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
      continue
    }
    const start = i
    while (i < text.length && !/\s/.test(text[i])) {
      const d = text[i]
      if (d === '\\') i += 2
      else if (d === "'") i = skipSingle(text, i) + 1
      else if (d === '"') i = skipDouble(text, i)
      else if (d === '`') i = skipBacktick(text, i)
      else if (d === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) i = skipGroup(text, i + 1)
      else if (METACHARACTERS.has(d))
        throw new Malformed(`${JSON.stringify(d)} is not allowed here`)
      else i++
    }
    result.push(text.slice(start, Math.min(i, text.length)))
  }
  return result
}

/**
 * Parses an `environment` value into assignments, or throws a UserError
 * naming `key` (cibuildwheel: "Malformed environment option").
 */
export function parseEnvironment(text: string, key = 'environment'): Assignment[] {
  try {
    return words(text).map(word => {
      const at = word.indexOf('=')
      if (at < 0) throw new Malformed(`${JSON.stringify(word)} is not an assignment`)
      const name = word.slice(0, at)
      if (!NAME.test(name)) throw new Malformed(`${JSON.stringify(name)} is not a variable name`)
      return { name, value: word.slice(at + 1) }
    })
  } catch (error) {
    if (!(error instanceof Malformed)) throw error
    throw new UserError(`malformed environment option: ${error.message}`, {
      key,
      value: text,
      hint: 'write space-separated assignments such as A=1 B="$A two" C=$(cmd); no ;, |, && or redirections'
    })
  }
}

/**
 * The bash script that evaluates the assignments in order (a failing `$(cmd)`
 * fails it) and prints the resulting environment with `env -0`.
 */
export function environmentScript(text: string, key = 'environment'): string {
  const lines = parseEnvironment(text, key).map(a => `${a.name}=${a.value}\nexport ${a.name}`)
  return ['set -e', ...lines, 'env -0'].join('\n')
}

/**
 * argv that evaluates the `environment` assignments in order (as for a build)
 * and then runs `argv` with them exported: before-all, which runs before any
 * build's environment exists.
 */
export function withEnvironment(
  text: string,
  argv: readonly string[],
  key = 'environment'
): string[] {
  const lines = parseEnvironment(text, key).map(a => `${a.name}=${a.value}\nexport ${a.name}`)
  if (lines.length === 0) return [...argv]
  return ['bash', '-c', ['set -e', ...lines, 'exec "$@"'].join('\n'), key, ...argv]
}

/** Parses `env -0` output into a map. */
export function parseEnvZ(output: string): Map<string, string> {
  const result = new Map<string, string>()
  for (const entry of output.split('\0')) {
    const at = entry.indexOf('=')
    if (at > 0) result.set(entry.slice(0, at), entry.slice(at + 1))
  }
  return result
}

/** The variables whose value differs between `before` and `after`. */
export function changedVariables(
  before: Readonly<Record<string, string>>,
  after: ReadonlyMap<string, string>
): Record<string, string> {
  const changed: Record<string, string> = {}
  for (const [k, v] of after) {
    if (k === '_' || k === 'SHLVL' || k === 'PWD' || k === 'OLDPWD') continue
    if (before[k] !== v) changed[k] = v
  }
  return changed
}
