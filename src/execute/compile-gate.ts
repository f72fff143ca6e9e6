/**
 * The compile gate of a run (see CompileGroup in model/compiler-cache.ts).
 * When a group's cache dir is empty as its first build reaches the build
 * step, that build compiles alone: the group's other builds wait at their
 * build step until its build step has ended, however it ended, and then hit
 * what it compiled. A group whose cache already holds entries never waits:
 * concurrent builds then miss only what changed. Waiting costs time, never a
 * result, so a group that shares less than its backend promised only loses
 * some parallelism.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { CompileGroup } from '../model/compiler-cache.js'

/** Who fills a group's empty cache: the identifier and the end of its build step. */
interface Filling {
  readonly identifier: string
  readonly done: Promise<void>
}

/** Ends a build's hold on its group (a no-op for a build that did not hold it); safe to call twice. */
export type GateRelease = () => void

export class CompileGate {
  /** By group key: the build filling it, or null once nobody has to wait. */
  private readonly groups = new Map<string, Filling | null>()

  constructor(private readonly isEmpty: (dir: string) => boolean = cacheDirIsEmpty) {}

  /**
   * Before the build step of `identifier`: resolves when it may compile.
   * `onWait` is told whom it waits for, once, before waiting.
   */
  async enter(
    group: CompileGroup,
    identifier: string,
    onWait: (filler: string) => void
  ): Promise<GateRelease> {
    const known = this.groups.get(group.key)
    if (known === undefined) {
      if (!this.isEmpty(group.cacheDir)) {
        this.groups.set(group.key, null)
        return () => undefined
      }
      let release: () => void = () => undefined
      const done = new Promise<void>(resolve => (release = resolve))
      this.groups.set(group.key, { identifier, done })
      return () => {
        this.groups.set(group.key, null)
        release()
      }
    }
    if (known) {
      onWait(known.identifier)
      await known.done
    }
    return () => undefined
  }
}

/** Whether a cache dir holds no file at all (absent counts as empty). */
export function cacheDirIsEmpty(dir: string): boolean {
  const pending = [dir]
  while (pending.length > 0) {
    const current = pending.pop()!
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(current, { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) return false
      pending.push(path.join(current, entry.name))
    }
  }
  return true
}
