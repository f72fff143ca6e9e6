/**
 * The protocol of the container's shell: the encoding of values, the
 * trailer scanner, and the loop itself, run here by dash and by bash in
 * POSIX mode (the /bin/sh of Debian-based and of manylinux images).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  COLLECTED,
  decodeValue,
  encodeValue,
  SHELL_LOOP,
  shellCannotRun,
  stepFrame,
  TRAILER,
  TrailerScanner,
  type StepRequest
} from '../../src/execute/shell-protocol.js'
import { tempDir } from '../helpers/tools.js'

const VALUES: [string, string][] = [
  ['plain', 'python -m build'],
  ['empty', ''],
  ['spaces at both ends', '  two  '],
  ['a percent sign alone', '100% %s %d'],
  ['a backslash', 'C:\\Users\\x'],
  ['a backslash and a percent sign', '\\%s\\'],
  ['a newline', 'one\ntwo'],
  ['trailing newlines', 'x\n\n'],
  ['only newlines', '\n\n'],
  ['text that looks like an escape', '\\012 \\134 $HOME `id` $(id)'],
  ['a leading dash', '-n'],
  ['quotes', `it's "quoted"`],
  ['non-ASCII', 'café ✓ 日本'],
  ['a control character', '\x01ww\x07\r'],
  ['a long value', 'x'.repeat(100_000) + '\\'],
  ['glob characters', '*.whl [a-z] ?']
]

describe('encodeValue', () => {
  test.each(VALUES)('%s: one line, decoded back exactly', (_, value) => {
    const line = encodeValue(value)
    expect(line).not.toContain('\n')
    expect(decodeValue(line)).toBe(value)
  })

  test.each<[string, string]>([
    ['no backslash, no newline: itself', '50% off'],
    ['a backslash: every \\, % and newline escaped', '\\134\\045\\012'],
    ['a newline alone also escapes %', 'a\\012\\045']
  ])('%s', (_, line) => {
    const value = decodeValue(line)
    expect(encodeValue(value)).toBe(line)
  })
})

describe('shellCannotRun', () => {
  const request = (env: Record<string, string>, argv = ['true']) => ({ argv, env, cwd: '/' })
  test.each<[string, Record<string, string>, string[], string | undefined]>([
    ['ordinary names', { PATH: '/bin', _x1: 'y', CFLAGS: '-O2' }, ['true'], undefined],
    ['a name with a dot', { 'a.b': '1' }, ['true'], 'a.b is not a shell variable name'],
    ['a name with a dash', { 'my-var': '1' }, ['true'], 'my-var is not a shell variable name'],
    ['a name starting with a digit', { '1X': '1' }, ['true'], '1X is not a shell variable name'],
    ['an empty name', { '': '1' }, ['true'], ' is not a shell variable name'],
    ["the loop's own prefix", { _wwsh_v: '1' }, ['true'], 'the shell keeps _wwsh_v to itself'],
    ['a bash read-only name', { UID: '0' }, ['true'], 'the shell keeps UID to itself'],
    ['a computed name', { RANDOM: '4' }, ['true'], 'the shell keeps RANDOM to itself'],
    ['a NUL in a value', { A: 'x\0y' }, ['true'], 'a value holds a NUL byte'],
    ['a NUL in an argument', {}, ['echo', 'x\0'], 'a value holds a NUL byte']
  ])('%s', (_, env, argv, reason) => {
    expect(shellCannotRun(request(env, argv))).toBe(reason)
  })
})

/** Feeds chunks to a scanner: the step's bytes and the trailer. */
function scan(nonce: string, chunks: Buffer[]): { data: Buffer; trailer?: string } {
  const scanner = new TrailerScanner(nonce)
  const data: Buffer[] = []
  let trailer: string | undefined
  for (const chunk of chunks) {
    const found = scanner.push(chunk)
    data.push(found.data)
    if (found.trailer !== undefined) trailer = found.trailer
  }
  return { data: Buffer.concat(data), trailer }
}

/** Every way of cutting `bytes` in two, and into single bytes. */
function cuts(bytes: Buffer): Buffer[][] {
  const pairs = Array.from({ length: bytes.length + 1 }, (_, i) => [
    bytes.subarray(0, i),
    bytes.subarray(i)
  ])
  return [...pairs, Array.from(bytes, b => Buffer.from([b]))]
}

