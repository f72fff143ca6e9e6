/**
 * Locks between wheelwright processes that share a cache dir: a lock is a
 * directory holding `owner.json` (pid, the process's start time, host). It is
 * made complete in a private temp dir and renamed into place, so a reader
 * never sees a lock without its owner (an empty dir, as older releases made,
 * is replaced by the rename). A lock whose owner is gone (no such
 * pid, or a pid reused by a process that started at another time) is taken
 * over at once; a live owner is waited for, with one message naming it.
 *
 * Why not proper-lockfile: it decides staleness by age (a refreshed mtime),
 * so a lock left by a killed run blocks the next one until it ages out, and
 * it cannot tell a dead owner from a slow one.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EXIT, UserError } from './errors.js'

export interface LockOwner {
  readonly pid: number
  /** Start time of the process (clock ticks since boot on Linux; absent elsewhere). */
  readonly start?: string
  readonly host: string
  /** When the lock was taken (ms since the epoch). */
  readonly since: number
}

export interface LockOptions {
  /** Called once, when the lock is held by a live process. */
  readonly onWait?: (owner: LockOwner) => void
  readonly timeoutMs?: number
  readonly pollMs?: number
}

const OWNER_FILE = 'owner.json'
/** A lock dir without an owner file (made by an older release) counts as stale after this. */
const ORPHAN_GRACE_MS = 10_000

/** The start time of `pid` from /proc (Linux), or undefined where there is none. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count from its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/** Whether process `pid` exists (one we may not signal still counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when the owner process is still the one that took the lock. */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true
  if (!processAlive(owner.pid)) return false
  const start = processStart(owner.pid)
  return !owner.start || !start || start === owner.start
}

export function readOwner(dir: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as LockOwner
    return typeof owner.pid === 'number' ? owner : undefined
  } catch {
    return undefined
  }
}

/** One attempt: true when the lock is now ours. */
function tryTake(dir: string): boolean {
  const staging = `${dir}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  fs.mkdirSync(staging)
  const owner: LockOwner = {
    pid: process.pid,
    start: processStart(process.pid),
    host: os.hostname(),
    since: Date.now()
  }
  fs.writeFileSync(path.join(staging, OWNER_FILE), JSON.stringify(owner))
  try {
    fs.renameSync(staging, dir)
    return true
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    // ENOTEMPTY/EEXIST on POSIX, EPERM on Windows: someone holds it.
    if (fs.existsSync(dir)) return false
    throw error
  }
}

/** Removes a stale lock; another process may do the same at once, so it is moved aside first. */
function breakStale(dir: string): void {
  const aside = `${dir}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  try {
    fs.renameSync(dir, aside)
  } catch {
    return
  }
  fs.rmSync(aside, { recursive: true, force: true })
}

function isStale(dir: string): boolean {
  const owner = readOwner(dir)
  if (owner) return !ownerAlive(owner)
  const stat = fs.statSync(dir, { throwIfNoEntry: false })
  return !!stat && Date.now() - stat.mtimeMs > ORPHAN_GRACE_MS
}

/** Takes the lock `dir`; the returned function releases it. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<() => void> {
  const timeoutMs = options.timeoutMs ?? 30 * 60_000
  const deadline = Date.now() + timeoutMs
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  let told = false
  for (;;) {
    if (tryTake(dir)) return () => fs.rmSync(dir, { recursive: true, force: true })
    if (isStale(dir)) {
      breakStale(dir)
      continue
    }
    const owner = readOwner(dir)
    if (owner && !told) {
      told = true
      options.onWait?.(owner)
    }
    if (Date.now() > deadline) {
      throw new UserError(`is still held after ${Math.round(timeoutMs / 1000)} s`, {
        key: 'lock',
        value: dir,
        hint: owner
          ? `process ${owner.pid} on ${owner.host} holds it; stop that run, or remove the directory if it is gone`
          : 'remove the directory if no other wheelwright run uses this cache dir',
        exitCode: EXIT.failed
      })
    }
    await new Promise(resolve => setTimeout(resolve, options.pollMs ?? 200))
  }
}

/** Runs `work` holding the lock `dir`. */
export async function withLock<T>(
  dir: string,
  work: () => Promise<T>,
  options: LockOptions = {}
): Promise<T> {
  const release = await acquireLock(dir, options)
  try {
    return await work()
  } finally {
    release()
  }
}

/** The message for a run that waits on another's lock. */
export function waitingMessage(what: string, owner: LockOwner): string {
  const since = Math.max(0, Math.round((Date.now() - owner.since) / 1000))
  return `waiting for ${what}: another wheelwright run (pid ${owner.pid}) has held it for ${since} s`
}
