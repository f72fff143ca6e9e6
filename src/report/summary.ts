/** The end-of-build table: identifier, wheel, size, sha256, seconds, tested. */
export interface BuildRecord {
  readonly identifier: string
  readonly wheel: string
  readonly size: number
  readonly sha256: string
  readonly seconds: number
  /** `yes`, `no`, `skipped (reason)`, `reused`. */
  readonly tested: string
  readonly note?: string
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const HEADER: readonly string[] = ['identifier', 'wheel', 'size', 'sha256', 'seconds', 'tested']

function rows(records: readonly BuildRecord[]): string[][] {
  return records.map(r => [
    r.identifier,
    r.wheel + (r.note ? ` (${r.note})` : ''),
    humanSize(r.size),
    r.sha256.slice(0, 16),
    r.seconds.toFixed(1),
    r.tested
  ])
}

export function markdownTable(records: readonly BuildRecord[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|')
  const lines = [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...rows(records).map(r => `| ${r.map(escape).join(' | ')} |`)
  ]
  return `### wheelwright: ${records.length} wheel${records.length === 1 ? '' : 's'}\n\n${lines.join('\n')}\n`
}

export function plainTable(records: readonly BuildRecord[]): string {
  const table = [HEADER, ...rows(records)]
  const widths = HEADER.map((_, i) => Math.max(...table.map(r => r[i].length)))
  return (
    table
      .map(r =>
        r
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd()
      )
      .join('\n') + '\n'
  )
}
