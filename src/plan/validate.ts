/**
 * Selector validation as cibuildwheel's preamble does it: a `build` pattern
 * that matches no enabled identifier on any platform is an error; a `skip` or
 * `test-skip` pattern that matches nothing is only a warning.
 */
import { EXIT, UserError } from '../util/errors.js'
import { words } from '../util/text.js'
import { allKnownIdentifiers } from './identifiers.js'
import { requiredGroup, selectorMatches, type EnableGroup } from '../model/selector.js'

const LEGACY: readonly { test: RegExp; text: string }[] = [
  { test: /p2|p35|p36|p37|p38/, text: 'Python < 3.9 is not supported' },
  { test: /cp313t/, text: 'CPython 3.13 free-threading is not supported' }
]

export function validateSelectors(
  selectors: { build: string; skip: string; testSkip: string; enable: ReadonlySet<EnableGroup> },
  buildKey = 'build'
): string[] {
  const valid = allKnownIdentifiers()
  const enabled = valid.filter(id => {
    const group = requiredGroup(id)
    return !group || selectors.enable.has(group)
  })
  const warnings: string[] = []
  const check = (name: 'build' | 'skip' | 'test-skip', value: string) => {
    for (const pattern of words(value)) {
      let effective = pattern
      if (name === 'test-skip' && pattern.split(':').length === 2) effective = pattern.split(':')[0]
      if (enabled.some(id => selectorMatches(effective, id))) continue
      const hints: string[] = []
      if (valid.some(id => selectorMatches(effective, id))) {
        hints.push(
          'it matches a group that is not enabled; add it to `enable` or remove the pattern'
        )
      }
      const legacy = LEGACY.filter(l => l.test.test(effective))
      hints.push(...legacy.map(l => l.text))
      if (name === 'build') {
        throw new UserError('selector matches no identifier', {
          key: buildKey,
          value: pattern,
          exitCode: legacy.length > 0 ? EXIT.deprecated : EXIT.configuration,
          hint:
            hints.join('; ') ||
            'see `wheelwright plan --print-identifiers --archs all` for valid identifiers'
        })
      }
      warnings.push(
        `${name}: selector ${JSON.stringify(pattern)} matches no identifier and has no effect` +
          (hints.length ? ` (${hints.join('; ')})` : '')
      )
    }
  }
  check('build', selectors.build)
  check('skip', selectors.skip)
  check('test-skip', selectors.testSkip)
  return warnings
}
