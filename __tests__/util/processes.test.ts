/** Stopping what a step leaves: its group, and the processes that carry its marker. */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { expect, test } from '@jest/globals'
import { groupAlive, processesWith, stopGroup, stopProcesses } from '../../src/util/processes.js'

const running = (pid: number) => {
  try {
    return !/\) [ZX] /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms
  for (;;) {
    if (check()) return true
    if (Date.now() > deadline) return false
    await new Promise(r => setTimeout(r, 20))
  }
}

/** A process group of its own running `script`, with `env` added; its pgid once it runs. */
const group = async (script: string, env: Record<string, string> = {}) => {
  const child = spawn('bash', ['-c', script], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, ...env }
  })
  child.unref()
  await new Promise(resolve => child.once('spawn', resolve))
  return child.pid!
}

test('a group is alive while one of its processes runs, and stopped by SIGKILL when SIGTERM is ignored', async () => {
  const pgid = await group("trap '' TERM; sleep 300 & wait")
  await new Promise(r => setTimeout(r, 200))
  expect(groupAlive(pgid)).toBe(true)
  const started = Date.now()
  await stopGroup(pgid, 300)
  expect(groupAlive(pgid)).toBe(false)
  expect(Date.now() - started).toBeGreaterThanOrEqual(300)
})

test('a group whose processes ended is not alive, whether or not anyone reaped them', async () => {
  const pgid = await group('true & exit 0')
  expect(await until(() => !groupAlive(pgid))).toBe(true)
})

test('the processes with a marker are found, whichever session they are in, and stopped', async () => {
  const marker = `WW_TEST_MARK=${crypto.randomBytes(6).toString('hex')}`
  const [name, value] = marker.split('=')
  await group(`setsid sleep 300 & trap '' TERM; exec sleep 301`, { [name]: value })
  await group('exec sleep 302', { [name]: `${value}-another` })
  const commands = () =>
    processesWith(marker)
      .map(p => p.command)
      .sort()
      .join(', ')
  // Once each has exec'd its sleep.
  await until(() => commands() === 'sleep 300, sleep 301')
  expect(commands()).toBe('sleep 300, sleep 301')
  const found = processesWith(marker)
  await stopProcesses(found, 300)
  expect(found.filter(p => running(p.pid))).toEqual([])
  const other = processesWith(`${marker}-another`)
  expect(other.map(p => p.command)).toEqual(['sleep 302'])
  await stopProcesses(other, 300)
})
