/**
 * The end of a build run: the closing line (`✓ 3 wheels in 41.2s →
 * wheelhouse`), the summary table (also when builds failed), the outputs, and
 * one error that gathers every failure, each annotated on its own.
 */
import fs from 'node:fs'
import crypto from 'node:crypto'
import path from 'node:path'
import type { Reporter } from './log.js'
import { duration } from './live.js'
import {
  madeFiles,
  markdownSummary,
  plainTable,
  type BuildRecord,
  type FileRecord
} from './summary.js'
import { paintFor } from './terminal.js'
import { UserError, type FailureKind } from '../util/errors.js'

export interface FailedBuild {
  readonly identifier: string
  readonly message: string
  readonly log: string
  readonly exitCode: number
  readonly kind: FailureKind
  /** The lines of the failed step's output that tell why (report/causes.ts). */
  readonly telling: readonly string[]
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

/** What the run made besides the wheels, and how long it took. */
export interface RunTotals {
  readonly sdist?: string
  /** Why `sdist: true` made no sdist (e.g. builds failed). */
  readonly sdistSkipped?: string
  /** Wall time of the run. */
  readonly seconds: number
}

export function fileRecord(file: string): FileRecord {
  const data = fs.readFileSync(file)
  return {
    file: path.basename(file),
    size: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex')
  }
}

/** The identifiers of the run that neither made a wheel nor failed: fail-fast stopped them first. */
export function neverStarted(
  outcome: Pick<RunOutcome, 'identifiers' | 'records' | 'failures'>
): string[] {
  const done = new Set([...outcome.records, ...outcome.failures].map(r => r.identifier))
  return outcome.identifiers.filter(id => !done.has(id))
}

/** A failure's message, ending with the lines that tell why. */
export function failureText(failure: Pick<FailedBuild, 'message' | 'telling'>): string {
  return [failure.message, ...failure.telling.map(l => `    ${l}`)].join('\n')
}

export async function reportOutcome(
  outcome: RunOutcome,
  totals: RunTotals,
  reporter: Reporter
): Promise<void> {
  const { records, failures } = outcome
  const paint = paintFor(reporter.terminal)
  const sdist = totals.sdist ? fileRecord(totals.sdist) : undefined
  const took = duration(totals.seconds * 1000)
  const shown = path.relative(process.cwd(), outcome.outputDir) || '.'
  const where = shown.startsWith('..') ? outcome.outputDir : shown
  const notStarted = neverStarted(outcome)
  const skipped = notStarted.length > 0 ? `; not started: ${notStarted.join(', ')}` : ''
  const noSdist = totals.sdistSkipped ? `; sdist ${totals.sdistSkipped}` : ''
  reporter.line(
    failures.length === 0
      ? `${paint.green('✓')} ${paint.bold(madeFiles(records.length, !!sdist))} in ${took} → ${where}${noSdist}`
      : `${paint.red('✗')} ${paint.bold(`${failures.length} of ${outcome.identifiers.length} builds failed`)} in ${took}${skipped}; ${madeFiles(records.length, !!sdist)} → ${where}${noSdist}`
  )
  const summary = {
    records,
    ...(sdist ? { sdist } : {}),
    ...(totals.sdistSkipped ? { sdistSkipped: totals.sdistSkipped } : {}),
    failures,
    notStarted,
    seconds: totals.seconds
  }
  if (records.length > 0 || sdist || failures.length > 0)
    await reporter.summary(markdownSummary(summary), plainTable(summary))
  reporter.setOutput('wheels', JSON.stringify(outcome.wheels))
  reporter.setOutput('wheelhouse', outcome.outputDir)
  reporter.setOutput('identifiers', JSON.stringify(outcome.identifiers))
  if (failures.length === 0) return
  const notRun =
    notStarted.length > 0 ? `\n\nnot started (fail-fast): ${notStarted.join(', ')}` : ''
  throw new UserError(
    `${failures.length} build${failures.length === 1 ? '' : 's'} failed: ${failures.map(f => f.identifier).join(', ')}\n${failures.map(failureText).join('\n\n')}${notRun}`,
    {
      hint: outcome.failFast
        ? 'fail-fast stopped the remaining builds; set fail-fast: false to build the rest'
        : 'see each build log above',
      // The status of the first failure in plan order, as cibuildwheel (which stops there) gives.
      exitCode: failures[0].exitCode,
      kind: failures[0].kind,
      problems: failures.map(f => ({ kind: f.kind, message: failureText(f) }))
    }
  )
}
