/**
 * The container executor's exec per step, against a fake engine: an executable named `podman`
 * put first on the PATH the executor gives its engine client (for these tests
 * only). It records each call's argv, its own environment, and the env file it
 * is given (content, mode, path) while the call runs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  COLLECTED,
  collectedWheels,
  ContainerExecutor,
  IN_DIR,
  IN_DIR_COLLECT,
  withoutCollectedLine
} from '../../src/execute/container-executor.js'
import type { ContainerSpec, Step } from '../../src/model/build-plan.js'
import { check, tempDir, writeTree } from '../helpers/tools.js'
import { fakeEngineDir } from '../helpers/execute.js'

const FAKE_PODMAN = `#!/bin/sh
call="$FAKE_ENGINE_LOG/$(printf '%03d' "$(ls "$FAKE_ENGINE_LOG" | wc -l)")"
mkdir "$call"
printf '%s\\0' "$@" > "$call/argv"
env > "$call/engine-env"
previous=
for arg in "$@"; do
  if [ "$previous" = "--env-file" ]; then
    printf '%s' "$arg" > "$call/env-file-path"
    stat -c %a "$arg" > "$call/env-file-mode"
    cat "$arg" > "$call/env-file"
  fi
  previous="$arg"
done
case "$1" in
  exec)
    for arg in "$@"; do last="$arg"; done
    # exec NAME find|mkdir ... (no options), or exec --env-file F NAME <step>.
    case "$3" in
      find) [ -n "$FAKE_FIND_FAILS" ] && exit 1
            printf '%s/a-1-py3-none-any.whl\\n%s/b-1-cp39-abi3-linux_x86_64.whl\\n\\n' "$4" "$4" ;;
      mkdir) ;;
      *) echo "step stdout"; echo "step stderr" >&2; [ "$last" = "fail" ] && exit 3 ;;
    esac ;;
  cp) [ -n "$FAKE_CP_FAILS" ] && { echo "Error: no container with name or ID found" >&2; exit 125; } ;;
esac
exit 0
`

/** The value after `flag` in an argv. */
function option(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag)
  return at < 0 ? undefined : argv[at + 1]
}

interface Call {
  argv: string[]
  engineEnv: string
  envFile?: { path: string; mode: string; content: string }
}

/** A fake engine on PATH, and an executor whose client uses it. */
function fakeEngine(extraClientEnv: Record<string, string> = {}) {
  const { root, log, clientEnv } = fakeEngineDir(FAKE_PODMAN, extraClientEnv)
  const container: ContainerSpec = {
    engine: 'podman',
    image: 'localhost/wheelwright-test/manylinux_2_31_x86_64',
    name: 'wheelwright-r1-0',
    createArgs: [],
    env: {}
  }
  const scratch = path.join(root, 'scratch')
  const calls = (): Call[] =>
    fs
      .readdirSync(log)
      .sort()
      .map(name => {
        const dir = path.join(log, name)
        const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8')
        return {
          argv: read('argv').split('\0').slice(0, -1),
          engineEnv: read('engine-env'),
          ...(fs.existsSync(path.join(dir, 'env-file'))
            ? {
                envFile: {
                  path: read('env-file-path'),
                  mode: read('env-file-mode').trim(),
                  content: read('env-file')
                }
              }
            : {})
        }
      })
  // The exec of each step, as when the container's shell cannot start (container-shell.test.ts).
  const executor = new ContainerExecutor(container, scratch, clientEnv, undefined, { shell: false })
  return { executor, calls, scratch }
}

const STEP_ENV = {
  PATH: '/opt/python/cp312-cp312/bin:/usr/bin:/bin',
  TWINE_PASSWORD: 'pypi-s3cr3t-token',
  CFLAGS: '-O2 -g',
  WHEELWRIGHT_PROJECT: '/project dir/with spaces'
}

function step(cwd: string, argv: string[] = ['python', '-m', 'build', '/tmp/w/src']): Step {
  return {
    name: 'build',
    argv,
    env: { IGNORED: 'step.env is not what runs' },
    cwd,
    where: 'container',
    phase: 'build'
  }
}

