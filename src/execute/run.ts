/**
 * Runs a BuildPlan: every build through the bounded pool, each in its group
 * (set up once), abi3 reuse ordering, the wheelhouse, teardown whatever
 * happens (also on SIGINT/SIGTERM, which stop every child's process group,
 * write out what the live log still holds, and exit 130/143). The outcome
 * (records, failures) goes back to the command, which reports it. Run-wide
 * state lives in this function's run, never in a module.
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import type { RunContext } from './context.js'
import type { Env } from '../model/env.js'
import type { Options } from '../model/options.js'
import type { Build, BuildGroup, BuildPlan } from '../model/build-plan.js'
import type { FailedBuild, RunOutcome } from '../report/outcome.js'
import { liveOutput, type LiveBuild, type LiveOutput } from '../report/live.js'
import { eventOutput } from '../report/events.js'
import { failureKind } from '../report/annotations.js'
import { type SourceRoot, sourcePathRewriter } from '../report/matcher.js'
import type { BuildRecord } from '../report/summary.js'
import { countsOf, jobMissSeconds, withCompilerCache } from '../report/compiler-cache.js'
import type { CompilerCacheOutcome } from '../model/compiler-cache.js'
import { isCredential } from '../util/credentials.js'
import { ChildTracker } from '../util/exec.js'
import { ContainerExecutor } from './container-executor.js'
import { HostExecutor } from './executor.js'
import { asBuildFailure, Interrupted } from './failure.js'
import { CompileGate } from './compile-gate.js'
import { runIdentifier, type BuildCache } from './identifier.js'
import { runPool } from './pool.js'
import { ensureSetup, type GroupState, type OnceSteps } from './setup.js'
import { stopOnSignals } from './stop.js'
import { limitedApiHint, placeWheel, reuseOrdering } from './wheelhouse.js'

export type { BuildCache } from './identifier.js'

export type BuildOutcome = RunOutcome

interface Job {
  readonly state: GroupState
  readonly build: Build
}

/** What one build came to: its record and the wheel it placed, or its failure. */
type Done =
  | { readonly record: BuildRecord; readonly placed?: string }
  | { readonly failure: FailedBuild }
  | { readonly interrupted: true }

/** What every build of a run shares. */
interface Shared {
  readonly live: LiveOutput
  readonly once: OnceSteps
  readonly cache?: BuildCache
  readonly outputDir: string
  readonly placedNames: Set<string>
  /** Each finished build's compiler cache outcome, by identifier. */
  readonly cacheOutcomes: Map<string, CompilerCacheOutcome>
  /** Builds of one compile group wait for the first to fill an empty compiler cache. */
  readonly gate: CompileGate
  readonly reporter: RunContext['reporter']
  readonly interrupted: () => NodeJS.Signals | undefined
}

export async function executePlan(
  plan: BuildPlan,
  options: Options,
  context: RunContext,
  cache?: BuildCache
): Promise<BuildOutcome> {
  const jobs = interleaved(plan.groups)
  const live = liveFor(plan.parallel, jobs, options, context)
  const children = new ChildTracker(context.reaper)
  const unwatch = watchRun(plan, context)
  const states = groupStates(plan, children, context, () => signals.received())
  const cleanUp = () => {
    tearDown([...states.values()], context.env)
    fs.rmSync(plan.tempDir, { recursive: true, force: true })
  }
  const signals = stopOnSignals({ children, live, reporter: context.reporter, cleanUp })
  let failedFast = false
  const stopping = () => failedFast || !!signals.received()
  const ordering = reuseOrdering(
    jobs.map(j => j.build),
    limitedApiHint(options.packageDir)
  )
  const shared: Shared = {
    live,
    once: new Map(),
    ...(cache ? { cache } : {}),
    outputDir: path.resolve(plan.outputDir),
    placedNames: new Set(),
    cacheOutcomes: new Map(),
    gate: new CompileGate(),
    reporter: context.reporter,
    interrupted: signals.received
  }
  const done: Done[] = []
  const run = async (job: Job, index: number) => {
    await ordering.waitFor(job.build.identifier)
    await inTurn(job.state, async () => {
      if (stopping()) return
      try {
        const result = await buildOne(job, `(${index + 1}/${jobs.length})`, shared)
        done.push(result)
        if ('failure' in result && plan.failFast) failedFast = true
      } finally {
        ordering.done(job.build.identifier)
      }
    })
  }
  try {
    const runs = jobs.map(({ group, build }) => ({ state: states.get(group)!, build }))
    await runPool(runs, plan.parallel, run, () => !stopping())
  } finally {
    live.close()
    cleanUp()
    unwatch()
    signals.dispose()
  }
  // Interrupted: no outcome to report; the signal's handler ends the process (130/143).
  if (signals.received()) await new Promise<never>(() => undefined)
  const outcome = outcomeOf(plan, jobs, done, shared.outputDir)
  return {
    ...outcome,
    records: withCompilerCache(outcome.records, shared.cacheOutcomes, context.reporter)
  }
}

