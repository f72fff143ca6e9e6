/**
 * The compiler cache through the Actions cache, against a stand-in of the
 * service (restoreCache and saveCache over a local dir, with the service's
 * rules: an exact key, else the newest entry whose key starts with a restore
 * key, in order; a key saved once cannot be saved again).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  capDir,
  compilerCacheEntries,
  restoreCompilerCaches,
  saveCompilerCaches,
  type CompilerCacheEntry
} from '../../src/cache/compiler-store.js'
import type { BuildPlan, BuildGroup, Step } from '../../src/model/build-plan.js'
import { tempDir } from '../helpers/tools.js'

class StandInCache {
  private order = 0
  readonly saved = new Map<string, { dir: string; order: number }>()
  constructor(private readonly root: string) {}

  async restoreCache(paths: string[], key: string, restoreKeys: string[] = []) {
    const exact = this.saved.get(key)
    const found = exact
      ? key
      : restoreKeys
          .map(
            prefix =>
              [...this.saved]
                .filter(([k]) => k.startsWith(prefix))
                .sort((a, b) => b[1].order - a[1].order)[0]?.[0]
          )
          .find(k => k !== undefined)
    if (!found) return undefined
    fs.cpSync(this.saved.get(found)!.dir, paths[0], { recursive: true })
    return found
  }

  async saveCache(paths: string[], key: string) {
    if (this.saved.has(key)) throw new Error(`Unable to reserve cache with key ${key}`)
    const dir = path.join(this.root, `${this.saved.size}`)
    fs.cpSync(paths[0], dir, { recursive: true })
    this.saved.set(key, { dir, order: this.order++ })
    return this.saved.size
  }
}

const buildStep = (env: Record<string, string>): Step => ({
  name: 'build',
  argv: ['python', '-m', 'build'],
  env,
  cwd: '/',
  where: 'host',
  phase: 'build'
})

function planWith(groups: BuildGroup[]): BuildPlan {
  return {
    platform: 'linux',
    runner: { platform: 'linux', machine: 'x86_64' },
    packageDir: '/p',
    outputDir: '/o',
    tempDir: '/t',
    parallel: 1,
    failFast: true,
    groups,
    unavailable: []
  }
}

const group = (dir: string, container?: string): BuildGroup => ({
  where: container ? 'container' : 'host',
  ...(container
    ? { container: { engine: 'podman', image: container, name: 'c', createArgs: [], env: {} } }
    : {}),
  setup: [],
  teardown: [],
  builds: [
    {
      identifier: 'cp312-x',
      python: 'python',
      version: '3.12',
      workDir: '/w',
      wheelDir: '/w/r',
      environment: '',
      env: {},
      steps: [buildStep({ SCCACHE_DIR: dir })],
      tested: false,
      abi3Audit: false
    }
  ]
})

const runEnv = (run: string, imageVersion = '20261201.1') => ({
  GITHUB_RUN_ID: run,
  ImageOS: 'ubuntu24',
  ImageVersion: imageVersion
})

function compiled(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
}

describe('the entries of a plan', () => {
  test('one per cache dir: host dirs as they are, container dirs mapped to the mounted host dir', () => {
    const entries = compilerCacheEntries(
      planWith([
        group('/cache/compiler-cache/linux-x86_64'),
        group(
          '/wheelwright-cache/compiler-cache/manylinux-aarch64',
          'quay.io/pypa/manylinux_2_28_aarch64'
        ),
        group(
          '/wheelwright-cache/compiler-cache/manylinux-aarch64',
          'quay.io/pypa/manylinux_2_28_aarch64'
        )
      ]),
      runEnv('7'),
      { inside: '/wheelwright-cache', host: '/cache/container-cache' }
    )
    expect(entries.map(e => e.dir)).toEqual([
      '/cache/compiler-cache/linux-x86_64',
      '/cache/container-cache/compiler-cache/manylinux-aarch64'
    ])
    for (const e of entries) {
      expect(e.key).toMatch(
        /^wheelwright-compiler-(linux-x86_64|manylinux-aarch64)-sccache-[0-9a-f]{12}-7-1$/
      )
      expect(e.restoreKeys).toEqual([
        e.key.replace(/7-1$/, ''),
        e.key.replace(/[0-9a-f]{12}-7-1$/, '')
      ])
    }
  })

  test('a container dir without the mount, and builds without a cache, give no entry', () => {
    expect(
      compilerCacheEntries(
        planWith([
          group('/wheelwright-cache/compiler-cache/x', 'img'),
          { ...group('/x'), builds: [] }
        ]),
        runEnv('1'),
        undefined
      )
    ).toEqual([])
  })

  test('the toolchain is in the key: another runner image or container image, another key prefix', () => {
    const key = (env: Record<string, string>, image?: string) =>
      compilerCacheEntries(planWith([group('/c/compiler-cache/linux-x86_64', image)]), env, {
        inside: '/c',
        host: '/h'
      })[0].restoreKeys[0]
    expect(key(runEnv('1'))).toBe(key(runEnv('2')))
    expect(key(runEnv('1'))).not.toBe(key(runEnv('1', '20270101.1')))
    expect(key(runEnv('1'), 'img:1')).not.toBe(key(runEnv('1'), 'img:2'))
  })
})

describe('across jobs, through the stand-in service', () => {
  const entriesFor = (dir: string, run: string, imageVersion?: string) =>
    compilerCacheEntries(planWith([group(dir)]), runEnv(run, imageVersion), undefined)

  test('a cold job saves; the next job restores it by restore key; a new toolchain falls back to the place', async () => {
    const service = new StandInCache(tempDir('service'))
    const warnings: string[] = []
    const warn = (t: string) => void warnings.push(t)
    const dir1 = path.join(tempDir('job1'), 'linux-x86_64')
    const job1 = entriesFor(dir1, '100')
    expect(await restoreCompilerCaches(job1, service, warn)).toEqual([])
    compiled(dir1, { 'a/1': 'object one', 'b/2': 'object two' })
    expect(await saveCompilerCaches(job1, service, warn)).toEqual([job1[0].key])

    const dir2 = path.join(tempDir('job2'), 'linux-x86_64')
    const job2 = entriesFor(dir2, '101')
    expect(await restoreCompilerCaches(job2, service, warn)).toEqual([job1[0].key])
    expect(fs.readFileSync(path.join(dir2, 'a/1'), 'utf8')).toBe('object one')
    compiled(dir2, { 'c/3': 'object three' })
    await saveCompilerCaches(job2, service, warn)

    const dir3 = path.join(tempDir('job3'), 'linux-x86_64')
    const job3 = entriesFor(dir3, '102', '20270101.1')
    // The newest entry of the place, whatever its toolchain (sccache keys objects by compiler anyway).
    expect(await restoreCompilerCaches(job3, service, warn)).toEqual([job2[0].key])
    expect(fs.existsSync(path.join(dir3, 'c/3'))).toBe(true)
    expect(warnings).toEqual([])
  })

  test('a job that saved nothing saves no entry', async () => {
    const service = new StandInCache(tempDir('service'))
    const job = entriesFor(path.join(tempDir('empty'), 'linux-x86_64'), '1')
    expect(await saveCompilerCaches(job, service, () => undefined)).toEqual([])
    expect(service.saved.size).toBe(0)
  })

  test('a service that fails is a warning, never a failed build', async () => {
    const failing = {
      restoreCache: async () => {
        throw new Error('service unavailable')
      },
      saveCache: async () => {
        throw new Error('service unavailable')
      }
    }
    const warnings: string[] = []
    const dir = path.join(tempDir('fail'), 'linux-x86_64')
    const job: CompilerCacheEntry[] = entriesFor(dir, '1')
    expect(await restoreCompilerCaches(job, failing, t => void warnings.push(t))).toEqual([])
    compiled(dir, { x: 'y' })
    expect(await saveCompilerCaches(job, failing, t => void warnings.push(t))).toEqual([])
    expect(warnings).toEqual([
      'compiler cache restore failed, compiling without it: service unavailable',
      'compiler cache save failed: service unavailable'
    ])
  })
})

describe('the size cap', () => {
  test('the oldest files go until the dir fits', () => {
    const dir = tempDir('cap')
    compiled(dir, { old: 'x'.repeat(100), mid: 'y'.repeat(100), 'new/n': 'z'.repeat(100) })
    const at = (name: string, seconds: number) =>
      fs.utimesSync(path.join(dir, name), seconds, seconds)
    at('old', 1000)
    at('mid', 2000)
    at('new/n', 3000)
    expect(capDir(dir, 250)).toBe(1)
    expect(fs.existsSync(path.join(dir, 'old'))).toBe(false)
    expect(capDir(dir, 100)).toBe(1)
    expect(fs.existsSync(path.join(dir, 'mid'))).toBe(false)
    expect(fs.existsSync(path.join(dir, 'new/n'))).toBe(true)
    expect(capDir(dir, 100)).toBe(0)
  })
})
