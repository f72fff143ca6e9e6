/** A Linux BuildPlan from a pyproject body, inputs and machine facts, for the Linux platform tests. */
import { parsePyproject } from '../../src/options/pyproject.js'
import { resolveOptions } from '../../src/options/resolve.js'
import type { PlanFacts } from '../../src/model/facts.js'
import { createBuildPlan } from '../../src/plan/plan.js'
import { selectedConfigurations } from '../../src/plan/select.js'

const runner = { platform: 'linux' as const, machine: 'x86_64' }

export function linuxPlan(
  toml: string,
  inputs: Record<string, string>,
  facts: Partial<PlanFacts> = {},
  env: Record<string, string> = {}
) {
  const options = resolveOptions({
    inputs: new Map(Object.entries(inputs)),
    env,
    runner,
    project: parsePyproject(`[project]\nname = "x"\nversion = "1"\n${toml}`, 'pyproject.toml'),
    packageDir: '/home/dev/project',
    packageInput: '.',
    cpuCount: 2
  })
  const all: PlanFacts = {
    runId: 'r1',
    tempDir: '/tmp/ww',
    env: {
      PATH: '/usr/bin:/bin',
      HOME: '/home/u',
      GITHUB_TOKEN: 'ghs_secret',
      SECRET_PASSED: 'value',
      ...env
    },
    useContainer: true,
    hostInterpreters: new Map(),
    hostLibc: 'glibc',
    hostPython: 'python3',
    toolsDir: '/cache/tools',
    sourceDateEpoch: '1700000000',
    ...facts
  }
  return createBuildPlan(options, selectedConfigurations(options), all)
}
