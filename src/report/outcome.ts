/** The end of a build run: the summary table, the outputs, and one error for all failures. */
import type { Reporter } from './log.js'
import { markdownTable, plainTable, type BuildRecord } from './summary.js'
import { UserError } from '../util/errors.js'

const LOG_TAIL_LINES = 30

export interface FailedBuild {
  readonly identifier: string
  readonly message: string
  readonly log: string
  readonly exitCode: number
}

export interface RunOutcome {
  /** In plan order. */
  readonly records: readonly BuildRecord[]
  /** The wheels this run placed in output-dir. */
  readonly wheels: readonly string[]
  readonly identifiers: readonly string[]
  readonly outputDir: string
  readonly failures: readonly FailedBuild[]
  readonly failFast: boolean
}

export function tail(text: string, lines = LOG_TAIL_LINES): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map(l => `    ${l}`)
    .join('\n')
}

export async function reportOutcome(outcome: RunOutcome, reporter: Reporter): Promise<void> {
  const { records, failures } = outcome
  if (records.length > 0) await reporter.summary(markdownTable(records), plainTable(records))
  reporter.setOutput('wheels', JSON.stringify(outcome.wheels))
  reporter.setOutput('wheelhouse', outcome.outputDir)
  reporter.setOutput('identifiers', JSON.stringify(outcome.identifiers))
  if (failures.length === 0) return
  const details = failures.map(f => `${f.message}\n${tail(f.log)}`).join('\n\n')
  throw new UserError(
    `${failures.length} build${failures.length === 1 ? '' : 's'} failed: ${failures.map(f => f.identifier).join(', ')}\n${details}`,
    {
      hint: outcome.failFast
        ? 'fail-fast stopped the remaining builds; set fail-fast: false to build the rest'
        : 'see each build log above',
      // The status of the first failure in plan order, as cibuildwheel (which stops there) gives.
      exitCode: failures[0].exitCode
    }
  )
}
