import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  acquireLock,
  ownerAlive,
  processStart,
  readOwner,
  waitingMessage,
  withLock,
  type LockOwner
} from '../../src/util/lock.js'

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ww-lock-'))

/** The pid of a process that has exited. */
const deadPid = (): number => spawnSync('true').pid ?? 999_999

const writeLock = (dir: string, owner: Partial<LockOwner> | undefined, ageMs = 0) => {
  fs.mkdirSync(dir)
  if (owner)
    fs.writeFileSync(
      path.join(dir, 'owner.json'),
      JSON.stringify({ host: os.hostname(), since: Date.now(), ...owner })
    )
  else if (ageMs > 0) fs.writeFileSync(path.join(dir, 'leftover'), '')
  const when = new Date(Date.now() - ageMs)
  fs.utimesSync(dir, when, when)
}

describe('a lock left by an owner that is gone is taken over at once', () => {
  test.each<[string, () => Partial<LockOwner> | undefined, number]>([
    ['a dead pid', () => ({ pid: deadPid() }), 0],
    ['a pid reused by a later process', () => ({ pid: process.pid, start: '1' }), 0],
    ['an empty dir, as older releases left', () => undefined, 0],
    ['no owner file but other content, older than the grace', () => undefined, 60_000]
  ])('%s', async (_name, owner, ageMs) => {
    const dir = path.join(temp(), 'tools.lock')
    writeLock(dir, owner(), ageMs)
    const started = Date.now()
    const release = await acquireLock(dir, { timeoutMs: 5_000 })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(readOwner(dir)).toMatchObject({ pid: process.pid, start: processStart(process.pid) })
    release()
    expect(fs.existsSync(dir)).toBe(false)
  })
})

describe('a live owner is waited for', () => {
  test.each<[string, () => Partial<LockOwner> | undefined, number]>([
    ['this very process', () => ({ pid: process.pid, start: processStart(process.pid) }), 0],
    ['a process on another host', () => ({ pid: deadPid(), host: 'elsewhere.example' }), 0]
  ])('%s: timeout names the lock', async (_name, owner, ageMs) => {
    const dir = path.join(temp(), 'tools.lock')
    writeLock(dir, owner(), ageMs)
    const waits: LockOwner[] = []
    await expect(
      acquireLock(dir, { timeoutMs: 300, pollMs: 50, onWait: o => waits.push(o) })
    ).rejects.toThrow(/lock: is still held after 0 s \(got ".*tools\.lock"\)/)
    expect(fs.existsSync(dir)).toBe(true)
  })

  test('the waiter gets the lock when the owner releases it, and hears once who holds it', async () => {
    const dir = path.join(temp(), 'venv.lock')
    const order: string[] = []
    const waits: LockOwner[] = []
    let second: Promise<void> | undefined
    await withLock(dir, async () => {
      second = withLock(
        dir,
        async () => {
          order.push('second')
        },
        { pollMs: 20, onWait: o => waits.push(o) }
      )
      await new Promise(resolve => setTimeout(resolve, 150))
      order.push('first')
    })
    await second
    expect(order).toEqual(['first', 'second'])
    expect(waits).toHaveLength(1)
    expect(waits[0].pid).toBe(process.pid)
    expect(fs.existsSync(dir)).toBe(false)
  })
})

test.each<[string, LockOwner, boolean]>([
  ['no such process', { pid: deadPid(), host: os.hostname(), since: 0 }, false],
  [
    'this process',
    { pid: process.pid, start: processStart(process.pid), host: os.hostname(), since: 0 },
    true
  ],
  [
    'this pid, another start',
    { pid: process.pid, start: '7', host: os.hostname(), since: 0 },
    false
  ],
  ['another host (cannot be checked)', { pid: deadPid(), host: 'h.example', since: 0 }, true]
])('ownerAlive: %s', (_name, owner, alive) => {
  expect(ownerAlive(owner)).toBe(alive)
})

test.each(['', '{', '{"pid":"12"}', 'null'])('a malformed owner file (%j) is no owner', text => {
  const dir = path.join(temp(), 'x.lock')
  fs.mkdirSync(dir)
  fs.writeFileSync(path.join(dir, 'owner.json'), text)
  expect(readOwner(dir)).toBeUndefined()
})

test('processStart gives the start time of this process, and nothing for a dead pid', () => {
  expect(processStart(process.pid)).toMatch(/^\d+$/)
  expect(processStart(deadPid())).toBeUndefined()
})

test('the waiting message names the pid and how long it has held the lock', () => {
  const owner = { pid: 42, host: 'h', since: Date.now() - 3_000 }
  expect(waitingMessage('/cache/tools', owner)).toBe(
    'waiting for /cache/tools: another wheelwright run (pid 42) has held it for 3 s'
  )
})
