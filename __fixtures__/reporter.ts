/** A Reporter that records every call in order, for asserting on what was said and when. */
import type { Reporter } from '../src/report/log.js'

export interface ReporterEvent {
  readonly kind: 'result' | 'info' | 'warning' | 'group' | 'output' | 'summary' | 'secret'
  readonly text: string
}

export function recordingReporter(): Reporter & {
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
    setOutput: (name, value) => {
      outputs[name] = value
      push('output', `${name}=${value}`)
    },
    summary: async (markdown, plain) => push('summary', `${markdown}\n${plain}`),
    setSecret: value => push('secret', value)
  }
}
