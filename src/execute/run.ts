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
import type { RunContext } from '../context.js'
import type { Options } from '../options/types.js'
import type { Build, BuildGroup, BuildPlan } from '../plan/types.js'
import type { FailedBuild, RunOutcome } from '../report/outcome.js'
import { liveOutput, type LiveBuild } from '../report/live.js'
import { eventOutput } from '../report/events.js'
import { failureKind } from '../report/annotations.js'
import { sourcePathRewriter } from '../report/matcher.js'
import type { BuildRecord } from '../report/summary.js'
import type { Reporter } from '../report/log.js'
import { countsOf, jobCounts, jobMissSeconds, offWarning } from '../report/compiler-cache.js'
import type { CompilerCacheOutcome } from '../steps/compiler-cache.js'
import { isCredential } from '../util/credentials.js'
import { ChildTracker } from '../util/exec.js'
import { EXIT } from '../util/errors.js'
import { ContainerExecutor } from './container-executor.js'
import { HostExecutor } from './executor.js'
import { asBuildFailure, Interrupted } from './failure.js'
import { runIdentifier, type BuildCache } from './identifier.js'
import { runPool } from './pool.js'
import { ensureSetup, type GroupState, type OnceSteps } from './setup.js'
import { limitedApiHint, placeWheel, reuseOrdering } from './wheelhouse.js'

export type { BuildCache } from './identifier.js'

export type BuildOutcome = RunOutcome

/** Grace period between SIGTERM and SIGKILL for the children of a stopped run. */
const STOP_GRACE_MS = 3000

