/** The source digest of a project. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { sourceDigest } from '../../src/cache/sources.js'
import { spawnSync } from 'node:child_process'
import { tempDir, writeTree } from '../helpers/tools.js'

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync(
    'git',
    [
      '-c',
      'protocol.file.allow=always',
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      ...args
    ],
    { cwd, encoding: 'utf8' }
  )
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`)
}

describe('source digest', () => {
  test('changes with content and names, ignores build outputs', async () => {
    const dir = writeTree(tempDir('src'), { 'setup.py': 'x', 'src/a.c': 'int a;' })
    const first = await sourceDigest(dir)
    writeTree(dir, {
      'build/lib/a.o': 'junk',
      'wheelhouse/x.whl': 'w',
      'pkg.egg-info/PKG-INFO': 'p'
    })
    expect(await sourceDigest(dir)).toBe(first)
    writeTree(dir, { 'src/a.c': 'int b;' })
    const second = await sourceDigest(dir)
    expect(second).not.toBe(first)
    fs.renameSync(path.join(dir, 'src', 'a.c'), path.join(dir, 'src', 'b.c'))
    expect(await sourceDigest(dir)).not.toBe(second)
  })

  test('in a checkout: a submodule change is a miss; docs, CI files and new commits alone are hits', async () => {
    const library = writeTree(tempDir('sub'), { 'lib.c': 'int v = 1;' })
    git(library, 'init', '-q')
    git(library, 'add', '.')
    git(library, 'commit', '-qm', 'lib')
    const project = writeTree(tempDir('proj'), { 'setup.py': 'x', 'docs/index.md': 'a' })
    git(project, 'init', '-q')
    git(project, 'submodule', '-q', 'add', library, 'vendor/lib')
    git(project, 'add', '.')
    git(project, 'commit', '-qm', 'project')
    const first = await sourceDigest(project)
    writeTree(project, { 'docs/index.md': 'b', '.github/workflows/ci.yml': 'on: push' })
    git(project, 'add', '.')
    git(project, 'commit', '-qm', 'docs only')
    git(project, 'commit', '-q', '--allow-empty', '-m', 'nothing')
    expect(await sourceDigest(project)).toBe(first)
    writeTree(project, { 'vendor/lib/lib.c': 'int v = 2;' })
    git(path.join(project, 'vendor', 'lib'), 'commit', '-qam', 'bump')
    expect(await sourceDigest(project)).not.toBe(first)
  })
})
