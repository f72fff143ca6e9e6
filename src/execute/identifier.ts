/**
 * The run of one identifier in its group: reuse an abi3 or py3-none wheel
 * built earlier, or restore one from the wheel cache, or run the build steps;
 * then the test steps. Each step's argv gets the current `{wheel}`.
 */
import path from 'node:path'
import type { Build, Step } from '../model/build-plan.js'
import {
  changedVariables,
  environmentScript,
  parseEnvironment,
  parseEnvZ
} from '../steps/environment.js'
import { buildDirs, POSIX } from '../steps/dialect.js'
import { isAbi3, isPurePython, parseWheelName } from '../wheel/filename.js'
import { findCompatibleWheel } from '../wheel/reuse.js'
import type { WheelStore } from '../cache/store.js'
import { EXIT } from '../util/errors.js'
import { tellingLines } from '../report/causes.js'
import type { BuildLog } from '../report/live.js'
import { BuildFailure, Interrupted } from './failure.js'
import { capturedEnvOf, executorFor, type GroupState, type GroupWheel } from './setup.js'
import { leftRunningWarning } from './executor.js'
import type { CompileGate, GateRelease } from './compile-gate.js'
import { MarkerLocks, markerStamp } from './marker-locks.js'
import { parseCompilerCacheOutput } from '../steps/compiler-cache.js'
import type { CompilerCacheOutcome } from '../model/compiler-cache.js'

/** The wheel cache of a run: where wheels are kept, and each build's key. */
export interface BuildCache {
  readonly store: WheelStore
  readonly keys: ReadonlyMap<string, string>
  readonly skipTests: boolean
}

export interface IdentifierResult {
  readonly identifier: string
  /** The repaired wheel on the host. */
  readonly hostWheel: string
  readonly reused: boolean
  readonly cached: boolean
  readonly tested: boolean
  /** What the build's compiler cache did, when the build ran with one. */
  readonly compilerCache?: CompilerCacheOutcome
}

/**
 * Whether a step runs when the wheel was restored from the cache: the audit
 * and the test steps do (the options they read are `after-restore` in
 * cache/keys.ts, out of the key); the build steps, repair included, made the
 * restored wheel and do not. `cache-skip-tests` alone skips the tests on a hit.
 */
export function runsOnCacheHit(step: Pick<Step, 'name' | 'phase'>): boolean {
  return step.phase === 'test' || step.name === 'audit'
}

/** The current wheel: its name, its dir, and where that dir is. */
interface CurrentWheel {
  name: string
  dir: string
  where?: Step['where']
  /** A copy on the host that is not in a step's `wheelDir` (a wheel restored from the cache). */
  hostCopy?: string
}

export async function runIdentifier(
  state: GroupState,
  build: Build,
  log: BuildLog,
  cache?: BuildCache,
  gate?: CompileGate
): Promise<IdentifierResult> {
  const locks = new MarkerLocks(build.steps, message => log.note(message))
  try {
    return await runSteps(state, build, log, locks, cache, gate)
  } finally {
    locks.releaseAll()
  }
}

/** Before the build step: its turn in the build's compile group (see compile-gate.ts), to release after it. */
async function compileTurn(
  gate: CompileGate | undefined,
  build: Build,
  log: BuildLog
): Promise<GateRelease | undefined> {
  if (!gate || !build.compileGroup) return undefined
  return gate.enter(build.compileGroup, build.identifier, filler =>
    log.note(
      `Waiting for ${filler} to fill the empty compiler cache: this build compiles the same objects, and hits them after`
    )
  )
}

