import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import type { Step } from '../../src/model/build-plan.js'
import { MarkerLocks, markerLockDir, markerStamp } from '../../src/execute/marker-locks.js'

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ww-markers-'))

const step = (name: string, creates?: string, where: Step['where'] = 'host'): Step => ({
  name,
  argv: ['true'],
  env: {},
  cwd: '/',
  where,
  phase: 'build',
  ...(creates ? { creates } : {})
})

/** The steps of a kept venv: made in two steps, then marked ready. */
const keptVenv = (marker: string): Step[] => [
  step('prepare'),
  step('venv', marker),
  step('install-frontend', marker),
  step('venv-ready', marker),
  step('build')
]

test('the lock of a marker is its directory with .lock', () => {
  expect(markerLockDir('/cache/venvs/abc/.wheelwright-ready')).toBe('/cache/venvs/abc.lock')
})

test('a second builder of the same venv waits for the first, then skips what it made', async () => {
  const marker = path.join(temp(), 'venvs', 'abc', '.wheelwright-ready')
  const steps = keptVenv(marker)
  const first = new MarkerLocks(steps, () => undefined)
  const heard: string[] = []
  const second = new MarkerLocks(steps, m => heard.push(m))
  expect(await first.enter(0)).toBe(false)
  expect(await first.enter(1)).toBe(false)
  expect(fs.existsSync(markerLockDir(marker))).toBe(true)
  const waiting = second.enter(1)
  expect(await first.enter(2)).toBe(false)
  first.leave(1)
  first.leave(2)
  expect(fs.existsSync(markerLockDir(marker))).toBe(true)
  fs.mkdirSync(path.dirname(marker), { recursive: true })
  fs.writeFileSync(marker, '')
  first.leave(3)
  expect(fs.existsSync(markerLockDir(marker))).toBe(false)
  expect(await waiting).toBe(true)
  expect(await second.enter(2)).toBe(true)
  expect(heard).toHaveLength(1)
  expect(heard[0]).toMatch(/^waiting for .*abc: another wheelwright run \(pid \d+\)/)
  expect(fs.existsSync(markerLockDir(marker))).toBe(false)
})

test('a failed step releases the lock, and the next builder runs the steps itself', async () => {
  const marker = path.join(temp(), 'tools', '.ready-x')
  const steps = keptVenv(marker)
  const first = new MarkerLocks(steps, () => undefined)
  expect(await first.enter(1)).toBe(false)
  first.releaseAll()
  const second = new MarkerLocks(steps, () => undefined)
  expect(await second.enter(1)).toBe(false)
  expect(fs.existsSync(markerLockDir(marker))).toBe(true)
  second.releaseAll()
  expect(fs.existsSync(markerLockDir(marker))).toBe(false)
})

test.each<[string, Step]>([
  ['no marker', step('build')],
  ['a marker inside a container', step('venv', '/tmp/venv/.ready', 'container')]
])('a step with %s takes no lock', async (_name, s) => {
  const locks = new MarkerLocks([s], () => undefined)
  expect(await locks.enter(0)).toBe(false)
  expect(fs.existsSync('/tmp/venv.lock')).toBe(false)
})

test.each<[string, boolean]>([
  ['the marker seen by the check', true],
  ['a marker written again since (another build made it anew)', false]
])('discard removes a broken kept dir, under its lock, only for %s', async (_name, same) => {
  const marker = path.join(temp(), 'venvs', 'abc', '.wheelwright-ready')
  fs.mkdirSync(path.dirname(marker), { recursive: true })
  fs.writeFileSync(marker, 'old')
  const seen = markerStamp(marker)!
  if (!same) fs.utimesSync(marker, new Date(), new Date(seen + 5000))
  await new MarkerLocks(keptVenv(marker), () => undefined).discard(marker, seen)
  expect(fs.existsSync(path.dirname(marker))).toBe(!same)
  expect(fs.existsSync(markerLockDir(marker))).toBe(false)
  expect(markerStamp(path.join(path.dirname(marker), 'none'))).toBeUndefined()
})
