/**
 * The lines a build's log keeps (printed whole when it fails, or folded in
 * the action): all of them up to a bound, then the last ones, with a line
 * that says how many were left out. A build that prints 200 MB has already
 * streamed it; what is kept for the end stays small.
 */
export const KEPT_LOG_CHARS = 1024 * 1024

const size = (chars: number) =>
  chars >= 1024 * 1024 ? `${chars / 1024 / 1024} MiB` : `${chars} characters`

export class KeptLines {
  private lines: string[] = []
  private start = 0
  private chars = 0
  private dropped = 0

  constructor(private readonly limit = KEPT_LOG_CHARS) {}

  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line)
      this.chars += line.length + 1
      while (this.chars > this.limit && this.lines.length - this.start > 1) {
        this.chars -= this.lines[this.start].length + 1
        this.start++
        this.dropped++
      }
    }
    if (this.start > 4096 && this.start * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.start)
      this.start = 0
    }
  }

  get length(): number {
    return this.lines.length - this.start + (this.dropped > 0 ? 1 : 0)
  }

  /** The kept lines, each ending in a newline. */
  text(): string {
    const kept = this.lines.slice(this.start)
    const note =
      this.dropped > 0
        ? [
            `… ${this.dropped} earlier lines left out (the log keeps its last ${size(this.limit)}) …`
          ]
        : []
    return [...note, ...kept].map(line => `${line}\n`).join('')
  }
}
