/** The job summary and the CLI table. */
import { describe, expect, test } from '@jest/globals'
import { markdownSummary, plainTable, type BuildRecord } from '../../src/report/summary.js'

const SHA = 'ab'.repeat(32)
const RECORD: BuildRecord = {
  identifier: 'cp312-manylinux_x86_64',
  wheel: 'spam-1.0-cp312-cp312-manylinux_2_17_x86_64.whl',
  size: 2048,
  sha256: SHA,
  seconds: 12.34,
  tested: 'yes'
}
const SDIST = { file: 'spam-1.0.tar.gz', size: 1000, sha256: 'cd'.repeat(32) }

describe('the job summary', () => {
  test('full sha256, the sdist row, totals and wall time', () => {
    const markdown = markdownSummary({ records: [RECORD], sdist: SDIST, failures: [], seconds: 20 })
    expect(markdown).toContain('### wheelwright: 1 wheel and the sdist in 20s')
    expect(markdown).toContain(
      `| cp312-manylinux_x86_64 | ${RECORD.wheel} | 2.0 kB | ${SHA} | 12.3 | yes |`
    )
    expect(markdown).toContain(`| sdist | spam-1.0.tar.gz | 1000 B | ${'cd'.repeat(32)} |  |  |`)
    expect(markdown).toContain(
      '**Total:** 1 wheel and the sdist, 3.0 kB; wall time 20s (the builds took 12.3s in all)'
    )
  })

  test('failed identifiers with their telling and last lines, also with no wheel', () => {
    const log = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n')
    const markdown = markdownSummary({
      records: [],
      failures: [
        {
          identifier: 'cp313-manylinux_x86_64',
          message: 'cp313-manylinux_x86_64: build failed: exit code 1',
          telling: ['a.c:1:1: error: ```boom'],
          log
        }
      ],
      seconds: 3
    })
    expect(markdown).toContain('### wheelwright: 0 wheels in 3s, 1 build failed')
    expect(markdown).not.toContain('| identifier |')
    expect(markdown).toContain('#### ✗ cp313-manylinux_x86_64')
    // A fence longer than any run of backticks in the text.
    expect(markdown).toContain('````\na.c:1:1: error: ```boom\n````')
    expect(markdown).toContain('line 10\n')
    expect(markdown).toContain('line 29\n')
    expect(markdown).not.toContain('line 9\n')
  })
})

describe('the CLI table', () => {
  test('a short sha256, the sdist row; nothing without rows', () => {
    const table = plainTable({ records: [RECORD], sdist: SDIST })
    expect(table.split('\n')[1]).toMatch(
      new RegExp(`^cp312-manylinux_x86_64 +spam.* ${SHA.slice(0, 16)} +12\\.3 +yes$`)
    )
    expect(table.split('\n')[2]).toMatch(/^sdist +spam-1\.0\.tar\.gz +1000 B +cdcdcdcdcdcdcdcd$/)
    expect(plainTable({ records: [] })).toBe('')
  })
})

describe('the compiler cache in the tables', () => {
  const cached: BuildRecord = {
    ...RECORD,
    compilerCache: { tool: 'sccache', hits: 40, misses: 1, savedSeconds: 22.4 }
  }
  const second: BuildRecord = {
    ...RECORD,
    identifier: 'cp313-manylinux_x86_64',
    compilerCache: { tool: 'sccache', hits: 1, misses: 0 }
  }

  test('a column before tested, per build, and the job total under the table', () => {
    const markdown = markdownSummary({
      records: [cached, second],
      sdist: SDIST,
      failures: [],
      seconds: 20
    })
    expect(markdown).toContain(
      '| identifier | wheel | size | sha256 | seconds | compiler cache | tested |'
    )
    expect(markdown).toContain(`| 12.3 | 40 hits, 1 miss, 22.4 s saved | yes |`)
    expect(markdown).toContain(`| 12.3 | 1 hit, 0 misses | yes |`)
    expect(markdown).toContain(`| sdist | spam-1.0.tar.gz | 1000 B | ${'cd'.repeat(32)} |  |  |  |`)
    expect(markdown).toContain('; compiler cache (sccache): 41 hits, 1 miss, 22.4 s saved')
    const table = plainTable({ records: [cached, second] })
    expect(table).toMatch(/^cp312-manylinux_x86_64 .* 40 hits, 1 miss, 22\.4 s saved {2}yes$/m)
    expect(table.trimEnd().split('\n').at(-1)).toBe(
      'compiler cache (sccache): 41 hits, 1 miss, 22.4 s saved'
    )
  })

  test('no column when no build ran with a cache', () => {
    expect(plainTable({ records: [RECORD] })).not.toContain('compiler cache')
  })
})