/** Runs one build in its group (set up first, once) and tells its end in the live log. */
async function buildOne({ state, build }: Job, label: string, shared: Shared): Promise<Done> {
  const { live, reporter } = shared
  let log: LiveBuild | undefined
  try {
    if (build.testWarning) reporter.warning(`${build.identifier}: ${build.testWarning}`)
    await ensureSetup(state, shared.once, live)
    // The build's own time, as its result line says: from its start, after the group's setup.
    const started = Date.now()
    log = live.begin(build.identifier, label)
    const result = await runIdentifier(state, build, log, shared.cache, shared.gate)
    const record = placeWheel(result, build, shared.outputDir, started, shared.placedNames)
    if (result.compilerCache) shared.cacheOutcomes.set(build.identifier, result.compilerCache)
    const counts = countsOf(
      result.compilerCache,
      jobMissSeconds([...shared.cacheOutcomes.values()])
    )
    log.finished({
      ok: true,
      title: `→ ${record.wheel}${record.note ? ` (${record.note})` : ''}`,
      ...(counts ? { compilerCache: counts } : {})
    })
    return result.reused
      ? { record }
      : { record, placed: path.join(shared.outputDir, record.wheel) }
  } catch (error) {
    log ??= live.begin(build.identifier, label)
    const interrupted = shared.interrupted()
    if (interrupted) {
      // Stopped by our own signal: not a failure of the build.
      log.finished({
        ok: false,
        step: error instanceof Interrupted ? error.step : 'build',
        interrupted
      })
      return { interrupted: true }
    }
    const failure = asBuildFailure(error, build.identifier, log.text())
    log.finished({ ok: false, step: failure.step })
    return {
      failure: {
        identifier: build.identifier,
        message: failure.message,
        log: failure.log,
        exitCode: failure.exitCode,
        kind: failureKind(failure.step),
        telling: failure.telling
      }
    }
  }
}

/** The records and failures in the order of the plan, and the wheels placed. */
function outcomeOf(
  plan: BuildPlan,
  jobs: readonly { build: Build }[],
  done: readonly Done[],
  outputDir: string
): BuildOutcome {
  const position = new Map(jobs.map((j, i) => [j.build.identifier, i]))
  const records = done.flatMap(d => ('record' in d ? [d.record] : []))
  const failures = done.flatMap(d => ('failure' in d ? [d.failure] : []))
  const inOrder = <T extends { identifier: string }>(list: T[]) =>
    list.sort((a, b) => position.get(a.identifier)! - position.get(b.identifier)!)
  return {
    records: inOrder(records),
    wheels: done.flatMap(d => ('placed' in d && d.placed ? [d.placed] : [])),
    identifiers: jobs.map(j => j.build.identifier),
    outputDir,
    failures: inOrder(failures),
    failFast: plan.failFast
  }
}

/** The live log: structured events, or the human log with its rewrites of source paths. */
function liveFor(
  parallel: number,
  jobs: readonly { build: Build }[],
  options: Pick<Options, 'projectDir' | 'packageDir'>,
  context: RunContext
): LiveOutput {
  const { reporter } = context
  const rewrite = sourceRewrites(
    jobs.map(j => j.build),
    options,
    context.isAction ? context.env.GITHUB_WORKSPACE : undefined
  )
  if (reporter.event) return eventOutput(reporter.event, rewrite)
  return liveOutput({
    reporter,
    concurrent: Math.min(parallel, jobs.length) > 1,
    foldedLogs: context.isAction,
    rewrite
  })
}

/**
 * Tells the watcher of the temp dir and each group's teardown, so that a
 * run killed outright is cleaned up; returns what the end of the run calls.
 */
function watchRun(plan: BuildPlan, context: RunContext): () => void {
  const { reaper } = context
  if (!reaper) return () => undefined
  reaper.remove(plan.tempDir)
  const ids = plan.groups.flatMap((group, g) =>
    group.teardown.map((step, s) => {
      const id = `teardown-${g}-${s}`
      reaper.cleanup(id, step.argv, { ...context.env, ...step.env })
      return id
    })
  )
  return () => {
    for (const id of ids) reaper.drop(id)
    reaper.keep(plan.tempDir)
  }
}

