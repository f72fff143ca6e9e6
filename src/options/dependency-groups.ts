/**
 * `test-groups`: PEP 735 dependency groups of pyproject.toml, resolved to the
 * requirements they hold (`{include-group = "..."}` followed, cycles refused).
 */
import { UserError } from '../util/errors.js'
import type { Table } from './pyproject.js'

export function dependencyGroupRequirements(
  groups: Table,
  names: readonly string[],
  key = 'test-groups'
): string[] {
  const normal = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-')
  const byName = new Map(Object.entries(groups).map(([name, value]) => [normal(name), value]))
  const resolve = (name: string, seen: readonly string[]): string[] => {
    const id = normal(name)
    if (seen.includes(id)) {
      throw new UserError(`dependency group ${name} includes itself`, {
        key,
        value: [...seen, id].join(' → '),
        hint: 'remove the include-group cycle in [dependency-groups]'
      })
    }
    const entries = byName.get(id)
    if (entries === undefined) {
      throw new UserError(`names no dependency group of pyproject.toml`, {
        key,
        value: name,
        hint: `groups are ${[...byName.keys()].join(', ') || '(none)'}; define it under [dependency-groups]`
      })
    }
    if (!Array.isArray(entries)) {
      throw new UserError('must be a list', {
        key: `dependency-groups.${name}`,
        value: String(entries)
      })
    }
    return entries.flatMap(entry => {
      if (typeof entry === 'string') return [entry]
      const include = (entry as Table | null)?.['include-group']
      if (typeof include === 'string') return resolve(include, [...seen, id])
      throw new UserError('holds an entry that is neither a requirement nor an include-group', {
        key: `dependency-groups.${name}`,
        value: JSON.stringify(entry)
      })
    })
  }
  return names.flatMap(name => resolve(name, []))
}
