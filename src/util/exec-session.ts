/**
 * A long-lived child fed through its stdin: the companion of exec.ts for a
 * process that runs many commands in turn (a container's shell). Like
 * exec(), it takes an argv array and an explicit environment, and a tracked
 * child runs in a process group of its own that SIGINT/SIGTERM stop. Its
 * output comes as raw bytes: the reader frames and decodes it. As with
 * exec(), the child's end is its exit: its pipes are read for a second
 * after it, not until whatever it left running closes them.
 */
import { spawn } from 'node:child_process'
import { startError, type ChildTracker } from './exec.js'

/** How long the pipes are read after the child exited. */
const DRAIN_MS = 1000

export interface SessionOptions {
  /** The complete environment of the child. */
  readonly env: NodeJS.ProcessEnv
  readonly onStdout: (data: Buffer) => void
  readonly onStderr: (data: Buffer) => void
  /** Register the child here; it then runs in its own process group (POSIX). */
  readonly children?: ChildTracker
}

/** How a session's process ended: its exit, or why it could not start. */
export interface SessionEnd {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  /** It could not be started (a UserError for a missing command). */
  readonly error?: unknown
}

export interface Session {
  /** Writes to the child's stdin; false when the child is gone. */
  write(data: string): boolean
  /** Closes the child's stdin: a shell reading it then reaches its end and exits. */
  end(): void
  /**
   * Whether the child keeps this process running (it does while it works for
   * us; an idle one does not, so that nothing waits for it at the end).
   */
  hold(busy: boolean): void
  /** Stops the child and all it started (SIGKILL to its group). */
  kill(): void
  /** Resolves once the child exited and its output was read (see DRAIN_MS). */
  readonly ended: Promise<SessionEnd>
}

export function startSession(argv: readonly string[], options: SessionOptions): Session {
  const [file, ...args] = argv
  const grouped = !!options.children && process.platform !== 'win32'
  let gone = false
  let resolveEnded: (end: SessionEnd) => void = () => undefined
  const ended = new Promise<SessionEnd>(resolve => (resolveEnded = resolve))
  const finish = (end: SessionEnd) => {
    if (gone) return
    gone = true
    options.children?.delete(child)
    resolveEnded(end)
  }
  const child = spawn(file, args, {
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: grouped
  })
  options.children?.add(child)
  child.stdout.on('data', options.onStdout)
  child.stderr.on('data', options.onStderr)
  // A write after the child died: its end is reported by 'close'.
  child.stdin.on('error', () => undefined)
  child.on('error', error => finish({ code: null, signal: null, error: startError(error, argv) }))
  child.on('close', (code, signal) => finish({ code, signal }))
  // A process it left behind may hold its pipes: they are read for a while, not waited for.
  child.on('exit', (code, signal) => {
    setTimeout(() => {
      child.stdout.destroy()
      child.stderr.destroy()
      finish({ code, signal })
    }, DRAIN_MS).unref()
  })
  return {
    write: data => !gone && child.stdin.writable && child.stdin.write(data),
    end: () => {
      if (!child.stdin.destroyed) child.stdin.end()
    },
    kill: () => {
      try {
        if (grouped && child.pid) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    },
    hold: busy => {
      // The pipes are sockets (net.Socket), which have ref and unref.
      const handles = [child, child.stdin, child.stdout, child.stderr] as {
        ref?: () => void
        unref?: () => void
      }[]
      for (const handle of handles) (busy ? handle.ref : handle.unref)?.call(handle)
    },
    ended
  }
}
