/**
 * The npm package: `npm pack` ships the bundle, action.yml, the README and
 * the LICENSE, no tests or fixtures, and an install from the tarball gives a
 * working `wheelwright` command, with its help, without fetching a single
 * dependency.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check, ROOT, tempDir } from '../helpers/tools.js'

describe('the npm package', () => {
  const packDir = tempDir('pack')
  const listing = JSON.parse(
    check(['npm', 'pack', '--json', '--pack-destination', packDir], { cwd: ROOT })
  ) as { filename: string; files: { path: string }[] }[]
  const files = listing[0].files.map(f => f.path)

  test('holds the bundle and the docs, and no tests, fixtures or sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/index.js',
        'action.yml',
        'README.md',
        'LICENSE',
        'package.json'
      ])
    )
    expect(files.filter(f => /^(src|__tests__|__fixtures__|test|bench|scripts)\//.test(f))).toEqual(
      []
    )
    expect(
      files.every(f => /^(dist\/|action\.yml$|README\.md$|LICENSE$|package\.json$)/.test(f))
    ).toBe(true)
  })

  test('installs from the tarball offline and runs', () => {
    const prefix = tempDir('prefix')
    check(
      [
        'npm',
        'install',
        '--global',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        path.join(packDir, listing[0].filename)
      ],
      { cwd: prefix }
    )
    const bin = path.join(prefix, 'bin', 'wheelwright')
    expect(fs.existsSync(bin)).toBe(true)
    const installed = fs.readdirSync(path.join(prefix, 'lib', 'node_modules'))
    expect(installed).toEqual(['wheelwright'])
    expect(
      fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'wheelwright', 'node_modules'))
    ).toBe(false)
    expect(check([bin, '--version']).trim()).toMatch(/^\d+\.\d+\.\d+/)
    expect(
      check([
        bin,
        'plan',
        path.join(ROOT, 'examples'),
        '--platform',
        'linux',
        '--archs',
        'x86_64',
        '--build',
        'cp312-manylinux*'
      ])
    ).toBe('cp312-manylinux_x86_64\n')

    const help = check([bin, '--help'])
    for (const command of ['plan', 'build', 'sdist', 'publish'])
      expect(help).toMatch(new RegExp(`^  ${command} \\[[A-Z_]+\\] +[A-Z]`, 'm'))
    const buildHelp = check([bin, 'build', '--help'])
    expect(buildHelp.split('\n')[0]).toBe('usage: wheelwright build [PACKAGE_DIR] [flags]')
    expect(buildHelp).toMatch(/^ {2}--output-dir DIR +Where finished wheels go/m)
    expect(buildHelp).toContain('[default: wheelhouse]')
    expect(buildHelp).not.toContain('--artifact-name')

    const refused = spawnSync(bin, ['build', ROOT, '--command', 'plan'], { encoding: 'utf8' })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain(
      'error: --command: is an input of the GitHub Action, not a flag of wheelwright build'
    )
  })
})
