/**
 * Where output goes. The action reports through @actions/core (outputs,
 * annotations, groups, the job summary); the CLI prints to stdout/stderr.
 * Commands only talk to a Reporter, so both entry points share them.
 */
import type * as Core from '@actions/core'

export interface Reporter {
  /** Plain result text (identifiers, JSON); the CLI prints it on stdout. */
  result(text: string): void
  info(text: string): void
  warning(text: string): void
  /** A titled block of text, e.g. one build's log. */
  group(title: string, body: string): void
  setOutput(name: string, value: string): void
  /** Markdown for the job summary; the CLI prints the plain table instead. */
  summary(markdown: string, plain: string): Promise<void>
  setSecret(value: string): void
}

/** The action's reporter; @actions/core is passed in so the CLI never loads it. */
export const actionReporter = (core: typeof Core): Reporter => ({
  result: text => core.info(text),
  info: text => core.info(text),
  warning: text => core.warning(text),
  group: (title, body) => {
    core.startGroup(title)
    if (body) core.info(body.trimEnd())
    core.endGroup()
  },
  setOutput: (name, value) => core.setOutput(name, value),
  summary: async markdown => {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write()
  },
  setSecret: value => core.setSecret(value)
})

/** The CLI's reporter: like the action's log, every registered secret prints as `***`. */
export function cliReporter(
  rawStdout: (text: string) => void = text => void process.stdout.write(text),
  rawStderr: (text: string) => void = text => void process.stderr.write(text)
): Reporter {
  const secrets = new Set<string>()
  const mask = (text: string) => {
    let masked = text
    for (const secret of [...secrets].sort((a, b) => b.length - a.length))
      masked = masked.split(secret).join('***')
    return masked
  }
  const stdout = (text: string) => rawStdout(mask(text))
  const stderr = (text: string) => rawStderr(mask(text))
  return {
    result: text => stdout(text.endsWith('\n') ? text : `${text}\n`),
    info: text => stderr(`${text}\n`),
    warning: text => stderr(`warning: ${text}\n`),
    group: (title, body) => stderr(`── ${title}\n${body ? body.trimEnd() + '\n' : ''}`),
    setOutput: () => undefined,
    summary: async (_markdown, plain) => stdout(plain.endsWith('\n') ? plain : `${plain}\n`),
    setSecret: value => {
      if (value.length >= 3) secrets.add(value)
    }
  }
}
