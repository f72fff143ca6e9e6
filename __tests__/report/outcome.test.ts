/** The end of a run: the closing line, the summary also on failure, one error for all failures. */
import { describe, expect, test } from '@jest/globals'
import { reportOutcome, type RunOutcome } from '../../src/report/outcome.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { UserError } from '../../src/util/errors.js'

const OUTCOME: RunOutcome = {
  records: [
    {
      identifier: 'a',
      wheel: 'a.whl',
      size: 1,
      sha256: '0'.repeat(64),
      seconds: 1,
      tested: 'yes'
    }
  ],
  wheels: ['/out/a.whl'],
  identifiers: ['a', 'b'],
  outputDir: '/out',
  failures: [],
  failFast: true
}

describe('reportOutcome', () => {
  test('N wheels in M s → path, then the table', async () => {
    const reporter = recordingReporter()
    await reportOutcome(OUTCOME, { seconds: 2.5 }, reporter)
    expect(reporter.texts('line')).toEqual(['✓ 1 wheel in 2.5s → /out'])
    expect(reporter.texts('summary')[0]).toContain(`| a | a.whl | 1 B | ${'0'.repeat(64)} |`)
  })

  test('failures: the summary first, then one error whose problems are each failure', async () => {
    const reporter = recordingReporter()
    const failure = {
      identifier: 'b',
      message: 'b: test failed: exit code 1',
      log: '▸ test\nModuleNotFoundError: x\n',
      exitCode: 1,
      kind: 'test' as const,
      telling: ['ModuleNotFoundError: x']
    }
    const error = await reportOutcome(
      { ...OUTCOME, failures: [failure] },
      { seconds: 2 },
      reporter
    ).catch(e => e)
    expect(reporter.texts('line')).toEqual(['✗ 1 of 2 builds failed in 2s; 1 wheel → /out'])
    expect(reporter.texts('summary')[0]).toContain('#### ✗ b')
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(
      /^1 build failed: b\nb: test failed: exit code 1\n {4}ModuleNotFoundError: x\. Hint: fail-fast/
    )
    expect(error.problems).toEqual([
      { kind: 'test', message: 'b: test failed: exit code 1\n    ModuleNotFoundError: x' }
    ])
  })
})
