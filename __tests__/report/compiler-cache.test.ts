/** The compiler cache in the results: counts, time saved, the job's totals and the one warning. */
import { describe, expect, test } from '@jest/globals'
import {
  countsOf,
  countsText,
  jobCounts,
  jobMissSeconds,
  offWarning,
  withCompilerCache
} from '../../src/report/compiler-cache.js'
import type { CompilerCacheOutcome } from '../../src/model/compiler-cache.js'

describe('counts and time saved', () => {
  const a = { tool: 'sccache' as const, hits: 0, misses: 4, missSeconds: 0.5 }
  const b = { tool: 'sccache' as const, hits: 6, misses: 0 }
  const c = { tool: 'sccache' as const, hits: 3, misses: 1, missSeconds: 1 }

  test('a hit saves the build own average miss, else the job average (weighted by misses)', () => {
    const average = jobMissSeconds([a, b, c, { off: 'x' }, undefined])
    expect(average).toBeCloseTo((4 * 0.5 + 1) / 5)
    expect(countsOf(b, average)).toEqual({ tool: 'sccache', hits: 6, misses: 0, savedSeconds: 3.6 })
    expect(countsOf(c, average)).toEqual({ tool: 'sccache', hits: 3, misses: 1, savedSeconds: 3 })
    expect(countsOf({ off: 'x' }, average)).toBeUndefined()
    expect(countsOf(b, undefined)).toEqual({ tool: 'sccache', hits: 6, misses: 0 })
  })

  test('job totals add up; none without a counted build', () => {
    expect(
      jobCounts([
        { tool: 'sccache', hits: 1, misses: 2, savedSeconds: 0.5 },
        undefined,
        { tool: 'sccache', hits: 3, misses: 0, savedSeconds: 1.5 }
      ])
    ).toEqual({ tool: 'sccache', hits: 4, misses: 2, savedSeconds: 2 })
    expect(jobCounts([undefined])).toBeUndefined()
  })

  test('one warning names every build without a cache and each reason once', () => {
    expect(offWarning([])).toBeUndefined()
    expect(
      offWarning([
        { identifier: 'cp312-x', reason: 'no sccache' },
        { identifier: 'cp313-x', reason: 'no sccache' }
      ])
    ).toBe('compiler cache off for cp312-x, cp313-x (the builds went on without it): no sccache')
  })
})

describe('countsText', () => {
  test.each([
    [
      { tool: 'sccache', hits: 40, misses: 1, savedSeconds: 22.44 },
      '40 hits, 1 miss, 22.4 s saved'
    ],
    [{ tool: 'sccache', hits: 1, misses: 2 }, '1 hit, 2 misses'],
    [{ tool: 'sccache', hits: 0, misses: 5, savedSeconds: 0 }, '0 hits, 5 misses'],
    [{ tool: 'ccache', hits: 0, misses: 1 }, '0 hits, 1 miss']
  ])('%j → %s', (counts, text) => expect(countsText(counts)).toBe(text))
})

describe('withCompilerCache', () => {
  const recorded = () => {
    const events: Record<string, unknown>[] = []
    const warnings: string[] = []
    return {
      events,
      warnings,
      reporter: {
        event: (e: Record<string, unknown>) => void events.push(e),
        warning: (w: string) => void warnings.push(w)
      }
    }
  }

  test('each record gets its counts, the job its totals as one event, the builds without a cache one warning', () => {
    const outcomes = new Map<string, CompilerCacheOutcome>([
      ['cp312-x', { tool: 'sccache', hits: 0, misses: 2, missSeconds: 1 }],
      ['cp313-x', { tool: 'sccache', hits: 2, misses: 0 }],
      ['cp39-x', { off: 'no sccache' }]
    ])
    const { events, warnings, reporter } = recorded()
    const records = withCompilerCache(
      [{ identifier: 'cp312-x' }, { identifier: 'cp313-x' }, { identifier: 'cp39-x' }],
      outcomes,
      reporter as never
    )
    expect(records).toEqual([
      {
        identifier: 'cp312-x',
        compilerCache: { tool: 'sccache', hits: 0, misses: 2, savedSeconds: 0 }
      },
      {
        identifier: 'cp313-x',
        compilerCache: { tool: 'sccache', hits: 2, misses: 0, savedSeconds: 2 }
      },
      { identifier: 'cp39-x' }
    ])
    expect(events).toEqual([
      { event: 'compiler-cache', tool: 'sccache', hits: 2, misses: 2, savedSeconds: 2 }
    ])
    expect(warnings).toEqual([
      'compiler cache off for cp39-x (the builds went on without it): no sccache'
    ])
  })

  test('no outcome: the records as they were, no event and no warning', () => {
    const { events, warnings, reporter } = recorded()
    expect(withCompilerCache([{ identifier: 'a' }], new Map(), reporter as never)).toEqual([
      { identifier: 'a' }
    ])
    expect([events, warnings]).toEqual([[], []])
  })
})
