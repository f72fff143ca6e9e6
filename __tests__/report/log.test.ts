/** The CLI reporter masks every registered secret, as the action's log does. */
import { describe, expect, test } from '@jest/globals'
import { actionReporter, cliReporter, commandGuard } from '../../src/report/log.js'

describe('cli reporter', () => {
  test('secrets print as *** on stdout and stderr, longest first', async () => {
    let out = ''
    let err = ''
    const reporter = cliReporter(
      t => void (out += t),
      t => void (err += t)
    )
    reporter.setSecret('user:hunter22')
    reporter.setSecret('hunter22')
    reporter.info('to https://user:hunter22@host/')
    reporter.warning('token hunter22 leaked?')
    reporter.group('log', 'hunter22 in a body')
    reporter.result('hunter22')
    await reporter.summary('', 'hunter22 | x')
    expect(err).toBe('to https://***@host/\nwarning: token *** leaked?\n── log\n*** in a body\n')
    expect(out).toBe('***\n*** | x\n')
  })
})

describe('the status board on a terminal', () => {
  const ERASE_2 = '\u001b[2K\u001b[1A\u001b[2K\u001b[G'

  test('stays below what is written, is redrawn in place, and goes when emptied', () => {
    let err = ''
    const reporter = cliReporter(
      () => undefined,
      t => void (err += t),
      { color: false, tty: true, columns: 20 }
    )
    reporter.status(['⠋ cp312-manylinux_x86_64 build'])
    reporter.line('✓ prepare')
    reporter.status([])
    expect(err).toBe(
      // The board, cut to the width; erased before the line and drawn again after it.
      '⠋ cp312-manylinux_…\n' + ERASE_2 + '✓ prepare\n' + '⠋ cp312-manylinux_…\n' + ERASE_2
    )
  })

  test('no board without a terminal', () => {
    let err = ''
    const reporter = cliReporter(
      () => undefined,
      t => void (err += t)
    )
    reporter.status(['⠋ cp312 build'])
    reporter.line('✓ prepare')
    expect(err).toBe('✓ prepare\n')
  })
})

describe("the action's reporter and workflow commands", () => {
  /** @actions/core's commands as the runner reads them, all on one stdout. */
  function fakeCore(out: string[]) {
    const line = (text: string) => void out.push(`${text}\n`)
    return {
      info: line,
      warning: (text: string) => line(`::warning::${text}`),
      startGroup: (title: string) => line(`::group::${title}`),
      endGroup: () => line('::endgroup::'),
      setSecret: (value: string) => line(`::add-mask::${value}`),
      setOutput: () => undefined,
      summary: { addRaw: () => ({ write: async () => undefined }) }
    } as unknown as typeof import('@actions/core')
  }

  /** Which lines the runner would run as commands: not between stop-commands and its token. */
  function liveCommands(text: string): string[] {
    let stopped: string | undefined
    const live: string[] = []
    for (const line of text.split('\n')) {
      if (stopped !== undefined) {
        if (line === `::${stopped}::`) stopped = undefined
        continue
      }
      const stop = /^::stop-commands::(.+)$/.exec(line)
      if (stop) stopped = stop[1]
      else if (line.startsWith('::')) live.push(line)
    }
    return live
  }

  test("a child's lines cannot issue commands; wheelwright's own stay live", async () => {
    const out: string[] = []
    const reporter = actionReporter(fakeCore(out), text => void out.push(text))
    reporter.setSecret('sekrit-value')
    reporter.startGroup('cp312-x (1/1)')
    reporter.output('::error file=setup.py,line=1::FAKE')
    reporter.output('::add-mask::zzz')
    reporter.output('printing sekrit-value')
    reporter.warning('a warning of ours')
    reporter.group('twine check', '::warning::from twine\nPASSED')
    reporter.endGroup()
    await new Promise(resolve => setImmediate(resolve))
    const text = out.join('')
    expect(liveCommands(text)).toEqual([
      '::add-mask::sekrit-value',
      '::group::cp312-x (1/1)',
      '::warning::a warning of ours',
      '::group::twine check',
      '::endgroup::',
      '::endgroup::'
    ])
    expect(text).toContain('::error file=setup.py,line=1::FAKE\n')
    expect(text).toContain('printing ***\n')
    expect(text).not.toContain('printing sekrit-value')
  })

  test('the token is random per run', () => {
    const a = commandGuard(() => undefined).token
    const b = commandGuard(() => undefined).token
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(a).not.toBe(b)
  })
})
