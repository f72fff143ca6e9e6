/** Each build's share of the cores. */
import { describe, expect, test } from '@jest/globals'
import { coreBudgetEnv } from '../../src/steps/core-budget.js'

describe('core budgeting', () => {
  test('sets the build variables unless the user did', () => {
    expect(coreBudgetEnv(2, {}, '/w/p.cfg')).toEqual({
      MAKEFLAGS: '-j2',
      CMAKE_BUILD_PARALLEL_LEVEL: '2',
      DIST_EXTRA_CONFIG: '/w/p.cfg'
    })
    expect(coreBudgetEnv(2, { MAKEFLAGS: '-j8' }, '/w/p.cfg')).toEqual({
      CMAKE_BUILD_PARALLEL_LEVEL: '2',
      DIST_EXTRA_CONFIG: '/w/p.cfg'
    })
    expect(coreBudgetEnv(1, {}, '/w/p.cfg')).toEqual({})
  })
})
