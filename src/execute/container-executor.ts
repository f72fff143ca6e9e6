/**
 * Runs steps in a container through `<engine> exec`. Step variables reach the
 * container through an `--env-file` (mode 0600, removed after the step), so no
 * value, secret or not, appears in any argv.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exec, type ChildTracker } from '../util/exec.js'
import type { ContainerSpec, Step } from '../plan/types.js'
import type { Executor } from './executor.js'

/** argv: dir command... Makes dir, enters it, then runs the command in place of the shell. */
export const IN_DIR = 'mkdir -p -- "$1" && cd -- "$1" && shift && exec "$@"'

export class ContainerExecutor implements Executor {
  constructor(
    private readonly container: ContainerSpec,
    private readonly scratchDir: string,
    /** The environment of the engine client itself. */
    private readonly clientEnv: NodeJS.ProcessEnv,
    private readonly children?: ChildTracker
  ) {}

  async run(step: Step, env: Readonly<Record<string, string>>, onOutput: (chunk: string) => void) {
    const envFile = this.writeEnvFile(env)
    try {
      // One exec per step: the workdir is made by the same shell that runs the step.
      const inDir = step.cwd === '/' ? [] : ['sh', '-c', IN_DIR, 'in-dir', step.cwd]
      const argv = [
        this.container.engine,
        'exec',
        '--env-file',
        envFile,
        this.container.name,
        ...inDir,
        ...step.argv
      ]
      return await exec(argv, { env: this.clientEnv, onOutput, children: this.children })
    } finally {
      fs.rmSync(envFile, { force: true })
    }
  }

  async listWheels(dir: string): Promise<string[]> {
    const result = await exec(
      [
        this.container.engine,
        'exec',
        this.container.name,
        'find',
        dir,
        '-maxdepth',
        '1',
        '-type',
        'f',
        '-name',
        '*.whl'
      ],
      { env: this.clientEnv }
    )
    if (result.code !== 0) return []
    return result.stdout
      .split('\n')
      .filter(Boolean)
      .map(p => path.posix.basename(p))
  }

  async putFile(hostFile: string, dir: string): Promise<void> {
    await this.ensureDir(dir)
    const result = await exec(
      [this.container.engine, 'cp', hostFile, `${this.container.name}:${dir}/`],
      {
        env: this.clientEnv
      }
    )
    if (result.code !== 0)
      throw new Error(
        `copying ${path.basename(hostFile)} into the container failed: ${result.output}`
      )
  }

  private async ensureDir(dir: string): Promise<void> {
    await exec([this.container.engine, 'exec', this.container.name, 'mkdir', '-p', dir], {
      env: this.clientEnv
    })
  }

  private writeEnvFile(env: Readonly<Record<string, string>>): string {
    fs.mkdirSync(this.scratchDir, { recursive: true, mode: 0o700 })
    const file = path.join(this.scratchDir, `env-${crypto.randomBytes(6).toString('hex')}`)
    const lines = Object.entries(env)
      .filter(([, v]) => !v.includes('\n'))
      .map(([k, v]) => `${k}=${v}`)
    fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 })
    return file
  }
}
