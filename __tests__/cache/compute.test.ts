/** The build variables that enter a wheel cache key. */
import { describe, expect, test } from '@jest/globals'
import { buildVariables } from '../../src/cache/compute.js'

describe('build variables', () => {
  test('build variables are picked from an environment; caches and SOURCE_DATE_EPOCH excluded (a new commit that changes nothing is a hit)', () => {
    expect(
      buildVariables({
        PATH: '/bin',
        CFLAGS: '-O2',
        PIP_CACHE_DIR: '/c',
        PIP_INDEX_URL: 'x',
        HOME: '/h',
        SOURCE_DATE_EPOCH: '1700000000'
      })
    ).toEqual({
      CFLAGS: '-O2',
      PIP_INDEX_URL: 'x'
    })
  })
})
