/**
 * Executors run the steps of a plan where the plan says: on the host (this
 * module), or in a container (container-executor.ts).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exec, type ChildTracker, type ExecResult } from '../util/exec.js'
import type { Step } from '../model/build-plan.js'

/** What a step left: its exit, its output, and for a `collectsWheel` step the wheels there. */
export interface StepResult extends ExecResult {
  /** The `.whl` names in `collectsWheel` after a successful step. */
  readonly wheels?: readonly string[]
}

/** What a caller needs of a step's result beyond its exit. */
export interface RunNeeds {
  /** The whole of stdout (a value or an environment the step prints). */
  readonly stdout?: boolean
}

export interface Executor {
  run(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void,
    needs?: RunNeeds
  ): Promise<StepResult>
  /** Names of the `.whl` files in a directory of the build location. */
  listWheels(dir: string): Promise<string[]>
  /** Copies a host file into a directory of the build location. */
  putFile(hostFile: string, dir: string): Promise<void>
  /** Lets go of what the executor keeps running between steps (a container's shell). */
  close?(): void
}

/**
 * Runs host steps. With a tracker, each step runs in a process group of its
 * own and the processes it leaves are stopped when it ends; with `spoolDir`,
 * a step's output goes through a file there (unless its stdout is needed),
 * so that this process's memory stays flat however much a build prints.
 */
export class HostExecutor implements Executor {
  constructor(
    private readonly children?: ChildTracker,
    private readonly spoolDir?: string,
    /** Resolves when the reader of the live output has caught up (see Reporter.caughtUp). */
    private readonly paced?: () => Promise<void>
  ) {}

  async run(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void,
    needs: RunNeeds = {}
  ): Promise<StepResult> {
    fs.mkdirSync(step.cwd, { recursive: true })
    const scratch = (kind: string) => {
      fs.mkdirSync(this.spoolDir!, { recursive: true, mode: 0o700 })
      return path.join(this.spoolDir!, `${kind}-${crypto.randomBytes(6).toString('hex')}`)
    }
    const outputFile = this.spoolDir && !needs.stdout ? scratch('output') : undefined
    const script = this.spoolDir ? longScript(step.argv) : undefined
    const scriptFile = script ? scratch('script') : undefined
    try {
      if (script && scriptFile) fs.writeFileSync(scriptFile, script.text, { mode: 0o600 })
      const argv = script && scriptFile ? script.argv(scriptFile) : step.argv
      const result = await exec(argv, {
        cwd: step.cwd,
        env: { ...env },
        onOutput,
        children: this.children,
        sweep: true,
        outputFile,
        paced: this.paced
      })
      if (result.code !== 0 || !step.collectsWheel) return result
      return { ...result, wheels: await this.listWheels(step.collectsWheel) }
    } finally {
      for (const file of [outputFile, scriptFile]) if (file) fs.rmSync(file, { force: true })
    }
  }

  async listWheels(dir: string): Promise<string[]> {
    if (!fs.existsSync(dir)) return []
    return fs.readdirSync(dir).filter(f => f.endsWith('.whl'))
  }

  async putFile(hostFile: string, dir: string): Promise<void> {
    fs.mkdirSync(dir, { recursive: true })
    fs.copyFileSync(hostFile, path.join(dir, path.basename(hostFile)))
  }
}

/**
 * The longest script passed to a shell as an argument: Linux refuses any one
 * argument over 128 KiB (MAX_ARG_STRLEN) with E2BIG, and all of them with the
 * environment over ARG_MAX, so a longer script goes through a file.
 */
export const SCRIPT_ARG_LIMIT = 64 * 1024

/**
 * A `bash -c SCRIPT NAME ARGS...` whose script is too long for an argument:
 * the script, and the argv that runs it from a file (`bash FILE ARGS...`;
 * `$0` is then the file, the placeholders stay `$1`...).
 */
export function longScript(
  argv: readonly string[]
): { text: string; argv: (file: string) => string[] } | undefined {
  const [shell, flag, text, , ...args] = argv
  if (flag !== '-c' || !/(^|\/)(ba)?sh$/.test(shell) || text === undefined) return undefined
  if (Buffer.byteLength(text) <= SCRIPT_ARG_LIMIT) return undefined
  return { text, argv: file => [shell, file, ...args] }
}

/** The warning for the processes a step left running, which were stopped (none: undefined). */
export function leftRunningWarning(
  step: Pick<Step, 'name'>,
  result: ExecResult
): string | undefined {
  const stopped = result.stopped ?? []
  if (stopped.length === 0) return undefined
  const named = stopped.map(p => `${p.pid} (${p.command || '?'})`).join(', ')
  return `${step.name} left ${stopped.length === 1 ? 'a process' : `${stopped.length} processes`} running after it ended, outside its process group; stopped: ${named}`
}
