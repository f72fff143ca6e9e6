/**
 * The container executor with its long-lived shell, against a fake engine
 * whose `exec [-i] [--env-file F] NAME cmd...` runs cmd here: the loop,
 * the framing and the fallbacks run for real, with the host's sh standing
 * in for the container's.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, test } from '@jest/globals'
import { COLLECTED, ContainerExecutor } from '../../src/execute/container-executor.js'
import { shellArgv } from '../../src/execute/container-shell.js'
import type { ContainerSpec, Step } from '../../src/model/build-plan.js'
import { ChildTracker, KEPT_CHARS } from '../../src/util/exec.js'
import { processAlive } from '../../src/util/lock.js'
import { fakeEngineDir } from '../helpers/execute.js'

const FAKE_PODMAN = `#!/bin/sh
call=$(mktemp -d "$FAKE_ENGINE_LOG/.new-XXXXXX")
printf '%s\\0' "$@" > "$call/argv"
env > "$call/engine-env"
echo $$ > "$call/pid"
mv "$call" "$FAKE_ENGINE_LOG/$(date +%s%N)-\${call##*-}"
[ "$1" = exec ] || exit 0
shift
if [ "$1" = -i ]; then
  [ -n "$FAKE_NO_SHELL" ] && { echo 'Error: cannot attach to the exec session' >&2; exit 125; }
  [ -n "$FAKE_SILENT_SHELL" ] && exec sleep 60
  shift
fi
[ "$1" = --env-file ] && shift 2
shift
# Like an engine client, a process apart from what runs in the container.
"$@"
`

const container: ContainerSpec = {
  engine: 'podman',
  image: 'localhost/wheelwright-test/manylinux_2_31_x86_64',
  name: 'wheelwright-r1-0',
  createArgs: [],
  env: {}
}

interface Call {
  argv: string[]
  engineEnv: string
  pid: number
}

/** Every executor of a test: closed after it, passed or not (a shell left running holds jest). */
const opened: { executor: ContainerExecutor; children: ChildTracker }[] = []
afterEach(() => {
  for (const { executor, children } of opened.splice(0)) {
    executor.close()
    children.signalAll('SIGKILL')
  }
})

function fakeEngine(extraClientEnv: Record<string, string> = {}, shellReadyMs?: number) {
  const { root, log, clientEnv } = fakeEngineDir(FAKE_PODMAN, extraClientEnv)
  const children = new ChildTracker()
  const executor = new ContainerExecutor(
    container,
    path.join(root, 'scratch'),
    clientEnv,
    children,
    {
      shellReadyMs
    }
  )
  opened.push({ executor, children })
  const calls = (): Call[] =>
    fs
      .readdirSync(log)
      .filter(name => !name.startsWith('.'))
      .sort()
      .map(name => {
        const read = (file: string) => fs.readFileSync(path.join(log, name, file), 'utf8')
        return {
          argv: read('argv').split('\0').slice(0, -1),
          engineEnv: read('engine-env'),
          pid: Number(read('pid'))
        }
      })
  return { executor, calls, children, root }
}

function step(argv: string[], more: Partial<Step> = {}): Step {
  return { name: 'build', argv, env: {}, cwd: '/', where: 'container', phase: 'build', ...more }
}

const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  TWINE_PASSWORD: 'pypi-s3cr3t-token',
  CFLAGS: '-O2 -g'
}

/** Runs a step; its result and all the output it passed on. */
async function run(executor: ContainerExecutor, s: Step, env: Record<string, string> = ENV) {
  const chunks: string[] = []
  const result = await executor.run(s, env, chunk => void chunks.push(chunk))
  return { ...result, shown: chunks.join('') }
}

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!done() && Date.now() < deadline) await new Promise(r => setTimeout(r, 20))
  expect(done()).toBe(true)
}

