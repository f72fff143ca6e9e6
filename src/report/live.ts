/**
 * The live log of a build run: each step as the user knows it (`▸ build:
 * python -m build .`), its output as it comes, then `✓ build (12.3s)` or
 * `✗ build failed: exit code 1 (3.1s)`, and a heartbeat in long silences.
 *
 * Why it looks like this:
 * - One build at a time (parallel 1, or one identifier) streams everything
 *   in order, as cibuildwheel does: its users expect to watch the compiler.
 *   In the action that stream is the identifier's ::group::, so the log folds
 *   per identifier, and a ✓/✗ line after the group says how it ended.
 * - Several at once on a terminal: a status board of the running builds
 *   (step and elapsed time), with finished steps scrolling above it, as cargo
 *   and Bazel show parallel work. Raw output would interleave into noise, so
 *   it is kept, and a failed build's log is printed whole when it fails,
 *   the way both tools print the output of a failed unit.
 * - Several at once in a log file (the CLI, no terminal to redraw): every
 *   line as it comes, prefixed with its identifier (`[cp312-manylinux_x86_64]`),
 *   like `docker compose` or `make -j`, so a stuck or killed job still shows
 *   what each build last did.
 * - Several at once in the action: each build's log is printed whole in its
 *   own group when it ends (groups fold, and the problem matcher reads the
 *   lines as the compiler wrote them); live, only a prefixed line when a
 *   build starts, a heartbeat every 30 s naming its step, and its result.
 *   Each line of a log appears once, either way.
 * - A heartbeat (`… build still running (1m 30s)`) after every 30 s of
 *   silence, so a slow link step never looks like a hang.
 * - Nothing is held back longer than a partial line; flush() writes those
 *   (and, on a board, the logs of the running builds) before the process
 *   exits on a signal.
 * The kept log (text()) is plain; colour is only in what is printed.
 */
import prettyMilliseconds from 'pretty-ms'
import type { Step } from '../model/build-plan.js'
import type { Reporter } from './log.js'
import { KeptLines } from './kept-lines.js'
import { paintFor, type Paint } from './terminal.js'

export const HEARTBEAT_MS = 30_000
/** How much of a step's command its `▸` line shows. */
import type { CompilerCacheCounts } from './compiler-cache.js'

const DISPLAY_CHARS = 400

/** What one identifier's run (or one group's setup) says, as it happens. */
export interface BuildLog {
  /** A line of wheelwright's own (a reused wheel, a cache hit). */
  note(text: string): void
  /** Something the user should act on (a warning in the action), kept in the log too. */
  warning(text: string): void
  stepStarted(step: Pick<Step, 'name' | 'display'>): void
  /** A chunk of what the running step printed. */
  output(chunk: string): void
  /** `interrupted`: the step was stopped by this run's own signal, and did not fail. */
  stepFinished(
    step: Pick<Step, 'name'>,
    code: number,
    ms: number,
    interrupted?: NodeJS.Signals
  ): void
  /** The whole log so far, plain. */
  text(): string
}

export type BuildEnd =
  | {
      readonly ok: true
      readonly title: string
      /** The compiler cache's counts of the build (in the json events). */
      readonly compilerCache?: CompilerCacheCounts
    }
  | { readonly ok: false; readonly step: string; readonly interrupted?: NodeJS.Signals }

export interface LiveBuild extends BuildLog {
  /** The build ended: its result line, and its whole log in a group where that is kept. */
  finished(end: BuildEnd): void
}

export interface LiveSettings {
  readonly reporter: Reporter
  /** More than one build may run at once. */
  readonly concurrent: boolean
  /** Every build's log in its own group at its end (the action, where groups fold). */
  readonly foldedLogs: boolean
  readonly heartbeatMs?: number
  /** Rewrites each line of a build's output (e.g. its source paths, for the problem matcher). */
  readonly rewrite?: (identifier: string) => (line: string) => string
  readonly now?: () => number
}

export interface LiveOutput {
  /** A build starts; `label` is e.g. `(2/5)`. */
  begin(identifier: string, label: string): LiveBuild
  /** Writes all that is still held: partial lines, and on a board the logs of running builds. */
  flush(): void
  /** Stops the heartbeat and removes the board. */
  close(): void
}

export type LiveMode = 'stream' | 'prefixed' | 'board'

export function liveMode(concurrent: boolean, tty: boolean): LiveMode {
  return !concurrent ? 'stream' : tty ? 'board' : 'prefixed'
}

