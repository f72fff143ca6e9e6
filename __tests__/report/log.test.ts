/** The CLI reporter masks every registered secret, as the action's log does. */
import { describe, expect, test } from '@jest/globals'
import { cliReporter } from '../../src/report/log.js'

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
