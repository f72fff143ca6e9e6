/** The process runner: cmd command lines on Windows. */
import { describe, expect, test } from '@jest/globals'
import { windowsCommandLine } from '../../src/util/exec.js'

describe('windowsCommandLine', () => {
  test.each([
    [
      ['cmd', '/d', '/s', '/c', 'delvewheel repair -w "%D%" "%W%"'],
      ['/d', '/s', '/c', '"delvewheel repair -w "%D%" "%W%""']
    ],
    [
      ['cmd.exe', '/d', '/s', '/c', '"C:\\VS\\vcvarsall.bat" x64 && set'],
      ['/d', '/s', '/c', '""C:\\VS\\vcvarsall.bat" x64 && set"']
    ],
    [['python', '-c', 'print(1)'], undefined],
    [['cmd', '/d'], undefined]
  ])('cmd command lines reach cmd verbatim: %j', (argv, expected) => {
    expect(windowsCommandLine(argv)).toEqual(expected)
  })
})
