/**
 * What `--dry-run` prints: the plan as JSON, with every variable that a step
 * only inherits from the runner's environment shown by name, as
 * `(inherited)`, never with its value (it may be a token).
 */
import type { Env } from '../model/env.js'
import type { BuildPlan } from '../model/build-plan.js'

export const INHERITED = '(inherited)'

function redact(
  env: Readonly<Record<string, string>>,
  runner: Env
): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, runner[k] === v ? INHERITED : v])
  )
}

export function dryRunJson(plan: BuildPlan, runner: Env): string {
  const shown = {
    ...plan,
    groups: plan.groups.map(group => ({
      ...group,
      ...(group.container
        ? { container: { ...group.container, env: redact(group.container.env, runner) } }
        : {}),
      setup: group.setup.map(step => ({ ...step, env: redact(step.env, runner) })),
      teardown: group.teardown.map(step => ({ ...step, env: redact(step.env, runner) })),
      builds: group.builds.map(build => ({
        ...build,
        env: redact(build.env, runner),
        steps: build.steps.map(step => ({ ...step, env: redact(step.env, runner) }))
      }))
    }))
  }
  return JSON.stringify(shown, null, 2)
}
