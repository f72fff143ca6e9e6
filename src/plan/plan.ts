/** Options + selected identifiers + machine facts → the BuildPlan (pure). */
import type { Options } from '../options/types.js'
import type { PythonConfiguration } from './identifiers.js'
import type { PlanFacts } from './facts.js'
import type { BuildGroup, BuildPlan, Unavailable } from './types.js'
import { planLinux } from '../platforms/linux.js'
import { planMacos } from '../platforms/macos.js'
import { planWindows } from '../platforms/windows.js'

export function createBuildPlan(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): BuildPlan {
  let planned: { groups: BuildGroup[]; unavailable: Unavailable[] }
  switch (options.platform) {
    case 'linux':
      planned = planLinux(options, configurations, facts)
      break
    case 'macos':
      planned = planMacos(options, configurations, facts)
      break
    case 'windows':
      planned = planWindows(options, configurations, facts)
      break
  }
  return {
    platform: options.platform,
    runner: options.runner,
    packageDir: options.packageDir,
    outputDir: options.outputDir,
    tempDir: facts.tempDir,
    parallel: options.parallel,
    failFast: options.failFast,
    groups: planned.groups,
    unavailable: planned.unavailable
  }
}
