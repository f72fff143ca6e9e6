/** The CLI's stdout without the ::debug:: lines of @actions/* libraries. */
import { describe, expect, test } from '@jest/globals'
import { hideDebugCommands, withoutDebugCommands } from '../../src/report/debug-filter.js'

function fakeStream() {
  const written: unknown[] = []
  const stream = {
    write(chunk: unknown, ...rest: unknown[]) {
      // `this` must still be the stream.
      expect(this).toBe(stream)
      written.push(chunk)
      if (typeof rest.at(-1) === 'function') (rest.at(-1) as () => void)()
      return true
    }
  } as unknown as NodeJS.WriteStream
  return { stream, written }
}

describe('withoutDebugCommands', () => {
  test.each<[string, unknown, boolean]>([
    ['a ::debug:: line is dropped', '::debug::tool-cache: found python 3.12\n', false],
    ['a result line passes', 'cp312-manylinux_x86_64\n', true],
    ['::debug:: inside a line passes', 'see ::debug::\n', true],
    ['another workflow command passes', '::warning::something\n', true],
    ['bytes pass as they are', Buffer.from('::debug::bytes\n'), true]
  ])('%s', (_name, chunk, passes) => {
    const { stream, written } = fakeStream()
    const write = withoutDebugCommands(stream.write, stream)
    expect(write.call(stream, chunk as string)).toBe(true)
    expect(written).toEqual(passes ? [chunk] : [])
  })

  test('the encoding and callback reach the stream', () => {
    const { stream, written } = fakeStream()
    let called = false
    withoutDebugCommands(stream.write, stream)('text', 'utf8', () => (called = true))
    expect(written).toEqual(['text'])
    expect(called).toBe(true)
  })
})

test('hideDebugCommands replaces the stream write once', () => {
  const { stream, written } = fakeStream()
  hideDebugCommands(stream)
  stream.write('::debug::x\n')
  stream.write('kept\n')
  expect(written).toEqual(['kept\n'])
})
