/** UserError: its message, its kind, its place in a config file, its problems. */
import { describe, expect, test } from '@jest/globals'
import { EXIT, UserError } from '../../src/util/errors.js'

describe('UserError', () => {
  const error = new UserError('unknown build frontend', {
    key: 'build-frontend',
    value: 'nope',
    hint: 'use build or pip'
  })

  test('one message with key, value and hint; a configuration error by default', () => {
    expect(error.message).toBe(
      'build-frontend: unknown build frontend (got "nope"). Hint: use build or pip'
    )
    expect([error.kind, error.exitCode]).toEqual(['configuration', EXIT.configuration])
    expect(error.problems).toEqual([{ kind: 'configuration', message: error.message }])
  })

  test('at() and as() keep the message and the details', () => {
    const placed = error.at({ file: '/w/pyproject.toml', line: 4 }).as('publish')
    expect(placed.message).toBe(error.message)
    expect(placed.key).toBe('build-frontend')
    expect(placed.problems).toEqual([
      { kind: 'publish', message: error.message, location: { file: '/w/pyproject.toml', line: 4 } }
    ])
  })
})