export const duration = (ms: number, digits = 1) =>
  prettyMilliseconds(ms, { secondsDecimalDigits: digits, keepDecimalsOnWholeSeconds: false })

const PREFIX_COLOURS = ['cyan', 'magenta', 'blue', 'yellow', 'green'] as const
const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'

/** Plain and coloured forms of the lines a build prints. */
export function stepLines(paint: Paint) {
  return {
    started: (step: Pick<Step, 'name' | 'display'>) => {
      const display =
        step.display && step.display.length > DISPLAY_CHARS
          ? `${step.display.slice(0, DISPLAY_CHARS)}… (${step.display.length - DISPLAY_CHARS} more characters)`
          : step.display
      const shown = display && display !== step.name ? `: ${display}` : ''
      return [`▸ ${step.name}${shown}`, `${paint.cyan('▸')} ${paint.bold(step.name)}${shown}`]
    },
    finished: (name: string, code: number, ms: number, interrupted?: NodeJS.Signals) =>
      interrupted
        ? [
            `✗ ${name} interrupted by ${interrupted} (${duration(ms)})`,
            `${paint.red('✗')} ${name} ${paint.red(`interrupted by ${interrupted}`)} ${paint.dim(`(${duration(ms)})`)}`
          ]
        : code === 0
          ? [
              `✓ ${name} (${duration(ms)})`,
              `${paint.green('✓')} ${name} ${paint.dim(`(${duration(ms)})`)}`
            ]
          : [
              `✗ ${name} failed: exit code ${code} (${duration(ms)})`,
              `${paint.red('✗')} ${name} ${paint.red(`failed: exit code ${code}`)} ${paint.dim(`(${duration(ms)})`)}`
            ],
    heartbeat: (name: string, ms: number) => {
      const text = `… ${name} still running (${duration(ms, 0)})`
      return [text, paint.dim(text)]
    }
  }
}

/** The complete lines of `held + chunk`, and the partial line left after them. */
export function splitLines(held: string, chunk: string): { lines: string[]; partial: string } {
  const lines = (held + chunk).replace(/\r\n?/g, '\n').split('\n')
  const partial = lines.pop() ?? ''
  return { lines, partial }
}

interface Running {
  readonly identifier: string
  readonly started: number
  step?: { name: string; display?: string; started: number; quietSince: number }
  partial: string
  readonly kept: KeptLines
}

