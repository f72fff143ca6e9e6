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

describe('builds that never started, and an sdist not built', () => {
  const failure = {
    identifier: 'a',
    message: 'a: build failed: exit code 1',
    log: '▸ build\n',
    exitCode: 1,
    kind: 'build' as const,
    telling: []
  }
  const stopped: RunOutcome = {
    ...OUTCOME,
    records: [],
    wheels: [],
    identifiers: ['a', 'b', 'c'],
    failures: [failure]
  }

  test('fail-fast: the closing line, the summary and the error name the builds it stopped', async () => {
    const reporter = recordingReporter()
    const error = (await reportOutcome(
      stopped,
      { seconds: 1, sdistSkipped: 'not built: 1 build failed' },
      reporter
    ).catch(e => e)) as UserError
    expect(reporter.texts('line')).toEqual([
      '✗ 1 of 3 builds failed in 1s; not started: b, c; 0 wheels → /out; sdist not built: 1 build failed'
    ])
    const summary = reporter.texts('summary')[0]
    expect(summary).toContain(
      '#### not started\n\nfail-fast stopped 2 builds before they started: b, c'
    )
    expect(summary).toContain('| sdist | not built: 1 build failed |')
    expect(error.message).toContain('\n\nnot started (fail-fast): b, c')
  })

  test('none when every build ran', async () => {
    const reporter = recordingReporter()
    await reportOutcome({ ...OUTCOME, identifiers: ['a'] }, { seconds: 1 }, reporter)
    expect(reporter.texts('line')[0]).not.toContain('not started')
    expect(reporter.texts('summary')[0]).not.toContain('not started')
  })
})
