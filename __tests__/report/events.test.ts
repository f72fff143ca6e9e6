/** `--log-format json`: the reporter's events and a build's live output as events. */
import { describe, expect, test } from '@jest/globals'
import { eventOutput, jsonReporter } from '../../src/report/events.js'
import type { RunEvent } from '../../src/report/log.js'

/** A JSON reporter writing into arrays; each stderr line parsed. */
function recorded() {
  const stdout: string[] = []
  const stderr: string[] = []
  const reporter = jsonReporter(
    text => stdout.push(text),
    text => stderr.push(text)
  )
  const events = () =>
    stderr.map(line => {
      expect(line.endsWith('\n')).toBe(true)
      return JSON.parse(line) as Record<string, unknown>
    })
  return { reporter, stdout, events }
}

describe('the JSON reporter', () => {
  test.each<[string, (r: ReturnType<typeof jsonReporter>) => unknown, Record<string, unknown>]>([
    [
      'info',
      r => r.info('building on this host'),
      { event: 'message', level: 'info', text: 'building on this host' }
    ],
    [
      'a warning',
      r => r.warning('skipped'),
      { event: 'message', level: 'warning', text: 'skipped' }
    ],
    ['a line', r => r.line('✓ 2 wheels'), { event: 'message', level: 'line', text: '✓ 2 wheels' }],
    [
      'a group',
      r => r.group('twine check', 'PASSED'),
      { event: 'group', title: 'twine check', text: 'PASSED' }
    ],
    ['a group start', r => r.startGroup('cp312'), { event: 'group-start', title: 'cp312' }],
    ['a group end', r => r.endGroup(), { event: 'group-end' }],
    [
      'an output',
      r => r.setOutput('wheels', '["a.whl"]'),
      { event: 'set-output', name: 'wheels', value: '["a.whl"]' }
    ],
    [
      'the summary',
      r => r.summary('| md |', 'plain table'),
      { event: 'summary', text: 'plain table' }
    ]
  ])('%s is one event, with the time since start', (_name, call, want) => {
    const { reporter, events, stdout } = recorded()
    call(reporter)
    const [event, ...rest] = events()
    expect(rest).toEqual([])
    expect(event).toEqual({ ...want, t: expect.any(Number) })
    expect(event.t as number).toBeGreaterThan(0)
    expect(stdout).toEqual([])
  })

  test('a result goes to stdout as it is; nothing draws a status board', () => {
    const { reporter, events, stdout } = recorded()
    reporter.result('cp312-manylinux_x86_64')
    reporter.status(['⠋ building'])
    expect(stdout).toEqual(['cp312-manylinux_x86_64\n'])
    expect(events()).toEqual([])
    expect(reporter.terminal.tty).toBe(false)
  })

  test('a secret is masked in every string of every event and in results', () => {
    const { reporter, events, stdout } = recorded()
    reporter.setSecret('pypi-SECRET')
    reporter.warning('token pypi-SECRET refused')
    reporter.setOutput('url', 'https://u:pypi-SECRET@x')
    reporter.event!({ event: 'note', identifier: 'cp312', text: 'pypi-SECRET', code: 3 })
    reporter.result('pypi-SECRET')
    expect(events().map(e => [e.text ?? e.value, e.code])).toEqual([
      ['token *** refused', undefined],
      ['https://u:***@x', undefined],
      ['***', 3]
    ])
    expect(stdout).toEqual(['***\n'])
  })
})

describe('a build as events', () => {
  const STEP = { name: 'build', display: 'python -m build .' }
  function play(rewrite?: (identifier: string) => (line: string) => string) {
    const seen: RunEvent[] = []
    const live = eventOutput(e => seen.push(e), rewrite)
    const log = live.begin('cp312-x', '(1/2)')
    log.stepStarted(STEP)
    log.output('compil')
    log.output('ing\r\nlink')
    log.output('ing\nwarn')
    log.stepFinished(STEP, 0, 1500)
    log.note('Restored x.whl')
    log.stepStarted({ name: 'repair' })
    log.output('half a line')
    live.flush()
    log.stepFinished({ name: 'repair' }, 1, 20)
    log.finished({ ok: false, step: 'repair' })
    live.close()
    return { seen, text: log.text() }
  }

  test('each step, each line of output, each note, then how the build ended', () => {
    const { seen } = play()
    const id = 'cp312-x'
    expect(seen).toEqual([
      { event: 'build-started', identifier: id, label: '(1/2)' },
      { event: 'step-started', identifier: id, step: 'build', display: 'python -m build .' },
      { event: 'step-output', identifier: id, text: 'compiling' },
      { event: 'step-output', identifier: id, text: 'linking' },
      { event: 'step-output', identifier: id, text: 'warn' },
      { event: 'step-finished', identifier: id, step: 'build', code: 0, ms: 1500 },
      { event: 'note', identifier: id, text: 'Restored x.whl' },
      { event: 'step-started', identifier: id, step: 'repair', display: '' },
      // flush() writes out the partial line a stopped run still holds.
      { event: 'step-output', identifier: id, text: 'half a line' },
      { event: 'step-finished', identifier: id, step: 'repair', code: 1, ms: 20 },
      { event: 'build-finished', identifier: id, ok: false, step: 'repair', ms: expect.any(Number) }
    ])
  })

  test('the plain log is kept for a failure, as in the text log', () => {
    expect(play().text).toBe(
      '▸ build: python -m build .\ncompiling\nlinking\nwarn\n✓ build (1.5s)\nRestored x.whl\n▸ repair\nhalf a line\n✗ repair failed: exit code 1 (20ms)\n'
    )
  })

  test('output lines are rewritten as in the text log (source paths in the action)', () => {
    const { seen } = play(id => line => `${id}: ${line.toUpperCase()}`)
    expect(seen.filter(e => e.event === 'step-output').map(e => e.text)).toEqual([
      'cp312-x: COMPILING',
      'cp312-x: LINKING',
      'cp312-x: WARN',
      'cp312-x: HALF A LINE'
    ])
  })

  test('a build that succeeds ends with its title', () => {
    const seen: RunEvent[] = []
    const log = eventOutput(e => seen.push(e)).begin('setup', '(host)')
    log.finished({ ok: true, title: 'ready' })
    expect(seen.at(-1)).toEqual({
      event: 'build-finished',
      identifier: 'setup',
      ok: true,
      title: 'ready',
      ms: expect.any(Number)
    })
  })

  test('a build with a compiler cache ends with its counts', () => {
    const seen: RunEvent[] = []
    const log = eventOutput(e => seen.push(e)).begin('cp312-manylinux_x86_64', '(1/2)')
    const counts = { tool: 'sccache', hits: 40, misses: 1, savedSeconds: 22.4 }
    log.finished({ ok: true, title: '→ x.whl', compilerCache: counts })
    expect(seen.at(-1)).toEqual({
      event: 'build-finished',
      identifier: 'cp312-manylinux_x86_64',
      ok: true,
      title: '→ x.whl',
      ms: expect.any(Number),
      compilerCache: counts
    })
  })
})
