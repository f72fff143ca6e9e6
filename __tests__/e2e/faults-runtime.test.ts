/**
 * Faults while a real build runs (host builds of the c-ext fixture, one
 * CPython): SIGTERM, SIGINT and SIGKILL, each followed by a re-run (a step
 * stopped so is interrupted, not failed); steps that leave processes running
 * (on their pipes, or in a session of their own); two runs
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

/** Stopped by our own signal: said so, and no build failure, no fail-fast hint. */
const expectInterrupted = (run: FaultRun, signal: NodeJS.Signals, step: string) => {
  expect(run.output).toMatch(new RegExp(`received ${signal}`))
  expect(run.output).toMatch(new RegExp(`✗ ${step} interrupted by ${signal}`))
  // (The options dump at the start lists fail-fast; the hint says 'fail-fast: false'.)
  expect(run.output).not.toMatch(/failed|fail-fast:|exit code 128/)
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
    else expectInterrupted(stopped, signal, 'before-build')
    await checkAftermath(stopped, run.marker)
    const again = await rerun(dirs, shared)
    expect(again.seconds).toBeLessThan(120)
  })

  test.each<[NodeJS.Signals, number, string]>([
    ['SIGINT', 130, 'test'],
    ['SIGTERM', 143, 'tools']
  ])('%s (exit %i) during the %s step: interrupted, not failed', async (signal, code, step) => {
    const dirs = caseDirs()
    // The tools venv is made in a fresh cache dir; the test step runs after a build.
    const cache = step === 'tools' ? dirs.cache : shared
    if (step === 'test')
      fs.appendFileSync(
        path.join(dirs.project, 'pyproject.toml'),
        '\n[tool.cibuildwheel.linux]\ntest-command = "echo test-started && sleep 300"\n'
      )
    const run = startCli(build(cache), dirs)
    // The echoed line itself: the resolved options at the start also show the command.
    await run.waitFor(step === 'test' ? /^test-started$/m : /▸ tools/, 300_000)
    process.kill(run.pid, signal)
    const stopped = await run.done
    expect(stopped.code).toBe(code)
    expectInterrupted(stopped, signal, step)
    await checkAftermath(stopped, run.marker)
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

/** A build of the fixture with `linux` added to its [tool.cibuildwheel.linux]; it must succeed. */
async function buildsWith(linux: string): Promise<FaultRun> {
  const dirs = caseDirs()
  fs.appendFileSync(
    path.join(dirs.project, 'pyproject.toml'),
    `\n[tool.cibuildwheel.linux]\n${linux}\n`
  )
  const run = startCli(build(shared), dirs)
  const done = await run.done
  expect({ output: done.output, code: done.code }).toEqual({ output: done.output, code: 0 })
  expect(wheelsIn(dirs.out)).toHaveLength(1)
  await checkAftermath(done, run.marker, { outputAllowed: /\.whl$/ })
  return done
}

describe('a step ends with its process', () => {
  test('a before-build that leaves `sleep 90` running on its pipes takes no 90 s', async () => {
    const done = await buildsWith('before-build = "sleep 90 & echo started"')
    expect(done.seconds).toBeLessThan(60)
  })

  test('a test-command that leaves `setsid nohup sleep 600` running: stopped, and named in a warning', async () => {
    const done = await buildsWith(
      'test-command = "setsid nohup sleep 600 >/dev/null 2>&1 & sleep 1"'
    )
    expect(done.output).toMatch(
      /warning: .*test left a process running after it ended, outside its process group; stopped: \d+ \(sleep 600\)/
    )
  })
})

/** The peak RSS of `pid` in MB so far (VmHWM), polled until it exits. */
function peakRss(pid: number): { readonly mb: number; stop(): void } {
  const state = { mb: 0, stop: () => clearInterval(timer) }
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
      state.mb = Math.max(state.mb, kb / 1024)
    } catch {
      // Gone: the last reading stands.
    }
  }
  const timer = setInterval(read, 20)
  read()
  return state
}

describe('bounds at run time', () => {
  test('a before-build longer than the argument limit runs, through a file', async () => {
    const done = await buildsWith(
      `before-build = ": ${'x'.repeat(200_000)}; echo long-before-build-ran"`
    )
    expect(done.output).toMatch(/▸ before-build: : x+… \(\d+ more characters\)/)
    expect(done.output).toMatch(/^long-before-build-ran$/m)
  })

  test("a build that prints 200 MB: node's peak RSS stays under 300 MB", async () => {
    const dirs = caseDirs()
    const line = 'a line of build output, as a verbose compiler prints it ......'
    fs.appendFileSync(
      path.join(dirs.project, 'pyproject.toml'),
      `\n[tool.cibuildwheel.linux]\nbefore-build = "yes '${line}' | head -c 200000000; echo; echo printed-200-MB"\n`
    )
    const run = startCli(build(shared), dirs, {}, undefined, 64 * 1024)
    const rss = peakRss(run.pid)
    const done = await run.done
    rss.stop()
    expect({ output: done.output, code: done.code }).toEqual({ output: done.output, code: 0 })
    expect(done.output).toMatch(/^printed-200-MB$/m)
    expect(wheelsIn(dirs.out)).toHaveLength(1)
    process.stdout.write(`peak RSS of wheelwright with 200 MB of output: ${rss.mb.toFixed(0)} MB\n`)
    expect(rss.mb).toBeGreaterThan(20)
    expect(rss.mb).toBeLessThan(300)
    await checkAftermath(done, run.marker, { outputAllowed: /\.whl$/ })
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
