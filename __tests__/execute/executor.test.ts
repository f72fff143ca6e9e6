/** The host executor: a step runs in its cwd with exactly the given variables, its output streamed. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { HostExecutor, longScript, SCRIPT_ARG_LIMIT } from '../../src/execute/executor.js'
import type { Step } from '../../src/model/build-plan.js'
import { ChildTracker } from '../../src/util/exec.js'
import { tempDir, writeTree } from '../helpers/tools.js'

const PATH = process.env.PATH ?? '/usr/bin:/bin'

function step(argv: string[], cwd: string, env: Record<string, string> = {}): Step {
  return { name: 'step', argv, env, cwd, where: 'host', phase: 'build' }
}

describe('HostExecutor.run', () => {
  test('the cwd is created, however deep, and the step runs there', async () => {
    const cwd = path.join(tempDir('exec'), 'a', 'b', 'c')
    const result = await new HostExecutor().run(step(['pwd'], cwd), { PATH }, () => undefined)
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe(fs.realpathSync(cwd))
  })

  test.each([
    [{ A: '1' }],
    [{ A: '1', B: 'two words', C: 'x=y', D: '' }],
    [{ SECRET: 'only when given', EMPTY: '' }],
    [{}]
  ])('the child sees exactly %j: nothing of this process, nothing of step.env', async variables => {
    const result = await new HostExecutor().run(
      step(['/usr/bin/env', '-0'], tempDir('exec'), { STEP_ONLY: 'never' }),
      variables,
      () => undefined
    )
    expect(result.code).toBe(0)
    const seen = Object.fromEntries(
      result.stdout
        .split('\0')
        .filter(Boolean)
        .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    expect(seen).toEqual(variables)
  })

  test('the env object passed in is not changed', async () => {
    const env = Object.freeze({ PATH, A: '1' })
    await new HostExecutor().run(step(['true'], tempDir('exec')), env, () => undefined)
    expect(env).toEqual({ PATH, A: '1' })
  })

  test('output is streamed while the step runs, stdout and stderr interleaved', async () => {
    const dir = tempDir('exec')
    // The step goes on only once the test has seen its previous line.
    const waitFor = (name: string) =>
      `for i in $(seq 250); do [ -e ${name} ] && break; sleep 0.02; done; [ -e ${name} ] || exit 9`
    const script = [
      'echo first',
      waitFor('first'),
      'echo second >&2',
      waitFor('second'),
      'echo third'
    ].join('\n')
    const chunks: string[] = []
    const result = await new HostExecutor().run(
      step(['sh', '-c', script], dir),
      { PATH },
      chunk => {
        chunks.push(chunk)
        for (const line of chunk.split('\n').filter(Boolean))
          fs.writeFileSync(path.join(dir, line), '')
      }
    )
    expect(result.code).toBe(0)
    expect(chunks).toEqual(['first\n', 'second\n', 'third\n'])
    expect(result.output).toBe('first\nsecond\nthird\n')
    expect(result.stdout).toBe('first\nthird\n')
    expect(result.stderr).toBe('second\n')
  })

  test.each([
    [0, 'exit 0'],
    [1, 'exit 1'],
    [42, 'echo failing >&2; exit 42']
  ])('exit code %i is returned, not thrown', async (code, script) => {
    const result = await new HostExecutor().run(
      step(['sh', '-c', script], tempDir('exec')),
      { PATH },
      () => undefined
    )
    expect(result.code).toBe(code)
  })

  test('a tracker knows the child while it runs, and forgets it after', async () => {
    const children = new ChildTracker()
    const during: number[] = []
    await new HostExecutor(children).run(
      step(['sh', '-c', 'echo running'], tempDir('exec')),
      { PATH },
      () => void during.push(children.size)
    )
    expect(during).toEqual([1])
    expect(children.size).toBe(0)
  })

  test('a command that does not exist is an error naming it', async () => {
    await expect(
      new HostExecutor().run(
        step(['wheelwright-no-such-tool'], tempDir('exec')),
        { PATH },
        () => undefined
      )
    ).rejects.toThrow('command not found: wheelwright-no-such-tool')
  })
})

describe('a script too long for an argument', () => {
  const long = `: ${'x'.repeat(200_000)}\necho "$1-$2"`

  test('runs from a file, with its placeholders as positional arguments; the file is removed', async () => {
    const spool = path.join(tempDir('exec'), 'spool')
    const chunks: string[] = []
    const result = await new HostExecutor(new ChildTracker(), spool).run(
      step(['bash', '-c', long, 'before-build', 'a b', 'c'], tempDir('exec')),
      { PATH },
      chunk => void chunks.push(chunk)
    )
    expect(result.code).toBe(0)
    expect(chunks.join('')).toBe('a b-c\n')
    expect(fs.readdirSync(spool)).toEqual([])
  })

  test.each<[string, string[], boolean]>([
    ['bash -c, long', ['bash', '-c', 'x'.repeat(SCRIPT_ARG_LIMIT + 1), 'n', 'a'], true],
    ['/bin/sh -c, long', ['/bin/sh', '-c', 'x'.repeat(SCRIPT_ARG_LIMIT + 1), 'n'], true],
    ['bash -c, at the limit', ['bash', '-c', 'x'.repeat(SCRIPT_ARG_LIMIT), 'n'], false],
    ['another program', ['python', '-c', 'x'.repeat(SCRIPT_ARG_LIMIT + 1)], false]
  ])('%s: through a file: %s', (_name, argv, viaFile) => {
    const script = longScript(argv)
    expect(!!script).toBe(viaFile)
    if (script) expect(script.argv('/f')).toEqual([argv[0], '/f', ...argv.slice(4)])
  })
})

describe('HostExecutor.listWheels', () => {
  test.each([
    [
      'the .whl files only',
      {
        'a-1-py3-none-any.whl': '',
        'b-1-cp312-cp312-manylinux_2_17_x86_64.whl': '',
        'notes.txt': '',
        'a-1.tar.gz': '',
        'sub/c-1-py3-none-any.whl': ''
      },
      ['a-1-py3-none-any.whl', 'b-1-cp312-cp312-manylinux_2_17_x86_64.whl']
    ],
    ['an empty dir', {}, []]
  ])('%s', async (_name, files, expected) => {
    const dir = writeTree(tempDir('wheels'), files)
    expect((await new HostExecutor().listWheels(dir)).sort()).toEqual(expected)
  })

  test('a dir that does not exist has none', async () => {
    expect(await new HostExecutor().listWheels(path.join(tempDir('wheels'), 'missing'))).toEqual([])
  })
})

describe('HostExecutor.putFile', () => {
  test('copies the file into a dir, created if needed, under its own name', async () => {
    const source = path.join(
      writeTree(tempDir('src'), { 'w-1-py3-none-any.whl': 'new' }),
      'w-1-py3-none-any.whl'
    )
    const dest = path.join(tempDir('dest'), 'deep', 'repaired')
    await new HostExecutor().putFile(source, dest)
    expect(fs.readdirSync(dest)).toEqual(['w-1-py3-none-any.whl'])
    expect(fs.readFileSync(path.join(dest, 'w-1-py3-none-any.whl'), 'utf8')).toBe('new')
    expect(fs.existsSync(source)).toBe(true)
  })

  test('replaces a file of the same name', async () => {
    const source = path.join(writeTree(tempDir('src'), { 'w.whl': 'new' }), 'w.whl')
    const dest = writeTree(tempDir('dest'), { 'w.whl': 'old' })
    await new HostExecutor().putFile(source, dest)
    expect(fs.readFileSync(path.join(dest, 'w.whl'), 'utf8')).toBe('new')
  })
})