describe('TrailerScanner', () => {
  const nonce = 'f00dfeed'
  const trailer = (rest: string) => Buffer.from(`${TRAILER}${nonce}${rest}\n`)
  const OUTPUTS: [string, Buffer][] = [
    ['nothing', Buffer.alloc(0)],
    ['lines', Buffer.from('one\ntwo\n')],
    ['no newline at the end', Buffer.from('partial line')],
    ['a line that looks like a trailer of another step', Buffer.from(`${TRAILER}0123 0\nx`)],
    ['the ready line', Buffer.from(`${TRAILER}ready\n`)],
    ['a trailer prefix without the nonce', Buffer.from(`${TRAILER}f00d`)],
    ['SOH bytes', Buffer.from('\x01\x01w\x01')],
    ['binary with NUL bytes', Buffer.from([0, 1, 2, 0, 255, 0x0a, 0])],
    ['non-UTF-8 bytes', Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe])],
    ['a cut UTF-8 character', Buffer.from('é').subarray(0, 1)]
  ]

  test.each(OUTPUTS)('%s: passed on exactly, however the chunks are cut', (_, output) => {
    const stream = Buffer.concat([output, trailer(' 3'), Buffer.from('left behind\n')])
    for (const chunks of cuts(stream)) {
      const found = scan(nonce, chunks)
      expect(found.trailer).toBe(' 3')
      expect(found.data.equals(output)).toBe(true)
    }
  })

  test('a very long line (8 MiB, no newline) passes in the chunks it came in, held back by nothing', () => {
    const scanner = new TrailerScanner(nonce)
    const chunk = Buffer.alloc(64 * 1024, 'y')
    let passed = 0
    for (let i = 0; i < 128; i++) passed += scanner.push(chunk).data.length
    expect(passed).toBe(128 * chunk.length)
    expect(scanner.push(trailer('')).trailer).toBe('')
  })

  test('output ending in a possible trailer start is held until it is known not to be one', () => {
    const scanner = new TrailerScanner(nonce)
    expect(scanner.push(Buffer.from(`abc${TRAILER}f0`)).data.toString()).toBe('abc')
    expect(scanner.push(Buffer.from('x')).data.toString()).toBe(`${TRAILER}f0x`)
  })

  test('a stream that ends without a trailer gives back what was held', () => {
    const scanner = new TrailerScanner(nonce)
    expect(scanner.push(Buffer.from(`a${TRAILER}`)).data.toString()).toBe('a')
    expect(scanner.done).toBe(false)
    expect(scanner.rest().toString()).toBe(TRAILER)
  })

  test('after the trailer nothing passes', () => {
    const scanner = new TrailerScanner(nonce)
    scanner.push(trailer(' 0'))
    expect(scanner.done).toBe(true)
    expect(scanner.push(Buffer.from('late output\n')).data.length).toBe(0)
  })
})

/** The shells that run the loop: the /bin/sh of Debian images, and of manylinux ones. */
const SHELLS: [string, string[]][] = [
  ['dash', ['dash', '-c']],
  ['bash --posix', ['bash', '--posix', '-c']]
]

interface Answer {
  stdout: Buffer
  stderr: Buffer
  status?: number
}

/** Runs the loop on these steps (stdin closed after them): each step's stdout, stderr and status. */
function runLoop(shell: string[], steps: Omit<StepRequest, 'nonce'>[], stdinAfter = ''): Answer[] {
  const nonces = steps.map((_, i) => `n0nce${i}x`)
  const input = steps.map((s, i) => stepFrame({ ...s, nonce: nonces[i] })).join('') + stdinAfter
  const run = spawnSync(shell[0], [...shell.slice(1), SHELL_LOOP, 'wheelwright-shell'], {
    input,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, FROM_THE_CONTAINER: 'kept' }
  })
  const split = (bytes: Buffer, withStatus: boolean) => {
    let rest = bytes
    const ready = Buffer.from(`${TRAILER}ready\n`)
    if (withStatus) {
      expect(rest.subarray(0, ready.length).toString()).toBe(ready.toString())
      rest = rest.subarray(ready.length)
    }
    return nonces.map(nonce => {
      const mark = Buffer.from(`${TRAILER}${nonce}`)
      const at = rest.indexOf(mark)
      expect(at).toBeGreaterThanOrEqual(0)
      const end = rest.indexOf(0x0a, at)
      const found = {
        data: rest.subarray(0, at),
        trailer: rest.toString('latin1', at + mark.length, end)
      }
      rest = rest.subarray(end + 1)
      return found
    })
  }
  const out = split(run.stdout, true)
  const err = split(run.stderr, false)
  return out.map((o, i) => ({
    stdout: o.data,
    stderr: err[i].data,
    status: /^ \d+$/.test(o.trailer) ? Number(o.trailer) : undefined
  }))
}

/** A step that prints its argv NUL-separated. */
const printArgv = (args: string[]): string[] => ['sh', '-c', 'printf "%s\\0" "$@"', 'step', ...args]

