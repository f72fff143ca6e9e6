/**
 * Steps marked `creates` build something shared between runs (the tools
 * venv, a kept build venv) and end by writing its marker. Another run, or
 * another build of this one, may want the same thing at the same time: the
 * steps of one marker run holding the lock of the marker's directory, and a
 * marker that appeared while waiting means they are skipped. A kept thing
 * that a `verifies` step found broken is removed under the same lock.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Step } from '../model/build-plan.js'
import { acquireLock, waitingMessage } from '../util/lock.js'

/** The lock of a marker's directory: `<dir>.lock`, next to it. */
export function markerLockDir(marker: string): string {
  return `${path.dirname(marker)}.lock`
}

/** When a marker was written (ms), or undefined when there is none. */
export function markerStamp(marker: string): number | undefined {
  try {
    return fs.statSync(marker).mtimeMs
  } catch {
    return undefined
  }
}

export class MarkerLocks {
  private readonly held = new Map<string, () => void>()
  /** The index of each marker's last step. */
  private readonly last = new Map<string, number>()

  constructor(
    private readonly steps: readonly Step[],
    private readonly onWait: (message: string) => void
  ) {
    steps.forEach((step, index) => {
      if (step.creates && step.where === 'host') this.last.set(step.creates, index)
    })
  }

  /** Before step `index`: true when it is to be skipped, its marker being there. */
  async enter(index: number): Promise<boolean> {
    const marker = this.steps[index].creates
    if (!marker || this.steps[index].where !== 'host') return false
    if (this.held.has(marker)) return false
    if (fs.existsSync(marker)) return true
    const dir = path.dirname(marker)
    const release = await acquireLock(markerLockDir(marker), {
      onWait: owner => this.onWait(waitingMessage(dir, owner))
    })
    if (fs.existsSync(marker)) {
      release()
      return true
    }
    this.held.set(marker, release)
    return false
  }

  /** After step `index` succeeded: the lock goes with its marker's last step. */
  leave(index: number): void {
    const marker = this.steps[index].creates
    if (marker && this.last.get(marker) === index) this.release(marker)
  }

  private release(marker: string): void {
    this.held.get(marker)?.()
    this.held.delete(marker)
  }

  /**
   * Removes the directory of a marker whose thing was found broken, unless
   * the marker changed since `seen` (another build already made it again).
   */
  async discard(marker: string, seen: number): Promise<void> {
    const dir = path.dirname(marker)
    const release = await acquireLock(markerLockDir(marker), {
      onWait: owner => this.onWait(waitingMessage(dir, owner))
    })
    try {
      if (markerStamp(marker) === seen) fs.rmSync(dir, { recursive: true, force: true })
    } finally {
      release()
    }
  }

  /** Releases whatever is still held (a failed step, a skipped remainder). */
  releaseAll(): void {
    for (const marker of [...this.held.keys()]) this.release(marker)
  }
}
