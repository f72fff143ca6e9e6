/**
 * The only process runner: argv arrays (never a shell string), an explicit
 * environment, streaming output to a callback, optional timeout, and a
 * tracker of a run's live children, each in its own process group, so that
 * SIGINT/SIGTERM can stop them and everything they started.
 *
 * A tracked child's step ends when its process exits, not when its pipes
 * close: then its process group gets SIGTERM, SIGKILL after a short grace,
 * and its pipes are drained for at most a second, so a background job
 * (`sleep 90 &`) neither holds the step nor outlives it. With `sweep` (on
 * Linux), the processes that left the group but carry the step's marker
 * variable are found in /proc, stopped, and named in the result.
 *
 * With `outputFile`, stdout and stderr go to that file and are read back
 * from it as it grows: this process never holds more than a bounded tail of
 * the output, however much a build prints.
 *
 * Built on child_process directly because @actions/exec cannot kill a child on
 * a signal or a timeout, which the container cleanup needs.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { UserError } from './errors.js'
import { processesWith, stopGroup, stopProcesses, type Leftover } from './processes.js'
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
  /**
   * stdout and stderr go to this file (created), read back into `onOutput`;
   * the result's `output` is then the last part only, and stdout/stderr are empty.
   */
  readonly outputFile?: string
  /** With `outputFile`: awaited after each chunk delivered, so that output is read at the pace it is consumed. */
  readonly paced?: () => Promise<void>
  /** With `children`: stop the processes that escaped the group (where /proc shows them). */
  readonly sweep?: boolean
}

export interface ExecResult {
  readonly code: number
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr in arrival order. */
  readonly output: string
  /** Processes of the step still running after it ended, outside its group; stopped. */
  readonly stopped?: readonly Leftover[]
  /** Killed because it ran longer than `timeoutMs`. */
  readonly timedOut?: boolean
}

/** The variable that marks every process a swept step starts. */
export const STEP_MARKER = 'WHEELWRIGHT_STEP'
/** Between SIGTERM and SIGKILL for what a step left behind. */
const GRACE_MS = 1000
/** How long the pipes are read after the step's process exited. */
const DRAIN_MS = 1000
/** How much output a streamed result keeps (its end); the callback saw all of it. */
export const KEPT_CHARS = 1024 * 1024

/** The last `limit` characters of a stream of text, without copying on every chunk. */
export class Tail {
  private chunks: string[] = []
  private size = 0
  constructor(private readonly limit = Infinity) {}

  push(text: string): void {
    this.chunks.push(text)
    this.size += text.length
    while (this.size - this.chunks[0].length >= this.limit) this.size -= this.chunks.shift()!.length
  }

  toString(): string {
    const text = this.chunks.join('')
    this.chunks = [text]
    return text.length > this.limit ? text.slice(-this.limit) : text
  }
}

type Child = ReturnType<typeof spawn>

/** The live children of one run, stopped together on a signal. */
export class ChildTracker {
  private readonly live = new Set<Child>()

  /** With a reaper, the groups are also stopped if this process is killed outright. */
  constructor(private readonly reaper?: Reaper) {}

  /** `marker` (NAME=value) marks every process the child starts, for the watcher to find. */
  add(child: Child, marker?: string): void {
    this.live.add(child)
    if (child.pid && process.platform !== 'win32') this.reaper?.watch(child.pid, marker)
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
  const grouped = !!options.children && process.platform !== 'win32'
  // Found through /proc, where there is one (Linux).
  const marker = grouped && options.sweep ? crypto.randomBytes(8).toString('hex') : undefined
  const env = options.env ?? process.env
  const spool = options.outputFile ? fs.openSync(options.outputFile, 'w') : undefined
  // A streamed result keeps the end of the output only: the callback had all of it.
  const limit = options.onOutput ? KEPT_CHARS : Infinity
  const stdout = new Tail(limit)
  const stderr = new Tail(limit)
  const output = new Tail(limit)
  return new Promise((resolve, reject) => {
    let child: Child
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: marker ? { ...env, [STEP_MARKER]: marker } : env,
        // No input: stdin is /dev/null. A pipe (a socket to bash) makes a bash
        // without SHLVL read ~/.bashrc, whose PATH changes would win over ours.
        stdio: [options.input !== undefined ? 'pipe' : 'ignore', spool ?? 'pipe', spool ?? 'pipe'],
        windowsVerbatimArguments: !!verbatim,
        detached: grouped
      })
    } catch (error) {
      return reject(startError(error, argv))
    } finally {
      if (spool !== undefined) fs.closeSync(spool)
    }
    options.children?.add(child, marker && `${STEP_MARKER}=${marker}`)
    const deliver = (text: string, which?: Tail) => {
      if (text === '') return
      which?.push(text)
      output.push(text)
      options.onOutput?.(text)
    }
    const onData = (which: Tail) => (data: Buffer) => deliver(data.toString('utf8'), which)
    child.stdout?.on('data', onData(stdout))
    child.stderr?.on('data', onData(stderr))
    const reader = options.outputFile ? new FileReader(options.outputFile) : undefined
    // Once the child exited and its group is stopped: the size of its output by then.
    let endAt: number | undefined
    const pumping = reader ? pump(reader, deliver, () => endAt, options.paced) : undefined
    let timer: NodeJS.Timeout | undefined
    let timedOut = false
    if (options.timeoutMs) {
      timer = setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, options.timeoutMs)
    }
    let settled = false
    const settle = () => {
      if (settled) return false
      settled = true
      if (timer) clearTimeout(timer)
      return true
    }
    child.on('error', error => {
      if (!settle()) return
      endAt = 0
      void pumping?.finally(() => reader?.close())
      options.children?.delete(child)
      reject(startError(error, argv))
    })
    child.on('exit', (code, signal) => {
      if (!settle()) return
      void ended(child, grouped, options.outputFile ? undefined : DRAIN_MS).then(async () => {
        if (reader && pumping) {
          // What was written by now; a writer that escaped the group is not waited for.
          endAt = reader.size()
          await pumping
          reader.close()
        }
        const stopped = marker ? await stopEscaped(`${STEP_MARKER}=${marker}`) : []
        options.children?.delete(child)
        resolve({
          code: code ?? 128,
          signal,
          stdout: stdout.toString(),
          stderr: stderr.toString(),
          output: output.toString(),
          ...(stopped.length > 0 ? { stopped } : {}),
          ...(timedOut ? { timedOut } : {})
        })
      })
    })
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined)
      child.stdin.end(options.input)
    }
  })
}

