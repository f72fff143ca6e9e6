/**
 * Parsers of single option values: booleans, choices, whole numbers, version
 * ranges, enable groups and cibuildwheel's `name; key: value` strings. Each
 * error names the key and the value.
 */
import { satisfies as pep440Satisfies, validRange as pep440ValidRange } from '@renovatebot/pep440'
import semver from 'semver'
import { UserError } from '../util/errors.js'
import { closest, parseBoolean, words } from '../util/text.js'
import { ENABLE_GROUPS, type EnableGroup } from '../model/selector.js'

/** A value and the key it came from, for messages. */
export interface Keyed {
  readonly value?: string
  readonly key: string
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

export function booleanValue(value: string, key: string): boolean {
  const parsed = parseBoolean(value)
  if (parsed === undefined) {
    throw new UserError('takes true or false', {
      key,
      value,
      hint: 'write true or false (yes/no, on/off and 1/0 are read too)'
    })
  }
  return parsed
}

export function parseChoice({ value, key }: Keyed, choices: string[], fallback: string): string {
  if (value === undefined) return fallback
  if (choices.includes(value)) return value
  const asBoolean = parseBoolean(value)
  if (asBoolean !== undefined && choices.includes(String(asBoolean))) return String(asBoolean)
  throw new UserError('is not one of the accepted values', {
    key,
    value,
    hint: `use ${choices.join(', ')}`
  })
}

/** `compiler-cache`: one of its modes; a false boolean (`false`, `no`) reads as `off`. */
export function parseCompilerCache(keyed: Keyed, modes: readonly string[]): string {
  if (keyed.value !== undefined && parseBoolean(keyed.value) === false) return 'off'
  return parseChoice(keyed, [...modes], 'auto')
}

export function parseParallel({ value, key }: Keyed, cpus: number): number {
  if (value === undefined || value === 'auto') return Math.max(1, cpus)
  return positiveInt({ value, key }, 1)
}

export function positiveInt({ value, key }: Keyed, fallback: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UserError('must be a positive whole number', { key, value, hint: 'for example 2' })
  }
  return Number(value)
}

export function parseEnable(value: string, key: string): Set<EnableGroup> {
  const result = new Set<EnableGroup>()
  for (const word of words(value)) {
    if (word === 'all') return new Set(ENABLE_GROUPS)
    if (!(ENABLE_GROUPS as readonly string[]).includes(word)) {
      const suggestion = closest(word, ENABLE_GROUPS)
      throw new UserError('unknown enable group', {
        key,
        value: word,
        hint: suggestion
          ? `did you mean ${suggestion}?`
          : `valid groups are ${ENABLE_GROUPS.join(', ')}, or all`
      })
    }
    result.add(word as EnableGroup)
  }
  return result
}

export function pep440Range({
  text,
  key
}: {
  text: string
  key: string
}): (version: string) => boolean {
  if (!pep440ValidRange(text)) {
    throw new UserError('is not a valid version specifier', {
      key,
      value: text,
      hint: 'use PEP 440 syntax such as ">=3.9" or ">=3.10,<3.14"'
    })
  }
  return version => pep440Satisfies(version, text)
}

/**
 * `python-versions`: a PEP 440 specifier set, as Python users write it
 * (`>=3.10`, `~=3.11`, `>=3.10,<3.13`, `==3.12.*`); the npm-style ranges of
 * earlier releases (`3.10 - 3.13`, `^3.10`) are still read.
 */
export function pythonVersionsRange(text: string, key: string): (version: string) => boolean {
  if (pep440ValidRange(text)) return version => pep440Satisfies(version, text)
  const range = /^[\d.\s<>=^~|x*-]+$/.test(text) ? semver.validRange(text, { loose: false }) : null
  if (range === null) {
    throw new UserError('is not a valid version specifier', {
      key,
      value: text,
      hint: 'use PEP 440 syntax such as ">=3.10", "~=3.11" or ">=3.10,<3.13"'
    })
  }
  return version => semver.satisfies(semver.coerce(version) ?? version, range)
}

/** A whole number from `min` to `max`, or undefined when not given. */
export function integerInRange(
  { value, key }: Keyed,
  min: number,
  max: number,
  hint: string
): number | undefined {
  const text = nonEmpty(value)
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UserError(`must be a whole number from ${min} to ${max}`, { key, value: text, hint })
  }
  return Number(text)
}
