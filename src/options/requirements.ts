/**
 * The syntax of requirements (PEP 508) and extras, checked when options are
 * read, so that a typo in test-requires fails before the first build rather
 * than at the first test. Entries that pip reads as options or paths
 * (`-r file`, `./pkg`, URLs) are left to pip.
 */
import { validRange } from '@renovatebot/pep440'
import { UserError } from '../util/errors.js'

const NAME = '[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?'
const NAME_ONLY = new RegExp(`^${NAME}$`)
const HEAD = new RegExp(`^(${NAME})\\s*(?:\\[([^\\]]*)\\])?\\s*(.*)$`, 's')

/** Why `text` is not a requirement, or undefined when it is one. */
export function requirementProblem(text: string): string | undefined {
  if (/^(-|\.|~\/|\/|\\)/.test(text) || text.includes('://') || /[/\\]/.test(text.split(/[;@]/)[0]))
    return undefined
  const head = HEAD.exec(text.trim())
  if (!head) return 'does not start with a project name'
  const [, , extras, rest] = head
  if (
    extras !== undefined &&
    extras.trim() !== '' &&
    extras.split(',').some(e => !NAME_ONLY.test(e.trim()))
  )
    return `[${extras}] is not a list of extras`
  const [spec, ...marker] = rest.split(';')
  if (marker.length > 0 && marker.join(';').trim() === '') return 'has an empty marker after ;'
  const version = spec.trim()
  if (version.startsWith('@')) return version.slice(1).trim() ? undefined : 'has no URL after @'
  const bare = version.startsWith('(') && version.endsWith(')') ? version.slice(1, -1) : version
  if (bare !== '' && !validRange(bare)) return `${JSON.stringify(bare)} is not a version specifier`
  return undefined
}

/** Refuses the first entry of `requirements` that is no requirement, naming `key`. */
export function checkRequirements(requirements: readonly string[], key: string): void {
  for (const requirement of requirements) {
    const problem = requirementProblem(requirement)
    if (problem) {
      throw new UserError(`is not a requirement: ${problem}`, {
        key,
        value: requirement,
        hint: 'write requirements as pip does, e.g. pytest>=8 "numpy[extra]==2.*"'
      })
    }
  }
}

/** test-extras: extra names, separated by commas (or spaces). */
export function checkExtras(text: string, key: string): void {
  for (const extra of text.split(/[\s,]+/).filter(Boolean)) {
    if (!NAME_ONLY.test(extra)) {
      throw new UserError('is not the name of an extra', {
        key,
        value: extra,
        hint: 'write extras as a comma-separated list, e.g. test,cli'
      })
    }
  }
}