/** Why a child could not start, as the user can act on it. */
export function startError(error: unknown, argv: readonly string[]): unknown {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new UserError(`command not found: ${argv[0]}`, {
      hint: `install ${argv[0]} or put it on PATH`
    })
  if (code === 'E2BIG') {
    const longest = Math.max(...argv.map(a => Buffer.byteLength(a)))
    return new UserError(
      `${argv[0]} could not be started: its arguments and environment are over the system's limit (the longest argument is ${longest} bytes)`,
      { hint: 'shorten the command, or put it in a script file and run that' }
    )
  }
  return error
}

/**
 * After the child's exit: its group stopped (when it has one of its own),
 * and its pipes read until they close, for `drainMs` at most.
 */
async function ended(child: Child, grouped: boolean, drainMs?: number): Promise<void> {
  const closed = new Promise<void>(resolve => {
    if (drainMs === undefined) return resolve()
    const streams = [child.stdout, child.stderr].filter(s => s && !s.closed)
    let open = streams.length
    if (open === 0) return resolve()
    for (const stream of streams) stream!.once('close', () => --open === 0 && resolve())
  })
  const stopping = grouped && child.pid ? stopGroup(child.pid, GRACE_MS) : Promise.resolve()
  let drained: NodeJS.Timeout | undefined
  await Promise.race([
    closed,
    new Promise<void>(resolve => (drained = setTimeout(resolve, drainMs ?? 0)))
  ])
  clearTimeout(drained)
  child.stdout?.destroy()
  child.stderr?.destroy()
  await stopping
}

/** Processes with `assignment` in their environment, still running: stopped, and returned. */
async function stopEscaped(assignment: string): Promise<Leftover[]> {
  const found = processesWith(assignment)
  if (found.length > 0) await stopProcesses(found, GRACE_MS)
  return found
}

/**
 * Delivers what is written to `reader`'s file as it grows, waiting for
 * `paced` after each chunk (the reader of our own output keeps up, so
 * nothing piles up in memory), until `endAt()` names the end.
 */
async function pump(
  reader: FileReader,
  deliver: (text: string) => void,
  endAt: () => number | undefined,
  paced?: () => Promise<void>
): Promise<void> {
  for (;;) {
    const end = endAt()
    const text = reader.read(end ?? Infinity)
    if (text !== '') {
      deliver(text)
      if (paced) await paced()
    } else if (end !== undefined) {
      deliver(reader.finish())
      return
    } else await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** Reads a file as another process writes it, from where the last read ended. */
class FileReader {
  private readonly fd: number
  private position = 0
  private readonly decoder = new StringDecoder('utf8')
  private readonly buffer = Buffer.alloc(1024 * 1024)

  constructor(file: string) {
    this.fd = fs.openSync(file, 'r')
  }

  /** Up to 1 MiB of what was written since the last read (not past byte `end`). */
  read(end = Infinity): string {
    const most = Math.min(this.buffer.length, end - this.position)
    const n = most > 0 ? fs.readSync(this.fd, this.buffer, 0, most, this.position) : 0
    this.position += n
    return n > 0 ? this.decoder.write(this.buffer.subarray(0, n)) : ''
  }

  /** A character cut short at the end, if any. */
  finish(): string {
    return this.decoder.end()
  }

  size(): number {
    return fs.fstatSync(this.fd).size
  }

  close(): void {
    fs.closeSync(this.fd)
  }
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
