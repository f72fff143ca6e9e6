/**
 * Build selectors with cibuildwheel's semantics: whitespace-separated patterns,
 * shell brace expansion (brace-expansion, which agrees with Python's bracex on
 * lists, nesting and numeric ranges), then Python `fnmatch` matching.
 */
import { expand } from 'brace-expansion'
import { UserError } from '../util/errors.js'
import { words } from '../util/text.js'

/**
 * How many patterns one selector word may expand to: bracex's limit, which
 * cibuildwheel keeps (bracex.expand's default). brace-expansion would cut the
 * list short without a word instead.
 */
export const EXPANSION_LIMIT = 1000

/**
 * Python's `fnmatch.translate`: `*` matches anything (including `/` and `-`),
 * `?` one character, `[seq]` / `[!seq]` a set. Written here because glob
 * libraries (minimatch, picomatch) treat `/` and dotfiles specially, which
 * fnmatch does not. Case-sensitive, as on a Linux or macOS host.
 */
export function fnmatchRegExp(pattern: string): RegExp {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*') out += '.*'
    else if (c === '?') out += '.'
    else if (c === '[') {
      let j = i + 1
      if (pattern[j] === '!') j++
      if (pattern[j] === ']') j++
      while (j < pattern.length && pattern[j] !== ']') j++
      if (j >= pattern.length) {
        out += '\\['
      } else {
        let body = pattern.slice(i + 1, j).replace(/\\/g, '\\\\')
        if (body.startsWith('!')) body = '^' + body.slice(1)
        else if (body.startsWith('^')) body = '\\' + body
        out += `[${body}]`
        i = j
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
  }
  return new RegExp(`^(?:${out})$`, 's')
}

export function fnmatch(value: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(value)
}

/** Each word's brace expansion; a word of more than EXPANSION_LIMIT is an error naming `key`. */
export function expandPatterns(patterns: string, key = 'selector'): string[] {
  return words(patterns).flatMap(pattern => {
    const expanded = expand(pattern, { max: EXPANSION_LIMIT + 1 })
    if (expanded.length > EXPANSION_LIMIT) {
      throw new UserError(`expands to more than ${EXPANSION_LIMIT} patterns`, {
        key,
        value: pattern,
        hint: `cibuildwheel (bracex) refuses more than ${EXPANSION_LIMIT} too; use fewer or shorter brace groups, or * and ?`
      })
    }
    return expanded
  })
}

/** True when any of the space-separated, brace-expanded patterns matches. */
export function selectorMatches(patterns: string, value: string): boolean {
  return expandPatterns(patterns).some(pattern => fnmatch(value, pattern))
}

export const ENABLE_GROUPS = [
  'cpython-prerelease',
  'graalpy',
  'pypy',
  'pypy-eol',
  'pyodide-eol',
  'pyodide-prerelease'
] as const
export type EnableGroup = (typeof ENABLE_GROUPS)[number]

/** The enable group an identifier needs, if any (cibuildwheel's rules). */
export function requiredGroup(identifier: string): EnableGroup | undefined {
  if (fnmatch(identifier, 'cp316*')) return 'cpython-prerelease'
  if (fnmatch(identifier, 'pp3?-*') || fnmatch(identifier, 'pp310-*')) return 'pypy-eol'
  if (fnmatch(identifier, 'pp*')) return 'pypy'
  if (fnmatch(identifier, 'gp*')) return 'graalpy'
  if (fnmatch(identifier, 'cp312-pyodide_*')) return 'pyodide-eol'
  return undefined
}

/** `cp312-…` → `3.12`; `cp314t` → `3.14`; `gp312_250` → `3.12`. */
export function pythonVersionOf(identifier: string): { major: number; minor: number } {
  const tag = identifier.split('-')[0].split('_')[0].replace(/t$/, '')
  return { major: Number(tag[2]), minor: Number(tag.slice(3)) }
}

export interface BuildSelectorConfig {
  readonly build: string
  readonly skip: string
  readonly enable: ReadonlySet<EnableGroup>
  /** Called with `X.Y.99`, as cibuildwheel checks `requires-python`. */
  readonly requiresPython?: (version: string) => boolean
  /** Our `python-versions` range, ANDed with the rest. */
  readonly pythonVersions?: (version: string) => boolean
}

export function isSelected(config: BuildSelectorConfig, identifier: string): boolean {
  const { major, minor } = pythonVersionOf(identifier)
  const version = `${major}.${minor}.99`
  if (config.requiresPython && !config.requiresPython(version)) return false
  if (config.pythonVersions && !config.pythonVersions(version)) return false
  const group = requiredGroup(identifier)
  if (group && !config.enable.has(group)) return false
  return selectorMatches(config.build, identifier) && !selectorMatches(config.skip, identifier)
}
