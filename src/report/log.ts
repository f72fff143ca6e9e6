/**
 * Where output goes. The action reports through @actions/core (outputs,
 * annotations, groups, the job summary); the CLI prints to stdout/stderr.
 * Commands only talk to a Reporter, so both entry points share them.
 */
import crypto from 'node:crypto'
import type * as Core from '@actions/core'
import ansiEscapes from 'ansi-escapes'
import { detectTerminal, PLAIN, type Terminal } from './terminal.js'

/** One event of `--log-format json` (report/events.ts): its `event` name and its fields. */
export type RunEvent = { readonly event: string } & Readonly<Record<string, unknown>>

export interface Reporter {
  /** Plain result text (identifiers, JSON); the CLI prints it on stdout. */
  result(text: string): void
  info(text: string): void
  warning(text: string): void
  /** A titled block of text, e.g. one build's log. */
  group(title: string, body: string): void
  /** A line of live output, written at once. */
  line(text: string): void
  /**
   * A line that a child process printed: shown as it is, but in the action
   * never run as a workflow command (`::error`, `::add-mask::` ...).
   */
  output(text: string): void
  /** Opens a section that folds in the action's log; the CLI prints it as a header. */
  startGroup(title: string): void
  endGroup(): void
  /**
   * The status board: lines kept at the bottom of a terminal and redrawn in
   * place (an empty list removes it). Anywhere else, nothing.
   */
  status(lines: readonly string[]): void
  setOutput(name: string, value: string): void
  /** Markdown for the job summary; the CLI prints the plain table instead. */
  summary(markdown: string, plain: string): Promise<void>
  setSecret(value: string): void
  /**
   * A reporter of structured events (`--log-format json`) takes the live
   * output of builds as events too, instead of lines.
   */
  readonly event?: (fields: RunEvent) => void
  /** Colour, a terminal, its width. */
  readonly terminal: Terminal
  /** Resolves when everything written so far has left the process (before it exits). */
  flush(): Promise<void>
  /**
   * Resolves once little of what was written is still held here (a slow
   * reader of our output): live output waits for it, so it never piles up.
   */
  caughtUp?(): Promise<void>
}

/** What may wait in a stream's buffer before live output waits for its reader. */
const BACKLOG = 1024 * 1024

/** Resolves when `stream` holds less than BACKLOG, or has drained. */
function caughtUp(stream: NodeJS.WritableStream): Promise<void> {
  const backlog = (stream as NodeJS.WritableStream & { writableLength?: number }).writableLength
  if (!backlog || backlog < BACKLOG) return Promise.resolve()
  return new Promise(resolve => stream.once('drain', resolve))
}

/** Resolves when `stream` has handed over all it was given. */
export function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise(resolve => stream.write('', () => resolve()))
}

/** Replaces every registered secret by `***`, longest first. */
function masker(secrets: ReadonlySet<string>): (text: string) => string {
  return text => {
    let masked = text
    for (const secret of [...secrets].sort((a, b) => b.length - a.length))
      masked = masked.split(secret).join('***')
    return masked
  }
}

/**
 * Workflow commands in child output: before a child's lines the action
 * writes `::stop-commands::<token>`, so that the runner shows them as text
 * (problem matchers still read them), and `::<token>::` before anything of
 * its own, so that wheelwright's groups, annotations and masks stay live.
 * The token is random per run; a child cannot guess it to resume.
 */
export function commandGuard(
  write: (text: string) => void,
  token = crypto.randomBytes(16).toString('hex')
) {
  let stopped = false
  const resume = () => {
    if (!stopped) return
    stopped = false
    write(`::${token}::\n`)
  }
  return {
    token,
    /** Before a child's lines: commands off until the next `resume` (at the latest, the next turn). */
    stop: () => {
      if (stopped) return
      stopped = true
      write(`::stop-commands::${token}\n`)
      setImmediate(resume)
    },
    resume
  }
}

