/** `sdist --dry-run`: says what it would build, and builds and uploads nothing. */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import { cli } from '../helpers/cli.js'
import { tempDir, writeTree } from '../helpers/tools.js'

test('sdist --dry-run builds nothing', async () => {
  const dir = writeTree(tempDir('sdist-dry'), {
    'pyproject.toml': '[project]\nname = "demo"\nversion = "1.0"\n'
  })
  const out = path.join(dir, 'out')
  const run = await cli(['sdist', dir, '--output-dir', out, '--dry-run'], {}, dir)
  expect(run.stderr).not.toContain('error:')
  expect(run.code).toBe(0)
  expect(run.stdout).toBe(
    `dry run: would run python -m build --sdist on ${dir} into ${out}; nothing was built or uploaded\n`
  )
  expect(fs.existsSync(out)).toBe(false)
})
