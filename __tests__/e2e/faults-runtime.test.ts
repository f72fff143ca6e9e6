/**
 * Faults while a real build runs (host builds of the c-ext fixture, one
 * CPython): SIGTERM, SIGINT and SIGKILL, each followed by a re-run; two runs
 * at once on a fresh cache; a full disk; a read-only output dir; an index
 * that cannot be reached. Each case checks the aftermath as the bad-input
 * cases do: no trace, no secret, nothing left in TMPDIR or output-dir, no
 * process left.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import {
  caseDirs,
  checkAftermath,
  processesWith,
  startCli,
  type CaseDirs,
  type FaultRun
} from '../helpers/faults.js'

const ONE = 'cp311-*'
const build = (cache: string, extra: string[] = []) => [
  'build',
  '{project}',
  '--output-dir',
  '{out}',
  '--container',
  'off',
  '--build',
  ONE,
  '--cache-dir',
  cache,
  ...extra
]

/** One cache dir for the cases that do not need a fresh one (the tools venv is made once). */
const shared = caseDirs().cache
const mounts: string[] = []

const mount = (dir: string, options: string) => {
  fs.mkdirSync(dir, { recursive: true })
  const done = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], {
    encoding: 'utf8'
  })
  if (done.status !== 0)
    throw new Error(`mount tmpfs on ${dir} failed (root needed): ${done.stderr}`)
  mounts.push(dir)
}

afterAll(() => {
  for (const dir of mounts.reverse()) spawnSync('umount', ['-l', dir])
})

/** A project whose before-build says so, then sleeps: the moment to send a signal. */
const sleepy = (dirs: CaseDirs) => {
  fs.appendFileSync(
    path.join(dirs.project, 'pyproject.toml'),
    '\n[tool.cibuildwheel.linux]\nbefore-build = "echo before-build-started && sleep 300"\n'
  )
}

