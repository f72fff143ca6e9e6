/**
 * A stretch of work that an interrupt (SIGINT, SIGTERM) must leave clean:
 * its temp dirs are removed and its children's process groups stopped,
 * whichever phase it is in, and it says "interrupted" before the process
 * exits 130 (143 for SIGTERM). If the process is killed outright, the
 * reaper removes the dirs instead. Used by publishing, where a half-done
 * step must never leave credentials or attestations behind in a temp dir.
 */
import fs from 'node:fs'
import path from 'node:path'
import { EXIT } from './errors.js'
import { ChildTracker } from './exec.js'
import type { Reaper } from './reaper.js'

export interface InterruptScope {
  /** Register children here (exec's `children`) so that an interrupt stops them. */
  readonly children: ChildTracker
  /** A new temp dir under `parent`, removed when the scope ends or is interrupted. */
  tempDir(parent: string, prefix: string): string
}

export interface ScopeSettings {
  /** Prints one line (the "interrupted" notice). */
  readonly say: (text: string) => void
  /** Resolves when what was printed has left the process. */
  readonly flush: () => Promise<void>
  readonly reaper?: Reaper
  /** What the work is, for the notice: `publishing`. */
  readonly what: string
  readonly graceMs?: number
}

/**
 * After `signal`: SIGTERM to every child's process group, SIGKILL to what is
 * left after `graceMs`, then `cleanUp`, and once `flush` has written out what
 * was printed, exit 130 (SIGINT) or 143 (SIGTERM).
 */
export function stopAndExit(
  signal: NodeJS.Signals,
  children: ChildTracker,
  graceMs: number,
  cleanUp: () => void,
  flush: () => Promise<void>
): void {
  children.signalAll('SIGTERM')
  const deadline = Date.now() + graceMs
  const poll = setInterval(() => {
    if (children.size > 0 && Date.now() < deadline) return
    clearInterval(poll)
    children.signalAll('SIGKILL')
    cleanUp()
    void flush().finally(() =>
      process.exit(signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated)
    )
  }, 50)
}

export async function withInterruptScope<T>(
  settings: ScopeSettings,
  work: (scope: InterruptScope) => Promise<T>
): Promise<T> {
  const children = new ChildTracker(settings.reaper)
  const dirs = new Set<string>()
  const removeDirs = () => {
    for (const dir of dirs) {
      fs.rmSync(dir, { recursive: true, force: true })
      settings.reaper?.keep(dir)
    }
    dirs.clear()
  }
  const scope: InterruptScope = {
    children,
    tempDir(parent, prefix) {
      fs.mkdirSync(parent, { recursive: true })
      const dir = fs.mkdtempSync(path.join(parent, prefix))
      dirs.add(dir)
      settings.reaper?.remove(dir)
      return dir
    }
  }
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    settings.say(`interrupted (${signal}) while ${settings.what}: stopping; temp dirs removed`)
    stopAndExit(signal, children, settings.graceMs ?? 3000, removeDirs, settings.flush)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    return await work(scope)
  } catch (error) {
    // A step killed by the interrupt fails; the exit status is the interrupt's.
    if (stopping) return new Promise<T>(() => undefined)
    throw error
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    if (!stopping) removeDirs()
  }
}