export async function executePlan(
  plan: BuildPlan,
  options: Options,
  context: RunContext,
  cache?: BuildCache
): Promise<BuildOutcome> {
  const { reporter } = context
  const jobs = interleaved(plan.groups)
  const total = jobs.length
  const rewrite = sourceRewrites(
    jobs.map(j => j.build),
    options.packageDir,
    context.isAction ? context.env.GITHUB_WORKSPACE : undefined
  )
  const live = reporter.event
    ? eventOutput(reporter.event, rewrite)
    : liveOutput({
        reporter,
        concurrent: Math.min(plan.parallel, total) > 1,
        foldedLogs: context.isAction,
        rewrite
      })
  const outputDir = path.resolve(plan.outputDir)
  const scratch = path.join(plan.tempDir, 'scratch')
  const children = new ChildTracker(context.reaper)
  // If this process is killed outright, the watcher removes the containers and the temp dir.
  context.reaper?.remove(plan.tempDir)
  const teardowns = plan.groups.flatMap((group, g) =>
    group.teardown.map((step, s) => ({ id: `teardown-${g}-${s}`, step }))
  )
  for (const { id, step } of teardowns)
    context.reaper?.cleanup(id, step.argv, { ...process.env, ...step.env })
  const once: OnceSteps = new Map()
  // The lanes of a container family see each other's wheels (abi3 reuse).
  const builtIn = new Map<string, GroupState['built']>()
  const builtOf = (group: BuildGroup) => {
    if (!group.family) return []
    const found = builtIn.get(group.family) ?? []
    builtIn.set(group.family, found)
    return found
  }
  // Host steps' output goes through files here (see HostExecutor).
  const spool = path.join(plan.tempDir, 'output')
  const paced = async () => reporter.caughtUp?.()
  const states: GroupState[] = plan.groups.map(group => ({
    group,
    host: new HostExecutor(children, spool, paced),
    inside: group.container
      ? new ContainerExecutor(group.container, scratch, clientEnv(group), children)
      : new HostExecutor(children, spool, paced),
    built: builtOf(group),
    turn: Promise.resolve(),
    started: false,
    values: {},
    captured: new Map(),
    interrupted: () => interrupted
  }))
  const teardown = () => {
    for (const state of states) {
      if (!state.started) continue
      for (const step of state.group.teardown) {
        spawnSync(step.argv[0], step.argv.slice(1), {
          stdio: 'ignore',
          env: { ...process.env, ...step.env }
        })
      }
      state.started = false
    }
  }
  let stop = false
  let interrupted: NodeJS.Signals | undefined
  // SIGTERM to every child's process group, SIGKILL after a grace period,
  // then teardown and exit; no new build starts meanwhile.
  const onSignal = (signal: NodeJS.Signals) => {
    stop = true
    interrupted = signal
    live.flush()
    reporter.warning(`received ${signal}: stopping builds and removing containers`)
    children.signalAll('SIGTERM')
    const deadline = Date.now() + STOP_GRACE_MS
    const finish = () => {
      if (children.size > 0 && Date.now() < deadline) return
      clearInterval(poll)
      children.signalAll('SIGKILL')
      teardown()
      fs.rmSync(plan.tempDir, { recursive: true, force: true })
      live.flush()
      live.close()
      // Everything printed reaches the pipe or file before the process ends.
      void reporter
        .flush()
        .finally(() => process.exit(signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated))
    }
    const poll = setInterval(finish, 50)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const stateOf = new Map(states.map(state => [state.group, state]))
  const runs = jobs.map(({ group, build }) => ({ state: stateOf.get(group)!, build }))
  const records: BuildRecord[] = []
  const cacheOutcomes = new Map<string, CompilerCacheOutcome>()
  const failures: FailedBuild[] = []
  const placed: string[] = []
  const placedNames = new Set<string>()
  const ordering = reuseOrdering(
    jobs.map(j => j.build),
    limitedApiHint(options.packageDir)
  )
  try {
    await runPool(
      runs,
      plan.parallel,
      async ({ state, build }, index) => {
        await ordering.waitFor(build.identifier)
        if (stop) return
        await inTurn(state, async () => {
          if (stop) return
          let log: LiveBuild | undefined
          try {
            if (build.testWarning) reporter.warning(`${build.identifier}: ${build.testWarning}`)
            await ensureSetup(state, once, live)
            // The build's own time, as its result line says: from its start, after the group's setup.
            const started = Date.now()
            log = live.begin(build.identifier, `(${index + 1}/${total})`)
            const result = await runIdentifier(state, build, log, cache)
            const record = placeWheel(result, build, outputDir, started, placedNames)
            records.push(record)
            if (result.compilerCache) cacheOutcomes.set(build.identifier, result.compilerCache)
            if (!result.reused) placed.push(path.join(outputDir, record.wheel))
            const counts = countsOf(
              result.compilerCache,
              jobMissSeconds([...cacheOutcomes.values()])
            )
            log.finished({
              ok: true,
              title: `→ ${record.wheel}${record.note ? ` (${record.note})` : ''}`,
              ...(counts ? { compilerCache: counts } : {})
            })
          } catch (error) {
            log ??= live.begin(build.identifier, `(${index + 1}/${total})`)
            if (interrupted) {
              // Stopped by our own signal: not a failure of the build.
              const step = error instanceof Interrupted ? error.step : 'build'
              log.finished({ ok: false, step, interrupted })
              return
            }
            const failure = asBuildFailure(error, build.identifier, log.text())
            failures.push({
              identifier: build.identifier,
              message: failure.message,
              log: failure.log,
              exitCode: failure.exitCode,
              kind: failureKind(failure.step),
              telling: failure.telling
            })
            log.finished({ ok: false, step: failure.step })
            if (plan.failFast) stop = true
          } finally {
            ordering.done(build.identifier)
          }
        })
      },
      () => !stop
    )
  } finally {
    live.close()
    teardown()
    fs.rmSync(plan.tempDir, { recursive: true, force: true })
    for (const { id } of teardowns) context.reaper?.drop(id)
    context.reaper?.keep(plan.tempDir)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
  // Interrupted: no outcome to report; the signal's handler ends the process (130/143).
  if (interrupted) await new Promise<never>(() => undefined)

  const ordered = withCompilerCache(
    jobs
      .map(j => records.find(r => r.identifier === j.build.identifier))
      .filter((r): r is BuildRecord => !!r),
    cacheOutcomes,
    reporter
  )
  const position = new Map(jobs.map((j, i) => [j.build.identifier, i]))
  failures.sort((a, b) => position.get(a.identifier)! - position.get(b.identifier)!)
  return {
    records: ordered,
    wheels: placed,
    identifiers: jobs.map(j => j.build.identifier),
    outputDir,
    failures,
    failFast: plan.failFast
  }
}

/**
 * The records with their compiler cache counts (a hit saves the job's average
 * miss when the build had none); the job's totals as an event, and one
 * warning for the builds whose cache was off.
 */
function withCompilerCache(
  records: readonly BuildRecord[],
  outcomes: ReadonlyMap<string, CompilerCacheOutcome>,
  reporter: Reporter
): BuildRecord[] {
  const average = jobMissSeconds([...outcomes.values()])
  const result = records.map(r => {
    const counts = countsOf(outcomes.get(r.identifier), average)
    return counts ? { ...r, compilerCache: counts } : r
  })
  const total = jobCounts(result.map(r => r.compilerCache))
  if (total) reporter.event?.({ event: 'compiler-cache', ...total })
  const offs = [...outcomes].flatMap(([identifier, o]) =>
    'off' in o ? [{ identifier, reason: o.off }] : []
  )
  const warning = offWarning(offs)
  if (warning) reporter.warning(warning)
  return result
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
 * In the action, diagnostics name files in the workspace (see report/matcher.ts):
 * each build's copies of the project are its work dir's src and the project
 * dir its steps were given.
 */
function sourceRewrites(
  builds: readonly Build[],
  packageDir: string,
  workspace: string | undefined
): ((identifier: string) => (line: string) => string) | undefined {
  if (!workspace) return undefined
  const prefix = path.relative(workspace, packageDir)
  if (prefix.startsWith('..') || path.isAbsolute(prefix)) return undefined
  const copies = new Map(
    builds.map(b => [
      b.identifier,
      [
        `${b.workDir}/src`,
        `${b.workDir}\\src`,
        ...b.steps.slice(0, 1).flatMap(s => s.env.WHEELWRIGHT_PROJECT ?? [])
      ]
    ])
  )
  return identifier => sourcePathRewriter(prefix, copies.get(identifier) ?? [])
}

/** The engine client's own environment: the runner's, minus credentials. */
function clientEnv(group: BuildGroup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!isCredential(k)) env[k] = v
  return { ...env, ...group.container?.env }
}
