/** `sdist` builds from a copy: the user's tree gains no *.egg-info (or anything else). */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { ROOT, runCliProcess, tempDir, venvTool } from '../helpers/tools.js'

function tree(dir: string, base = ''): string[] {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap(e => {
    const relative = path.join(base, e.name)
    return e.isDirectory() ? [`${relative}/`, ...tree(dir, relative)] : [relative]
  })
}

describe('sdist', () => {
  test("leaves the project's tree as it was", () => {
    const project = path.join(tempDir('sdist-tree'), 'c-ext')
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), project, {
      recursive: true,
      filter: source => !source.includes('.egg-info')
    })
    const before = tree(project).sort()
    const out = tempDir('sdist-out')
    const run = runCliProcess(['sdist', project, '--output-dir', out], {
      WHEELWRIGHT_PUBLISH_PYTHON: venvTool('python')
    })
    expect(run.stderr.slice(-1500)).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(fs.readdirSync(out)).toEqual([expect.stringMatching(/\.tar\.gz$/)])
    expect(tree(project).sort()).toEqual(before)
  }, 300_000)
})
