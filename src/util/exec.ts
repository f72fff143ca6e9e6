/**
 * The only process runner: argv arrays (never a shell string), an explicit
 * environment, streaming output to a callback, optional timeout, and a
 * tracker of a run's live children, each in its own process group, so that
 * SIGINT/SIGTERM can stop them and everything they started.
 * Built on child_process directly because @actions/exec cannot kill a child on
 * a signal or a timeout, which the container cleanup needs.
 */
import { spawn } from 'node:child_process'
import { UserError } from './errors.js'
import type { Reaper } from './reaper.js'

export interface ExecOptions {
  readonly cwd?: string
  /** The complete environment of the child; defaults to this process's. */
  readonly env?: NodeJS.ProcessEnv
  /** Written to the child's stdin, then closed. */
  readonly input?: string | Buffer
  /** Called with each chunk of stdout and stderr, interleaved as they come. */
  readonly onOutput?: (chunk: string) => void
  readonly timeoutMs?: number
  /** Keep stdout separate from stderr in the result (default: captured too). */
  readonly capture?: boolean
  /** Register the child here; it then runs in its own process group (POSIX). */
  readonly children?: ChildTracker
}

export interface ExecResult {
  readonly code: number
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr in arrival order. */
  readonly output: string
  /** Killed because it ran longer than `timeoutMs`. */
  readonly timedOut?: boolean
}

type Child = ReturnType<typeof spawn>

/** The live children of one run, stopped together on a signal. */
export class ChildTracker {
  private readonly live = new Set<Child>()

  /** With a reaper, the groups are also stopped if this process is killed outright. */
  constructor(private readonly reaper?: Reaper) {}

  add(child: Child): void {
    this.live.add(child)
    if (child.pid && process.platform !== 'win32') this.reaper?.watch(child.pid)
  }

  delete(child: Child): void {
    if (this.live.delete(child) && child.pid && process.platform !== 'win32')
      this.reaper?.unwatch(child.pid)
  }

  get size(): number {
    return this.live.size
  }

  /** Signals every child's process group (the child and all it started). */
  signalAll(signal: NodeJS.Signals): void {
    for (const child of this.live) {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        child.kill(signal)
      }
    }
  }
}

/**
 * On Windows, `cmd /d /s /c <script>` must reach cmd verbatim: Node would quote
 * the script with backslash escapes that cmd does not understand. With /s, cmd
 * strips exactly one pair of outer quotes, so the script is wrapped in them.
 */
export function windowsCommandLine(argv: readonly string[]): string[] | undefined {
  const [file, ...args] = argv
  const at = args.findIndex(a => a.toLowerCase() === '/c')
  if (!/^cmd(\.exe)?$/i.test(file) || at < 0 || at === args.length - 1) return undefined
  return [...args.slice(0, at + 1), `"${args.slice(at + 1).join(' ')}"`]
}

export function exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const [file, ...plain] = argv
  const verbatim = process.platform === 'win32' ? windowsCommandLine(argv) : undefined
  const args = verbatim ?? plain
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // No input: stdin is /dev/null. A pipe (a socket to bash) makes a bash
      // without SHLVL read ~/.bashrc, whose PATH changes would win over ours.
      stdio: [options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      windowsVerbatimArguments: !!verbatim,
      detached: !!options.children && process.platform !== 'win32'
    })
    options.children?.add(child)
    let stdout = ''
    let stderr = ''
    let output = ''
    const onData = (which: 'out' | 'err') => (data: Buffer) => {
      const text = data.toString('utf8')
      if (which === 'out') stdout += text
      else stderr += text
      output += text
      options.onOutput?.(text)
    }
    child.stdout?.on('data', onData('out'))
    child.stderr?.on('data', onData('err'))
    let timer: NodeJS.Timeout | undefined
    let timedOut = false
    if (options.timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, options.timeoutMs)
    }
    child.on('error', error => {
      options.children?.delete(child)
      if (timer) clearTimeout(timer)
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new UserError(`command not found: ${file}`, { hint: `install ${file} or put it on PATH` })
        )
      } else reject(error)
    })
    child.on('close', (code, signal) => {
      options.children?.delete(child)
      if (timer) clearTimeout(timer)
      resolve({
        code: code ?? 128,
        signal,
        stdout,
        stderr,
        output,
        ...(timedOut ? { timedOut } : {})
      })
    })
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined)
      child.stdin.end(options.input)
    }
  })
}

/** Like exec, but a non-zero exit is an error carrying the output's tail. */
export async function run(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const result = await exec(argv, options)
  if (result.code !== 0) throw new CommandError(argv, result)
  return result
}

export class CommandError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly result: ExecResult
  ) {
    const tail = result.output.trimEnd().split('\n').slice(-15).join('\n')
    super(`${argv[0]} exited with ${result.signal ?? result.code}\n${tail}`)
    this.name = 'CommandError'
  }
}