describe('ContainerExecutor.run', () => {
  test('one exec: an --env-file, the container name, and a shell that makes and enters the workdir', async () => {
    const { executor, calls, scratch } = fakeEngine()
    const chunks: string[] = []
    const result = await executor.run(
      step('/tmp/w/src'),
      STEP_ENV,
      chunk => void chunks.push(chunk)
    )
    expect(result.code).toBe(0)
    const [exec, ...others] = calls()
    expect(others).toEqual([])
    // `exec [options] <container> sh -c IN_DIR in-dir <cwd> <step argv>`.
    expect(exec.argv[0]).toBe('exec')
    expect(exec.argv.slice(-10)).toEqual([
      'wheelwright-r1-0',
      'sh',
      '-c',
      IN_DIR,
      'in-dir',
      '/tmp/w/src',
      'python',
      '-m',
      'build',
      '/tmp/w/src'
    ])
    const options = exec.argv.slice(1, -10)
    expect(option(options, '--env-file')).toBe(exec.envFile!.path)
    expect(path.dirname(exec.envFile!.path)).toBe(scratch)
    expect(chunks.join('')).toContain('step stdout')
    expect(chunks.join('')).toContain('step stderr')
  })

  test('values never appear in any argv, nor in the engine client environment', async () => {
    const { executor, calls } = fakeEngine()
    await executor.run(step('/tmp/w/src'), STEP_ENV, () => undefined)
    for (const call of calls()) {
      for (const value of Object.values(STEP_ENV)) {
        expect(call.argv.join('\n')).not.toContain(value)
        expect(call.engineEnv).not.toContain(value)
      }
      expect(call.argv.join('\n')).not.toContain('TWINE_PASSWORD')
    }
  })

  test('the env file holds exactly the step variables, mode 0600, only while the step runs', async () => {
    const { executor, calls, scratch } = fakeEngine()
    await executor.run(step('/tmp/w/src'), STEP_ENV, () => undefined)
    const { envFile } = calls().at(-1)!
    expect(envFile!.mode).toBe('600')
    expect(envFile!.content).toBe(
      'PATH=/opt/python/cp312-cp312/bin:/usr/bin:/bin\n' +
        'TWINE_PASSWORD=pypi-s3cr3t-token\n' +
        'CFLAGS=-O2 -g\n' +
        'WHEELWRIGHT_PROJECT=/project dir/with spaces\n'
    )
    expect(fs.existsSync(envFile!.path)).toBe(false)
    expect(fs.readdirSync(scratch)).toEqual([])
    expect(fs.statSync(scratch).mode & 0o777).toBe(0o700)
  })

  test('a failing step: its exit code comes back and the env file is removed all the same', async () => {
    const { executor, calls } = fakeEngine()
    const result = await executor.run(
      step('/tmp/w/src', ['false', 'fail']),
      STEP_ENV,
      () => undefined
    )
    expect(result.code).toBe(3)
    expect(result.output).toContain('step stderr')
    expect(fs.existsSync(calls().at(-1)!.envFile!.path)).toBe(false)
  })

  test('an engine that cannot be started: the env file is removed all the same', async () => {
    const { executor, scratch } = fakeEngine({ PATH: '/nonexistent' })
    await expect(executor.run(step('/'), STEP_ENV, () => undefined)).rejects.toThrow(
      'command not found: podman'
    )
    expect(fs.readdirSync(scratch)).toEqual([])
  })

  test('every run gets its own env file', async () => {
    const { executor, calls } = fakeEngine()
    await executor.run(step('/tmp/a'), { A: '1' }, () => undefined)
    await executor.run(step('/tmp/b'), { B: '2' }, () => undefined)
    const files = calls()
      .filter(c => c.envFile)
      .map(c => c.envFile!)
    expect(files.map(f => f.content)).toEqual(['A=1\n', 'B=2\n'])
    expect(files[0].path).not.toBe(files[1].path)
  })

  test('the container root as workdir needs no shell', async () => {
    const { executor, calls } = fakeEngine()
    await executor.run(step('/'), STEP_ENV, () => undefined)
    const [call, ...others] = calls()
    expect(others).toEqual([])
    expect(call.argv[0]).toBe('exec')
    expect(call.argv.slice(-5)).toEqual(['wheelwright-r1-0', 'python', '-m', 'build', '/tmp/w/src'])
  })

  test('the in-dir shell makes the dir, runs there, and passes arguments through intact', () => {
    const dir = path.join(tempDir('in-dir'), 'a b', 'c')
    const out = check([
      'sh',
      '-c',
      IN_DIR,
      'in-dir',
      dir,
      'sh',
      '-c',
      'pwd; printf "%s|" "$@"',
      'x',
      'two words',
      '$HOME'
    ])
    expect(out).toBe(`${dir}\ntwo words|$HOME|`)
  })
})

