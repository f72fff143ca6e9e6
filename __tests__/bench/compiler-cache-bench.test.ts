/**
 * The compiler-cache benchmark's readers and its stand-in of the Actions
 * cache service: what a run's events, an action's outputs and its step
 * summary say (malformed input included), and a save then restore through
 * @actions/cache itself against the stand-in.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ROOT, tempDir } from '../helpers/tools.js'

interface Counts {
  hits: number
  misses: number
  savedSeconds?: number
}
interface ActionJob {
  parseOutputs(text: string): Record<string, string>
  compilerCacheFromSummary(markdown: string): Record<string, Counts>
}
interface Part {
  compilerCacheOf(events: object[]): Record<string, Counts>
}
interface Service {
  url: string
  env: Record<string, string>
  log: { op: string; key?: string; hit?: string }[]
  close(): Promise<void>
}
interface ServiceModule {
  startCacheService(dir: string): Promise<Service>
}

// The bench is plain JavaScript: loaded by path, so that tsc does not look for its types.
const load = async <T>(file: string): Promise<T> =>
  (await import(path.join(ROOT, 'bench', file))) as T

let job: ActionJob
let part: Part
let service: ServiceModule
beforeAll(async () => {
  // One at a time: Jest's module loader does not link modules imported at once.
  job = await load<ActionJob>('action-job.mjs')
  part = await load<Part>('compiler-cache.mjs')
  service = await load<ServiceModule>('cache-service.mjs')
})

describe('parseOutputs (GITHUB_OUTPUT)', () => {
  test.each([
    ['name=value lines', 'a=1\nb=x=y\n', { a: '1', b: 'x=y' }],
    [
      'a block',
      'wheels<<EOF_1\n["a.whl",\n"b.whl"]\nEOF_1\nn=2\n',
      { wheels: '["a.whl",\n"b.whl"]', n: '2' }
    ],
    ['an unclosed block takes the rest', 'w<<END\nx\ny', { w: 'x\ny' }],
    ['lines without = are skipped', 'junk\n\nk=v', { k: 'v' }],
    ['nothing', '', {}]
  ])('%s', (_, text, want) => {
    expect(job.parseOutputs(text)).toEqual(want)
  })
})

const table = (header: string[], ...rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map(r => `| ${r.join(' | ')} |`).join('\n')

describe('compilerCacheFromSummary (the step summary)', () => {
  test.each([
    [
      'the column last',
      table(
        ['identifier', 'wheel', 'size', 'sha256', 'seconds', 'tested', 'compiler cache'],
        ['cp312-x', 'a.whl', '1 kB', 'ab', '3.0', 'yes', '40 hits, 1 miss, 9.5 s saved'],
        ['cp313-x', 'b.whl', '1 kB', 'cd', '3.0', 'yes', '0 hits, 41 misses'],
        ['sdist', 'p.tar.gz', '1 kB', 'ef', '', '', '']
      ),
      {
        'cp312-x': { hits: 40, misses: 1, savedSeconds: 9.5 },
        'cp313-x': { hits: 0, misses: 41 }
      }
    ],
    [
      'the column before tested, after a heading and a line',
      `### wheelwright: 1 wheel\n\n${table(
        ['identifier', 'wheel', 'compiler cache', 'tested'],
        ['cp310-x', 'a \\| b.whl', '1 hit, 0 misses, 0.2 s saved', 'yes']
      )}\n\n**Total:** 1 wheel`,
      { 'cp310-x': { hits: 1, misses: 0, savedSeconds: 0.2 } }
    ]
  ])('%s', (_, markdown, want) => {
    expect(job.compilerCacheFromSummary(markdown)).toEqual(want)
  })

  test.each([
    ['no table', '### wheelwright: 1 wheel', /no table with a compiler cache column/],
    [
      'a table without the column',
      table(['identifier', 'wheel'], ['cp312-x', 'a.whl']),
      /no table with a compiler cache column/
    ],
    [
      'a cell it cannot read',
      table(['identifier', 'compiler cache'], ['cp312-x', 'many hits']),
      /unreadable compiler cache cell for cp312-x: many hits/
    ]
  ])('%s is an error', (_, markdown, error) => {
    expect(() => job.compilerCacheFromSummary(markdown)).toThrow(error)
  })
})

describe('compilerCacheOf (the json events)', () => {
  test('the counts of each build that ended well, not the setup or the job total', () => {
    const events = [
      { event: 'build-finished', identifier: 'setup', ok: true, ms: 1 },
      {
        event: 'build-finished',
        identifier: 'cp310-x',
        ok: true,
        ms: 5,
        compilerCache: { tool: 'sccache', hits: 0, misses: 41, savedSeconds: 0 }
      },
      {
        event: 'build-finished',
        identifier: 'cp311-x',
        ok: true,
        ms: 5,
        compilerCache: { tool: 'sccache', hits: 40, misses: 1 }
      },
      { event: 'build-finished', identifier: 'cp312-x', ok: true, ms: 5 },
      { event: 'compiler-cache', tool: 'sccache', hits: 40, misses: 42 }
    ]
    expect(part.compilerCacheOf(events)).toEqual({
      'cp310-x': { hits: 0, misses: 41, savedSeconds: 0 },
      'cp311-x': { hits: 40, misses: 1 }
    })
    expect(part.compilerCacheOf([])).toEqual({})
  })
})

describe('the stand-in of the Actions cache service, through @actions/cache', () => {
  let running: Service
  const saved: Record<string, string | undefined> = {}
  const workspace = tempDir('bench-cache-ws')
  const dir = path.join(workspace, 'compiler-cache')
  beforeAll(async () => {
    running = await service.startCacheService(tempDir('bench-cache-service'))
    for (const name of [
      'ACTIONS_CACHE_URL',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_CACHE_SERVICE_V2',
      'GITHUB_WORKSPACE',
      'RUNNER_TEMP'
    ])
      saved[name] = process.env[name]
    Object.assign(process.env, running.env, {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: tempDir('bench-cache-runner')
    })
    delete process.env.ACTIONS_CACHE_SERVICE_V2
  })
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    await running?.close()
  })

  test('a save, then a restore by restore key of the newest entry; a key saves once; the API wants the token', async () => {
    const cache = await import('@actions/cache')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'object'), 'first')
    await cache.saveCache([dir], 'place-toolchain-1001-1')
    fs.writeFileSync(path.join(dir, 'object'), 'second')
    await cache.saveCache([dir], 'place-toolchain-1002-1')
    fs.rmSync(dir, { recursive: true })

    const hit = await cache.restoreCache([dir], 'place-toolchain-1003-1', [
      'place-toolchain-',
      'place-'
    ])
    expect(hit).toBe('place-toolchain-1002-1')
    expect(fs.readFileSync(path.join(dir, 'object'), 'utf8')).toBe('second')
    expect(await cache.restoreCache([dir], 'other-1', ['other-'])).toBeUndefined()
    // @actions/cache turns the service's refusal into a warning and a -1.
    expect(await cache.saveCache([dir], 'place-toolchain-1002-1')).toBe(-1)
    expect(running.log.filter(e => e.op === 'download').map(e => e.key)).toEqual([
      'place-toolchain-1002-1'
    ])

    const noToken = await fetch(`${running.url}_apis/artifactcache/cache?keys=place-&version=x`)
    expect(noToken.status).toBe(401)
    const unknown = await fetch(`${running.url}archives/99`)
    expect(unknown.status).toBe(404)
  })
})
