/** What the platforms share: each build's share of the cores. */
import { describe, expect, test } from '@jest/globals'
import { coreShare } from '../../src/platforms/shared.js'

describe('core budgeting', () => {
  test.each([
    [1, 4, 4, 4],
    [2, 4, 4, 2],
    [4, 4, 4, 1],
    [8, 2, 2, 1],
    [4, 1, 2, 2]
  ])('parallel %i with %i builds on %i cores → %i each', (parallel, builds, cpus, share) => {
    expect(coreShare({ cpuCount: cpus } as never, parallel, builds)).toBe(share)
  })
})
