/**
 * The structure of `[tool.cibuildwheel]` and `[tool.wheelwright]`: unknown
 * keys (an error with the nearest known key), value shapes, platform tables, and the
 * `[[overrides]]` list with its inherit rules.
 */
import { UserError } from '../util/errors.js'
import { closest } from '../util/text.js'
import { expandPatterns } from '../model/selector.js'
import { platformList } from '../platforms/index.js'
import { optionText, type InheritRule, type Override } from './cascade.js'
import type { ProjectConfig, Table } from './pyproject.js'
import {
  OPTION_SPECS,
  PLATFORM_TABLES,
  SPECS_BY_NAME,
  STRUCTURAL_KEYS,
  WHEELWRIGHT_KEYS
} from './schema.js'

/**
 * Every key of `[tool.cibuildwheel]` (its platform tables included) and of
 * `[tool.wheelwright]` is known and of a shape its option takes, whether or
 * not an input overrides it in this run. An unknown key is refused, as
 * cibuildwheel refuses it ("not supported in a config file").
 */
export function checkConfigTables(project: ProjectConfig): void {
  const optionNames = OPTION_SPECS.map(s => s.name)
  const known = new Set([...optionNames, ...STRUCTURAL_KEYS])
  const unknown = (key: string, name: string, candidates: Iterable<string>) => {
    const suggestion = closest(name, candidates)
    return new UserError('is not an option', {
      key,
      hint: suggestion ? `did you mean ${suggestion}?` : 'see the list of options in the README'
    })
  }
  const check = (table: Table, prefix: string, names: Set<string>) => {
    for (const [name, value] of Object.entries(table)) {
      const key = `${prefix}.${name}`
      if (!names.has(name)) throw unknown(key, name, names)
      const spec = SPECS_BY_NAME.get(name)
      if (spec) optionText(value, spec, key)
    }
  }
  const global: Table = { ...project.cibuildwheel }
  for (const table of ['overrides', ...PLATFORM_TABLES]) delete global[table]
  check(global, 'tool.cibuildwheel', known)
  for (const table of PLATFORM_TABLES) {
    const value = project.cibuildwheel[table]
    if (value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError('must be a table', {
        key: `tool.cibuildwheel.${table}`,
        value: String(value)
      })
    }
    check(value as Table, `tool.cibuildwheel.${table}`, new Set(optionNames))
    for (const name of Object.keys(value as Table)) {
      const owner = platformList().find(p => p.options.own?.test(name))
      if (owner && owner.name !== table) {
        throw new UserError(`only applies to ${owner.name}`, {
          key: `tool.cibuildwheel.${table}.${name}`,
          hint: `move it to [tool.cibuildwheel.${owner.name}] or [tool.cibuildwheel]`
        })
      }
    }
  }
  for (const name of ['name', 'version', 'requires-python']) {
    const value = project.project[name]
    if (value !== undefined && typeof value !== 'string') {
      throw new UserError('must be a string', {
        key: `project.${name}`,
        value: JSON.stringify(value),
        ...(name === 'requires-python' ? { hint: 'write a specifier such as ">=3.9"' } : {})
      })
    }
  }
  const ourKeys = new Set<string>(WHEELWRIGHT_KEYS)
  for (const [name, value] of Object.entries(project.wheelwright)) {
    const key = `tool.wheelwright.${name}`
    if (!ourKeys.has(name)) throw unknown(key, name, ourKeys)
    if (typeof value === 'object') {
      throw new UserError('must be a string, number or boolean', {
        key,
        value: JSON.stringify(value)
      })
    }
  }
}

const NOT_OVERRIDABLE: readonly string[] = [
  'build',
  'skip',
  'test-skip',
  'archs',
  'enable',
  'output-dir'
]

export function parseOverrides(config: Table): Override[] {
  const raw = config.overrides
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    throw new UserError('must be an array of tables', {
      key: 'tool.cibuildwheel.overrides',
      hint: 'write each override as [[tool.cibuildwheel.overrides]]'
    })
  }
  return raw.map((entry, index) => {
    const key = `tool.cibuildwheel.overrides[${index}]`
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new UserError('must be a table', { key })
    }
    const { select, inherit = {}, ...options } = entry as Table
    const selectText = Array.isArray(select) ? select.map(String).join(' ') : select
    if (typeof selectText !== 'string' || selectText.trim() === '') {
      throw new UserError('needs a select pattern', {
        key: `${key}.select`,
        hint: 'add select = "cp312-*" (or a list of patterns)'
      })
    }
    for (const name of Object.keys(options)) {
      if (NOT_OVERRIDABLE.includes(name)) {
        throw new UserError('cannot be overridden per identifier', {
          key: `${key}.${name}`,
          hint: 'set it in [tool.cibuildwheel] instead'
        })
      }
      const spec = SPECS_BY_NAME.get(name)
      if (!spec) {
        const suggestion = closest(name, SPECS_BY_NAME.keys())
        throw new UserError('unknown option in override', {
          key: `${key}.${name}`,
          hint: suggestion ? `did you mean ${suggestion}?` : 'see the cibuildwheel options'
        })
      }
      optionText(options[name], spec, `${key}.${name}`)
    }
    const rules: Record<string, InheritRule> = {}
    for (const [name, rule] of Object.entries(inherit as Table)) {
      if (rule !== 'none' && rule !== 'append' && rule !== 'prepend') {
        throw new UserError('is not an inherit rule', {
          key: `${key}.inherit.${name}`,
          value: String(rule),
          hint: 'use none, append or prepend'
        })
      }
      rules[name] = rule
    }
    expandPatterns(selectText, `${key}.select`)
    return { select: selectText, inherit: rules, options }
  })
}