async function runSteps(
  state: GroupState,
  build: Build,
  log: BuildLog,
  locks: MarkerLocks,
  cache: BuildCache | undefined,
  gate: CompileGate | undefined
): Promise<IdentifierResult> {
  const fail = (step: string, reason: string, exitCode: number = EXIT.failed, output = '') =>
    new BuildFailure(
      build.identifier,
      step,
      log.text(),
      reason,
      exitCode,
      output ? tellingLines(output) : []
    )
  const reuse = findCompatibleWheel(state.built, build.identifier)
  const reusedEntry = reuse ? state.built.find(b => b.filename === reuse.filename) : undefined
  let wheel: CurrentWheel | undefined = reusedEntry
    ? await reusedWheel(state, build, reusedEntry)
    : undefined
  const envOf = capturedEnvOf(state, build.capturedEnv)
  if (!envOf) throw fail('setup', `no environment was captured as ${build.capturedEnv}`)
  if (reusedEntry) {
    log.note(
      `Found previously built wheel ${reusedEntry.filename} (from ${reusedEntry.identifier}); skipping the build, testing it on ${build.identifier}`
    )
  }
  const key = reusedEntry ? undefined : cache?.keys.get(build.identifier)
  const cachedFrom = key ? await cache!.store.restore(key) : undefined
  if (cachedFrom) {
    wheel = await placeCachedWheel(state, build, cachedFrom)
    log.note(
      `Restored ${wheel.name} from the wheel cache (key ${key!.slice(0, 16)}); skipping the build`
    )
  }
  const skipTests = !!cachedFrom && !!cache?.skipTests
  let extraEnv: Record<string, string> = {}
  let testExtra: Record<string, string> = {}
  let evaluated = false
  let testEvaluated = false
  let compilerCache: CompilerCacheOutcome | undefined
  for (const [index, step] of build.steps.entries()) {
    if (reusedEntry && step.phase === 'build') continue
    if (cachedFrom && !runsOnCacheHit(step)) continue
    if (skipTests && step.phase === 'test') continue
    if (await locks.enter(index)) continue
    if (step.onlyAbi3 && !(wheel && isAbi3(parseWheelName(wheel.name)))) continue
    if (!evaluated && build.environment && step.where === state.group.where) {
      extraEnv = await evaluateEnvironment(state, build, { ...step, env: envOf(step) }, log)
      evaluated = true
    }
    const wheelPath = wheel ? wheelPathFor(step, wheel) : ''
    const argv = step.argv.map(a =>
      a === '{wheel}' ? wheelPath : a.startsWith('{wheel}[') ? wheelPath + a.slice(7) : a
    )
    if (
      !testEvaluated &&
      build.testEnvironment &&
      step.phase === 'test' &&
      step.where === state.group.where
    ) {
      const base = { ...envOf(step), ...withoutVenvVars(extraEnv) }
      testExtra = await evaluateEnvironment(
        state,
        build,
        { ...step, env: base },
        log,
        build.testEnvironment,
        'test-environment'
      )
      testEvaluated = true
    }
    const stepExtra =
      step.phase === 'test' ? { ...withoutVenvVars(extraEnv), ...testExtra } : extraEnv
    const env = {
      ...envOf(step),
      ...(step.where === state.group.where ? stepExtra : {}),
      ...(wheel ? { WHEELWRIGHT_WHEEL: wheelPath } : {})
    }
    if (step.verifies) {
      await checkKept(state, { ...step, argv }, env, log, locks)
      continue
    }
    const release = step.name === 'build' ? await compileTurn(gate, build, log) : undefined
    log.stepStarted(step)
    const executor = executorFor(state, step)
    const stepStart = Date.now()
    const result = await executor
      .run({ ...step, argv }, env, chunk => log.output(chunk))
      .finally(() => release?.())
    const interrupted = result.code !== 0 ? state.interrupted?.() : undefined
    log.stepFinished(step, result.code, Date.now() - stepStart, interrupted)
    const leftRunning = leftRunningWarning(step, result)
    if (leftRunning) log.warning(leftRunning)
    if (interrupted) throw new Interrupted(step.name, interrupted)
    if (result.code !== 0)
      throw fail(
        step.name,
        `exit code ${result.code}`,
        step.name === 'audit' ? EXIT.auditFailed : EXIT.failed,
        result.output
      )
    locks.leave(index)
    if (step.name === 'build') {
      compilerCache = parseCompilerCacheOutput(result.output)
      if (compilerCache) log.note(compilerCacheNote(compilerCache))
    }
    if (step.collectsWheel) {
      const found = result.wheels ?? (await executor.listWheels(step.collectsWheel))
      if (found.length !== 1) {
        throw fail(
          step.name,
          found.length === 0
            ? 'no wheel was produced'
            : `expected one wheel, found ${found.join(', ')}`,
          step.name === 'build' ? EXIT.buildNoWheel : EXIT.repairNoWheel
        )
      }
      wheel = { name: found[0], dir: step.collectsWheel, where: step.where }
      if (step.name === 'build' && isPurePython(parseWheelName(found[0]))) {
        throw fail(
          step.name,
          `built a pure-Python wheel (${found[0]}) for a native identifier. Hint: this project has no extension ` +
            'module to compile; build it once with `python -m build` instead of wheelwright',
          EXIT.pureWheel
        )
      }
    }
  }
  if (!wheel) throw fail('build', 'no wheel was produced', EXIT.buildNoWheel)
  const hostWheel = reusedEntry
    ? reusedEntry.hostPath
    : (cachedFrom ?? path.join(build.wheelDir, wheel.name))
  if (key && !cachedFrom) await cache!.store.save(key, hostWheel)
  if (!reusedEntry) {
    const duplicate = state.built.find(b => b.filename === wheel!.name)
    // Another lane built the same compatible wheel at the same time (abi3 or
    // py3-none that no hint announced): keep the first, as if it had been reused.
    if (duplicate && findCompatibleWheel([duplicate], build.identifier)) {
      log.note(
        `${wheel.name} was also built for ${duplicate.identifier} meanwhile; keeping that one (tested here too)`
      )
      return {
        identifier: build.identifier,
        hostWheel: duplicate.hostPath,
        reused: true,
        cached: false,
        tested: build.tested && !skipTests,
        ...(compilerCache ? { compilerCache } : {})
      }
    }
    if (duplicate) {
      throw fail(
        'repair',
        `${wheel.name} was already built for ${duplicate.identifier}`,
        EXIT.alreadyBuilt
      )
    }
    state.built.push({
      identifier: build.identifier,
      filename: wheel.name,
      locationPath: path.posix.join(wheel.dir, wheel.name),
      hostPath: hostWheel,
      group: state.group
    })
  }
  return {
    identifier: build.identifier,
    hostWheel,
    reused: !!reusedEntry,
    cached: !!cachedFrom,
    tested: build.tested && !skipTests,
    ...(compilerCache ? { compilerCache } : {})
  }
}

