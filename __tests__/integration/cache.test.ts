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
    expect(run.stdout + run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    return { run, out, wheel: fs.readFileSync(path.join(out, wheelsIn(out)[0])) }
  }

  test('cold, warm, skip-tests, changed source, cache off', () => {
    const cold = build()
    expect(cold.run.stdout).not.toContain('(cached)')

    const warm = build()
    expect(warm.run.stdout).toMatch(/\(cached\).*\s+yes\s*$/m)
    expect(warm.run.stdout + warm.run.stderr).toContain('Restored')
    expect(warm.run.stdout + warm.run.stderr).not.toContain('\n▸ build: ')
    expect(warm.run.stdout + warm.run.stderr).toContain('\n▸ test: ')
    expect(warm.wheel.equals(cold.wheel)).toBe(true)

    const skipped = build('--cache-skip-tests')
    expect(skipped.run.stdout).toContain('skipped (cached)')
    expect(skipped.run.stdout + skipped.run.stderr).not.toContain('\n▸ test: ')

    fs.appendFileSync(path.join(project, 'src', 'spam.c'), '\n/* a change */\n')
    const changed = build()
    expect(changed.run.stdout).not.toContain('(cached)')
    expect(changed.run.stdout + changed.run.stderr).toContain('\n▸ build: ')

    const off = build('--cache=false')
    expect(off.run.stdout).not.toContain('(cached)')
    expect(off.run.stdout + off.run.stderr).toContain('\n▸ build: ')
  })

  /** The one kept build venv of this cache dir (the CPython and pins of `id`), made when missing. */
  const keptVenv = () => {
    const root = path.join(cacheDir, 'venvs')
    const kept = () =>
      fs.existsSync(root) ? fs.readdirSync(root).filter(d => !d.endsWith('.lock')) : []
    if (kept().length === 0) build('--cache=false')
    expect(kept()).toHaveLength(1)
    return path.join(root, kept()[0])
  }

  test('cache off keeps the build venv', () => {
    const venv = keptVenv()
    // cache: false turns off the wheel cache only: the build venv of the runs before is used.
    const kept = build('--cache=false')
    expect(kept.run.stdout + kept.run.stderr).toContain(
      '\n▸ venv-check: check the kept build venv\n'
    )
    expect(kept.run.stdout + kept.run.stderr).not.toContain('\n▸ venv: ')
    expect(keptVenv()).toBe(venv)
  })

  test.each<[string, (venv: string) => void, RegExp]>([
    [
      'its frontend removed',
      venv => {
        const lib = path.join(venv, 'lib')
        const site = path.join(lib, fs.readdirSync(lib)[0], 'site-packages')
        fs.rmSync(path.join(site, 'build'), { recursive: true })
      },
      /missing: build/
    ],
    [
      'made by another interpreter',
      venv => fs.writeFileSync(path.join(venv, '.wheelwright-ready'), '3.0.0 (elsewhere)'),
      /made by Python 3\.0\.0 \(elsewhere\), now 3\./
    ],
    [
      'its python gone',
      venv => fs.rmSync(path.join(venv, 'bin', 'python')),
      /command not found: .*bin\/python/
    ]
  ])(
    'a kept build venv with %s is a miss: made again, and the build goes on',
    (_name, breakIt, why) => {
      const venv = keptVenv()
      breakIt(venv)
      const again = build('--cache=false')
      expect(again.run.stdout + again.run.stderr).toMatch(why)
      expect(again.run.stdout + again.run.stderr).toContain(
        `${venv} does not work: making it again`
      )
      expect(again.run.stdout + again.run.stderr).toContain(
        '\n▸ venv: create the kept build venv\n'
      )
      expect(again.run.stdout + again.run.stderr).toContain('\n✓ build (')
      expect(keptVenv()).toBe(venv)
    }
  )

  test('before-build runs in a fresh venv that finds the frontend of the kept one', () => {
    // What before-build installs lands in its own venv: a module written into it.
    const install =
      "python -m pip --version && python -c \"import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'bb_probe.py').write_text('X = 1')\""
    const first = build('--cache=false', '--before-build', install)
    const second = build('--cache=false', '--before-build', install)
    for (const { run } of [first, second]) {
      expect(run.stdout + run.stderr).toContain(
        '\n▸ fresh-venv: create a fresh build venv for before-build\n'
      )
      expect(run.stdout + run.stderr).toContain('\n✓ link-frontend (')
      expect(run.stdout + run.stderr).toMatch(/\n✓ before-build \(/)
      expect(run.stdout + run.stderr).toContain('\n✓ build (')
      // The frontend comes from the kept venv: never installed again.
      expect(run.stdout + run.stderr).not.toContain('\n▸ install-frontend')
    }
    const venv = keptVenv()
    expect(fs.existsSync(path.join(venv, '.wheelwright-ready'))).toBe(true)
    const lib = path.join(venv, 'lib')
    const site = path.join(lib, fs.readdirSync(lib)[0], 'site-packages')
    expect(fs.existsSync(path.join(site, 'bb_probe.py'))).toBe(false)
  })
})
