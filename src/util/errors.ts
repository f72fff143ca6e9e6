/**
 * A mistake the user can fix: bad input, bad config, nothing to build.
 * main.ts reports it as one line (no stack trace); everything else is a bug.
 */
export interface UserErrorDetails {
  /** The input, flag or config key at fault, e.g. `archs` or `tool.cibuildwheel.build`. */
  key?: string
  /** The offending value, shown quoted. */
  value?: string
  /** What to do instead. */
  hint?: string
  /** The exit status, as cibuildwheel's for the same failure (default 2: configuration). */
  exitCode?: number
}

/**
 * cibuildwheel's exit statuses, which CI scripts check. 0 is success and
 * anything unexpected is 1 (with a hint to re-run with --debug).
 */
export const EXIT = Object.freeze({
  /** A build or test failed. */
  failed: 1,
  configuration: 2,
  nothingToDo: 3,
  /** A selector or arch that an older release accepted (e.g. `cp27-*`). */
  deprecated: 4,
  pureWheel: 5,
  alreadyBuilt: 6,
  engineTooOld: 7,
  repairNoWheel: 8,
  auditFailed: 9,
  buildNoWheel: 10,
  /** Stopped by SIGINT / SIGTERM (128 + the signal). */
  interrupted: 130,
  terminated: 143
})

export class UserError extends Error {
  readonly key?: string
  readonly value?: string
  readonly hint?: string
  readonly exitCode: number

  constructor(message: string, details: UserErrorDetails = {}) {
    super(UserError.compose(message, details))
    this.name = 'UserError'
    this.key = details.key
    this.value = details.value
    this.hint = details.hint
    this.exitCode = details.exitCode ?? EXIT.configuration
  }

  private static compose(message: string, { key, value, hint }: UserErrorDetails): string {
    let text = key ? `${key}: ${message}` : message
    if (value !== undefined) text += ` (got ${JSON.stringify(value)})`
    if (hint) text += `. Hint: ${hint}`
    return text
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}