function compilerCacheNote(outcome: CompilerCacheOutcome): string {
  if ('off' in outcome) return `compiler cache off: ${outcome.off}`
  return `compiler cache (${outcome.tool}): ${outcome.hits} hits, ${outcome.misses} misses`
}

/**
 * A `verifies` step: checks a kept thing when its marker is there. A failed
 * check (or a kept python that no longer starts) removes the thing, so the
 * steps that make it run next; the build goes on.
 */
async function checkKept(
  state: GroupState,
  step: Step,
  env: Readonly<Record<string, string>>,
  log: BuildLog,
  locks: MarkerLocks
): Promise<void> {
  const marker = step.verifies!
  const seen = markerStamp(marker)
  if (seen === undefined) return
  log.stepStarted(step)
  const started = Date.now()
  const result = await executorFor(state, step)
    .run(step, env, chunk => log.output(chunk))
    .catch((error: unknown) => {
      log.output(`${error instanceof Error ? error.message : String(error)}\n`)
      return { code: 127 }
    })
  log.stepFinished(step, result.code, Date.now() - started)
  if (result.code === 0) return
  log.note(`${path.dirname(marker)} does not work: making it again`)
  await locks.discard(marker, seen)
}

/** `{wheel}` in a step: in its `wheelDir` (a host copy), or where the wheel is. */
function wheelPathFor(step: Step, wheel: CurrentWheel): string {
  if (step.wheelDir) return wheel.hostCopy ?? path.join(step.wheelDir, wheel.name)
  const join = wheel.where === 'host' ? path.join : path.posix.join
  return join(wheel.dir, wheel.name)
}

/** A wheel reused from an earlier build: where it is, or a copy in this lane's container. */
async function reusedWheel(
  state: GroupState,
  build: Build,
  entry: GroupWheel
): Promise<CurrentWheel> {
  if (entry.group === state.group)
    return { name: entry.filename, dir: path.posix.dirname(entry.locationPath) }
  return placeCachedWheel(state, build, entry.hostPath)
}

/** A restored wheel, put where the group's test steps look for it. */
async function placeCachedWheel(
  state: GroupState,
  build: Build,
  cached: string
): Promise<CurrentWheel> {
  const name = path.basename(cached)
  if (state.group.where === 'container') {
    const dir = buildDirs(POSIX, build.workDir).repaired
    await state.inside.putFile(cached, dir)
    return { name, dir, where: 'container', hostCopy: cached }
  }
  return { name, dir: path.dirname(cached), where: 'host', hostCopy: cached }
}

function withoutVenvVars(env: Record<string, string>): Record<string, string> {
  const { PATH: _path, VIRTUAL_ENV: _venv, ...rest } = env
  return rest
}

async function evaluateEnvironment(
  state: GroupState,
  build: Build,
  step: Step,
  log: BuildLog,
  text = build.environment,
  key = 'environment'
): Promise<Record<string, string>> {
  const evalStep: Step = {
    ...step,
    name: key,
    argv: ['bash', '-c', environmentScript(text, key)]
  }
  const result = await executorFor(state, step).run(evalStep, step.env, () => undefined, {
    stdout: true
  })
  const interrupted = result.code !== 0 ? state.interrupted?.() : undefined
  if (interrupted) throw new Interrupted(key, interrupted)
  if (result.code !== 0) {
    log.output(result.output)
    throw new BuildFailure(
      build.identifier,
      key,
      log.text(),
      `evaluating the ${key} option failed (exit ${result.code})`,
      EXIT.failed,
      tellingLines(result.output)
    )
  }
  // Only what the option assigns: the rest of the place's environment (an image's
  // own variables and PATH) stays the place's, step by step.
  const assigned = new Set(parseEnvironment(text, key).map(a => a.name))
  const changed = Object.fromEntries(
    Object.entries(changedVariables(step.env, parseEnvZ(result.stdout))).filter(([name]) =>
      assigned.has(name)
    )
  )
  log.note(`${key}: ${Object.keys(changed).join(', ') || '(no change)'}`)
  return changed
}