describe.each(SHELLS)('the loop under %s', (_, shell) => {
  test('every argument arrives exactly as given', () => {
    const args = VALUES.map(([, v]) => v)
    const [answer] = runLoop(shell, [{ argv: printArgv(args), env: {}, cwd: '/' }])
    expect(answer.status).toBe(0)
    expect(answer.stdout.toString('utf8').split('\0').slice(0, -1)).toEqual(args)
  })

  test('every variable arrives exactly as given, on top of the container environment', () => {
    const env = Object.fromEntries(VALUES.map(([, v], i) => [`V${i}`, v]))
    const [answer] = runLoop(shell, [
      { argv: ['sh', '-c', 'env -0'], env: { ...env, PATH: process.env.PATH! }, cwd: '/' }
    ])
    const seen = Object.fromEntries(
      answer.stdout
        .toString('utf8')
        .split('\0')
        .filter(Boolean)
        .map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])
    )
    for (const [k, v] of Object.entries(env)) expect(seen[k]).toBe(v)
    expect(seen.FROM_THE_CONTAINER).toBe('kept')
    expect(Object.keys(seen).filter(k => k.startsWith('_wwsh_'))).toEqual([])
  })

  test("a step's variables, dir and shell state do not reach the next step", () => {
    const dir = path.join(tempDir('loop'), 'made here', 'deep')
    const answers = runLoop(shell, [
      { argv: ['sh', '-c', 'pwd; printf "%s" "$ONLY_HERE"'], env: { ONLY_HERE: 'x' }, cwd: dir },
      { argv: ['sh', '-c', 'pwd; printf "%s" "${ONLY_HERE-unset}"'], env: {}, cwd: '/' }
    ])
    expect(answers.map(a => a.stdout.toString())).toEqual([`${dir}\nx`, '/\nunset'])
    expect(fs.statSync(dir).isDirectory()).toBe(true)
  })

  test('exit statuses, a missing command, and a workdir that cannot be made', () => {
    const answers = runLoop(shell, [
      { argv: ['sh', '-c', 'exit 7'], env: {}, cwd: '/' },
      { argv: ['no-such-command-here'], env: {}, cwd: '/' },
      { argv: ['true'], env: {}, cwd: '/dev/null/x' },
      { argv: ['sh', '-c', 'kill -TERM $$'], env: {}, cwd: '/' },
      { argv: ['true'], env: {}, cwd: '/' }
    ])
    expect(answers.map(a => a.status)).toEqual([7, 127, 1, 143, 0])
    expect(answers[1].stderr.toString()).toContain('no-such-command-here')
  })

  test('a step that reads stdin reads nothing: the steps after it still arrive', () => {
    const answers = runLoop(
      shell,
      [
        { argv: ['sh', '-c', 'cat; echo read'], env: {}, cwd: '/' },
        { argv: ['echo', 'second'], env: {}, cwd: '/' }
      ],
      'not for the step\n'
    )
    expect(answers.map(a => a.stdout.toString())).toEqual(['read\n', 'second\n'])
  })

  test('stdout and stderr stay apart; output without a newline, NUL bytes and non-UTF-8 pass', () => {
    const [answer] = runLoop(shell, [
      {
        argv: ['sh', '-c', 'printf "out\\000\\377\\376"; printf "err no newline" >&2'],
        env: {},
        cwd: '/'
      }
    ])
    expect(answer.stdout.equals(Buffer.from([0x6f, 0x75, 0x74, 0, 0xff, 0xfe]))).toBe(true)
    expect(answer.stderr.toString()).toBe('err no newline')
  })

  test('WHEELWRIGHT_PATH_PREPEND goes first on PATH once, and is forgotten', () => {
    const answers = runLoop(shell, [
      {
        argv: ['sh', '-c', 'printf "%s|%s" "$PATH" "${WHEELWRIGHT_PATH_PREPEND-unset}"'],
        env: { PATH: '/usr/bin:/bin', WHEELWRIGHT_PATH_PREPEND: '/opt/py/bin' },
        cwd: '/'
      },
      {
        argv: ['sh', '-c', 'printf "%s" "$PATH"'],
        env: { PATH: '/opt/py/bin:/usr/bin', WHEELWRIGHT_PATH_PREPEND: '/opt/py/bin' },
        cwd: '/'
      }
    ])
    expect(answers.map(a => a.stdout.toString())).toEqual([
      '/opt/py/bin:/usr/bin:/bin|unset',
      '/opt/py/bin:/usr/bin'
    ])
  })

  test('a collecting step names its wheels after it succeeded, and none after it failed', () => {
    const dir = path.join(tempDir('loop-collect'), 'wheel house')
    const make = `mkdir -p "$1" && touch "$1/a-1-py3-none-any.whl" "$1/b c-1-py3-none-any.whl"`
    const answers = runLoop(shell, [
      { argv: ['sh', '-c', `${make}; printf built`, 'step', dir], env: {}, cwd: '/', collect: dir },
      { argv: ['sh', '-c', 'exit 4'], env: {}, cwd: '/', collect: dir }
    ])
    expect(answers[0].stdout.toString()).toBe(
      `built\n${COLLECTED} a-1-py3-none-any.whl b c-1-py3-none-any.whl\n`
    )
    expect(answers[1]).toMatchObject({ status: 4 })
    expect(answers[1].stdout.toString()).toBe('')
  })
})