describe('one shell per container', () => {
  test('many steps, one engine call: `exec -i <container> sh -c LOOP`, no value in any argv', async () => {
    const { executor, calls } = fakeEngine()
    for (let i = 0; i < 5; i++) {
      const result = await run(executor, step(['sh', '-c', 'printf "%s" "$CFLAGS"']))
      expect(result).toMatchObject({ code: 0, stdout: '-O2 -g' })
    }
    const [shell, ...others] = calls()
    expect(others).toEqual([])
    expect(shell.argv).toEqual(shellArgv(container).slice(1))
    for (const value of Object.values(ENV).slice(1)) {
      expect(shell.argv.join('\n')).not.toContain(value)
      expect(shell.engineEnv).not.toContain(value)
    }
    executor.close()
  })

  const OUTPUTS: [string, string, string][] = [
    ['no newline at the end', 'printf "last line"', 'last line'],
    [
      'a line like the ready line',
      'printf "\\001wwready\\n\\001ww0123 0\\n"',
      '\x01wwready\n\x01ww0123 0\n'
    ],
    ['NUL bytes', 'printf "a\\000b\\000"', 'a\0b\0'],
    ['non-UTF-8 bytes', 'printf "x\\377\\376y"', 'x\ufffd\ufffdy'],
    ['a character cut at the end', 'printf "\\303"', '\ufffd'],
    ['a 3 MB line', 'head -c 3000000 /dev/zero | tr "\\000" z', 'z'.repeat(3_000_000)]
  ]

  test.each(OUTPUTS)('%s: the output and the result are exact', async (_, script, expected) => {
    const { executor } = fakeEngine()
    const result = await run(executor, step(['sh', '-c', script]))
    expect(result.code).toBe(0)
    expect(result.shown).toBe(expected)
    expect(result.stdout).toBe(expected.slice(-KEPT_CHARS))
    expect(result.stderr).toBe('')
    executor.close()
  })

  test('stdout and stderr stay apart; the output has both', async () => {
    const { executor } = fakeEngine()
    const result = await run(executor, step(['sh', '-c', 'echo out; echo err >&2; exit 3']))
    expect(result).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' })
    expect(result.output).toContain('out\n')
    expect(result.output).toContain('err\n')
    executor.close()
  })

  test('40 MB of output: all of it is passed on, the result keeps the last 1 MiB', async () => {
    const { executor } = fakeEngine()
    let seen = 0
    const result = await executor.run(
      step(['sh', '-c', 'head -c 40000000 /dev/zero | tr "\\000" "a"; printf END']),
      ENV,
      chunk => void (seen += chunk.length)
    )
    expect(result.code).toBe(0)
    expect(seen).toBe(40_000_003)
    expect(result.stdout.length).toBeLessThanOrEqual(KEPT_CHARS)
    expect(result.stdout.endsWith('aEND')).toBe(true)
    executor.close()
  })

  test('a collecting step names its wheels; the COLLECTED line is not shown', async () => {
    const { executor, root } = fakeEngine()
    const dir = path.join(root, 'wheel house')
    const make = `mkdir -p "$1" && touch "$1/w-1-py3-none-any.whl"; echo built`
    const result = await run(
      executor,
      step(['sh', '-c', make, 'step', dir], { cwd: path.join(root, 'src'), collectsWheel: dir })
    )
    expect(result.wheels).toEqual(['w-1-py3-none-any.whl'])
    expect(result.shown).not.toContain(COLLECTED)
    expect(result.shown).toContain('built')
    executor.close()
  })

  test('a step that kills its shell fails, says so, and the next step gets a new shell', async () => {
    const { executor, calls } = fakeEngine()
    const killed = await run(executor, step(['sh', '-c', 'echo before; kill -9 $PPID; sleep 5']))
    expect(killed.code).not.toBe(0)
    expect(killed.stdout).toBe('before\n')
    expect(killed.shown).toContain(
      'the shell in container wheelwright-r1-0 ended (exit 137) during this step; the next step starts a new shell'
    )
    const next = await run(executor, step(['echo', 'next']))
    expect(next).toMatchObject({ code: 0, stdout: 'next\n' })
    expect(calls().map(c => c.argv.slice(0, 2))).toEqual([
      ['exec', '-i'],
      ['exec', '-i']
    ])
    executor.close()
  })

  test('SIGTERM to the run stops the step and its shell: a failed step that says why', async () => {
    const { executor, children, calls } = fakeEngine()
    const started = Date.now()
    const running = run(executor, step(['sh', '-c', 'echo started; exec sleep 60']))
    await until(() => calls().length === 1 && children.size === 1)
    await new Promise(r => setTimeout(r, 300))
    children.signalAll('SIGTERM')
    const result = await running
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.code).not.toBe(0)
    expect(result.signal).toBe('SIGTERM')
    expect(result.shown).toContain('ended (signal SIGTERM) during this step')
    await until(() => !processAlive(calls()[0].pid))
  })

  test('an idle shell does not keep this process running; a busy one does', async () => {
    const processes = () =>
      process.getActiveResourcesInfo().filter(kind => kind === 'ProcessWrap').length
    // The children of earlier tests are gone first.
    await until(() => processes() === 0)
    const { executor } = fakeEngine()
    await run(executor, step(['true']))
    expect(processes()).toBe(0)
    const running = run(executor, step(['sleep', '0.5']))
    await new Promise(r => setTimeout(r, 200))
    expect(processes()).toBe(1)
    await running
    expect(processes()).toBe(0)
  })

  test('close ends the shell', async () => {
    const { executor, calls, children } = fakeEngine()
    await run(executor, step(['true']))
    const [shell] = calls()
    expect(processAlive(shell.pid)).toBe(true)
    executor.close()
    await until(() => !processAlive(shell.pid) && children.size === 0)
    // Steps after close, if any, get an exec each.
    expect(await run(executor, step(['echo', 'after']))).toMatchObject({ stdout: 'after\n' })
    expect(calls().at(-1)!.argv[1]).toBe('--env-file')
  })
})

