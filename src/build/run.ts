/**
 * Runs a BuildPlan: group setup (containers, tools), every build through the
 * bounded pool with its own buffered log, abi3/py3-none reuse, the atomic move
 * into output-dir, teardown whatever happens (also on SIGINT/SIGTERM), and
 * the summary and outputs.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import type { RunContext } from '../main.js'
import type { Options } from '../options/types.js'
import type { Build, BuildGroup, BuildPlan, Step } from '../plan/types.js'
import { UserError } from '../util/errors.js'
import { killAll } from '../util/exec.js'
import { ContainerExecutor, HostExecutor, type Executor } from './executor.js'
import { changedVariables, environmentScript, parseEnvZ } from './environment.js'
import { deferred, runPool } from './scheduler.js'
import { findCompatibleWheel, type BuiltWheel } from '../wheel/reuse.js'
import { isAbi3, isPurePython, parseWheelName } from '../wheel/filename.js'
import { markdownTable, plainTable, type BuildRecord } from '../report/summary.js'
import {
  applyCapturedEnvironment,
  parseActivation,
  type CapturedEnvironment
} from '../platforms/msvc.js'
import { isCredential } from '../platforms/common.js'
import { pipelineDirs } from './pipeline.js'
import type { WheelStore } from '../cache/store.js'

export class BuildFailure extends Error {
  constructor(
    readonly identifier: string,
    readonly step: string,
    readonly log: string,
    reason: string
  ) {
    super(`${identifier}: ${step} failed: ${reason}`)
  }
}

interface GroupState {
  readonly group: BuildGroup
  readonly host: Executor
  readonly inside: Executor
  setup?: Promise<void>
  readonly built: (BuiltWheel & { locationPath: string; hostPath: string })[]
  started: boolean
  /** Values printed by setup steps with `stdoutVar`, for the setup steps after them. */
  readonly values: Record<string, string>
  /** Environments captured by setup steps with `captureEnv`, for builds with `capturedEnv`. */
  readonly captured: Map<string, CapturedEnvironment>
}

const LOG_TAIL_LINES = 30
const once = new Map<string, Promise<void>>()

export interface BuildOutcome {
  readonly records: BuildRecord[]
  readonly wheels: string[]
}

