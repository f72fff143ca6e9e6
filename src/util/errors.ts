/**
 * A mistake the user can fix: bad input, bad config, nothing to build.
 * main.ts reports it as one line (no stack trace); everything else is a bug.
 */
/** What failed, as the action's annotation titles say it. */
export type FailureKind = 'configuration' | 'build' | 'repair' | 'test' | 'publish'

/** Where a configuration problem was written: a file and, when known, the line. */
export interface SourceLocation {
  readonly file: string
  readonly line?: number
}

/** One failure of a run, annotated on its own. */
export interface Problem {
  readonly kind: FailureKind
  readonly message: string
  readonly location?: SourceLocation
}

export interface UserErrorDetails {
  /** The input, flag or config key at fault, e.g. `archs` or `tool.cibuildwheel.build`. */
  key?: string
  /** The offending value, shown quoted. */
  value?: string
  /** What to do instead. */
  hint?: string
  /** The exit status, as cibuildwheel's for the same failure (default 2: configuration). */
  exitCode?: number
  /** What failed (default: configuration). */
  kind?: FailureKind
  /** The config file and line of `key`, when the value came from a file. */
  location?: SourceLocation
  /** Several failures in one error (a run's failed builds); each is annotated on its own. */
  problems?: readonly Problem[]
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
  readonly kind: FailureKind
  readonly location?: SourceLocation
  private readonly given: { readonly message: string; readonly details: UserErrorDetails }

  constructor(message: string, details: UserErrorDetails = {}) {
    super(UserError.compose(message, details))
    this.name = 'UserError'
    this.key = details.key
    this.value = details.value
    this.hint = details.hint
    this.exitCode = details.exitCode ?? EXIT.configuration
    this.kind = details.kind ?? 'configuration'
    this.location = details.location
    this.given = { message, details }
  }

  /** The failures to annotate: the ones it gathers, or itself. */
  get problems(): readonly Problem[] {
    return (
      this.given.details.problems ?? [
        {
          kind: this.kind,
          message: this.message,
          ...(this.location ? { location: this.location } : {})
        }
      ]
    )
  }

  /** The same error, placed at `location` in a config file. */
  at(location: SourceLocation): UserError {
    return new UserError(this.given.message, { ...this.given.details, location })
  }

  /** The same error, naming where the value came from (e.g. `CIBW_ENVIRONMENT`) as its key. */
  from(key: string): UserError {
    return new UserError(this.given.message, { ...this.given.details, key })
  }

  /** The same error, of another kind (e.g. a publish step's). */
  as(kind: FailureKind): UserError {
    return new UserError(this.given.message, { ...this.given.details, kind })
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
