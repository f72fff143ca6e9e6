/** The wheel cache for real: hits skip the build, any change rebuilds, tests still run. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { hostCPythons, ROOT, runCliProcess, tempDir, wheelsIn } from '../helpers/tools.js'

describe('wheel cache (CLI, local store)', () => {
  const id = `${hostCPythons().at(-1)}-manylinux_x86_64`
  const project = path.join(tempDir('cache-proj'), 'c-ext')
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), project, { recursive: true })
  const cacheDir = tempDir('cache-dir')
  const build = (...extra: string[]) => {
    const out = tempDir('cache-out')
    const run = runCliProcess(
      [
        'build',
        project,
        '--container',
        'off',
        '--only',
        id,
        '--cache-dir',
        cacheDir,
        '--output-dir',
        out,
        ...extra
      ],
      {
        SOURCE_DATE_EPOCH: '1700000000'
      }
    )
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    return { run, out, wheel: fs.readFileSync(path.join(out, wheelsIn(out)[0])) }
  }

  test('cold, warm, skip-tests, changed source, cache off', () => {
    const cold = build()
    expect(cold.run.stdout).not.toContain('(cached)')

    const warm = build()
    expect(warm.run.stdout).toMatch(/\(cached\).*\s+yes\s*$/m)
    expect(warm.run.stderr).toContain('Restored')
    expect(warm.run.stderr).not.toContain('\n▸ build: ')
    expect(warm.run.stderr).toContain('\n▸ test: ')
    expect(warm.wheel.equals(cold.wheel)).toBe(true)

    const skipped = build('--cache-skip-tests')
    expect(skipped.run.stdout).toContain('skipped (cached)')
    expect(skipped.run.stderr).not.toContain('\n▸ test: ')

    fs.appendFileSync(path.join(project, 'src', 'spam.c'), '\n/* a change */\n')
    const changed = build()
    expect(changed.run.stdout).not.toContain('(cached)')
    expect(changed.run.stderr).toContain('\n▸ build: ')

    const off = build('--cache=false')
    expect(off.run.stdout).not.toContain('(cached)')
    expect(off.run.stderr).toContain('\n▸ build: ')
  })
})
