/** A build's kept log: whole up to its bound, then its last lines and a note. */
import { expect, test } from '@jest/globals'
import { KeptLines } from '../../src/report/kept-lines.js'

test.each<[string, number, string[], string]>([
  ['nothing', 100, [], ''],
  ['under the bound', 100, ['a', 'b'], 'a\nb\n'],
  ['exactly the bound', 4, ['a', 'b'], 'a\nb\n'],
  [
    'over the bound: the last lines',
    4,
    ['a', 'b', 'c'],
    '… 1 earlier lines left out (the log keeps its last 4 characters) …\nb\nc\n'
  ],
  ['one line longer than the bound is kept', 2, ['long line'], 'long line\n']
])('%s', (_name, limit, lines, text) => {
  const kept = new KeptLines(limit)
  kept.push(...lines)
  expect(kept.text()).toBe(text)
})

test('a million lines keep only the bound, and the last line', () => {
  const kept = new KeptLines(1024 * 1024)
  for (let i = 0; i < 1_000_000; i++) kept.push(`line ${i} of the build output`)
  const text = kept.text()
  expect(text.length).toBeLessThanOrEqual(1024 * 1024 + 100)
  expect(text).toMatch(/^… \d+ earlier lines left out \(the log keeps its last 1 MiB\) …\n/)
  expect(text.endsWith('line 999999 of the build output\n')).toBe(true)
})
