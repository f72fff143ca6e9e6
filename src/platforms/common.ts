/** Planning pieces shared by the platforms. */
import path from 'node:path'
import type { BuildOptions, Options } from '../options/types.js'
import type { PlanFacts } from '../plan/facts.js'
import { selectorMatches } from '../plan/selector.js'
import type { Step } from '../plan/types.js'
import { shellArgv } from '../build/placeholders.js'

export function isTested(options: Options, build: BuildOptions): boolean {
  return !!build.testCommand && !selectorMatches(options.testSkip, build.identifier)
}

export function baseBuildEnv(identifier: string): Record<string, string> {
  return {
    CIBUILDWHEEL: '1',
    CIBUILDWHEEL_BUILD_IDENTIFIER: identifier,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_ROOT_USER_ACTION: 'ignore'
  }
}

/** Creates the host tools venv once; skipped when it already has the tools. */
export function toolsSetupSteps(facts: PlanFacts, requirements: readonly string[]): Step[] {
  const marker = path.join(facts.toolsDir, `.ready-${requirements.join('-')}`)
  return [
    {
      name: 'tools',
      argv: [
        'bash',
        '-c',
        '"$1" -m venv "$2" && "$2/bin/python" -m pip install --disable-pip-version-check -q "${@:4}" && touch "$3"',
        'tools',
        facts.hostPython,
        facts.toolsDir,
        marker,
        ...requirements
      ],
      env: hostBaseEnv(facts),
      cwd: facts.tempDir,
      where: 'host',
      phase: 'build',
      creates: marker
    }
  ]
}

/** The runner's environment minus anything that carries a credential. */
export function hostBaseEnv(facts: PlanFacts): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [k, v] of Object.entries(facts.env)) {
    if (v === undefined || isCredential(k)) continue
    result[k] = v
  }
  const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch
  if (sde) result.SOURCE_DATE_EPOCH = sde
  return result
}

const CREDENTIALS =
  /^(ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|GITHUB_TOKEN|GH_TOKEN|INPUT_PASSWORD|TWINE_PASSWORD|PYPI_TOKEN|INPUT_.*)$/

export function isCredential(name: string): boolean {
  return CREDENTIALS.test(name)
}

/** abi3audit (or the user's audit command) on the host copy of an abi3 wheel. */
export function auditStep(build: BuildOptions, hostWheelDir: string, facts: PlanFacts): Step[] {
  if (!build.auditCommand) return []
  const env = hostBaseEnv(facts)
  return [
    {
      name: 'audit',
      argv: shellArgv(build.auditCommand, 'bash'),
      env: {
        ...env,
        PATH: `${path.join(facts.toolsDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`
      },
      cwd: facts.tempDir,
      where: 'host',
      phase: 'build',
      wheelDir: hostWheelDir,
      onlyAbi3: true
    }
  ]
}

/**
 * Each build's share of the cores: when fewer builds run at once than there
 * are cores, a build may use the rest (parallel=1 on 4 cores → 4 each).
 */
export function coreShare(facts: PlanFacts, parallel: number, builds: number): number {
  const atOnce = Math.max(1, Math.min(parallel, builds))
  return Math.max(1, Math.floor((facts.cpuCount ?? 1) / atOnce))
}
