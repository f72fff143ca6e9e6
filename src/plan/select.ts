/** The identifiers a command works on, from resolved options. */
import type { Options } from '../model/options.js'
import { UserError } from '../util/errors.js'
import { selectConfigurations, type PythonConfiguration } from './identifiers.js'
import { buildMatrix } from './matrix.js'

/** Exactly what `cibuildwheel --print-build-identifiers` would list. */
export function selectedConfigurations(options: Options): PythonConfiguration[] {
  return selectConfigurations(options.platform, options.archs, options.selector, options.runner)
}

/** The configurations of one job: all of them, or those of `group`. */
export function jobConfigurations(options: Options): PythonConfiguration[] {
  const all = selectedConfigurations(options)
  if (!options.group) return all
  const matrix = buildMatrix(all, options.maxPerJob)
  const entry = matrix.find(e => e.group === options.group)
  if (!entry) {
    throw new UserError('names no group of the plan', {
      key: 'group',
      value: options.group,
      hint: `groups are ${matrix.map(e => e.group).join(', ') || '(none)'}; pass the same options as the plan job`
    })
  }
  return all.filter(c => entry.identifiers.includes(c.identifier))
}
