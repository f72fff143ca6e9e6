/**
 * macOS deployment targets and cross-arch flags (pure). The default target of
 * an identifier is also its floor: python.org's macos11 installers were built
 * for 10.9 (≤3.11), 10.13 (3.12, 3.13) and 10.15 (3.14+), PyPy needs 10.15,
 * and arm64 code cannot target anything below 11.0. The table is data, in
 * resources/deployment-targets.json.
 */
import table from '../../resources/deployment-targets.json' with { type: 'json' }

export type MacArch = 'x86_64' | 'arm64' | 'universal2'

interface Rule {
  readonly arch?: string
  readonly implementation?: string
  readonly minVersion?: string
  readonly target: string
}

const RULES: readonly Rule[] = table.rules

/** Compares dotted versions numerically: `10.13` > `10.9`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export function macosArch(identifier: string): MacArch {
  if (identifier.endsWith('_arm64')) return 'arm64'
  if (identifier.endsWith('_universal2')) return 'universal2'
  return 'x86_64'
}

/** The default and minimum MACOSX_DEPLOYMENT_TARGET of an identifier. */
export function minimumDeploymentTarget(identifier: string, pythonVersion: string): string {
  const arch = macosArch(identifier)
  const implementation = identifier.slice(0, 2)
  const rule = RULES.find(
    r =>
      (!r.arch || r.arch === arch) &&
      (!r.implementation || r.implementation === implementation) &&
      (!r.minVersion || compareVersions(pythonVersion, r.minVersion) >= 0)
  )
  return rule?.target ?? '10.9'
}

const VERSION = /^\d+(\.\d+)*$/

/**
 * The value of the last `MACOSX_DEPLOYMENT_TARGET=...` assignment in the
 * `environment` option, when it is a literal version; `undefined` when there
 * is none or when it is computed (`$VAR`, `$(...)`), which only the build can know.
 */
export function environmentDeploymentTarget(environment: string): string | undefined {
  const assignment = /(?:^|[\s;])MACOSX_DEPLOYMENT_TARGET=/g
  let value: string | undefined
  for (let m = assignment.exec(environment); m; m = assignment.exec(environment)) {
    value = literalAt(environment, m.index + m[0].length)
  }
  return value !== undefined && VERSION.test(value) ? value : undefined
}

/** A literal word at `at` (bare, '...' or "..." without expansions), else undefined. */
function literalAt(text: string, at: number): string | undefined {
  const rest = text.slice(at)
  const quoted = /^(?:"([^"$`\\]*)"|'([^']*)')(?=$|[\s;])/.exec(rest)
  if (quoted) return quoted[1] ?? quoted[2]
  const bare = /^([^\s;"'$`\\]*)(?=$|[\s;])/.exec(rest)
  return bare ? bare[1] : undefined
}

export interface DeploymentTarget {
  readonly target: string
  readonly source: 'environment' | 'macos-deployment-target' | 'runner' | 'default'
  /** The user's value, when it was below the minimum and was raised. */
  readonly raisedFrom?: string
}

export interface DeploymentTargetInput {
  readonly identifier: string
  readonly pythonVersion: string
  /** The `environment` option of this identifier. */
  readonly environment: string
  /** The `macos-deployment-target` input. */
  readonly input?: string
  /** MACOSX_DEPLOYMENT_TARGET in the runner's own environment. */
  readonly runnerValue?: string
}

/**
 * The target a build uses: the user's value (from `environment`, then
 * `macos-deployment-target`, then the runner's environment), raised to the
 * minimum of the identifier when it is lower, as cibuildwheel does; else the
 * minimum itself.
 */
export function resolveDeploymentTarget(input: DeploymentTargetInput): DeploymentTarget {
  const minimum = minimumDeploymentTarget(input.identifier, input.pythonVersion)
  const runnerValue =
    input.runnerValue && VERSION.test(input.runnerValue) ? input.runnerValue : undefined
  const candidates: [string | undefined, DeploymentTarget['source']][] = [
    [environmentDeploymentTarget(input.environment), 'environment'],
    [input.input, 'macos-deployment-target'],
    [runnerValue, 'runner']
  ]
  const chosen = candidates.find(([value]) => value !== undefined)
  if (!chosen) return { target: minimum, source: 'default' }
  const [value, source] = chosen as [string, DeploymentTarget['source']]
  if (compareVersions(value, minimum) < 0) return { target: minimum, source, raisedFrom: value }
  return { target: value, source }
}

const ARCHFLAGS: Record<MacArch, string> = {
  x86_64: '-arch x86_64',
  arm64: '-arch arm64',
  universal2: '-arch arm64 -arch x86_64'
}

/** `ARCHFLAGS` and `_PYTHON_HOST_PLATFORM` so the build targets `arch` on any host. */
export function archEnvironment(arch: MacArch, target: string): Record<string, string> {
  return {
    ARCHFLAGS: ARCHFLAGS[arch],
    _PYTHON_HOST_PLATFORM: `macosx-${target}-${arch}`
  }
}

/** The `{delocate_archs}` placeholder: the archs delocate must find in every binary. */
export function delocateArchs(arch: MacArch): string {
  return arch === 'universal2' ? 'x86_64,arm64' : arch
}
