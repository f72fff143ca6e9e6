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
}

export class UserError extends Error {
  readonly key?: string
  readonly value?: string
  readonly hint?: string

  constructor(message: string, details: UserErrorDetails = {}) {
    super(UserError.compose(message, details))
    this.name = 'UserError'
    this.key = details.key
    this.value = details.value
    this.hint = details.hint
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
