/**
 * Executors run the steps of a plan where the plan says: on the host (this
 * module), or in a container (container-executor.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { exec, type ChildTracker, type ExecResult } from '../util/exec.js'
import type { Step } from '../plan/types.js'

/** What a step left: its exit, its output, and for a `collectsWheel` step the wheels there. */
export interface StepResult extends ExecResult {
  /** The `.whl` names in `collectsWheel` after a successful step. */
  readonly wheels?: readonly string[]
}

export interface Executor {
  run(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void
  ): Promise<StepResult>
  /** Names of the `.whl` files in a directory of the build location. */
  listWheels(dir: string): Promise<string[]>
  /** Copies a host file into a directory of the build location. */
  putFile(hostFile: string, dir: string): Promise<void>
}

export class HostExecutor implements Executor {
  constructor(private readonly children?: ChildTracker) {}

  async run(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void
  ): Promise<StepResult> {
    fs.mkdirSync(step.cwd, { recursive: true })
    const result = await exec(step.argv, {
      cwd: step.cwd,
      env: { ...env },
      onOutput,
      children: this.children
    })
    if (result.code !== 0 || !step.collectsWheel) return result
    return { ...result, wheels: await this.listWheels(step.collectsWheel) }
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