const wheelsIn = (dir: string) =>
  (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter(n => n.endsWith('.whl'))

/** The re-run after a fault: the same project builds, without waiting on anything the fault left. */
async function rerun(dirs: CaseDirs, cache: string): Promise<FaultRun> {
  fs.writeFileSync(
    path.join(dirs.project, 'pyproject.toml'),
    fs
      .readFileSync(path.join(dirs.project, 'pyproject.toml'), 'utf8')
      .replace(/\n\[tool\.cibuildwheel\.linux\][^]*$/, '\n')
  )
  const again = startCli(build(cache), dirs)
  const run = await again.done
  expect({ output: run.output, code: run.code }).toEqual({ output: run.output, code: 0 })
  expect(run.output).not.toMatch(/waiting for/)
  expect(wheelsIn(dirs.out)).toHaveLength(1)
  await checkAftermath(run, again.marker, { outputAllowed: /\.whl$/ })
  return run
}

describe('signals', () => {
  test.each<[NodeJS.Signals, number | null]>([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGKILL', null]
  ])('%s during before-build stops everything; a re-run builds', async (signal, code) => {
    const dirs = caseDirs()
    sleepy(dirs)
    const run = startCli(build(shared), dirs)
    // The echoed line itself (the resolved options at the start also show the command).
    await run.waitFor(/^before-build-started$/m, 300_000)
    const sleeping = processesWith(run.marker)
    expect(sleeping.length).toBeGreaterThan(1)
    process.kill(run.pid, signal)
    const stopped = await run.done
    expect(stopped.code).toBe(code)
    if (code === null) expect(stopped.signal).toBe('SIGKILL')
    else expect(stopped.output).toMatch(new RegExp(`received ${signal}`))
    await checkAftermath(stopped, run.marker)
    const again = await rerun(dirs, shared)
    expect(again.seconds).toBeLessThan(120)
  })

  test('SIGKILL while the tools venv is being made: the re-run takes the lock over at once', async () => {
    const dirs = caseDirs()
    const run = startCli(build(dirs.cache), dirs)
    await run.waitFor(/tools/, 120_000)
    // The tools step is running when its lock exists.
    const lock = path.join(dirs.cache, 'tools.lock')
    const deadline = Date.now() + 60_000
    while (!fs.existsSync(lock) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
    expect(fs.existsSync(lock)).toBe(true)
    process.kill(run.pid, 'SIGKILL')
    const killed = await run.done
    await checkAftermath(killed, run.marker)
    expect(fs.existsSync(lock)).toBe(true)
    const again = startCli(build(dirs.cache), dirs)
    // Within 30 s of starting, the re-run is past the lock: it never waits on the dead owner.
    await again.waitFor(/▸ (prepare|venv|build)/, 30_000)
    const done = await again.done
    expect({ output: done.output, code: done.code }).toEqual({ output: done.output, code: 0 })
    expect(done.output).not.toMatch(/waiting for/)
    await checkAftermath(done, again.marker, { outputAllowed: /\.whl$/ })
  })
})

test('two runs at once on a fresh cache dir share the tools venv safely', async () => {
  const cache = caseDirs().cache
  const [a, b] = [caseDirs(), caseDirs()]
  const runs = [startCli(build(cache), a), startCli(build(cache), b)]
  const done = await Promise.all(runs.map(r => r.done))
  for (const [i, run] of done.entries()) {
    expect({ output: run.output, code: run.code }).toEqual({ output: run.output, code: 0 })
    await checkAftermath(run, runs[i].marker, { outputAllowed: /\.whl$/ })
  }
  // The tools venv takes seconds to make: the second run waited for it, and said whose lock it was.
  expect(
    done.filter(run => /waiting for .*tools: another wheelwright run \(pid \d+\)/.test(run.output))
  ).toHaveLength(1)
  expect(wheelsIn(a.out)).toEqual(wheelsIn(b.out))
  expect(wheelsIn(a.out)).toHaveLength(1)
  // One of them made the venv; the other waited for it, and said so, or found it made.
  expect(
    fs.readdirSync(path.join(cache, 'tools')).filter(n => n.startsWith('.ready-'))
  ).toHaveLength(1)
})

describe('the file system says no', () => {
  test('a full disk under TMPDIR: the build fails with the cause, and leaves nothing', async () => {
    const dirs = caseDirs()
    fs.rmSync(dirs.tmp, { recursive: true })
    mount(dirs.tmp, 'size=2m')
    const run = startCli(build(shared), dirs)
    const done = await run.done
    expect(done.code).toBe(1)
    // The error itself (not only the folded log) says why.
    expect(done.output.slice(done.output.lastIndexOf('error:'))).toMatch(/No space|Errno 28/)
    await checkAftermath(done, run.marker)
  })

  test('a read-only output dir is refused before any build', async () => {
    const dirs = caseDirs()
    mount(dirs.out, 'size=1m')
    spawnSync('mount', ['-o', 'remount,ro', dirs.out])
    const run = startCli(build(shared), dirs)
    const done = await run.done
    expect(done.code).toBe(2)
    expect(done.output).toMatch(/output-dir: .*(read-only|not writable)/)
    expect(done.output).not.toMatch(/\[1\/1\]/)
    await checkAftermath(done, run.marker)
  })
})

test('an index that cannot be reached: the error says so', async () => {
  const dirs = caseDirs()
  const index = 'http://127.0.0.1:9/simple'
  const run = startCli(build(dirs.cache), dirs, {
    PIP_INDEX_URL: index,
    UV_INDEX_URL: index,
    PIP_RETRIES: '0',
    PIP_TIMEOUT: '2'
  })
  const done = await run.done
  expect(done.code).not.toBe(0)
  // The cause is in the error, not only in the folded log.
  const error = done.output.slice(done.output.lastIndexOf('error:'))
  expect(error).toMatch(
    /Connection refused|Failed to establish a new connection|No matching distribution/
  )
  await checkAftermath(done, run.marker)
})
