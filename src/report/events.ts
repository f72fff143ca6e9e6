/**
 * `--log-format json`: the run as a stream of events, one JSON object a line
 * on stderr, for scripts and the benchmark, instead of the log people read.
 * Each event has `event` and `t`, the milliseconds since the process started:
 *
 * - `message` {level: info|warning|line, text}; `group` {title, text};
 *   `group-start` {title}; `group-end`; `summary` {text}; `set-output`
 *   {name, value} (the action's outputs: `wheels`, `wheelhouse`, ...);
 * - for each build, and for each group's setup (identifier `setup`):
 *   `build-started` {identifier, label}, `step-started` {identifier, step,
 *   display}, `step-output` {identifier, text} for each line a step prints,
 *   `note` {identifier, text}, `step-finished` {identifier, step, code, ms},
 *   `build-finished` {identifier, ok, title or step, ms, and
 *   compilerCache {tool, hits, misses, savedSeconds} when the build ran with one};
 * - after the builds, `compiler-cache` {tool, hits, misses, savedSeconds}: the
 *   job's totals, when a build ran with a compiler cache;
 * - at the end, `usage` {cpuMs}: the CPU time of wheelwright's own process
 *   (options, plan, this stream; not the steps it ran); then, when the
 *   command fails, `error` {text, exitCode}.
 *
 * Results (identifiers, a dry-run plan) still go to stdout as they are.
 * Every registered secret is masked in every string, as in the text log.
 */
import { performance } from 'node:perf_hooks'
import type { Step } from '../model/build-plan.js'
import { keptLog, splitLines, type LiveOutput, type LiveSettings } from './live.js'
import { drained, secretMask, type Reporter, type RunEvent } from './log.js'
import { PLAIN } from './terminal.js'

export const LOG_FORMATS = ['text', 'json'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

/** Milliseconds since this process started, to a tenth. */
const since = () => Math.round(performance.now() * 10) / 10

/** The reporter of `--log-format json`. */
export function jsonReporter(
  rawStdout: (text: string) => void = text => void process.stdout.write(text),
  rawStderr: (text: string) => void = text => void process.stderr.write(text)
): Reporter {
  const { add, mask } = secretMask()
  const emit = (fields: RunEvent) => {
    const masked = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v])
    )
    rawStderr(`${JSON.stringify({ ...masked, t: since() })}\n`)
  }
  return {
    result: text => rawStdout(mask(text.endsWith('\n') ? text : `${text}\n`)),
    info: text => emit({ event: 'message', level: 'info', text }),
    warning: text => emit({ event: 'message', level: 'warning', text }),
    line: text => emit({ event: 'message', level: 'line', text }),
    output: text => emit({ event: 'message', level: 'line', text }),
    group: (title, text) => emit({ event: 'group', title, text }),
    startGroup: title => emit({ event: 'group-start', title }),
    endGroup: () => emit({ event: 'group-end' }),
    status: () => undefined,
    setOutput: (name, value) => emit({ event: 'set-output', name, value }),
    summary: async (_markdown, plain) => emit({ event: 'summary', text: plain }),
    setSecret: add,
    event: emit,
    terminal: PLAIN,
    flush: async () => {
      await drained(process.stdout)
      await drained(process.stderr)
    }
  }
}

/** The live output of a run as events; each build also keeps its plain log (a failure's). */
export function eventOutput(
  emit: (fields: RunEvent) => void,
  rewrite: LiveSettings['rewrite'] = undefined
): LiveOutput {
  const open = new Set<() => void>()
  return {
    begin(identifier, label) {
      const kept = keptLog()
      const started = performance.now()
      const shown = rewrite?.(identifier) ?? ((line: string) => line)
      let partial = ''
      const lines = (texts: readonly string[]) => {
        for (const line of texts) emit({ event: 'step-output', identifier, text: shown(line) })
      }
      const endPartial = () => {
        if (partial !== '') lines([partial])
        partial = ''
      }
      open.add(endPartial)
      emit({ event: 'build-started', identifier, label })
      return {
        note: text => {
          kept.note(text)
          emit({ event: 'note', identifier, text })
        },
        warning: text => {
          kept.note(`warning: ${text}`)
          emit({ event: 'message', level: 'warning', text: `${identifier}: ${text}` })
        },
        stepStarted: (step: Pick<Step, 'name' | 'display'>) => {
          endPartial()
          kept.stepStarted(step)
          emit({ event: 'step-started', identifier, step: step.name, display: step.display ?? '' })
        },
        output: chunk => {
          kept.output(chunk)
          const split = splitLines(partial, chunk)
          partial = split.partial
          lines(split.lines)
        },
        stepFinished: (step, code, ms) => {
          endPartial()
          kept.stepFinished(step, code, ms)
          emit({ event: 'step-finished', identifier, step: step.name, code, ms })
        },
        text: () => kept.text(),
        finished: end => {
          endPartial()
          open.delete(endPartial)
          const ms = Math.round(performance.now() - started)
          emit(
            end.ok
              ? {
                  event: 'build-finished',
                  identifier,
                  ok: true,
                  title: end.title,
                  ms,
                  ...(end.compilerCache ? { compilerCache: end.compilerCache } : {})
                }
              : { event: 'build-finished', identifier, ok: false, step: end.step, ms }
          )
        }
      }
    },
    flush() {
      for (const endPartial of open) endPartial()
    },
    close() {}
  }
}
