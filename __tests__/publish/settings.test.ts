/** Whether a build run publishes, per publish mode and ref. */
import { describe, expect, test } from '@jest/globals'
import { shouldPublish } from '../../src/publish/settings.js'

describe('shouldPublish (build mode)', () => {
  test.each([
    ['false', 'refs/tags/v1.0', false],
    ['true', 'refs/heads/main', true],
    ['true', undefined, true],
    ['tag', 'refs/tags/v1.0', true],
    ['tag', 'refs/heads/main', false],
    ['tag', undefined, false]
  ] as const)('publish: %s on %j → %j', (mode, ref, expected) =>
    expect(shouldPublish(mode, ref)).toBe(expected)
  )
})