describe('steps that take an exec of their own', () => {
  test('the engine cannot run the shell: every step gets an exec, results unchanged', async () => {
    const { executor, calls } = fakeEngine({ FAKE_NO_SHELL: '1' })
    const first = await run(executor, step(['echo', 'one']))
    expect(first).toMatchObject({ code: 0, stdout: 'one\n' })
    expect(first.shown).toBe(
      'wheelwright: no shell in container wheelwright-r1-0 (podman exec -i ended with 125: Error: cannot attach to the exec session); each step gets an exec of its own\none\n'
    )
    const second = await run(executor, step(['echo', 'two']))
    expect(second).toMatchObject({ code: 0, stdout: 'two\n', shown: 'two\n' })
    expect(calls().map(c => c.argv.slice(0, 2))).toEqual([
      ['exec', '-i'],
      ['exec', '--env-file'],
      ['exec', '--env-file']
    ])
  })

  test('a shell that never says it is ready is stopped; the step gets an exec', async () => {
    const { executor, calls } = fakeEngine({ FAKE_SILENT_SHELL: '1' }, 500)
    const result = await run(executor, step(['echo', 'one']))
    expect(result).toMatchObject({ code: 0, stdout: 'one\n' })
    expect(result.shown).toContain('(podman exec -i said nothing for 0.5 s)')
    await until(() => !processAlive(calls()[0].pid))
    expect(calls().map(c => c.argv[1])).toEqual(['-i', '--env-file'])
  })

  test('no engine at all: the error says so, as it did before the shell', async () => {
    const { executor } = fakeEngine({ PATH: '/nonexistent' })
    await expect(executor.run(step(['true']), ENV, () => undefined)).rejects.toThrow(
      'command not found: podman'
    )
  })

  test('a variable the shell cannot hold (no shell name): that step alone gets an exec', async () => {
    const { executor, calls } = fakeEngine()
    await run(executor, step(['true']))
    await run(executor, step(['true']), { ...ENV, 'odd.name': '1' })
    await run(executor, step(['true']))
    expect(calls().map(c => c.argv[1])).toEqual(['-i', '--env-file'])
    executor.close()
  })

  test('two steps at once: one runs in the shell, the other gets an exec', async () => {
    const { executor, calls } = fakeEngine()
    const results = await Promise.all([
      run(executor, step(['sh', '-c', 'sleep 0.3; echo first'])),
      run(executor, step(['sh', '-c', 'sleep 0.3; echo second']))
    ])
    expect(results.map(r => r.stdout)).toEqual(['first\n', 'second\n'])
    expect(
      calls()
        .map(c => c.argv[1])
        .sort()
    ).toEqual(['--env-file', '-i'])
    executor.close()
  })
})
