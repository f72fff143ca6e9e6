/**
 * Runs steps in a container through `<engine> exec`. Step variables reach the
 * container through an `--env-file` (mode 0600, removed after the step), so no
 * value, secret or not, appears in any argv.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exec, type ChildTracker } from '../util/exec.js'
import { IMAGE_PATH_PREPEND, type ContainerSpec, type Step } from '../model/build-plan.js'
import type { Executor, StepResult } from './executor.js'

/**
 * Puts IMAGE_PATH_PREPEND first on the image's PATH, then forgets the
 * variable. A PATH that holds it already (one the environment option made
 * from it) is left as it is: the option decides what comes first.
 */
const PATH_PREPEND = [
  `if [ -n "\${${IMAGE_PATH_PREPEND}:-}" ]; then`,
  `  case ":$PATH:" in *":$${IMAGE_PATH_PREPEND}:"*) ;; *) PATH="$${IMAGE_PATH_PREPEND}\${PATH:+:$PATH}" ;; esac`,
  `  export PATH; unset ${IMAGE_PATH_PREPEND}`,
  'fi'
].join('\n')

/** argv: dir command... Makes dir, enters it, then runs the command in place of the shell. */
export const IN_DIR = [PATH_PREPEND, 'mkdir -p -- "$1" && cd -- "$1" && shift && exec "$@"'].join(
  '\n'
)

/** The line that names the collected wheels, last in a collecting step's output. */
export const COLLECTED = 'wheelwright collected:'

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

export class ContainerExecutor implements Executor {
  constructor(
    private readonly container: ContainerSpec,
    private readonly scratchDir: string,
    /** The environment of the engine client itself. */
    private readonly clientEnv: NodeJS.ProcessEnv,
    private readonly children?: ChildTracker
  ) {}

  async run(
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
      const wheels =
        step.collectsWheel && result.code === 0 ? collectedWheels(result.stdout) : undefined
      return wheels ? { ...result, wheels } : result
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
