/**
 * The end-of-run tables: identifier, wheel, size, sha256, seconds, tested;
 * an sdist row when the run made one. The job summary (markdown) has the
 * full sha256, the totals and wall time, and each failed identifier with the
 * telling lines and the last lines of its log; the CLI's plain table keeps
 * the sha256 short, so that it fits a terminal.
 */
import { duration } from './live.js'
import { countsText, jobCounts, type CompilerCacheCounts } from './compiler-cache.js'

export interface BuildRecord {
  readonly identifier: string
  readonly wheel: string
  readonly size: number
  readonly sha256: string
  readonly seconds: number
  /** `yes`, `no`, `skipped (reason)`, `reused`. */
  readonly tested: string
  readonly note?: string
  /** The compiler cache's counts of this build, when it ran with one. */
  readonly compilerCache?: CompilerCacheCounts
}

/** A file of the run that is no wheel (the sdist). */
export interface FileRecord {
  readonly file: string
  readonly size: number
  readonly sha256: string
}

/** A failed identifier, as the summary shows it. */
export interface FailureRecord {
  readonly identifier: string
  readonly message: string
  readonly telling: readonly string[]
  readonly log: string
}

export interface RunSummary {
  readonly records: readonly BuildRecord[]
  readonly sdist?: FileRecord
  /** Why `sdist: true` made no sdist. */
  readonly sdistSkipped?: string
  readonly failures: readonly FailureRecord[]
  /** Identifiers that fail-fast stopped before they started. */
  readonly notStarted?: readonly string[]
  /** Wall time of the whole run. */
  readonly seconds: number
}

const LAST_LINES = 20

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const BASE_HEADER: readonly string[] = [
  'identifier',
  'wheel',
  'size',
  'sha256',
  'seconds',
  'tested'
]

/** The columns: a `compiler cache` column (before `tested`) when some build ran with one. */
function header(records: readonly BuildRecord[]): readonly string[] {
  return records.some(r => r.compilerCache)
    ? [...BASE_HEADER.slice(0, -1), 'compiler cache', ...BASE_HEADER.slice(-1)]
    : BASE_HEADER
}

function rows(
  summary: Pick<RunSummary, 'records' | 'sdist' | 'sdistSkipped'>,
  sha: (s: string) => string
) {
  const { records, sdist, sdistSkipped } = summary
  const cacheColumn = header(records).length > BASE_HEADER.length
  const pad = (row: string[]) => (cacheColumn ? [...row.slice(0, -1), '', ...row.slice(-1)] : row)
  return [
    ...records.map(r => [
      r.identifier,
      r.wheel + (r.note ? ` (${r.note})` : ''),
      humanSize(r.size),
      sha(r.sha256),
      r.seconds.toFixed(1),
      ...(cacheColumn ? [r.compilerCache ? countsText(r.compilerCache) : ''] : []),
      r.tested
    ]),
    ...(sdist
      ? [pad(['sdist', sdist.file, humanSize(sdist.size), sha(sdist.sha256), '', ''])]
      : []),
    ...(!sdist && sdistSkipped ? [pad(['sdist', sdistSkipped, '', '', '', ''])] : [])
  ]
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** `2 wheels and the sdist`, `1 wheel`. */
export function madeFiles(wheels: number, sdist: boolean): string {
  return `${plural(wheels, 'wheel')}${sdist ? ' and the sdist' : ''}`
}

/** A fence that no line of `text` closes early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map(m => m.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}\n${text.trimEnd()}\n${fence}`
}

export function markdownSummary(summary: RunSummary): string {
  const { records, sdist, failures } = summary
  const escape = (s: string) => s.replace(/\|/g, '\\|')
  const parts: string[] = []
  const heading = `${madeFiles(records.length, !!sdist)} in ${duration(summary.seconds * 1000)}`
  parts.push(
    `### wheelwright: ${heading}${failures.length > 0 ? `, ${plural(failures.length, 'build')} failed` : ''}`
  )
  if (records.length > 0 || sdist || summary.sdistSkipped) {
    const bytes = records.reduce((sum, r) => sum + r.size, 0) + (sdist?.size ?? 0)
    const built = records.reduce((sum, r) => sum + r.seconds, 0)
    const columns = header(records)
    const cache = jobCounts(records.map(r => r.compilerCache))
    parts.push(
      [
        `| ${columns.join(' | ')} |`,
        `| ${columns.map(() => '---').join(' | ')} |`,
        ...rows(summary, s => s).map(r => `| ${r.map(escape).join(' | ')} |`)
      ].join('\n'),
      `**Total:** ${madeFiles(records.length, !!sdist)}, ${humanSize(bytes)}; ` +
        `wall time ${duration(summary.seconds * 1000)} (the builds took ${duration(built * 1000)} in all)` +
        (cache ? `; compiler cache (${cache.tool}): ${countsText(cache)}` : '')
    )
  }
  if (summary.notStarted && summary.notStarted.length > 0) {
    parts.push(
      `#### not started\n\nfail-fast stopped ${plural(summary.notStarted.length, 'build')} before ${summary.notStarted.length === 1 ? 'it' : 'they'} started: ${summary.notStarted.join(', ')}`
    )
  }
  for (const failure of failures) {
    const last = failure.log.trimEnd().split('\n').slice(-LAST_LINES).join('\n')
    parts.push(
      `#### ✗ ${failure.identifier}\n\n${escape(failure.message)}`,
      ...(failure.telling.length > 0 ? [fenced(failure.telling.join('\n'))] : []),
      `<details><summary>last lines of the log</summary>\n\n${fenced(last)}\n\n</details>`
    )
  }
  return `${parts.join('\n\n')}\n`
}

/** The CLI's table; empty when there is no row. */
export function plainTable(
  summary: Pick<RunSummary, 'records' | 'sdist' | 'sdistSkipped'>
): string {
  if (summary.records.length === 0 && !summary.sdist && !summary.sdistSkipped) return ''
  const columns = header(summary.records)
  const cache = jobCounts(summary.records.map(r => r.compilerCache))
  const table = [columns, ...rows(summary, s => s.slice(0, 16))]
  const widths = columns.map((_, i) => Math.max(...table.map(r => r[i].length)))
  return (
    table
      .map(r =>
        r
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd()
      )
      .join('\n') +
    '\n' +
    (cache ? `compiler cache (${cache.tool}): ${countsText(cache)}\n` : '')
  )
}
