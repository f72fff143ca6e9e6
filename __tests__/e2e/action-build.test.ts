/**
 * The bundled action for `command: build`, spawned with a runner's
 * environment: outputs and the job summary. Also: the bundle runs with no
 * node_modules anywhere near it.
 */
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { describe, expect, test } from '@jest/globals'
import { runAction } from '../helpers/action.js'
import { check, cleanEnv, hostCPythons, ROOT, tempDir } from '../helpers/tools.js'

describe('node dist/index.js with command: build', () => {
  test('sets wheels, identifiers and wheelhouse, and writes the summary table', () => {
    const workspace = tempDir('ws')
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), workspace, { recursive: true })
    const id = `${hostCPythons().at(-1)}-manylinux_x86_64`
    const run = runAction(
      { only: id, container: 'off', 'upload-artifact': 'false', cache: 'false' },
      { HOME: process.env.HOME ?? '', PATH: process.env.PATH ?? '' },
      { workspace }
    )
    expect(run.stdout).not.toContain('::error')
    expect(run.status).toBe(0)
    const wheels = JSON.parse(run.outputs.wheels) as string[]
    expect(wheels).toHaveLength(1)
    expect(path.dirname(wheels[0])).toBe(path.join(workspace, 'wheelhouse'))
    expect(run.outputs.wheelhouse).toBe(path.join(workspace, 'wheelhouse'))
    expect(JSON.parse(run.outputs.identifiers)).toEqual([id])
    const sha = crypto.createHash('sha256').update(fs.readFileSync(wheels[0])).digest('hex')
    expect(run.summary).toContain(
      '| identifier | wheel | size | sha256 | seconds | compiler cache | tested |'
    )
    // The compiler cache is on by default: its counts for the one build.
    expect(run.summary).toMatch(/ \| \d+ hits?, \d+ miss(es)?(, [\d.]+ s saved)? \| yes \|/)
    expect(run.summary).toContain(`| ${id} | ${path.basename(wheels[0])} |`)
    expect(run.summary).toContain(` ${sha} |`)
    expect(run.stdout).toContain(`::group::${id} (1/1)`)
    expect(run.stdout).toContain(`${id}\u001b[22m → ${path.basename(wheels[0])}`)
  })
})

describe('the bundle stands alone', () => {
  test('dist/ runs with no node_modules', () => {
    const dir = tempDir('bundle')
    fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true })
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'))
    fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true })
    const out = check(
      [
        process.execPath,
        path.join(dir, 'dist', 'cli.js'),
        'plan',
        path.join(dir, 'examples'),
        '--platform',
        'windows'
      ],
      {
        cwd: dir,
        env: cleanEnv()
      }
    )
    // Windows on a Linux x86_64 host: AMD64 and x86, in catalogue order.
    expect(out.split('\n').filter(Boolean)).toEqual(CATALOGUE_ORDER)
  })
})

const CATALOGUE_ORDER = [
  'cp39-win32',
  'cp39-win_amd64',
  'cp310-win32',
  'cp310-win_amd64',
  'cp311-win32',
  'cp311-win_amd64',
  'cp312-win32',
  'cp312-win_amd64',
  'cp313-win32',
  'cp313-win_amd64',
  'cp314-win32',
  'cp314t-win32',
  'cp314-win_amd64',
  'cp314t-win_amd64',
  'cp315-win32',
  'cp315t-win32',
  'cp315-win_amd64',
  'cp315t-win_amd64'
]