/** The action's reporter; @actions/core is passed in so the CLI never loads it. */
export const actionReporter = (
  core: typeof Core,
  write: (text: string) => void = text => void process.stdout.write(text)
): Reporter => {
  const secrets = new Set<string>()
  const mask = masker(secrets)
  const guard = commandGuard(write)
  const own =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      guard.resume()
      fn(...args)
    }
  const childText = (text: string) => {
    guard.stop()
    core.info(mask(text))
  }
  return {
    result: own(text => core.info(mask(text))),
    info: own(text => core.info(mask(text))),
    warning: own(text => core.warning(mask(text))),
    group: own((title: string, body: string) => {
      core.startGroup(mask(title))
      // A group's body is what a tool printed (a build log, twine's output).
      if (body) childText(body.trimEnd())
      guard.resume()
      core.endGroup()
    }),
    line: own(text => core.info(mask(text))),
    output: childText,
    startGroup: own(title => core.startGroup(mask(title))),
    endGroup: own(() => core.endGroup()),
    status: () => undefined,
    setOutput: (name, value) => core.setOutput(name, value),
    summary: async markdown => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(mask(markdown), true).write()
    },
    setSecret: own(value => {
      // Once each: the runner masks it from then on.
      if (secrets.has(value)) return
      core.setSecret(value)
      if (value.length >= 3) secrets.add(value)
    }),
    terminal: detectTerminal(process.env),
    flush: () => {
      guard.resume()
      return drained(process.stdout)
    },
    caughtUp: () => caughtUp(process.stdout)
  }
}

/** Where the CLI writes its log: stdout for a build (as cibuildwheel), stderr when stdout carries a result. */
export type LogStream = 'stdout' | 'stderr'

/** The secrets a CLI reporter masks: each registered one (3 characters or more) prints as `***`. */
export function secretMask(): { add(value: string): void; mask(text: string): string } {
  const secrets = new Set<string>()
  return {
    add: value => {
      if (value.length >= 3) secrets.add(value)
    },
    mask: masker(secrets)
  }
}

/**
 * The CLI's reporter: like the action's log, every registered secret prints
 * as `***`. On a terminal it keeps the status board below everything else it
 * writes, on either stream. Warnings and errors always go to stderr.
 */
export function cliReporter(
  rawStdout: (text: string) => void = text => void process.stdout.write(text),
  rawStderr: (text: string) => void = text => void process.stderr.write(text),
  terminal: Terminal = PLAIN,
  logStream: LogStream = 'stderr'
): Reporter & { error: (text: string) => void } {
  const { add, mask } = secretMask()
  let board: readonly string[] = []
  const fit = (line: string) =>
    line.length < terminal.columns ? line : `${line.slice(0, terminal.columns - 2)}…`
  const drawBoard = () => {
    if (board.length > 0) rawStderr(board.map(l => mask(fit(l))).join('\n') + '\n')
  }
  const clearBoard = () => {
    if (board.length > 0) rawStderr(ansiEscapes.eraseLines(board.length + 1))
  }
  /** Writes below the log and above the board. */
  const around = (raw: (text: string) => void) => (text: string) => {
    clearBoard()
    raw(mask(text))
    drawBoard()
  }
  const stdout = around(rawStdout)
  const stderr = around(rawStderr)
  const log = logStream === 'stdout' ? stdout : stderr
  return {
    result: text => stdout(text.endsWith('\n') ? text : `${text}\n`),
    info: text => log(`${text}\n`),
    warning: text => stderr(`warning: ${text}\n`),
    error: text => stderr(`${text}\n`),
    group: (title, body) => log(`── ${title}\n${body ? body.trimEnd() + '\n' : ''}`),
    line: text => log(`${text}\n`),
    output: text => log(`${text}\n`),
    startGroup: title => log(`── ${title}\n`),
    endGroup: () => undefined,
    status: lines => {
      if (!terminal.tty) return
      clearBoard()
      board = [...lines]
      drawBoard()
    },
    setOutput: () => undefined,
    summary: async (_markdown, plain) => {
      if (plain) stdout(plain.endsWith('\n') ? plain : `${plain}\n`)
    },
    setSecret: add,
    terminal,
    flush: async () => {
      await drained(process.stdout)
      await drained(process.stderr)
    },
    caughtUp: async () => {
      await caughtUp(process.stdout)
      await caughtUp(process.stderr)
    }
  }
}
