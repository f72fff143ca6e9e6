/**
 * Runs steps in a container. Each step goes to one long-lived shell in the
 * container (container-shell.ts) when it can; otherwise (the shell cannot
 * start, it is busy, or the step has a variable the shell cannot take) the
 * step gets an `<engine> exec` of its own. There, its variables reach the
 * container through an `--env-file` (mode 0600, removed after the step). In
 * either way no value, secret or not, appears in any argv.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exec, type ChildTracker, type ExecResult } from '../util/exec.js'
import { IMAGE_PATH_PREPEND, type ContainerSpec, type Step } from '../model/build-plan.js'
import type { Executor, StepResult } from './executor.js'
import { ContainerShell } from './container-shell.js'
import { COLLECTED, PATH_PREPEND, shellCannotRun } from './shell-protocol.js'

export { COLLECTED }

/** argv: dir command... Makes dir, enters it, then runs the command in place of the shell. */
export const IN_DIR = [PATH_PREPEND, 'mkdir -p -- "$1" && cd -- "$1" && shift && exec "$@"'].join(
  '\n'
)

/**
 * argv: dir collect-dir command... As IN_DIR, then, when the command
 * succeeded, one last line names the wheels in collect-dir: no second exec.
 */
export const IN_DIR_COLLECT = [
  PATH_PREPEND,
  'dir="$1" collect="$2"; shift 2',
  'mkdir -p -- "$dir" && cd -- "$dir" || exit 1',
  '"$@" || exit',
  `printf '\n%s' '${COLLECTED}'`,
  `for f in "$collect"/*.whl; do [ -e "$f" ] && printf ' %s' "\${f##*/}"; done`,
  `printf '\n'`
].join('\n')

/** A collecting step's result with the wheels its COLLECTED line names. */
function withWheels(step: Step, result: ExecResult): StepResult {
  const wheels =
    step.collectsWheel && result.code === 0 ? collectedWheels(result.stdout) : undefined
  return wheels ? { ...result, wheels } : result
}

/** The wheel names of the COLLECTED line of an output. */
export function collectedWheels(stdout: string): string[] | undefined {
  const line = stdout
    .trimEnd()
    .split('\n')
    .reverse()
    .find(l => l.startsWith(COLLECTED))
  return line === undefined ? undefined : line.slice(COLLECTED.length).split(' ').filter(Boolean)
}

/**
 * The output of a collecting step as the user sees it: whole lines, without
 * the COLLECTED line (which is for the executor only).
 */
export function withoutCollectedLine(onOutput: (chunk: string) => void): {
  write: (chunk: string) => void
  end: () => void
} {
  let held = ''
  const pass = (text: string) => {
    const kept = text
      .split('\n')
      .filter(line => !line.startsWith(COLLECTED))
      .join('\n')
    if (kept) onOutput(kept)
  }
  return {
    write: chunk => {
      const text = held + chunk
      const cut = text.lastIndexOf('\n') + 1
      held = text.slice(cut)
      if (cut > 0) pass(text.slice(0, cut))
    },
    end: () => {
      if (held && !held.startsWith(COLLECTED)) onOutput(held)
      held = ''
    }
  }
}

/** The variables a step gets in the container: an env file cannot hold a newline. */
function containerVars(env: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => !v.includes('\n')))
}

export class ContainerExecutor implements Executor {
  /** The container's shell, once started (or starting). */
  private shell?: Promise<ContainerShell | undefined>
  /** The last shell that started. */
  private started?: ContainerShell
  /** Every step gets its own exec: the shell could not start, or the executor is closed. */
  private execOnly: boolean
  /** A step is running in the shell: another one at the same time gets an exec. */
  private claimed = false

  constructor(
    private readonly container: ContainerSpec,
    private readonly scratchDir: string,
    /** The environment of the engine client itself. */
    private readonly clientEnv: NodeJS.ProcessEnv,
    private readonly children?: ChildTracker,
    private readonly options: { readonly shell?: boolean; readonly shellReadyMs?: number } = {}
  ) {
    this.execOnly = options.shell === false
  }

  async run(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void
  ): Promise<StepResult> {
    const request = {
      argv: step.argv,
      env: containerVars(env),
      cwd: step.cwd,
      collect: step.collectsWheel
    }
    const shell = shellCannotRun(request) ? undefined : await this.claimShell(onOutput)
    if (!shell) return this.runByExec(step, env, onOutput)
    try {
      const shown = step.collectsWheel ? withoutCollectedLine(onOutput) : undefined
      const result = await shell.run(request, shown?.write ?? onOutput)
      shown?.end()
      return withWheels(step, result)
    } finally {
      this.claimed = false
    }
  }

  /** Stops the container's shell (at once when it is up); later steps, if any, get an exec each. */
  close(): void {
    this.execOnly = true
    if (this.started) this.started.close()
    else void this.shell?.then(shell => shell?.close())
  }

  /**
   * The shell, claimed for one step (started when there is none or it
   * ended); undefined when the step must use an exec of its own.
   */
  private async claimShell(onOutput: (chunk: string) => void): Promise<ContainerShell | undefined> {
    if (this.execOnly) return undefined
    const pending = this.shell
    const current = await pending
    // Nobody started another meanwhile: this caller does.
    if (!current?.alive && !this.execOnly && this.shell === pending) {
      this.shell = ContainerShell.start(
        this.container,
        this.clientEnv,
        this.children,
        this.options.shellReadyMs
      ).then(started => {
        if (!started.shell) {
          this.execOnly = true
          // Once per container, in the log of the step that wanted the shell.
          onOutput(
            `wheelwright: no shell in container ${this.container.name} (${started.reason}); each step gets an exec of its own\n`
          )
        }
        this.started = started.shell
        return started.shell
      })
    }
    const shell = await this.shell
    if (!shell?.alive || this.claimed || this.execOnly) return undefined
    this.claimed = true
    return shell
  }

  /** A step in an exec of its own (see IN_DIR). */
  private async runByExec(
    step: Step,
    env: Readonly<Record<string, string>>,
    onOutput: (chunk: string) => void
  ): Promise<StepResult> {
    const envFile = this.writeEnvFile(env)
    try {
      // One exec per step: the workdir is made by the same shell that runs the
      // step, and a collecting step names its wheels at the end.
      const inDir = step.collectsWheel
        ? ['sh', '-c', IN_DIR_COLLECT, 'in-dir', step.cwd, step.collectsWheel]
        : step.cwd === '/' && env[IMAGE_PATH_PREPEND] === undefined
          ? []
          : ['sh', '-c', IN_DIR, 'in-dir', step.cwd]
      const argv = [
        this.container.engine,
        'exec',
        '--env-file',
        envFile,
        this.container.name,
        ...inDir,
        ...step.argv
      ]
      const shown = step.collectsWheel ? withoutCollectedLine(onOutput) : undefined
      const result = await exec(argv, {
        env: this.clientEnv,
        onOutput: shown?.write ?? onOutput,
        children: this.children
      })
      shown?.end()
      return withWheels(step, result)
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
    const lines = Object.entries(containerVars(env)).map(([k, v]) => `${k}=${v}`)
    fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 })
    return file
  }
}
