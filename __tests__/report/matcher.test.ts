/** The problem matcher's patterns, and diagnostics rewritten to workspace paths. */
import { describe, expect, test } from '@jest/globals'
import {
  addMatcherCommand,
  DIAGNOSTICS,
  MATCHER_OWNERS,
  removeMatcherCommands,
  type SourceRoot,
  sourcePathRewriter
} from '../../src/report/matcher.js'
import fs from 'node:fs'
import { tempDir } from '../helpers/tools.js'

describe('the patterns', () => {
  test.each([
    ['gcc', 'broken.c:5:12: error: ‘x’ undeclared', ['broken.c', '5', '12', '‘x’ undeclared']],
    ['clang, no column', 'src/a.c:3: error: boom', ['src/a.c', '3', undefined, 'boom']],
    [
      'fatal',
      'a.c:1:10: fatal error: Python.h: No such file or directory',
      ['a.c', '1', '10', 'Python.h: No such file or directory']
    ],
    [
      'gcc in colour',
      '\u001b[01m\u001b[Ka.c:5:12:\u001b[m\u001b[K \u001b[01;31m\u001b[Kerror: \u001b[m\u001b[Kboom',
      ['a.c', '5', '12', 'boom']
    ],
    [
      'msvc',
      "C:\\w\\spam.c(12,5): error C2065: 'nope': undeclared identifier",
      ['C:\\w\\spam.c', '12', '5', 'C2065', "'nope': undeclared identifier"]
    ],
    ['a warning', 'a.c:5:12: warning: unused', undefined],
    ['a note', 'a.c:5:12: note: here', undefined],
    ['a prefixed live line', '[cp312-x] a.c:5:12: error: boom', undefined],
    ['the linker', "spam.c:(.text+0x12): undefined reference to `f'", undefined]
  ])('%s', (_name, line, groups) => {
    const match = DIAGNOSTICS.map(d => d.exec(line)).find(Boolean)
    expect(match ? match.slice(1) : undefined).toEqual(groups)
  })

  test('registered from a file the runner can read, removed by owner', () => {
    const dir = tempDir('matcher')
    const command = addMatcherCommand(dir)
    const file = command.replace('::add-matcher::', '')
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).problemMatcher).toHaveLength(2)
    expect(removeMatcherCommands()).toEqual(
      MATCHER_OWNERS.map(o => `::remove-matcher owner=${o}::`)
    )
    expect(MATCHER_OWNERS).toEqual(['wheelwright-gcc', 'wheelwright-msvc'])
  })
})

describe('diagnostics name the file in the workspace', () => {
  // A host copy of the package, and a container's project with the package in `pkg/`.
  const roots = (prefix: string): SourceRoot[] => [
    ['/tmp/ww/cp312/src', prefix],
    ['/project', ''],
    ['/project/pkg', 'pkg']
  ]
  test.each([
    ['relative, package at the root', '', 'broken.c:5:12: error: x', 'broken.c:5:12: error: x'],
    [
      'relative, package in a subdir',
      'pkg',
      'src/a.c:5:12: error: x',
      'pkg/src/a.c:5:12: error: x'
    ],
    ['in the build copy', 'pkg', '/tmp/ww/cp312/src/a.c:5:12: error: x', 'pkg/a.c:5:12: error: x'],
    ['in the container project', '', '/project/a.c:1:1: fatal error: y', 'a.c:1:1: fatal error: y'],
    [
      'in the container package, in a subdir',
      'pkg',
      '/project/pkg/a.c:1:1: error: y',
      'pkg/a.c:1:1: error: y'
    ],
    [
      'in the container project, outside the package',
      'pkg',
      '/project/include/h.h:2:3: error: y',
      'include/h.h:2:3: error: y'
    ],
    ['elsewhere', 'pkg', '/usr/include/x.h:1:1: error: y', '/usr/include/x.h:1:1: error: y'],
    [
      'a command line keeps its paths',
      'pkg',
      'gcc -I/tmp/ww/cp312/src/include -c a.c',
      'gcc -I/tmp/ww/cp312/src/include -c a.c'
    ],
    [
      'msvc in the copy',
      'pkg',
      "/tmp/ww/cp312/src\\a.c(3): error C2065: 'x'",
      "pkg/a.c(3): error C2065: 'x'"
    ]
  ])('%s', (_name, prefix, line, expected) => {
    expect(sourcePathRewriter(prefix, roots(prefix))(line)).toBe(expected)
  })
})
