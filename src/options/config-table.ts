/**
 * The structure of `[tool.cibuildwheel]` and `[tool.wheelwright]`: unknown
 * keys (a warning with the nearest known key), platform tables, and the
 * `[[overrides]]` list with its inherit rules.
 */
import { UserError } from '../util/errors.js'
import { closest } from '../util/text.js'
import { PLATFORM_LIST } from '../platforms/index.js'
import type { InheritRule, Override } from './cascade.js'
import type { ProjectConfig, Table } from './pyproject.js'
import {
  OPTION_SPECS,
  PLATFORM_TABLES,
  SPECS_BY_NAME,
  STRUCTURAL_KEYS,
  WHEELWRIGHT_KEYS
} from './schema.js'

export function checkKnownKeys(project: ProjectConfig, warnings: string[]): void {
  const optionNames = OPTION_SPECS.map(s => s.name)
  const known = new Set([...optionNames, ...STRUCTURAL_KEYS])
  const report = (key: string, name: string, candidates: Iterable<string>) => {
    const suggestion = closest(name, candidates)
    warnings.push(
      `${key}: unknown option ${JSON.stringify(name)}, ignored` +
        (suggestion ? `. Did you mean ${JSON.stringify(suggestion)}?` : '')
    )
  }
  for (const name of Object.keys(project.cibuildwheel)) {
    if (!known.has(name)) report(`tool.cibuildwheel.${name}`, name, known)
  }
  for (const table of PLATFORM_TABLES) {
    const value = project.cibuildwheel[table]
    if (value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError('must be a table', {
        key: `tool.cibuildwheel.${table}`,
        value: String(value)
      })
    }
    for (const name of Object.keys(value as Table)) {
      if (!optionNames.includes(name))
        report(`tool.cibuildwheel.${table}.${name}`, name, optionNames)
      else {
        const owner = PLATFORM_LIST.find(p => p.ownOptions?.test(name))
        if (owner && owner.name !== table) {
          throw new UserError(`only applies to ${owner.name}`, {
            key: `tool.cibuildwheel.${table}.${name}`,
            hint: `move it to [tool.cibuildwheel.${owner.name}] or [tool.cibuildwheel]`
          })
        }
      }
    }
  }
  const ourKeys: readonly string[] = WHEELWRIGHT_KEYS
  for (const name of Object.keys(project.wheelwright)) {
    if (!ourKeys.includes(name)) report(`tool.wheelwright.${name}`, name, ourKeys)
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
      if (!SPECS_BY_NAME.has(name)) {
        const suggestion = closest(name, SPECS_BY_NAME.keys())
        throw new UserError('unknown option in override', {
          key: `${key}.${name}`,
          hint: suggestion ? `did you mean ${suggestion}?` : 'see the cibuildwheel options'
        })
      }
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
    return { select: selectText, inherit: rules, options }
  })
}
