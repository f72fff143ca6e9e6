/**
 * Executors run the steps of a plan where the plan says: on the host (this
 * module), or in a container (container-executor.ts).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exec, type ChildTracker, type ExecResult } from '../util/exec.js'
import type { Step } from '../plan/types.js'

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
    private readonly spoolDir?: string
  ) {}

  async run(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void,
    needs: RunNeeds = {}
  ): Promise<StepResult> {
    fs.mkdirSync(step.cwd, { recursive: true })
    let outputFile: string | undefined
    if (this.spoolDir && !needs.stdout) {
      fs.mkdirSync(this.spoolDir, { recursive: true, mode: 0o700 })
      outputFile = path.join(this.spoolDir, `output-${crypto.randomBytes(6).toString('hex')}`)
    }
    try {
      const result = await exec(step.argv, {
        cwd: step.cwd,
        env: { ...env },
        onOutput,
        children: this.children,
        sweep: true,
        outputFile
      })
      if (result.code !== 0 || !step.collectsWheel) return result
      return { ...result, wheels: await this.listWheels(step.collectsWheel) }
    } finally {
      if (outputFile) fs.rmSync(outputFile, { force: true })
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
