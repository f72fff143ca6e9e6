/**
 * The option cascade, lowest level first: built-in defaults → `[tool.cibuildwheel]`
 * → its platform table → matching `[[overrides]]` → `CIBW_<NAME>` →
 * `CIBW_<NAME>_<PLATFORM>` → action inputs / CLI flags. Each level either
 * replaces the value below it or, with an `inherit` rule, appends/prepends.
 */
import { UserError } from '../util/errors.js'
import { split as shlexSplit } from '../util/shlex.js'
import { envName, type Env } from '../model/env.js'
import { FormatError, stringify, type OptionFormat, type OptionSpec } from './schema.js'
import type { Table } from './pyproject.js'
import { selectorMatches } from '../model/selector.js'

export type InheritRule = 'none' | 'append' | 'prepend'

export interface Override {
  readonly select: string
  readonly inherit: Readonly<Record<string, InheritRule>>
  readonly options: Table
}

export interface CascadeSources {
  readonly platform: string
  /** The platform's own built-in values (Platform.optionDefaults). */
  readonly platformDefaults: Readonly<Record<string, string>>
  readonly config: Table
  readonly overrides: readonly Override[]
  readonly env: Env
  /** Explicit inputs or flags, by option name; only those the user set. */
  readonly inputs: ReadonlyMap<string, string>
}

interface Level {
  value: unknown
  rule: InheritRule
  /** Where the value came from, as messages name it. */
  source: string
  /** For a value of the config file, its dotted path there (overrides by index). */
  path?: string
}

function levelsOf(spec: OptionSpec, sources: CascadeSources, identifier?: string): Level[] {
  const { platform, config, env } = sources
  const platformTable = (config[platform] ?? {}) as Table
  const levels: Level[] = [
    { value: spec.defaults.all, rule: 'none', source: 'default' },
    { value: sources.platformDefaults[spec.name], rule: 'none', source: 'default' },
    { value: config[spec.name], rule: 'none', source: `tool.cibuildwheel.${spec.name}` },
    {
      value: platformTable[spec.name],
      rule: 'none',
      source: `tool.cibuildwheel.${platform}.${spec.name}`
    }
  ]
  if (identifier !== undefined && !spec.global) {
    sources.overrides.forEach((override, index) => {
      if (!selectorMatches(override.select, identifier)) return
      levels.push({
        value: override.options[spec.name],
        rule: override.inherit[spec.name] ?? 'none',
        source: `tool.cibuildwheel.overrides[select=${override.select}].${spec.name}`,
        path: `tool.cibuildwheel.overrides[${index}].${spec.name}`
      })
    })
  }
  const envRule: InheritRule = spec.name === 'enable' ? 'append' : 'none'
  levels.push({ value: env[envName(spec.name)], rule: envRule, source: envName(spec.name) })
  if (spec.envPlatform) {
    const name = envName(spec.name, platform)
    levels.push({ value: env[name], rule: envRule, source: name })
  }
  levels.push({ value: sources.inputs.get(spec.name), rule: 'none', source: spec.name })
  return levels
}

/** Where the option's value was last set: its dotted path in the config file, or its source. */
export function optionSourcePath(
  spec: OptionSpec,
  sources: CascadeSources,
  identifier?: string,
  badValue?: string
): string | undefined {
  const set = levelsOf(spec, sources, identifier).filter(
    l => l.value !== undefined && l.value !== null && l.value !== ''
  )
  // Levels that add up (enable): the one that holds the bad value, not merely the last.
  const holding = badValue ? set.filter(l => JSON.stringify(l.value).includes(badValue)) : []
  const last = (holding.length > 0 ? holding : set).at(-1)
  return last && (last.path ?? last.source)
}

/** A config value as the option's text; a value of a shape the option does not take is refused. */
export function optionText(value: unknown, spec: OptionSpec, source: string): string {
  try {
    return stringify(value, spec.format, source)
  } catch (error) {
    if (error instanceof FormatError) {
      throw new UserError(`cannot take ${error.got}`, {
        key: source,
        value: JSON.stringify(value),
        hint: `see the cibuildwheel documentation of ${spec.name}`
      })
    }
    throw error
  }
}

export function resolveOption(
  spec: OptionSpec,
  sources: CascadeSources,
  identifier?: string
): string {
  const levels = levelsOf(spec, sources, identifier)
  let result: string | undefined
  for (const { value, rule, source } of levels) {
    if (value === undefined || value === null) continue
    const text = optionText(value, spec, source)
    if (spec.ignoreEmpty && text === '') continue
    result =
      result === undefined || rule === 'none' ? text : merge(result, text, rule, spec, source)
  }
  return result ?? ''
}

function merge(
  before: string,
  after: string,
  rule: InheritRule,
  spec: OptionSpec,
  source: string
): string {
  const [first, second] = rule === 'append' ? [before, after] : [after, before]
  const format: OptionFormat = spec.format
  switch (format.kind) {
    case 'list':
      return !first ? second : !second ? first : `${first}${format.sep}${second}`
    case 'env-table':
      return !first ? second : !second ? first : `${first} ${second}`
    case 'shlex-table': {
      if (!format.mergeable) {
        throw new UserError('does not support inheritance', {
          key: source,
          hint: 'remove the inherit rule for this option'
        })
      }
      const table = (text: string) =>
        new Map(
          shlexSplit(text, source).map(pair => {
            const at = pair.indexOf(format.pairSep)
            return [pair.slice(0, at), pair.slice(at + 1)] as const
          })
        )
      // The second table wins on shared keys: with append the new value replaces
      // existing keys; with prepend it only adds keys that are not set yet.
      const merged = new Map([...table(first), ...table(second)])
      return stringify(Object.fromEntries(merged), format, source)
    }
    case 'scalar':
      throw new UserError('does not support inheritance', {
        key: source,
        hint: 'remove the inherit rule for this option'
      })
  }
}
