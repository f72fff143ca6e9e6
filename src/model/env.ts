/** Reads `CIBW_*` variables the way cibuildwheel names them. */

export type Env = Readonly<Record<string, string | undefined>>

/** `test-command` → `CIBW_TEST_COMMAND`. */
export function envName(option: string, platform?: string): string {
  const base = `CIBW_${option.toUpperCase().replace(/-/g, '_')}`
  return platform ? `${base}_${platform.toUpperCase()}` : base
}
