/** Each build's share of the machine's cores, as the variables build tools read. */

/** The variables that give one build its share of the cores. */
export function coreBudgetEnv(
  cores: number | undefined,
  baseEnv: Readonly<Record<string, string>>,
  configFile: string
): Record<string, string> {
  if (!cores || cores < 2) return {}
  const budget: Record<string, string> = {
    MAKEFLAGS: `-j${cores}`,
    CMAKE_BUILD_PARALLEL_LEVEL: String(cores),
    DIST_EXTRA_CONFIG: configFile
  }
  return Object.fromEntries(Object.entries(budget).filter(([k]) => baseEnv[k] === undefined))
}
