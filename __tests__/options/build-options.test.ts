/** Reading `dependency-versions` (its files are read before any build). */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parseDependencyVersions } from '../../src/options/build-options.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('dependency-versions', () => {
  const project = writeTree(tempDir('dv'), {
    'constraints.txt': 'build==1.0\n',
    'constraints-python312.txt': 'build==1.2\n',
    'my pins.txt': 'uv==0.5\n'
  })

  test.each([
    ['pinned', { kind: 'pinned' }],
    ['latest', { kind: 'latest' }],
    ['', { kind: 'latest' }],
    ['packages: build==1.1 "uv==0.5"', { kind: 'packages', packages: ['build==1.1', 'uv==0.5'] }]
  ])('%j', (text, expected) => {
    expect(parseDependencyVersions(text, project)).toEqual(expected)
  })

  test.each([
    ['constraints.txt'],
    ['file: constraints.txt'],
    [`file: ${path.join(project, 'constraints.txt')}`]
  ])('%j: the file, and its per-Python sibling', text => {
    expect(parseDependencyVersions(text, project)).toEqual({
      kind: 'file',
      path: path.join(project, 'constraints.txt'),
      content: 'build==1.0\n',
      byVersion: { '3.12': 'build==1.2\n' }
    })
  })

  test('a quoted path with a space', () => {
    const read = parseDependencyVersions('file: "my pins.txt"', project)
    expect(read).toMatchObject({ kind: 'file', content: 'uv==0.5\n' })
  })

  test.each([
    ['missing.txt', /dependency-versions: names a constraints file that does not exist/],
    ['file: a.txt b.txt', /dependency-versions: names one file/],
    [
      'file: constraints.txt; packages: x',
      /dependency-versions: cannot name both a file and packages/
    ]
  ])('%j is refused', (text, message) => {
    expect(() => parseDependencyVersions(text, project)).toThrow(message)
  })

  test('a directory is not a constraints file', () => {
    fs.mkdirSync(path.join(project, 'dir.txt'))
    expect(() => parseDependencyVersions('dir.txt', project)).toThrow(/does not exist/)
  })
})
