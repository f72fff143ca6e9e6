/** The live log: one build streams, several are prefixed or on a board; heartbeats; flushing. */
import { describe, expect, test } from '@jest/globals'
import { keptLog, liveMode, liveOutput, splitLines } from '../../src/report/live.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import type { Terminal } from '../../src/report/terminal.js'

const PIPE: Terminal = { color: false, tty: false, columns: 80 }
const TTY: Terminal = { color: false, tty: true, columns: 80 }
const BUILD = { name: 'build', display: 'python -m build .' }

/** A build that prints two lines in three chunks, then ends as `ok` says. */
function run(terminal: Terminal, concurrent: boolean, foldedLogs: boolean, ok: boolean) {
  const reporter = recordingReporter(terminal)
  const live = liveOutput({ reporter, concurrent, foldedLogs, now: () => 0 })
  const log = live.begin('cp312-x', '(1/2)')
  log.stepStarted(BUILD)
  log.output('compil')
  log.output('ing\nlink')
  log.output('ing\n')
  log.stepFinished(BUILD, ok ? 0 : 1, 1500)
  const text = log.text()
  log.finished(ok ? { ok: true, title: '→ x.whl' } : { ok: false, step: 'build' })
  live.close()
  return { reporter, text }
}

const LOG = '▸ build: python -m build .\ncompiling\nlinking\n'

describe('the modes', () => {
  test.each([
    [false, false, 'stream'],
    [false, true, 'stream'],
    [true, false, 'prefixed'],
    [true, true, 'board']
  ] as const)('concurrent %s, tty %s: %s', (concurrent, tty, mode) => {
    expect(liveMode(concurrent, tty)).toBe(mode)
  })
})

describe('one build at a time', () => {
  test('streams every line in its group, then says how it ended', () => {
    const { reporter, text } = run(PIPE, false, true, true)
    expect(reporter.events.map(e => `${e.kind}: ${e.text}`)).toEqual([
      'start: cp312-x (1/2)',
      'line: ▸ build: python -m build .',
      'line: compiling',
      'line: linking',
      'line: ✓ build (1.5s)',
      'end: ',
      'line: ✓ cp312-x → x.whl (0ms)'
    ])
    expect(text).toBe(`${LOG}✓ build (1.5s)\n`)
  })

  test('a failed step says its exit code', () => {
    const { reporter } = run(PIPE, false, false, false)
    expect(reporter.texts('line').slice(-2)).toEqual([
      '✗ build failed: exit code 1 (1.5s)',
      '✗ cp312-x failed at build (0ms)'
    ])
    expect(reporter.texts('group')).toEqual([])
  })

  test('colour only in what is printed, never in the kept log', () => {
    const { reporter, text } = run({ ...PIPE, color: true }, false, false, true)
    expect(reporter.texts('line')[0]).toBe(
      '\u001b[36m▸\u001b[39m \u001b[1mbuild\u001b[22m: python -m build .'
    )
    expect(text).not.toContain('\u001b')
  })
})

