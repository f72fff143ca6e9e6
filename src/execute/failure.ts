import { EXIT, isUserError } from '../util/errors.js'

/** A build (or a group's setup) that failed at a step, with its log so far. */
export class BuildFailure extends Error {
  constructor(
    readonly identifier: string,
    readonly step: string,
    readonly log: string,
    reason: string,
    /** cibuildwheel's exit status for this failure (1 unless a specific one applies). */
    readonly exitCode: number = EXIT.failed,
    /** The lines of the step's output that tell why it failed (report/causes.ts). */
    readonly telling: readonly string[] = []
  ) {
    super(`${identifier}: ${step} failed: ${reason}`)
  }
}

/** A step stopped by this run's own signal (SIGINT, SIGTERM): no failure of the build. */
export class Interrupted extends Error {
  constructor(
    readonly step: string,
    readonly signal: NodeJS.Signals
  ) {
    super(`${step} interrupted by ${signal}`)
  }
}

/** The failure of `error`, thrown while building `identifier`. */
export function asBuildFailure(error: unknown, identifier: string, log: string): BuildFailure {
  if (error instanceof BuildFailure) return error
  return new BuildFailure(
    identifier,
    'build',
    log,
    error instanceof Error ? error.message : String(error),
    isUserError(error) ? error.exitCode : EXIT.failed
  )
}