describe('ContainerExecutor.listWheels', () => {
  test('the names of the .whl files find prints in that dir', async () => {
    const { executor, calls } = fakeEngine()
    expect(await executor.listWheels('/tmp/w/repaired')).toEqual([
      'a-1-py3-none-any.whl',
      'b-1-cp39-abi3-linux_x86_64.whl'
    ])
    expect(calls()[0].argv).toEqual([
      'exec',
      'wheelwright-r1-0',
      'find',
      '/tmp/w/repaired',
      '-maxdepth',
      '1',
      '-type',
      'f',
      '-name',
      '*.whl'
    ])
  })

  test('a failing find lists none', async () => {
    const { executor } = fakeEngine({ FAKE_FIND_FAILS: '1' })
    expect(await executor.listWheels('/tmp/w/missing')).toEqual([])
  })
})

describe('ContainerExecutor.putFile', () => {
  test('makes the dir, then copies the file into it', async () => {
    const { executor, calls } = fakeEngine()
    const file = path.join(
      writeTree(tempDir('wheel'), { 'w-1-py3-none-any.whl': 'w' }),
      'w-1-py3-none-any.whl'
    )
    await executor.putFile(file, '/tmp/w/repaired')
    expect(calls().map(c => c.argv)).toEqual([
      ['exec', 'wheelwright-r1-0', 'mkdir', '-p', '/tmp/w/repaired'],
      ['cp', file, 'wheelwright-r1-0:/tmp/w/repaired/']
    ])
  })

  test('a failing copy is an error with the engine output', async () => {
    const { executor } = fakeEngine({ FAKE_CP_FAILS: '1' })
    const file = path.join(
      writeTree(tempDir('wheel'), { 'w-1-py3-none-any.whl': 'w' }),
      'w-1-py3-none-any.whl'
    )
    await expect(executor.putFile(file, '/tmp/w/repaired')).rejects.toThrow(
      'copying w-1-py3-none-any.whl into the container failed: Error: no container with name or ID found'
    )
  })
})

describe('a collecting step names its wheels in the same exec', () => {
  test('the script runs the command in its dir, then names the wheels; a failure names none', () => {
    const root = tempDir('collect')
    const collect = writeTree(path.join(root, 'repaired'), {
      'a-1-py3-none-any.whl': '',
      'b-1-cp39-abi3-linux_x86_64.whl': '',
      'notes.txt': ''
    })
    const out = check([
      'sh',
      '-c',
      IN_DIR_COLLECT,
      'in-dir',
      path.join(root, 'w'),
      collect,
      'sh',
      '-c',
      'pwd'
    ])
    expect(out.split('\n')[0]).toBe(path.join(root, 'w'))
    expect(collectedWheels(out)).toEqual(['a-1-py3-none-any.whl', 'b-1-cp39-abi3-linux_x86_64.whl'])
    expect(() =>
      check(['sh', '-c', IN_DIR_COLLECT, 'in-dir', root, collect, 'sh', '-c', 'exit 3'])
    ).toThrow()
  })

  test.each([
    [`log\n${COLLECTED} x.whl\n`, ['x.whl']],
    [`${COLLECTED}\n`, []],
    ['no such line\n', undefined]
  ])('collectedWheels(%j) → %j', (stdout, expected) => {
    expect(collectedWheels(stdout)).toEqual(expected)
  })
})

describe('what a collecting step shows', () => {
  test.each([
    [['build ok\n', `${COLLECTED} a.whl\n`], 'build ok\n'],
    [['half', ' line\n\n', `${COLLECTED} a.whl b.whl\n`], 'half line\n\n'],
    [['no newline at the end'], 'no newline at the end'],
    [[`x\n${COLLECTED}`], 'x\n']
  ])('%j → %j', (chunks, shown) => {
    let out = ''
    const filter = withoutCollectedLine(chunk => void (out += chunk))
    for (const chunk of chunks) filter.write(chunk)
    filter.end()
    expect(out).toBe(shown)
  })
})
