/**
 * run(): inputs → options → command → outputs. The action and the CLI both
 * come through here; this is the one place that turns errors into failure.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { RunContext } from './execute/context.js'
import type { Options } from './model/options.js'
import { loadOptions } from './options/load.js'
import { parseCliArgs } from './options/cli-args.js'
import {
  checkUnknownInputs,
  cliInputs,
  readActionInputs,
  UnknownInputError,
  unknownInputVariables
} from './options/input-rules.js'
import { commandHelp, mainHelp } from './options/help.js'
import type { Command } from './model/options.js'
import type { Env } from './model/env.js'
import { detectRunner } from './platforms/runner.js'
import { actionReporter, cliReporter, type Reporter } from './report/log.js'
import { jsonReporter, LOG_FORMATS, type LogFormat } from './report/events.js'
import { annotationsOf } from './report/annotations.js'
import { detectTerminal } from './report/terminal.js'
import { EXIT, isUserError, UserError } from './util/errors.js'
import { VERSION } from './model/version.js'
import { urlSecrets } from './publish/index-url.js'
import { hideDebugCommands } from './report/debug-filter.js'
import { Reaper } from './util/reaper.js'
import { parseBoolean } from './util/text.js'
import { secretValues } from './util/credentials.js'

/** Resolves the options once, then runs the command with them. */
export async function execute(
  inputs: ReadonlyMap<string, string>,
  cwd: string,
  context: RunContext,
  inputWarnings: readonly string[] = [],
  unknownInputs: readonly string[] = []
): Promise<void> {
  const { env, reporter } = context
  // Before anything can print them: the raw values, as given, then every
  // variable that looks like a credential (PYPI_API_TOKEN, *_PASSWORD, ...).
  const secrets = new Set<string>()
  for (const secret of [inputs.get('password'), env.TWINE_PASSWORD])
    if (secret?.trim()) secrets.add(secret.trim())
  for (const secret of urlSecrets(inputs.get('repository-url'))) secrets.add(secret)
  for (const secret of secretValues(env)) secrets.add(secret)
  for (const secret of secrets) reporter.setSecret(secret)
  for (const warning of inputWarnings) reporter.warning(warning)
  // A publishing run stops on an input it would not read, before any work.
  if (inputs.get('command')?.trim() === 'publish') checkUnknownInputs(unknownInputs, true)
  const runner = detectRunner(env)
  const options = await loadOptions({ inputs, env, runner, cwd })
  const unpacked = options.sdistInput ? path.dirname(options.packageDir) : undefined
  if (unpacked) context.reaper?.remove(unpacked)
  if (options.publish.password) reporter.setSecret(options.publish.password)
  for (const secret of urlSecrets(options.publish.repositoryUrl)) reporter.setSecret(secret)
  for (const warning of options.warnings) reporter.warning(warning)
  try {
    const publishes = options.command === 'publish' || options.publish.mode !== 'false'
    for (const warning of checkUnknownInputs(unknownInputs, publishes)) reporter.warning(warning)
    await runCommand(options, context)
  } finally {
    // An sdist given as package-dir was unpacked into a temp dir of its own.
    if (unpacked) {
      fs.rmSync(unpacked, { recursive: true, force: true })
      context.reaper?.keep(unpacked)
    }
    context.reaper?.close()
  }
}

async function runCommand(options: Options, context: RunContext): Promise<void> {
  switch (options.command) {
    // Commands load lazily: `plan` never pays for the build or release code.
    case 'plan':
      return (await import('./commands/plan.js')).runPlan(options, context)
    case 'build':
      return (await import('./commands/build.js')).runBuild(options, context)
    case 'sdist':
      return (await import('./commands/sdist.js')).runSdist(options, context)
    case 'publish':
      return (await import('./commands/publish.js')).runPublish(options, context)
  }
}

/** One line for an unexpected error (the trace only with --debug); a UserError as it is. */
function describe(error: unknown, debug = false): string {
  if (isUserError(error)) return error.message
  const text = error instanceof Error ? error.message : String(error)
  if (debug && error instanceof Error && error.stack) return error.stack
  return `${text.split('\n')[0]}. Hint: this is a bug in wheelwright; re-run with --debug for the trace and report it`
}

/** The exit status of a failed run: cibuildwheel's for the same failure. */
export function exitCodeOf(error: unknown): number {
  return isUserError(error) ? error.exitCode : EXIT.failed
}

