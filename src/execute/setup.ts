/**
 * A group's place to build (the host, or one container) and its one-time
 * setup: the tools venv, the container's create/start/copy-in, before-all,
 * the MSVC activation. Setup runs once per group, before its first build; a
 * step marked `creates` runs once per run even when several groups need it,
 * and when it fails every group that needs it fails.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BuildGroup, Step } from '../model/build-plan.js'
import type { BuildLog, LiveOutput } from '../report/live.js'
import { tellingLines } from '../report/causes.js'
import {
  applyCapturedEnvironment,
  parseActivation,
  type CapturedEnvironment
} from './captured-env.js'
import type { BuiltWheel } from '../wheel/reuse.js'
import { leftRunningWarning, type Executor, type StepResult } from './executor.js'
import { BuildFailure, Interrupted } from './failure.js'
import { markerLockDir } from './marker-locks.js'
import { acquireLock, waitingMessage } from '../util/lock.js'

/** A wheel built in a group: where it is there (`locationPath`) and on the host. */
export interface GroupWheel extends BuiltWheel {
  readonly locationPath: string
  readonly hostPath: string
  /** The group it was built in (another lane of the family must be given a copy). */
  readonly group: BuildGroup
}

export interface GroupState {
  readonly group: BuildGroup
  readonly host: Executor
  readonly inside: Executor
  setup?: Promise<void>
  /** The wheels built so far, shared by the lanes of a container family. */
  readonly built: GroupWheel[]
  /** The end of the group's work so far, when its builds run one at a time (`serial`). */
  turn: Promise<void>
  /** Setup has started: teardown must run. */
  started: boolean
  /** Values printed by setup steps with `stdoutVar`, for the setup steps after them. */
  readonly values: Record<string, string>
  /** Environments captured by setup steps with `captureEnv`, for builds with `capturedEnv`. */
  readonly captured: Map<string, CapturedEnvironment>
  /** The signal that is stopping the run, once one came: a step that fails then was interrupted. */
  readonly interrupted?: () => NodeJS.Signals | undefined
}

/** One-time steps of the whole run, by the path they create; a failure is remembered. */
export type OnceSteps = Map<string, Promise<void>>

export function executorFor(state: GroupState, step: Step): Executor {
  return step.where === 'container' ? state.inside : state.host
}

/** The variables of a build step: its own, with the group's captured environment on the host. */
export function capturedEnvOf(
  state: GroupState,
  capturedName: string | undefined
): ((step: Step) => Readonly<Record<string, string>>) | undefined {
  if (!capturedName) return step => step.env
  const captured = state.captured.get(capturedName)
  if (!captured) return undefined
  return step => (step.where === 'host' ? applyCapturedEnvironment(step.env, captured) : step.env)
}

/** A group's setup, once; its log is live like a build's, under `setup [container]`. */
export function ensureSetup(
  state: GroupState,
  once: OnceSteps,
  live: Pick<LiveOutput, 'begin'>
): Promise<void> {
  if (!state.setup) {
    state.setup = (async () => {
      state.started = true
      if (state.group.setup.length === 0) return
      const container = state.group.container
      const log = live.begin('setup', container ? `(${container.name})` : '(host)')
      let current = 'setup'
      try {
        for (const step of state.group.setup) {
          current = step.name
          const env = { ...step.env, ...state.values }
          const stdout = await runSetupStep(state, once, step, env, log)
          keepSetupOutput(state, step, env, stdout, log)
        }
      } catch (error) {
        log.finished({
          ok: false,
          step: current,
          ...(error instanceof Interrupted ? { interrupted: error.signal } : {})
        })
        throw error
      }
      log.finished({ ok: true, title: 'ready' })
    })()
  }
  return state.setup
}

async function runSetupStep(
  state: GroupState,
  once: OnceSteps,
  step: Step,
  env: Readonly<Record<string, string>>,
  log: BuildLog
): Promise<string> {
  if (step.creates) {
    if (fs.existsSync(step.creates)) return ''
    const pending = once.get(step.creates)
    if (pending) {
      await pending.catch(() => {
        throw new BuildFailure('setup', step.name, log.text(), 'it failed for another group')
      })
      return ''
    }
  }
  log.stepStarted(step)
  const started = Date.now()
  const work = runLocked(state, step, env, log)
  if (step.creates) {
    const done = work.then(result => {
      if (result && result.code !== 0) throw new Error(`${step.name} failed`)
    })
    done.catch(() => undefined)
    once.set(step.creates, done)
  }
  const result = await work
  if (!result) {
    log.stepFinished(step, 0, Date.now() - started)
    return ''
  }
  const interrupted = result.code !== 0 ? state.interrupted?.() : undefined
  if (result.code !== 0 && step.captureEnv && !interrupted) log.output(result.output)
  log.stepFinished(step, result.code, Date.now() - started, interrupted)
  if (interrupted) throw new Interrupted(step.name, interrupted)
  if (result.code !== 0) {
    throw new BuildFailure(
      'setup',
      step.name,
      log.text(),
      `exit code ${result.code}`,
      undefined,
      tellingLines(result.output)
    )
  }
  return result.stdout
}

/**
 * Runs a setup step; one that creates something on the host holds its lock
 * (another run may be making the same thing) and is skipped (undefined) when
 * the thing appeared meanwhile.
 */
async function runLocked(
  state: GroupState,
  step: Step,
  env: Readonly<Record<string, string>>,
  log: BuildLog
): Promise<StepResult | undefined> {
  const marker = step.where === 'host' ? step.creates : undefined
  const release = marker
    ? await acquireLock(markerLockDir(marker), {
        onWait: owner => log.note(waitingMessage(path.dirname(marker), owner))
      })
    : undefined
  try {
    if (marker && fs.existsSync(marker)) return undefined
    // A captured environment is a dump of every variable: logged only when the step fails.
    const result = await executorFor(state, step).run(
      step,
      env,
      chunk => (step.captureEnv ? undefined : log.output(chunk)),
      { stdout: !!(step.stdoutVar || step.captureEnv) }
    )
    const leftRunning = leftRunningWarning(step, result)
    if (leftRunning) log.warning(leftRunning)
    return result
  } finally {
    release?.()
  }
}

/** Keeps what a setup step printed for later steps (`stdoutVar`, `captureEnv`). */
function keepSetupOutput(
  state: GroupState,
  step: Step,
  env: Readonly<Record<string, string>>,
  stdout: string,
  log: BuildLog
): void {
  if (step.stdoutVar) {
    const value = stdout
      .split(/\r?\n/)
      .map(line => line.trim())
      .find(Boolean)
    if (!value) throw new BuildFailure('setup', step.name, log.text(), 'printed nothing')
    state.values[step.stdoutVar] = value
    log.note(`${step.stdoutVar}=${value}`)
  }
  if (step.captureEnv) {
    const captured = parseActivation(env, stdout)
    if (captured.errors.length > 0) {
      log.output(stdout)
      throw new BuildFailure('setup', step.name, log.text(), captured.errors.join('; '))
    }
    state.captured.set(step.captureEnv, captured)
    log.note(`${step.captureEnv}: ${Object.keys(captured.variables).join(', ') || '(no change)'}`)
  }
}
