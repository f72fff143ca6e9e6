/** Text helpers: suggestions for typos. */
import { describe, expect, test } from '@jest/globals'
import { closest } from '../../src/util/text.js'

describe('text helpers', () => {
  test('closest suggests typos only', () => {
    expect(closest('test-comand', ['test-command', 'build'])).toBe('test-command')
    expect(closest('xyz', ['test-command', 'build'])).toBeUndefined()
  })
})
