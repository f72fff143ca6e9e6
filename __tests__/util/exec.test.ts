/** The process runner: cmd command lines on Windows; a step's lifecycle; output through a file. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { ChildTracker, exec, windowsCommandLine, type ExecOptions } from '../../src/util/exec.js'

/** Whether `pid` runs (a zombie does not). */
const running = (pid: number) => {
  try {
    return !/\) [ZX] /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

describe('windowsCommandLine', () => {
  test.each([
    [
      ['cmd', '/d', '/s', '/c', 'delvewheel repair -w "%D%" "%W%"'],
      ['/d', '/s', '/c', '"delvewheel repair -w "%D%" "%W%""']
    ],
    [
      ['cmd.exe', '/d', '/s', '/c', '"C:\\VS\\vcvarsall.bat" x64 && set'],
      ['/d', '/s', '/c', '""C:\\VS\\vcvarsall.bat" x64 && set"']
    ],
    [['python', '-c', 'print(1)'], undefined],
    [['cmd', '/d'], undefined]
  ])('cmd command lines reach cmd verbatim: %j', (argv, expected) => {
    expect(windowsCommandLine(argv)).toEqual(expected)
  })
})

/** A pid that the script printed on a line `NAME=pid`. */
const pidOf = (output: string, name: string) =>
  Number(new RegExp(`${name}=(\\d+)`).exec(output)?.[1])

describe('a tracked step ends with its process', () => {
  const stepOptions = (extra: ExecOptions = {}): ExecOptions => ({
    children: new ChildTracker(),
    onOutput: () => undefined,
    ...extra
  })

  test.each<[string, string, ExecOptions]>([
    ['a background job on the pipes', 'sleep 90 & echo "BG=$!"; echo started', {}],
    [
      'a background job that ignores SIGTERM',
      `(trap '' TERM; sleep 90) & echo "BG=$!"; echo started`,
      {}
    ],
    [
      'a background job writing to the output file',
      'sleep 90 & echo "BG=$!"; echo started',
      { outputFile: 'spool' }
    ]
  ])('%s: the step returns at once and the job is stopped', async (_name, script, extra) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-exec-'))
    const options = stepOptions(
      extra.outputFile ? { outputFile: path.join(dir, extra.outputFile) } : {}
    )
    const started = Date.now()
    const result = await exec(['bash', '-c', script], options)
    const seconds = (Date.now() - started) / 1000
    expect(result.code).toBe(0)
    expect(result.output).toMatch(/started\n$/)
    expect(seconds).toBeLessThan(3)
    expect(running(pidOf(result.output, 'BG'))).toBe(false)
    expect(options.children!.size).toBe(0)
    fs.rmSync(dir, { recursive: true })
  })

  test('an untracked child: its pipes are drained for a second at the most', async () => {
    const started = Date.now()
    const result = await exec(['bash', '-c', 'sleep 30 & echo "BG=$!"; echo early'])
    expect((Date.now() - started) / 1000).toBeLessThan(2.5)
    expect(result.output).toMatch(/early\n$/)
    process.kill(pidOf(result.output, 'BG'), 'SIGKILL')
  })

  test('a process that left the group (setsid) is found by its marker, stopped and named', async () => {
    // The step ends once the escaped process is in its own session.
    const script = [
      'ready=$(mktemp -u)',
      `setsid bash -c 'touch "$0"; exec sleep 600' "$ready" </dev/null >/dev/null 2>&1 &`,
      'until [ -e "$ready" ]; do sleep 0.01; done; rm "$ready"; echo done'
    ].join('\n')
    const result = await exec(['bash', '-c', script], stepOptions({ sweep: true }))
    expect(result.code).toBe(0)
    expect(result.stopped).toEqual([
      { pid: expect.any(Number), command: expect.stringMatching(/sleep 600/) }
    ])
    expect(running(result.stopped![0].pid)).toBe(false)
  })

  test('without a process left, nothing is named', async () => {
    const result = await exec(['bash', '-c', 'echo done'], stepOptions({ sweep: true }))
    expect(result.stopped).toBeUndefined()
  })
})

test('arguments over the system limit: a clear error, not a raw spawn E2BIG', async () => {
  await expect(exec(['true', 'x'.repeat(300_000)])).rejects.toThrow(
    /true could not be started: its arguments and environment are over the system's limit \(the longest argument is 300000 bytes\)/
  )
})

describe('output through a file', () => {
  test('every byte reaches the callback in order; the result keeps the end', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-exec-'))
    let seen = 0
    let last = ''
    // 12 MiB of numbered lines, stdout and stderr into the same file.
    const script = 'seq 1 1500000 | sed "s/$/ out of the build/"; echo tail >&2'
    const result = await exec(['bash', '-c', script], {
      children: new ChildTracker(),
      outputFile: path.join(dir, 'out'),
      onOutput: chunk => {
        seen += chunk.length
        last = (last + chunk).slice(-100)
      }
    })
    const expected = Array.from({ length: 1500000 }, (_, i) => `${i + 1} out of the build\n`)
    const total = expected.reduce((n, line) => n + line.length, 0) + 'tail\n'.length
    expect(seen).toBe(total)
    expect(last).toMatch(/1500000 out of the build\ntail\n$/)
    expect(result.output.length).toBe(1024 * 1024)
    expect(result.output.endsWith('1500000 out of the build\ntail\n')).toBe(true)
    expect(result.stdout).toBe('')
    fs.rmSync(dir, { recursive: true })
  })
})
