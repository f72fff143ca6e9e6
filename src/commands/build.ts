/** `build`: select, plan, then run the plan (or print it with dry-run). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { toolsContext, type RunContext } from '../execute/context.js'
import type { Options } from '../model/options.js'
import { EXIT, UserError } from '../util/errors.js'
import { checkWritableDir } from '../util/dirs.js'
import { checkArchsSelected } from '../plan/archs.js'
import { jobConfigurations } from '../plan/select.js'
import { archOfIdentifier } from '../plan/identifiers.js'
import { validateSelectors } from '../plan/validate.js'
import { createBuildPlan } from '../plan/plan.js'
import type { BuildPlan } from '../model/build-plan.js'
import type { PlanFacts } from '../model/facts.js'
import { dryRunJson } from '../report/dry-run.js'
import { gatherFacts } from '../execute/facts.js'
import { platformNamed } from '../platforms/index.js'
import { thisMachine } from '../platforms/runner.js'
import { executePlan, type BuildCache, type BuildOutcome } from '../execute/run.js'
import { reportOutcome } from '../report/outcome.js'
import { strayObjectsWarning } from '../report/stray-objects.js'
import { addMatcherCommand, removeMatcherCommands } from '../report/matcher.js'
import { computeCacheKeys } from '../cache/compute.js'
import { ActionsWheelStore, LocalWheelStore } from '../cache/store.js'
import { afterBuild } from '../publish/after-build.js'
import { optionLines } from '../report/options.js'
import { VERSION } from '../model/version.js'
import { CONTAINER_CACHE } from '../platforms/linux-container.js'

/** The wheel cache of this run, unless `cache: false`. */
async function openWheelCache(
  plan: BuildPlan,
  options: Options,
  context: RunContext
): Promise<BuildCache | undefined> {
  if (!options.cache) return undefined
  const keys = await computeCacheKeys(plan, options)
  const inActions =
    context.isAction && !!(context.env.ACTIONS_RESULTS_URL || context.env.ACTIONS_CACHE_URL)
  const store = inActions
    ? new ActionsWheelStore(
        path.join(context.env.RUNNER_TEMP ?? os.tmpdir(), 'wheelwright'),
        await import('@actions/cache'),
        text => context.reporter.warning(text)
      )
    : new LocalWheelStore(options.cacheDir)
  return { store, keys, skipTests: options.cacheSkipTests }
}

/**
 * In the action, the compiler cache dirs of the plan from the Actions cache
 * (the wheel cache's store), and how to save them after the builds.
 */
async function restoreCompilerCache(
  plan: BuildPlan,
  options: Options,
  context: RunContext,
  facts: PlanFacts
): Promise<{ save: () => Promise<void> } | undefined> {
  const inActions =
    context.isAction && !!(context.env.ACTIONS_RESULTS_URL || context.env.ACTIONS_CACHE_URL)
  if (!inActions || options.compilerCache === 'off') return undefined
  const store = await import('../cache/compiler-store.js')
  const mounted = facts.containerCacheDir
    ? { inside: CONTAINER_CACHE, host: facts.containerCacheDir }
    : undefined
  const entries = store.compilerCacheEntries(plan, context.env, mounted)
  if (entries.length === 0) return undefined
  const actionsCache = await import('@actions/cache')
  const warn = (text: string) => context.reporter.warning(text)
  const restored = await store.restoreCompilerCaches(entries, actionsCache, warn)
  context.reporter.info(
    `compiler cache: ${restored.length > 0 ? `restored ${restored.join(', ')}` : 'nothing to restore (a cold start)'}`
  )
  return {
    save: async () => {
      const saved = await store.saveCompilerCaches(entries, actionsCache, warn)
      if (saved.length > 0) context.reporter.info(`compiler cache: saved ${saved.join(', ')}`)
    }
  }
}

/** Targets of an OS other than this machine's, without containers, cannot be built here. */
function checkBuildableHere(options: Options): void {
  const here = thisMachine()
  if (options.dryRun || options.platform === here.platform) return
  if (platformNamed(options.platform).containers) return
  throw new UserError(`${options.platform} wheels cannot be built on ${here.platform}`, {
    key: 'platform',
    value: options.platform,
    hint: `run on a ${options.platform} runner, or add --dry-run to see the plan`
  })
}

export async function runBuild(options: Options, context: RunContext): Promise<void> {
  const { reporter } = context
  const started = Date.now()
  checkBuildableHere(options)
  if (context.isAction && !options.dryRun) {
    // As upload-artifact: an artifact that cannot be uploaded fails the step, before any build.
    const { requireArtifactService } = await import('../publish/job-artifact.js')
    requireArtifactService(options.publish, context.env)
  }
  if (!options.dryRun) {
    checkWritableDir(options.outputDir, 'output-dir')
    checkWritableDir(options.cacheDir, 'cache-dir')
  }
  const configurations = jobConfigurations(options)
  // The resolved options first, folded in the action, as cibuildwheel prints its own.
  const first = configurations[0] ? options.buildOptions(configurations[0].identifier) : undefined
  reporter.group(`wheelwright ${VERSION}: options`, optionLines(options, first).join('\n'))
  for (const warning of validateSelectors(options, options.only ? 'only' : 'build'))
    reporter.warning(warning)
  if (!options.only) checkArchsSelected(options.archs, options.platform)
  if (configurations.length === 0 && !options.allowEmpty) {
    throw new UserError('no identifier selected', {
      key: 'build',
      value: options.build,
      exitCode: EXIT.nothingToDo,
      hint: `check build, skip, archs, python-versions and requires-python (${options.requiresPython ?? 'unset'}) for ${options.platform}`
    })
  }
  if (configurations.length === 0) {
    // allow-empty: success, before any engine or interpreter is looked for.
    reporter.info('no identifier selected; nothing to build (allow-empty)')
    if (options.dryRun) return
    fs.mkdirSync(options.outputDir, { recursive: true })
    const outcome = {
      records: [],
      wheels: [],
      identifiers: [],
      outputDir: options.outputDir,
      failures: [],
      failFast: options.failFast
    }
    return reportOutcome(outcome, { seconds: (Date.now() - started) / 1000 }, reporter)
  }
  const facts = await gatherFacts(options, configurations, context.env)
  for (const name of facts.passed ?? []) {
    if (context.env[name] === undefined) continue
    reporter.warning(
      `environment-pass: ${name} looks like a secret (*_TOKEN, *_PASSWORD, *_SECRET, *API_KEY*) and is passed into the build, where every step and anything it runs can read it; its value is masked in the log`
    )
  }
  if (options.dryRun) return planAndRun(options, context, configurations, facts, started)
  // The run's temp dir goes whatever happens: a late configuration error, a failure, a kill.
  context.reaper?.remove(facts.tempDir)
  try {
    await planAndRun(options, context, configurations, facts, started)
  } finally {
    fs.rmSync(facts.tempDir, { recursive: true, force: true })
    context.reaper?.keep(facts.tempDir)
  }
}