describe('several at once', () => {
  test('in the action: live only the start and the result; the whole log once, in its group', () => {
    const { reporter } = run(PIPE, true, true, true)
    expect(reporter.texts('line')).toEqual(['[cp312-x] started (1/2)', '✓ cp312-x → x.whl (0ms)'])
    expect(reporter.texts('group')).toEqual([`cp312-x: → x.whl\n${LOG}✓ build (1.5s)\n`])
    // No line of the log is printed twice.
    const printed = [...reporter.texts('line'), ...reporter.texts('group').join('\n').split('\n')]
    expect(printed.filter(l => l !== '').length).toBe(new Set(printed.filter(l => l !== '')).size)
  })

  test('in the CLI: every line prefixed as it comes, and never again, failed or not', () => {
    for (const ok of [true, false]) {
      const { reporter } = run(PIPE, true, false, ok)
      expect(reporter.texts('group')).toEqual([])
      expect(reporter.texts('line')).toEqual([
        '[cp312-x] started (1/2)',
        '[cp312-x] ▸ build: python -m build .',
        '[cp312-x] compiling',
        '[cp312-x] linking',
        ok ? '[cp312-x] ✓ build (1.5s)' : '[cp312-x] ✗ build failed: exit code 1 (1.5s)',
        ok ? '✓ cp312-x → x.whl (0ms)' : '✗ cp312-x failed at build (0ms)'
      ])
    }
  })

  test('in the action, the heartbeat keeps its beat through output (the only live sign of a step)', async () => {
    const reporter = recordingReporter()
    const live = liveOutput({ reporter, concurrent: true, foldedLogs: true, heartbeatMs: 20 })
    const log = live.begin('cp312-x', '(1/2)')
    log.stepStarted(BUILD)
    for (let i = 0; i < 12; i++) {
      log.output(`line ${i}\n`)
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    live.close()
    const beats = reporter
      .texts('line')
      .filter(l => l.startsWith('[cp312-x] … build still running ('))
    expect(beats.length).toBeGreaterThanOrEqual(2)
    expect(reporter.texts('line').some(l => l.includes('line 3'))).toBe(false)
  })

  test('on a terminal: steps scroll above a board of running builds; output stays in the log', () => {
    const { reporter } = run(TTY, true, false, false)
    expect(reporter.texts('line')).toEqual([
      '[cp312-x] started (1/2)',
      '[cp312-x] ▸ build: python -m build .',
      '[cp312-x] ✗ build failed: exit code 1 (1.5s)',
      '✗ cp312-x failed at build (0ms)'
    ])
    expect(reporter.texts('status')).toContain('⠋ cp312-x  0ms  build: python -m build .')
    expect(reporter.texts('status').at(-1)).toBe('')
    expect(reporter.texts('group')).toHaveLength(1)
  })
})

describe('heartbeat and flush', () => {
  test('a silent step shows that it still runs', async () => {
    const reporter = recordingReporter()
    const live = liveOutput({ reporter, concurrent: false, foldedLogs: false, heartbeatMs: 20 })
    const log = live.begin('cp312-x', '(1/1)')
    log.stepStarted(BUILD)
    await new Promise(resolve => setTimeout(resolve, 120))
    live.close()
    const beats = reporter.texts('line').filter(l => l.startsWith('… build still running ('))
    expect(beats.length).toBeGreaterThanOrEqual(2)
    expect(log.text()).not.toContain('still running')
  })

  test('flush writes a partial line; on a board, the log so far of each running build', () => {
    const reporter = recordingReporter(TTY)
    const live = liveOutput({ reporter, concurrent: true, foldedLogs: false })
    const log = live.begin('cp312-x', '(1/2)')
    log.stepStarted(BUILD)
    log.output('half a line')
    live.flush()
    live.close()
    expect(reporter.texts('group')).toEqual([
      'cp312-x: stopped (log so far)\n▸ build: python -m build .\nhalf a line'
    ])
  })

  test('flush in a stream: the partial line, and the group closed', () => {
    const reporter = recordingReporter()
    const live = liveOutput({ reporter, concurrent: false, foldedLogs: true })
    live.begin('cp312-x', '(1/1)').output('no newline yet')
    live.flush()
    live.close()
    expect(reporter.events.slice(-2).map(e => `${e.kind}: ${e.text}`)).toEqual([
      'line: no newline yet',
      'end: '
    ])
  })

  test('output lines go through the rewrite', () => {
    const reporter = recordingReporter()
    const live = liveOutput({
      reporter,
      concurrent: false,
      foldedLogs: false,
      rewrite: id => line => `${id}:${line}`
    })
    const log = live.begin('a', '(1/1)')
    log.output('x\n')
    live.close()
    expect(reporter.texts('line')).toEqual(['a:x'])
    expect(log.text()).toBe('a:x\n')
  })
})

describe('lines from chunks', () => {
  test.each([
    ['', 'a\nb', ['a'], 'b'],
    ['a', 'b\n', ['ab'], ''],
    ['', 'a\r\nb\rc\n', ['a', 'b', 'c'], ''],
    ['', '', [], '']
  ])('%j + %j', (held, chunk, lines, partial) => {
    expect(splitLines(held, chunk)).toEqual({ lines, partial })
  })

  test('a kept log holds notes, steps and output, partial lines included', () => {
    const log = keptLog()
    log.note('reused x.whl')
    log.stepStarted({ name: 'test' })
    log.output('ok\npartial')
    expect(log.text()).toBe('reused x.whl\n▸ test\nok\npartial\n')
  })
})
