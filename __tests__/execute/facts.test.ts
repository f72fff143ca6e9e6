/** The run's temp dir (stable per project, owned through a pid file), and the credentials passed on. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { acquireRunDir, passedCredentials } from '../../src/execute/facts.js'
import { tempDir } from '../helpers/tools.js'

/** A pid that no process has now: one of a child that has exited. */
const deadPid = () => spawnSync('true').pid

describe('acquireRunDir', () => {
  type Before = (stable: string) => void
  test.each<[string, Before | undefined, 'stable' | 'fresh']>([
    ['no dir yet: the stable dir, owned by this process', undefined, 'stable'],
    [
      "an earlier run's dir whose owner is gone: emptied and taken",
      stable => {
        fs.mkdirSync(stable)
        fs.writeFileSync(path.join(stable, '.owner'), String(deadPid()))
        fs.writeFileSync(path.join(stable, 'left-over'), '')
      },
      'stable'
    ],
    [
      'a dir without an owner file: emptied and taken',
      stable => {
        fs.mkdirSync(stable)
        fs.writeFileSync(path.join(stable, 'left-over'), '')
      },
      'stable'
    ],
    [
      'an owner file that holds no pid: emptied and taken',
      stable => {
        fs.mkdirSync(stable)
        fs.writeFileSync(path.join(stable, '.owner'), 'garbage')
      },
      'stable'
    ],
    [
      'a dir whose owner is alive (a second run of the project): a fresh dir',
      stable => {
        fs.mkdirSync(stable)
        fs.writeFileSync(path.join(stable, '.owner'), String(process.ppid))
        fs.writeFileSync(path.join(stable, 'in-use'), '')
      },
      'fresh'
    ],
    [
      'a file in its place: removed, and the dir taken',
      stable => fs.writeFileSync(stable, ''),
      'stable'
    ]
  ])('%s', (_name, before, outcome) => {
    const root = tempDir('run-dirs')
    const first = acquireRunDir(root, '/home/dev/project')
    const stable = path.join(root, path.basename(first))
    expect(path.basename(stable)).toMatch(/^wheelwright-[0-9a-f]{10}$/)
    fs.rmSync(stable, { recursive: true, force: true })
    before?.(stable)
    const dir = acquireRunDir(root, '/home/dev/project')
    if (outcome === 'stable') {
      expect(dir).toBe(stable)
      expect(fs.readdirSync(dir)).toEqual(['.owner'])
      expect(fs.readFileSync(path.join(dir, '.owner'), 'utf8')).toBe(String(process.pid))
    } else {
      expect(dir).not.toBe(stable)
      expect(path.dirname(dir)).toBe(root)
      expect(path.basename(dir)).toMatch(/^wheelwright-/)
      expect(fs.readdirSync(dir)).toEqual([])
      // The other run's dir is left as it was.
      expect(fs.readdirSync(stable)).toContain('in-use')
    }
  })

  test('another project gets another stable dir; the same project the same one', () => {
    const root = tempDir('run-dirs')
    const a = acquireRunDir(root, '/home/dev/a')
    const b = acquireRunDir(root, '/home/dev/b')
    expect(a).not.toBe(b)
    fs.writeFileSync(path.join(a, '.owner'), String(deadPid()))
    expect(acquireRunDir(root, '/home/dev/a')).toBe(a)
  })
})

describe('passedCredentials', () => {
  const options = (passes: Record<string, string[]>) => ({
    buildOptions: (id: string) => ({ environmentPass: passes[id] ?? [] }) as never
  })

  test.each<[string, Record<string, string[]>, string[], string[]]>([
    ['none passed', { a: ['FOO', 'CC'] }, ['a'], []],
    [
      "the credential names of any identifier's environment-pass, once each",
      { a: ['PYPI_API_TOKEN', 'FOO'], b: ['DEPLOY_PASSWORD', 'PYPI_API_TOKEN'] },
      ['a', 'b'],
      ['PYPI_API_TOKEN', 'DEPLOY_PASSWORD']
    ],
    [
      'by name as well as by pattern',
      { a: ['GITHUB_TOKEN', 'OPENAI_API_KEY', 'SECRET'] },
      ['a'],
      ['GITHUB_TOKEN', 'OPENAI_API_KEY', 'SECRET']
    ],
    ['only the identifiers of this run', { a: ['FOO'], b: ['PYPI_API_TOKEN'] }, ['a'], []]
  ])('%s', (_name, passes, identifiers, expected) => {
    const found = passedCredentials(
      options(passes),
      identifiers.map(identifier => ({ identifier }))
    )
    expect([...found]).toEqual(expected)
  })
})