async function planAndRun(
  options: Options,
  context: RunContext,
  configurations: ReturnType<typeof jobConfigurations>,
  facts: PlanFacts,
  started: number
): Promise<void> {
  const { reporter } = context
  const plan = createBuildPlan(options, configurations, facts)
  reporter.info(describeMode(plan))
  const emulated = plan.groups
    .filter(g => g.container)
    .flatMap(g => g.builds.map(b => b.identifier))
    .filter(id =>
      platformNamed(options.platform).containers?.emulatedOn(
        archOfIdentifier(id),
        options.runner.machine
      )
    )
  if (emulated.length > 0)
    reporter.warning(`emulated with QEMU, 5 to 20 times slower than native: ${emulated.join(', ')}`)
  if (options.dryRun) {
    reporter.result(dryRunJson(plan, context.env))
    return
  }
  const missing = plan.unavailable.filter(u => u.reason === 'interpreter').map(u => u.identifier)
  const foreign = plan.unavailable.filter(u => u.reason === 'platform').map(u => u.identifier)
  const explicit = !!options.only || options.build.trim() !== '*'
  if (missing.length > 0 && explicit) {
    throw new UserError(`no interpreter on this machine for ${missing.join(', ')}`, {
      key: options.only ? 'only' : 'build',
      value: options.only ?? options.build,
      hint: 'install that Python (tool cache, pyenv or PATH), or build in a container'
    })
  }
  if (foreign.length > 0 && options.only) {
    throw new UserError('cannot be built on this host (another C library or OS)', {
      key: 'only',
      value: options.only,
      hint: 'build it in a container (container: on) or on a matching runner'
    })
  }
  if (missing.length > 0)
    reporter.warning(`host build: no interpreter here for ${missing.join(', ')}; skipped`)
  if (foreign.length > 0)
    reporter.warning(
      `host build: this host cannot build ${foreign.join(', ')} (another C library); skipped`
    )
  if (plan.groups.length === 0) {
    throw new UserError('nothing can be built on this machine', {
      key: 'container',
      value: options.container,
      hint: 'install the selected Pythons, or build in a container'
    })
  }
  // As cibuildwheel: output-dir exists from the first build on, whatever the builds do.
  fs.mkdirSync(plan.outputDir, { recursive: true })
  const cache = await openWheelCache(plan, options, context)
  const matcherDir = context.isAction ? context.env.RUNNER_TEMP : undefined
  if (matcherDir) reporter.line(addMatcherCommand(path.join(matcherDir, 'wheelwright')))
  const compilerCaches = await restoreCompilerCache(plan, options, context, facts)
  let outcome: BuildOutcome
  try {
    outcome = await executePlan(plan, options, context, cache)
  } finally {
    if (matcherDir) for (const command of removeMatcherCommands()) reporter.line(command)
    await compilerCaches?.save()
  }
  if (outcome.failures.some(f => f.kind === 'build' || f.kind === 'repair')) {
    const stray = strayObjectsWarning(options.projectDir)
    if (stray) reporter.warning(stray)
  }
  let sdist: string | undefined
  const failed = outcome.failures.length
  // With sdist: true, a run whose builds failed makes no sdist: said, not silent.
  const sdistSkipped =
    options.sdist && failed > 0
      ? `not built: ${failed} build${failed === 1 ? '' : 's'} failed`
      : undefined
  if (sdistSkipped) reporter.warning(`sdist: true, but the sdist was ${sdistSkipped}`)
  try {
    if (failed === 0) {
      const artifact = context.isAction && options.publish.uploadArtifact
      sdist = await afterBuild(options, toolsContext(context, options.cacheDir), outcome, artifact)
    }
  } finally {
    // The summary is written whatever happened after the builds.
    const totals = {
      ...(sdist ? { sdist } : {}),
      ...(sdistSkipped ? { sdistSkipped } : {}),
      seconds: (Date.now() - started) / 1000
    }
    await reportOutcome(outcome, totals, reporter)
  }
}

/** Where this run builds, said once at the start: host or which engine and images. */
export function describeMode(plan: BuildPlan): string {
  const containers = plan.groups.filter(g => g.container)
  if (containers.length === 0) return `building on this host (${plan.platform})`
  const engines = [...new Set(containers.map(g => g.container!.engine))]
  const images = [...new Set(containers.map(g => g.container!.image))]
  return `building in ${engines.join(' and ')} containers: ${images.join(', ')}`
}
