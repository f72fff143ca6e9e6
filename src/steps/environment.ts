/**
 * The `environment` option: bash assignments (`A=1 B="$A x" C=$(cmd)`),
 * evaluated in order where the build runs, as cibuildwheel documents. The
 * assignments run as the user wrote them, like any other user script; the
 * result is read back with `env -0` and only the variables it changed are
 * kept.
 */
export function environmentScript(assignments: string): string {
  return `set -a\n${assignments}\nset +a\nenv -0`
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
