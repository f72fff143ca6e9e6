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
