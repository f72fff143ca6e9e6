/** Colour and terminal detection: NO_COLOR, FORCE_COLOR, a TTY, the Actions log. */
import { describe, expect, test } from '@jest/globals'
import { detectTerminal, paintFor } from '../../src/report/terminal.js'

describe('colour', () => {
  test.each([
    ['a terminal', {}, true, true],
    ['a pipe', {}, false, false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR is not set', { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR in a pipe', { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, false],
    ['NO_COLOR wins over FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    ['the GitHub Actions log renders ANSI', { GITHUB_ACTIONS: 'true' }, false, true],
    ['TERM=dumb is no terminal', { TERM: 'dumb' }, true, false]
  ])('%s', (_name, env, isTTY, color) => {
    const terminal = detectTerminal(env, { isTTY, columns: 120 })
    expect(terminal.color).toBe(color)
    expect(paintFor(terminal).green('✓')).toBe(color ? '\u001b[32m✓\u001b[39m' : '✓')
  })

  test('a terminal redraws; its width is kept, 80 when unknown', () => {
    expect(detectTerminal({}, { isTTY: true, columns: 132 })).toEqual({
      color: true,
      tty: true,
      columns: 132
    })
    expect(detectTerminal({})).toEqual({ color: false, tty: false, columns: 80 })
  })
})