export function liveOutput(settings: LiveSettings): LiveOutput {
  const { reporter } = settings
  const now = settings.now ?? Date.now
  const heartbeatMs = settings.heartbeatMs ?? HEARTBEAT_MS
  const mode = liveMode(settings.concurrent, reporter.terminal.tty)
  const paint = paintFor(reporter.terminal)
  const lines = stepLines(paint)
  const running = new Set<Running>()
  let started = 0

  const drawBoard = () => {
    if (mode !== 'board') return
    const frame = SPINNER[Math.floor(now() / 100) % SPINNER.length]
    reporter.status(
      [...running].map(build => {
        const step = build.step
        const doing = step ? `${step.name}${step.display ? `: ${step.display}` : ''}` : 'waiting'
        return `${frame} ${build.identifier}  ${duration(now() - build.started, 0)}  ${doing}`
      })
    )
  }
  const tick = () => {
    for (const build of running) {
      const step = build.step
      if (!step || now() - step.quietSince < heartbeatMs || mode === 'board') continue
      step.quietSince = now()
      const [plain, shown] = lines.heartbeat(step.name, now() - step.started)
      say(build, plain, shown, false)
    }
    drawBoard()
  }
  const timer = setInterval(tick, Math.min(1000, heartbeatMs))
  timer.unref()

  const prefixOf = (build: Running, index: number) => {
    const colour = PREFIX_COLOURS[index % PREFIX_COLOURS.length]
    return paint[colour](`[${build.identifier}]`)
  }
  const prefixes = new Map<Running, string>()
  /** The action's parallel log: the kept lines are printed once, in the group at the end. */
  const foldedOnly = mode === 'prefixed' && settings.foldedLogs
  /**
   * Prints a line of a build, where this mode shows it live; `keep` puts it
   * in the log, `raw` marks what the build printed (never a workflow command).
   */
  const say = (build: Running, plain: string, shown = plain, keep = true, raw = false) => {
    if (keep) build.kept.push(plain)
    const write = (text: string) => (raw ? reporter.output(text) : reporter.line(text))
    if (mode === 'stream') write(shown)
    else if (foldedOnly ? !keep : !(raw && mode === 'board'))
      write(`${prefixes.get(build)} ${shown}`.trimEnd())
  }
  const outputLine = (build: Running, rewrite: (line: string) => string, line: string) => {
    const text = rewrite(line)
    say(build, text, text, true, true)
  }
  const endPartial = (build: Running, rewrite: (line: string) => string) => {
    if (build.partial === '') return
    outputLine(build, rewrite, build.partial)
    build.partial = ''
  }

  return {
    begin(identifier, label) {
      const build: Running = { identifier, started: now(), partial: '', kept: new KeptLines() }
      running.add(build)
      prefixes.set(build, prefixOf(build, started++))
      const rewrite = settings.rewrite?.(identifier) ?? ((line: string) => line)
      if (mode === 'stream') reporter.startGroup(`${identifier} ${label}`)
      else reporter.line(`${prefixes.get(build)} ${paint.bold('started')} ${label}`)
      drawBoard()
      return {
        note: text => say(build, text),
        warning: text => {
          endPartial(build, rewrite)
          build.kept.push(`warning: ${text}`)
          reporter.warning(`${identifier}: ${text}`)
        },
        stepStarted: step => {
          endPartial(build, rewrite)
          const at = now()
          build.step = { name: step.name, display: step.display, started: at, quietSince: at }
          const [plain, shown] = lines.started(step)
          say(build, plain, shown)
          drawBoard()
        },
        output: chunk => {
          // With the output folded away, the heartbeat is the only sign of life: it keeps its beat.
          if (build.step && !foldedOnly) build.step.quietSince = now()
          const { lines: complete, partial } = splitLines(build.partial, chunk)
          build.partial = partial
          for (const line of complete) outputLine(build, rewrite, line)
        },
        stepFinished: (step, code, ms, interrupted) => {
          endPartial(build, rewrite)
          build.step = undefined
          const [plain, shown] = lines.finished(step.name, code, ms, interrupted)
          say(build, plain, shown)
          drawBoard()
        },
        text: () => build.kept.text(),
        finished: end => {
          endPartial(build, rewrite)
          running.delete(build)
          const took = duration(now() - build.started)
          const text = build.kept.text()
          const how = end.ok
            ? end.title
            : end.interrupted
              ? `interrupted by ${end.interrupted} at ${end.step}`
              : `failed at ${end.step}`
          if (mode === 'stream') reporter.endGroup()
          else if (settings.foldedLogs || (mode === 'board' && !end.ok))
            reporter.group(
              `${identifier}: ${end.ok || end.interrupted ? how : `FAILED at ${end.step}`}`,
              text
            )
          const result = end.ok
            ? `${paint.green('✓')} ${paint.bold(identifier)} ${how} ${paint.dim(`(${took})`)}`
            : `${paint.red('✗')} ${paint.bold(identifier)} ${paint.red(how)} ${paint.dim(`(${took})`)}`
          reporter.line(result)
          prefixes.delete(build)
          drawBoard()
        }
      }
    },
    flush() {
      for (const build of running) {
        const rewrite = settings.rewrite?.(build.identifier) ?? ((line: string) => line)
        endPartial(build, rewrite)
        if (mode === 'stream') reporter.endGroup()
        else if (mode === 'board' || (mode === 'prefixed' && settings.foldedLogs))
          reporter.group(`${build.identifier}: stopped (log so far)`, build.kept.text().trimEnd())
      }
      if (mode === 'board') reporter.status([])
    },
    close() {
      clearInterval(timer)
      if (mode === 'board') reporter.status([])
    }
  }
}

/** A BuildLog that only keeps what it is told (group setup in tests, or no live output). */
export function keptLog(): BuildLog {
  const lines = stepLines(paintFor({ color: false, tty: false, columns: 80 }))
  const kept = new KeptLines()
  let partial = ''
  const end = () => {
    if (partial !== '') kept.push(partial)
    partial = ''
  }
  return {
    note: text => kept.push(text),
    warning: text => kept.push(`warning: ${text}`),
    stepStarted: step => {
      end()
      kept.push(lines.started(step)[0])
    },
    output: chunk => {
      const split = splitLines(partial, chunk)
      partial = split.partial
      kept.push(...split.lines)
    },
    stepFinished: (step, code, ms, interrupted) => {
      end()
      kept.push(lines.finished(step.name, code, ms, interrupted)[0])
    },
    text: () => kept.text() + (partial ? `${partial}\n` : '')
  }
}
