import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import { Reaper } from '../../src/util/reaper.js'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const until = async (check: () => boolean, ms = 8_000) => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  return check()
}

/** A process group whose leader ignores SIGTERM (so the SIGKILL after the grace is needed). */
const stubbornGroup = () => {
  const child = spawn('bash', ['-c', "trap '' TERM; sleep 300 & wait; sleep 300"], {
    detached: true,
    stdio: 'ignore'
  })
  child.unref()
  return child.pid!
}

test('when its owner is gone, the watcher stops the groups, runs the cleanups and removes the dirs still listed (not one a new run took over)', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-reaper-'))
  const dir = path.join(root, 'scratch')
  const kept = path.join(root, 'kept')
  const takenOver = path.join(root, 'taken-over')
  const ours = path.join(root, 'ours')
  fs.mkdirSync(dir)
  fs.mkdirSync(kept)
  fs.mkdirSync(takenOver)
  fs.mkdirSync(ours)
  // A stable run dir: one a re-run took over (another owner), one still ours.
  fs.writeFileSync(path.join(takenOver, '.owner'), '999999')
  fs.writeFileSync(path.join(ours, '.owner'), String(process.pid))
  const reaper = new Reaper(300)
  const listed = stubbornGroup()
  const dropped = stubbornGroup()
  reaper.watch(listed)
  reaper.watch(dropped)
  reaper.unwatch(dropped)
  reaper.remove(dir)
  reaper.remove(takenOver)
  reaper.remove(ours)
  reaper.remove(kept)
  reaper.keep(kept)
  reaper.cleanup('a', ['bash', '-c', 'echo "$MARK" > "$1"', 'x', path.join(root, 'cleaned')], {
    PATH: process.env.PATH,
    MARK: 'ran'
  })
  reaper.cleanup('b', ['touch', path.join(root, 'dropped')], { PATH: process.env.PATH })
  reaper.drop('b')
  const watcher = reaper.pid!
  expect(alive(watcher)).toBe(true)
  reaper.close()
  expect(await until(() => !alive(watcher))).toBe(true)
  expect(alive(listed)).toBe(false)
  expect(fs.existsSync(dir)).toBe(false)
  expect(fs.existsSync(ours)).toBe(false)
  expect(fs.existsSync(takenOver)).toBe(true)
  expect(fs.readFileSync(path.join(root, 'cleaned'), 'utf8')).toBe('ran\n')
  expect(fs.existsSync(kept)).toBe(true)
  expect(fs.existsSync(path.join(root, 'dropped'))).toBe(false)
  expect(alive(dropped)).toBe(true)
  process.kill(-dropped, 'SIGKILL')
})

test('a watcher with nothing listed exits at once, and deaf to SIGTERM until then', async () => {
  const reaper = new Reaper()
  reaper.remove('/nonexistent/ww-reaper')
  reaper.keep('/nonexistent/ww-reaper')
  const watcher = reaper.pid!
  await new Promise(r => setTimeout(r, 300))
  process.kill(watcher, 'SIGTERM')
  await new Promise(r => setTimeout(r, 200))
  expect(alive(watcher)).toBe(true)
  const started = Date.now()
  reaper.close()
  expect(await until(() => !alive(watcher))).toBe(true)
  expect(Date.now() - started).toBeLessThan(2_000)
})

test("the processes that left a watched group are stopped too, found by the group's marker", async () => {
  const marker = `WHEELWRIGHT_STEP=${process.pid}-reaper-test`
  const leader = spawn('bash', ['-c', 'setsid sleep 300 </dev/null >/dev/null 2>&1 & sleep 300'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, WHEELWRIGHT_STEP: `${process.pid}-reaper-test` }
  })
  leader.unref()
  const reaper = new Reaper(300)
  reaper.watch(leader.pid!, marker)
  const escaped = () =>
    fs
      .readdirSync('/proc')
      .filter(p => /^\d+$/.test(p))
      .filter(p => {
        try {
          const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
          return (
            fs.readFileSync(`/proc/${p}/environ`, 'latin1').includes(`${marker}\0`) &&
            !/\) [ZX] /.test(stat) &&
            Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== leader.pid
          )
        } catch {
          return false
        }
      })
  expect(await until(() => escaped().length === 1)).toBe(true)
  reaper.close()
  expect(await until(() => escaped().length === 0)).toBe(true)
  expect(alive(leader.pid!)).toBe(false)
})
