/**
 * The environment a setup step activates and prints (`vcvarsall.bat ... &&
 * set` on Windows): parsed from its output when it has run, and laid over the
 * environment of each host step after it. Variables compare by name without
 * case, and `;` lists (PATH, INCLUDE, LIB, LIBPATH) merge entry by entry.
 */

/** Variables whose value is a `;` list, deduplicated and merged entry by entry. */
const PATH_LIKE: ReadonlySet<string> = new Set(['PATH', 'INCLUDE', 'LIB', 'LIBPATH'])

export function isPathLike(name: string): boolean {
  return PATH_LIKE.has(name.toUpperCase())
}

function entries(value: string): string[] {
  return value.split(';').filter(e => e !== '')
}

function dedupe(list: readonly string[]): string[] {
  const seen = new Set<string>()
  return list.filter(e => {
    const key = e.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface CapturedEnvironment {
  /** Variables that vcvarsall set or changed (PATH-like ones deduplicated). */
  readonly variables: Readonly<Record<string, string>>
  /** The value before activation of each changed PATH-like variable. */
  readonly previous: Readonly<Record<string, string>>
  /** `[ERROR...]` lines: the activation failed when there is any. */
  readonly errors: readonly string[]
}

/**
 * Parses the output of `vcvarsall.bat ... && set` against the environment the
 * command started with: each `NAME=value` line is split on its first `=`,
 * names compare case-insensitively, and only new or changed variables are kept.
 * The banner lines of vcvarsall are ignored; its `[ERROR` lines are collected.
 */
export function parseActivation(
  before: Readonly<Record<string, string | undefined>>,
  output: string
): CapturedEnvironment {
  const old = new Map<string, string>()
  for (const [k, v] of Object.entries(before)) if (v !== undefined) old.set(k.toUpperCase(), v)
  const variables: Record<string, string> = {}
  const previous: Record<string, string> = {}
  const errors: string[] = []
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd()
    if (/^\[ERROR/i.test(line)) {
      if (!errors.includes(line)) errors.push(line)
      continue
    }
    const at = line.indexOf('=')
    if (at <= 0 || /^[\s*[]/.test(line)) continue
    const name = line.slice(0, at)
    let value = line.slice(at + 1)
    if (isPathLike(name)) value = dedupe(entries(value)).join(';')
    const was = old.get(name.toUpperCase())
    if (was === value) continue
    if (isPathLike(name) && was !== undefined && dedupe(entries(was)).join(';') === value) continue
    variables[name] = value
    if (isPathLike(name) && was !== undefined) previous[name.toUpperCase()] = was
  }
  return { variables, previous, errors }
}

/**
 * A step's environment with a captured activation overlaid, names compared
 * case-insensitively. A PATH-like variable keeps the entries the step put in
 * front of the environment that was activated (the build venv first), then
 * the activated value.
 */
export function applyCapturedEnvironment(
  env: Readonly<Record<string, string>>,
  captured: CapturedEnvironment
): Record<string, string> {
  const result: Record<string, string> = { ...env }
  const keyOf = (name: string) =>
    Object.keys(result).find(k => k.toUpperCase() === name.toUpperCase())
  for (const [name, value] of Object.entries(captured.variables)) {
    const key = keyOf(name)
    let merged = value
    if (key !== undefined && isPathLike(name)) {
      const activatedFrom = new Set(
        entries(captured.previous[name.toUpperCase()] ?? '').map(e => e.toLowerCase())
      )
      const own = entries(result[key]).filter(e => !activatedFrom.has(e.toLowerCase()))
      merged = dedupe([...own, ...entries(value)]).join(';')
    }
    if (key !== undefined) delete result[key]
    result[key ?? name] = merged
  }
  return result
}
