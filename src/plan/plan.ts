/** Options + selected identifiers + machine facts → the BuildPlan (pure). */
import type { Options } from '../model/options.js'
import { platformNamed } from '../platforms/index.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { PlanFacts } from '../model/facts.js'
import type { BuildPlan } from '../model/build-plan.js'

export function createBuildPlan(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): BuildPlan {
  const planned = platformNamed(options.platform).plan(options, configurations, facts)
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
