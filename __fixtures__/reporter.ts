/** A Reporter that records every call in order, for asserting on what was said and when. */
import type { Reporter } from '../src/report/log.js'
import { PLAIN, type Terminal } from '../src/report/terminal.js'
import { liveOutput } from '../src/report/live.js'

export interface ReporterEvent {
  readonly kind:
    | 'result'
    | 'info'
    | 'warning'
    | 'group'
    | 'line'
    | 'start'
    | 'end'
    | 'status'
    | 'output'
    | 'summary'
    | 'secret'
  readonly text: string
}

export function recordingReporter(terminal: Terminal = PLAIN): Reporter & {
  events: ReporterEvent[]
  outputs: Record<string, string>
  texts(kind: ReporterEvent['kind']): string[]
} {
  const events: ReporterEvent[] = []
  const outputs: Record<string, string> = {}
  const push = (kind: ReporterEvent['kind'], text: string): void => {
    events.push({ kind, text })
  }
  return {
    events,
    outputs,
    texts: kind => events.filter(e => e.kind === kind).map(e => e.text),
    result: text => push('result', text),
    info: text => push('info', text),
    warning: text => push('warning', text),
    group: (title, body) => push('group', `${title}\n${body}`),
    line: text => push('line', text),
    // A child's line is a line of the log too; the action guards it from the runner.
    output: text => push('line', text),
    startGroup: title => push('start', title),
    endGroup: () => push('end', ''),
    status: lines => push('status', lines.join('\n')),
    setOutput: (name, value) => {
      outputs[name] = value
      push('output', `${name}=${value}`)
    },
    summary: async (markdown, plain) => push('summary', `${markdown}\n${plain}`),
    setSecret: value => push('secret', value),
    terminal,
    flush: async () => undefined
  }
}

/** Live output over a recording reporter: one build at a time unless `concurrent`. */
export function recordingLive(terminal: Terminal = PLAIN, concurrent = false, foldedLogs = false) {
  const reporter = recordingReporter(terminal)
  return { reporter, live: liveOutput({ reporter, concurrent, foldedLogs }) }
}
