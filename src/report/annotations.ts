/**
 * The action's error annotations: exactly one per failure, titled by what
 * failed (`wheelwright: build error`, `... test error`, `... configuration
 * error`), with the config file and line when the failure is a value written
 * in pyproject.toml.
 */
import path from 'node:path'
import { isUserError, type FailureKind, type SourceLocation } from '../util/errors.js'

/** What a failed step's failure is; a step not named here builds. */
const KIND_OF_STEP: Readonly<Record<string, FailureKind>> = {
  repair: 'repair',
  'copy-out': 'repair',
  audit: 'repair',
  'test-prepare': 'test',
  'test-venv': 'test',
  'before-test': 'test',
  'test-install': 'test',
  test: 'test',
  environment: 'configuration',
  'test-environment': 'configuration'
}

export function failureKind(step: string): FailureKind {
  return KIND_OF_STEP[step] ?? 'build'
}

export interface Annotation {
  readonly message: string
  readonly properties: {
    readonly title: string
    readonly file?: string
    readonly startLine?: number
  }
}

/** `location` as the runner wants it: a file relative to the workspace (none outside it). */
function where(location: SourceLocation | undefined, workspace: string | undefined) {
  if (!location || !workspace) return {}
  const file = path.relative(workspace, location.file)
  if (file.startsWith('..') || path.isAbsolute(file)) return {}
  return {
    file: file.split(path.sep).join('/'),
    ...(location.line ? { startLine: location.line } : {})
  }
}

/**
 * The annotations of a failed run: one per problem of a UserError, or one for
 * anything else (a bug), whose text is `described`.
 */
export function annotationsOf(
  error: unknown,
  described: string,
  workspace: string | undefined
): Annotation[] {
  if (!isUserError(error))
    return [{ message: described, properties: { title: 'wheelwright: internal error' } }]
  return error.problems.map(problem => ({
    message: problem.message,
    properties: {
      title: `wheelwright: ${problem.kind} error`,
      ...where(problem.location, workspace)
    }
  }))
}
