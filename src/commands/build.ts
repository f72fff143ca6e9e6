/** `build`: select, plan, then run the plan (or print it with dry-run). */
import type { RunContext } from '../main.js'
import type { Options } from '../options/types.js'
import { UserError } from '../util/errors.js'
import { checkAllowedArchs } from '../plan/archs.js'
import { jobConfigurations } from '../plan/select.js'
import { validateSelectors } from '../plan/validate.js'
import { createBuildPlan } from '../plan/plan.js'
import { gatherFacts } from '../build/facts.js'
import { executePlan } from '../build/run.js'

export async function runBuild(options: Options, context: RunContext): Promise<void> {
  const { reporter } = context
  const configurations = jobConfigurations(options)
  for (const warning of validateSelectors(options, options.only ? 'only' : 'build')) reporter.warning(warning)
  if (!options.only) checkAllowedArchs(options.archs, options.platform)
  if (configurations.length === 0 && !options.allowEmpty) {
    throw new UserError('no identifier selected', {
      key: 'build',
      value: options.build,
      hint: `check build, skip, archs, python-versions and requires-python (${options.requiresPython ?? 'unset'}) for ${options.platform}`
    })
  }
  const facts = await gatherFacts(options, configurations, context.env)
  const plan = createBuildPlan(options, configurations, facts)
  if (options.dryRun) {
    reporter.result(JSON.stringify(plan, null, 2))
    return
  }
  if (plan.unavailable.length > 0) {
    const list = plan.unavailable.join(', ')
    if (options.only || options.build.trim() !== '*') {
      throw new UserError(`no interpreter on this machine for ${list}`, {
        key: options.only ? 'only' : 'build',
        value: options.only ?? options.build,
        hint: 'install that Python (tool cache, pyenv or PATH), or build in a container'
      })
    }
    reporter.warning(`host build: this machine cannot build ${list} (no interpreter or another libc); skipped`)
  }
  await executePlan(plan, options, context)
}
