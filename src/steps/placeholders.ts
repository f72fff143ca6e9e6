/**
 * cibuildwheel placeholders (`{project}`, `{package}`, `{wheel}`, `{dest_dir}`,
 * `{delocate_archs}`, `{abi3_wheel}`; `#{name}` escapes one) in user commands.
 * Each placeholder becomes a quoted reference to an environment variable that
 * holds the value, so no value is ever pasted into a shell string: paths with
 * spaces or quotes stay intact, and `{wheel}`, which is only known after the
 * build, uses the same mechanism.
 */
export const PLACEHOLDER_VARS: Readonly<Record<string, string>> = {
  project: 'WHEELWRIGHT_PROJECT',
  package: 'WHEELWRIGHT_PACKAGE',
  wheel: 'WHEELWRIGHT_WHEEL',
  abi3_wheel: 'WHEELWRIGHT_WHEEL',
  dest_dir: 'WHEELWRIGHT_DEST_DIR',
  delocate_archs: 'WHEELWRIGHT_DELOCATE_ARCHS'
}

export type ShellKind = 'bash' | 'cmd'

export function substitutePlaceholders(command: string, shell: ShellKind): string {
  return command.replace(/(#?)\{(\w+)\}/g, (whole, escape: string, name: string) => {
    const variable = PLACEHOLDER_VARS[name]
    if (!variable) return whole
    if (escape) return `{${name}}`
    return shell === 'bash' ? `"\${${variable}}"` : `"%${variable}%"`
  })
}

/** The argv that runs a user script as written, through the platform's shell. */
export function shellArgv(script: string, shell: ShellKind): string[] {
  const body = substitutePlaceholders(script, shell)
  return shell === 'bash' ? ['bash', '-c', body] : ['cmd', '/d', '/s', '/c', body]
}

/**
 * `{name}` fields of a command that are no placeholder. cibuildwheel passes
 * them to the shell as written; they are usually typos, so they are named.
 * Shell syntax (`${VAR}`, `{a,b}`, awk's `{print}`) and escaped `#{name}` are not fields.
 */
export function unknownPlaceholders(command: string): string[] {
  const found = [...command.matchAll(/(^|[^$#\w])\{(\w+)\}/g)].map(m => m[2])
  return [...new Set(found.filter(name => !(name in PLACEHOLDER_VARS)))]
}