/** The GitHub Action entry point. */
export async function runAction(): Promise<void> {
  const core = await import('@actions/core')
  const reporter = actionReporter(core)
  try {
    const { inputs, warnings } = readActionInputs(name => core.getInput(name))
    const cwd =
      process.env.GITHUB_WORKSPACE && !inputs.has('package-dir')
        ? process.env.GITHUB_WORKSPACE
        : process.cwd()
    await execute(
      inputs,
      cwd,
      { env: process.env, reporter, isAction: true, reaper: new Reaper() },
      warnings,
      unknownInputVariables(process.env)
    )
  } catch (error) {
    // Workflow commands on again (after a child's last lines), then one
    // annotation per failure, titled by what failed. Not setFailed: it
    // would add a second annotation with the same text.
    await reporter.flush()
    const message = describe(error, process.env.RUNNER_DEBUG === '1')
    for (const { message: text, properties } of annotationsOf(
      error,
      message,
      process.env.GITHUB_WORKSPACE
    ))
      core.error(text, properties)
    // An unknown input of a publishing run is a configuration error, as on the command line.
    process.exitCode = error instanceof UnknownInputError ? EXIT.configuration : 1
  }
}

/** With events: the CPU time of this process itself (options, plan, live log; not its children). */
function reportUsage(reporter: Reporter): void {
  const { user, system } = process.cpuUsage()
  reporter.event?.({ event: 'usage', cpuMs: Math.round((user + system) / 100) / 10 })
}

/** The value of `--log-format`, checked. */
function logFormat(value = 'text'): LogFormat {
  const format = LOG_FORMATS.find(f => f === value.trim())
  if (format) return format
  throw new UserError(`is not a log format (got ${JSON.stringify(value)})`, {
    key: '--log-format',
    hint: `use ${LOG_FORMATS.join(' or ')}`
  })
}

/** The password piped to `publish --password-stdin`: stdin, without its final newline. */
function readPassword(command: string, stdin: () => string = () => fs.readFileSync(0, 'utf8')) {
  if (command !== 'publish') {
    throw new UserError(`means nothing to wheelwright ${command}`, {
      key: '--password-stdin',
      hint: 'it is a flag of wheelwright publish'
    })
  }
  const password = stdin().replace(/\r?\n$/, '')
  if (!password.trim()) {
    throw new UserError('read an empty password from standard input', {
      key: '--password-stdin',
      hint: 'pipe the token in, e.g. printf %s "$TOKEN" | wheelwright publish --password-stdin'
    })
  }
  return password
}

export interface CliIo {
  /** Standard input, read whole (for --password-stdin). */
  readonly stdin?: () => string
  readonly env?: Env
  readonly cwd?: string
  readonly stdout?: (text: string) => void
  readonly stderr?: (text: string) => void
}

/** The CLI entry point; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = {}): Promise<number> {
  const stderr = io.stderr ?? ((text: string) => void process.stderr.write(text))
  const env = io.env ?? process.env
  const terminal = detectTerminal(env, io.stderr ? {} : process.stderr)
  let reporter: Reporter & { error?: (text: string) => void } = cliReporter(
    io.stdout,
    stderr,
    terminal
  )
  const cwd = io.cwd ?? process.cwd()
  const debug = argv.includes('--debug')
  try {
    const args = parseCliArgs(argv)
    if (args.version) {
      reporter.result(VERSION)
      return 0
    }
    if (!args.command) {
      reporter.result(mainHelp())
      return args.help ? 0 : 2
    }
    const { inputs, warnings } = cliInputs(args)
    if (args.help) {
      reporter.result(commandHelp(inputs.get('command') as Command))
      return 0
    }
    if (args.passwordStdin) inputs.set('password', readPassword(args.command, io.stdin))
    // A build logs to stdout, as cibuildwheel; a plan or a dry run keeps stdout for its result.
    if (logFormat(inputs.get('log-format')) === 'json') reporter = jsonReporter(io.stdout, stderr)
    else if (inputs.get('command') === 'build' && !parseBoolean(inputs.get('dry-run') ?? ''))
      reporter = cliReporter(io.stdout, stderr, terminal, 'stdout')
    if (!io.stdout && env.GITHUB_ACTIONS !== 'true') hideDebugCommands(process.stdout)
    await execute(inputs, cwd, { env, reporter, isAction: false, reaper: new Reaper() }, warnings)
    reportUsage(reporter)
    return 0
  } catch (error) {
    reportUsage(reporter)
    const text = describe(error, debug)
    if (reporter.event) reporter.event({ event: 'error', text, exitCode: exitCodeOf(error) })
    else (reporter.error ?? reporter.info)(`error: ${text}`)
    return exitCodeOf(error)
  }
}