/** The state of each group, before its setup. */
function groupStates(
  plan: BuildPlan,
  children: ChildTracker,
  context: RunContext,
  interrupted: () => NodeJS.Signals | undefined
): Map<BuildGroup, GroupState> {
  const paced = async () => context.reporter.caughtUp?.()
  const scratch = path.join(plan.tempDir, 'scratch')
  // Host steps' output goes through files here (see HostExecutor).
  const spool = path.join(plan.tempDir, 'output')
  // The lanes of a container family see each other's wheels (abi3 reuse).
  const builtIn = new Map<string, GroupState['built']>()
  const builtOf = (group: BuildGroup) => {
    if (!group.family) return []
    const found = builtIn.get(group.family) ?? []
    builtIn.set(group.family, found)
    return found
  }
  return new Map(
    plan.groups.map(group => {
      const host = () => new HostExecutor(children, spool, paced)
      const state: GroupState = {
        group,
        host: host(),
        inside: group.container
          ? new ContainerExecutor(group.container, scratch, clientEnv(group, context.env), children)
          : host(),
        built: builtOf(group),
        turn: Promise.resolve(),
        started: false,
        values: {},
        captured: new Map(),
        interrupted
      }
      return [group, state]
    })
  )
}

/** Each started group's teardown steps, once. */
function tearDown(states: readonly GroupState[], env: Env): void {
  for (const state of states) {
    state.inside.close?.()
    if (!state.started) continue
    for (const step of state.group.teardown) {
      spawnSync(step.argv[0], step.argv.slice(1), {
        stdio: 'ignore',
        env: { ...env, ...step.env }
      })
    }
    state.started = false
  }
}

/**
 * Every build with its group, in the order the plan lists them; the builds of
 * container lanes (dealt round-robin) are taken in turn, one from each lane,
 * so the pool starts one build per lane first.
 */
function interleaved(groups: readonly BuildGroup[]): { group: BuildGroup; build: Build }[] {
  // A unit is a group, or all the lanes of one family, at the place of its first lane.
  const units: BuildGroup[][] = []
  const families = new Map<string, BuildGroup[]>()
  for (const group of groups) {
    const lanes = group.family ? families.get(group.family) : undefined
    if (lanes) {
      lanes.push(group)
      continue
    }
    const unit = [group]
    if (group.family) families.set(group.family, unit)
    units.push(unit)
  }
  return units.flatMap(lanes => {
    const longest = Math.max(...lanes.map(lane => lane.builds.length))
    return Array.from({ length: longest }, (_, i) =>
      lanes.flatMap(lane =>
        i < lane.builds.length ? [{ group: lane, build: lane.builds[i] }] : []
      )
    ).flat()
  })
}

/** Runs `work` after the group's earlier work, when its builds share one project dir. */
function inTurn(state: GroupState, work: () => Promise<void>): Promise<void> {
  if (!state.group.serial) return work()
  const next = state.turn.then(work)
  state.turn = next.catch(() => undefined)
  return next
}

/**
 * In the action, diagnostics name files in the workspace (see report/matcher.ts).
 * A build's copies of the project are its work dir's src (a copy of the package
 * dir) and the dirs its steps were given as the project and the package: on
 * the host both are the package dir, in a container `/project` stands for the
 * project dir and `/project/<rel>` for the package dir.
 */
function sourceRewrites(
  builds: readonly Build[],
  options: Pick<Options, 'projectDir' | 'packageDir'>,
  workspace: string | undefined
): ((identifier: string) => (line: string) => string) | undefined {
  if (!workspace) return undefined
  const inWorkspace = (dir: string) => {
    const rel = path.relative(workspace, dir)
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel
  }
  const packagePrefix = inWorkspace(options.packageDir)
  if (packagePrefix === undefined) return undefined
  const projectPrefix = inWorkspace(options.projectDir) ?? packagePrefix
  const roots = new Map(
    builds.map(b => {
      const env = b.steps[0]?.env ?? {}
      const pkg = env.WHEELWRIGHT_PACKAGE
      const project = env.WHEELWRIGHT_PROJECT
      const list: SourceRoot[] = [
        [`${b.workDir}/src`, packagePrefix],
        [`${b.workDir}\\src`, packagePrefix]
      ]
      if (pkg) list.push([pkg, packagePrefix])
      if (project && project !== pkg) list.push([project, projectPrefix])
      return [b.identifier, list]
    })
  )
  return identifier => sourcePathRewriter(packagePrefix, roots.get(identifier) ?? [])
}

/** The engine client's own environment: the runner's, minus credentials. */
function clientEnv(group: BuildGroup, runner: Env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(runner)) if (!isCredential(k)) env[k] = v
  return { ...env, ...group.container?.env }
}