export async function executePlan(
  plan: BuildPlan,
  options: Options,
  context: RunContext,
  cache?: BuildCache
): Promise<BuildOutcome> {
  const { reporter } = context
  const outputDir = path.resolve(context.cwd, plan.outputDir)
  const scratch = path.join(plan.tempDir, 'scratch')
  const states: GroupState[] = plan.groups.map(group => ({
    group,
    host: new HostExecutor(),
    inside: group.container
      ? new ContainerExecutor(group.container, scratch, clientEnv(group))
      : new HostExecutor(),
    built: [],
    started: false,
    values: {},
    captured: new Map()
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
  const onSignal = (signal: NodeJS.Signals) => {
    reporter.warning(`received ${signal}: stopping builds and removing containers`)
    killAll('SIGKILL')
    teardown()
    fs.rmSync(plan.tempDir, { recursive: true, force: true })
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const jobs = states.flatMap(state => state.group.builds.map(build => ({ state, build })))
  const total = jobs.length
  const records: BuildRecord[] = []
  const failures: BuildFailure[] = []
  const finishedWheels: string[] = []
  const ordering = reuseOrdering(
    jobs.map(j => j.build),
    limitedApiHint(options.packageDir)
  )
  let stop = false
  try {
    await runPool(
      jobs,
      plan.parallel,
      async ({ state, build }, index) => {
        const label = `[${index + 1}/${total}] ${build.identifier}`
        await ordering.waitFor(build.identifier)
        if (stop) return
        const started = Date.now()
        const log: string[] = []
        try {
          if (build.testWarning) reporter.warning(`${build.identifier}: ${build.testWarning}`)
          await ensureSetup(state, reporter)
          const result = await runOneBuild(
            state,
            build,
            (step: string) => reporter.info(`${label}: ${step}`),
            log,
            cache
          )
          const record = await finish(result, build, outputDir, started)
          records.push(record)
          if (record.wheel && !result.reused)
            finishedWheels.push(path.join(outputDir, record.wheel))
          reporter.group(
            `${build.identifier}: ${record.wheel}${record.note ? ` (${record.note})` : ''}`,
            log.join('')
          )
        } catch (error) {
          const failure =
            error instanceof BuildFailure
              ? error
              : new BuildFailure(
                  build.identifier,
                  'build',
                  log.join(''),
                  error instanceof Error ? error.message : String(error)
                )
          failures.push(failure)
          reporter.group(`${build.identifier}: FAILED at ${failure.step}`, log.join(''))
          if (plan.failFast) stop = true
        } finally {
          ordering.done(build.identifier)
        }
      },
      () => !stop
    )
  } finally {
    teardown()
    fs.rmSync(plan.tempDir, { recursive: true, force: true })
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }

  const ordered = jobs
    .map(j => records.find(r => r.identifier === j.build.identifier))
    .filter((r): r is BuildRecord => !!r)
  if (ordered.length > 0) await reporter.summary(markdownTable(ordered), plainTable(ordered))
  reporter.setOutput('wheels', JSON.stringify(finishedWheels))
  reporter.setOutput('wheelhouse', outputDir)
  reporter.setOutput('identifiers', JSON.stringify(jobs.map(j => j.build.identifier)))
  if (failures.length > 0) {
    const details = failures.map(f => `${f.message}\n${tail(f.log)}`).join('\n\n')
    throw new UserError(
      `${failures.length} build${failures.length === 1 ? '' : 's'} failed: ${failures.map(f => f.identifier).join(', ')}\n${details}`,
      {
        hint: plan.failFast
          ? 'fail-fast stopped the remaining builds; set fail-fast: false to build the rest'
          : 'see each build log above'
      }
    )
  }
  return { records: ordered, wheels: finishedWheels }
}

/** The engine client's own environment: the runner's, minus credentials. */
function clientEnv(group: BuildGroup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!isCredential(k)) env[k] = v
  return { ...env, ...group.container?.env }
}

function tail(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-LOG_TAIL_LINES)
    .map(l => `    ${l}`)
    .join('\n')
}

async function ensureSetup(state: GroupState, reporter: RunContext['reporter']): Promise<void> {
  if (!state.setup) {
    state.setup = (async () => {
      state.started = true
      const log: string[] = []
      for (const step of state.group.setup) {
        const env = { ...step.env, ...state.values }
        keepSetupOutput(state, step, env, await runStep(state, step, env, log), log)
      }
      if (state.group.setup.length > 0)
        reporter.group(
          `setup${state.group.container ? ` ${state.group.container.name}` : ''}`,
          log.join('')
        )
    })()
  }
  return state.setup
}

async function runStep(
  state: GroupState,
  step: Step,
  env: Readonly<Record<string, string>>,
  log: string[]
): Promise<string> {
  if (step.creates) {
    if (fs.existsSync(step.creates)) return ''
    const pending = once.get(step.creates)
    if (pending) {
      await pending
      return ''
    }
  }
  const executor = step.where === 'container' ? state.inside : state.host
  log.push(`+ ${step.argv.join(' ')}\n`)
  // A captured environment is a dump of every variable: logged only when the step fails.
  const work = executor.run(step, env, chunk => (step.captureEnv ? undefined : log.push(chunk)))
  if (step.creates)
    once.set(
      step.creates,
      work.then(
        () => undefined,
        () => undefined
      )
    )
  const result = await work
  if (result.code !== 0) {
    if (step.captureEnv) log.push(result.output)
    throw new BuildFailure('setup', step.name, log.join(''), `exit code ${result.code}`)
  }
  return result.stdout
}

/** Keeps what a setup step printed for later steps (`stdoutVar`, `captureEnv`). */
function keepSetupOutput(
  state: GroupState,
  step: Step,
  env: Readonly<Record<string, string>>,
  stdout: string,
  log: string[]
): void {
  if (step.stdoutVar) {
    const value = stdout
      .split(/\r?\n/)
      .map(line => line.trim())
      .find(Boolean)
    if (!value) throw new BuildFailure('setup', step.name, log.join(''), 'printed nothing')
    state.values[step.stdoutVar] = value
    log.push(`${step.stdoutVar}=${value}\n`)
  }
  if (step.captureEnv) {
    const captured = parseActivation(env, stdout)
    if (captured.errors.length > 0) {
      log.push(stdout)
      throw new BuildFailure('setup', step.name, log.join(''), captured.errors.join('; '))
    }
    state.captured.set(step.captureEnv, captured)
    log.push(`${step.captureEnv}: ${Object.keys(captured.variables).join(', ') || '(no change)'}\n`)
  }
}

interface OneResult {
  readonly identifier: string
  /** The repaired wheel on the host. */
  readonly hostWheel: string
  readonly reused: boolean
  readonly cached: boolean
  readonly tested: boolean
}

async function runOneBuild(
  state: GroupState,
  build: Build,
  progress: (step: string) => void,
  log: string[],
  cache?: BuildCache
): Promise<OneResult> {
  const reuse = findCompatibleWheel(state.built, build.identifier)
  const reusedEntry = reuse ? state.built.find(b => b.filename === reuse.filename) : undefined
  let wheel: { name: string; dir: string; where?: Step['where'] } | undefined = reusedEntry
    ? { name: reusedEntry.filename, dir: path.posix.dirname(reusedEntry.locationPath) }
    : undefined
  const captured = build.capturedEnv ? state.captured.get(build.capturedEnv) : undefined
  if (build.capturedEnv && !captured) {
    throw new BuildFailure(
      build.identifier,
      'setup',
      log.join(''),
      `no environment was captured as ${build.capturedEnv}`
    )
  }
  const envOf = (step: Step) =>
    captured && step.where === 'host' ? applyCapturedEnvironment(step.env, captured) : step.env
  if (reusedEntry) {
    log.push(
      `Found previously built wheel ${reusedEntry.filename} (from ${reusedEntry.identifier}); skipping the build, testing it on ${build.identifier}\n`
    )
  }
  const key = reusedEntry ? undefined : cache?.keys.get(build.identifier)
  const cachedFrom = key ? await cache!.store.restore(key) : undefined
  if (cachedFrom) {
    const name = path.basename(cachedFrom)
    if (state.group.where === 'container') {
      const dir = pipelineDirs(build.workDir).repaired
      await state.inside.putFile(cachedFrom, dir)
      wheel = { name, dir, where: 'container' }
    } else {
      wheel = { name, dir: path.dirname(cachedFrom), where: 'host' }
    }
    log.push(
      `Restored ${name} from the wheel cache (key ${key!.slice(0, 16)}); skipping the build\n`
    )
  }
  const skipTests = !!cachedFrom && !!cache?.skipTests
  let extraEnv: Record<string, string> = {}
  let evaluated = false
  for (const step of build.steps) {
    if ((reusedEntry || cachedFrom) && step.phase === 'build') continue
    if (skipTests && step.phase === 'test') continue
    if (step.creates && step.where === 'host' && fs.existsSync(step.creates)) continue
    if (step.onlyAbi3 && !(wheel && isAbi3(parseWheelName(wheel.name)))) continue
    if (!evaluated && build.environment && step.where === state.group.where) {
      extraEnv = await evaluateEnvironment(state, build, { ...step, env: envOf(step) }, log)
      evaluated = true
    }
    const join = wheel?.where === 'host' ? path.join : path.posix.join
    const wheelPath = wheel
      ? step.wheelDir
        ? path.join(step.wheelDir, wheel.name)
        : join(wheel.dir, wheel.name)
      : ''
    const argv = step.argv.map(a =>
      a === '{wheel}' ? wheelPath : a.startsWith('{wheel}[') ? wheelPath + a.slice(7) : a
    )
    const stepExtra = step.phase === 'test' ? withoutVenvVars(extraEnv) : extraEnv
    const env = {
      ...envOf(step),
      ...(step.where === state.group.where ? stepExtra : {}),
      ...(wheel ? { WHEELWRIGHT_WHEEL: wheelPath } : {})
    }
    progress(step.name)
    log.push(`+ [${step.name}] ${argv.join(' ')}\n`)
    const executor = step.where === 'container' ? state.inside : state.host
    const stepStart = Date.now()
    const result = await executor.run({ ...step, argv }, env, chunk => log.push(chunk))
    log.push(
      `= [${step.name}] exit ${result.code} in ${((Date.now() - stepStart) / 1000).toFixed(1)} s\n`
    )
    if (result.code !== 0) {
      throw new BuildFailure(build.identifier, step.name, log.join(''), `exit code ${result.code}`)
    }
    if (step.collectsWheel) {
      const found = await executor.listWheels(step.collectsWheel)
      if (found.length !== 1) {
        throw new BuildFailure(
          build.identifier,
          step.name,
          log.join(''),
          found.length === 0
            ? 'no wheel was produced'
            : `expected one wheel, found ${found.join(', ')}`
        )
      }
      wheel = { name: found[0], dir: step.collectsWheel, where: step.where }
      if (step.name === 'build' && isPurePython(parseWheelName(found[0]))) {
        throw new BuildFailure(
          build.identifier,
          step.name,
          log.join(''),
          `built a pure-Python wheel (${found[0]}) for a native identifier. Hint: this project has no extension ` +
            'module to compile; build it once with `python -m build` instead of wheelwright'
        )
      }
    }
  }
  if (!wheel)
    throw new BuildFailure(build.identifier, 'build', log.join(''), 'no wheel was produced')
  const hostWheel = reusedEntry
    ? reusedEntry.hostPath
    : (cachedFrom ?? path.join(build.wheelDir, wheel.name))
  if (key && !cachedFrom) await cache!.store.save(key, hostWheel)
  if (!reusedEntry) {
    const duplicate = state.built.find(b => b.filename === wheel!.name)
    if (duplicate) {
      throw new BuildFailure(
        build.identifier,
        'repair',
        log.join(''),
        `${wheel.name} was already built for ${duplicate.identifier}`
      )
    }
    state.built.push({
      identifier: build.identifier,
      filename: wheel.name,
      locationPath: path.posix.join(wheel.dir, wheel.name),
      hostPath: hostWheel
    })
  }
  return {
    identifier: build.identifier,
    hostWheel,
    reused: !!reusedEntry,
    cached: !!cachedFrom,
    tested: build.tested && !skipTests
  }
}

/** The wheel cache of a run: where wheels are kept, and each build's key. */
export interface BuildCache {
  readonly store: WheelStore
  readonly keys: ReadonlyMap<string, string>
  readonly skipTests: boolean
}

function withoutVenvVars(env: Record<string, string>): Record<string, string> {
  const { PATH: _path, VIRTUAL_ENV: _venv, ...rest } = env
  return rest
}

async function evaluateEnvironment(
  state: GroupState,
  build: Build,
  step: Step,
  log: string[]
): Promise<Record<string, string>> {
  const executor = step.where === 'container' ? state.inside : state.host
  const evalStep: Step = {
    ...step,
    name: 'environment',
    argv: ['bash', '-c', environmentScript(build.environment)]
  }
  const result = await executor.run(evalStep, step.env, () => undefined)
  if (result.code !== 0) {
    log.push(result.output)
    throw new BuildFailure(
      build.identifier,
      'environment',
      log.join(''),
      `evaluating the environment option failed (exit ${result.code})`
    )
  }
  const changed = changedVariables(step.env, parseEnvZ(result.stdout))
  log.push(`environment: ${Object.keys(changed).join(', ') || '(no change)'}\n`)
  return changed
}

async function finish(
  result: OneResult,
  build: Build,
  outputDir: string,
  started: number
): Promise<BuildRecord> {
  const name = path.basename(result.hostWheel)
  const data = fs.readFileSync(result.hostWheel)
  const sha256 = crypto.createHash('sha256').update(data).digest('hex')
  if (!result.reused) moveIntoOutput(result.hostWheel, outputDir, sha256)
  return {
    identifier: build.identifier,
    wheel: name,
    size: data.length,
    sha256,
    seconds: (Date.now() - started) / 1000,
    tested: result.tested ? 'yes' : build.tested ? 'skipped (cached)' : 'no',
    ...(result.reused ? { note: 'reused' } : result.cached ? { note: 'cached' } : {})
  }
}

/** Copies into output-dir under a temp name, then renames: never a partial wheel. */
function moveIntoOutput(source: string, outputDir: string, sha256: string): void {
  const name = path.basename(source)
  const target = path.join(outputDir, name)
  fs.mkdirSync(outputDir, { recursive: true })
  if (fs.existsSync(target)) {
    const existing = crypto.createHash('sha256').update(fs.readFileSync(target)).digest('hex')
    if (existing !== sha256) {
      throw new UserError(`${name} already exists in output-dir with different content`, {
        key: 'output-dir',
        value: outputDir,
        hint: 'remove the old wheel, or use an empty output-dir'
      })
    }
    return
  }
  const temp = path.join(outputDir, `.${name}.${process.pid}.partial`)
  try {
    fs.copyFileSync(source, temp)
    fs.renameSync(temp, target)
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/** Whether the project looks like it builds abi3 wheels (then reuse beats parallelism). */
export function limitedApiHint(packageDir: string): boolean {
  for (const file of ['pyproject.toml', 'setup.cfg', 'setup.py']) {
    const full = path.join(packageDir, file)
    if (
      fs.existsSync(full) &&
      /py_limited_api|py-api|Py_LIMITED_API|abi3/.test(fs.readFileSync(full, 'utf8'))
    )
      return true
  }
  return false
}

/**
 * When abi3 is likely, each later CPython of a platform waits for the first
 * one of that platform, so it can reuse its wheel instead of building again.
 */
export function reuseOrdering(builds: readonly Build[], enabled: boolean) {
  const waitFor = new Map<string, ReturnType<typeof deferred>>()
  const leads = new Map<string, ReturnType<typeof deferred>>()
  if (enabled) {
    const first = new Map<string, ReturnType<typeof deferred>>()
    for (const build of builds) {
      if (!/^cp\d+-/.test(build.identifier)) continue
      const platform = build.identifier.slice(build.identifier.indexOf('-') + 1)
      const leader = first.get(platform)
      if (leader) waitFor.set(build.identifier, leader)
      else {
        const done = deferred()
        first.set(platform, done)
        leads.set(build.identifier, done)
      }
    }
  }
  return {
    waitFor: (identifier: string) => waitFor.get(identifier)?.promise,
    done: (identifier: string) => leads.get(identifier)?.resolve()
  }
}
