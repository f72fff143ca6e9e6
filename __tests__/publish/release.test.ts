/**
 * Publishing a set of files, up to twine: every check before the first
 * upload, what the index already has, dry runs. The index is a loopback
 * simple index; twine is a stand-in python (WHEELWRIGHT_PUBLISH_PYTHON) that
 * logs what it is asked.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { listen } from '../../__fixtures__/standins/http.js'
import { hashLine, publishRelease } from '../../src/publish/release.js'
import { PUBLISH_PYTHON_OVERRIDE } from '../../src/publish/tools.js'
import { UserError } from '../../src/util/errors.js'
import { withInterruptScope } from '../../src/util/interrupt.js'
import { writeSdist, writeWheel } from '../helpers/dists.js'
import { resolvePublishSettings } from '../helpers/options.js'
import { tempDir } from '../helpers/tools.js'

const WHEEL = 'spam_ext-1.0.0-py3-none-any.whl'
const SDIST = 'spam_ext-1.0.0.tar.gz'

/** twine: check passes, upload succeeds; each call logged with the password it got. */
const FAKE_TWINE = `#!/bin/sh
names=""
for a in "$@"; do case "$a" in *.whl|*.tar.gz) names="$names $(basename "$a")" ;; esac; done
echo "$3$names | password=\${TWINE_PASSWORD:-}" >> "$(dirname "$0")/calls"
[ "$3" = upload ] && echo "Uploading$names"
exit 0
`

let index: Awaited<ReturnType<typeof listen>>
/** What the index lists for spam-ext: file name → sha256. */
let listed = new Map<string, string>()
let requests: { path: string; auth?: string }[] = []

beforeAll(async () => {
  index = await listen((req, res) => {
    requests.push({ path: req.url ?? '', auth: req.headers.authorization })
    if (req.url !== '/simple/spam-ext/') {
      res.writeHead(404)
      return res.end()
    }
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(
      [...listed].map(([name, sha]) => `<a href="/p/${name}#sha256=${sha}">${name}</a>`).join('\n')
    )
  })
})
afterAll(() => index.close())
beforeEach(() => {
  listed = new Map()
  requests = []
})

async function dists(): Promise<{ dir: string; files: string[]; sha: Record<string, string> }> {
  const dir = tempDir('dists')
  const meta = { name: 'spam-ext', version: '1.0.0' }
  const files = [
    writeWheel(path.join(dir, WHEEL), meta),
    await writeSdist(path.join(dir, SDIST), meta)
  ]
  const sha = Object.fromEntries(
    files.map(f => [
      path.basename(f),
      crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')
    ])
  )
  return { dir, files, sha }
}

async function release(
  inputs: Record<string, string>,
  options: { password?: string; upload?: boolean; dryRun?: boolean } = {}
) {
  const { files, sha } = await dists()
  const bin = tempDir('twine')
  const python = path.join(bin, 'python')
  fs.writeFileSync(python, FAKE_TWINE, { mode: 0o755 })
  const env = { PATH: process.env.PATH ?? '', [PUBLISH_PYTHON_OVERRIDE]: python }
  const reporter = recordingReporter()
  const settings = resolvePublishSettings(
    new Map(Object.entries({ 'repository-url': `${index.origin}/legacy/`, ...inputs })),
    {},
    '/w',
    options.password
  )
  const run = withInterruptScope(
    { say: () => undefined, flush: async () => undefined, what: 'publishing' },
    scope =>
      publishRelease({
        files,
        settings,
        env,
        reporter,
        cacheDir: tempDir('cache'),
        key: 'dist-dir',
        upload: options.upload ?? true,
        dryRun: options.dryRun ?? false,
        scope
      })
  )
  const calls = () => {
    const file = path.join(bin, 'calls')
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : []
  }
  return { run, calls, reporter, sha }
}

describe('publishRelease', () => {
  test('checks, asks the index with the credentials, uploads each file (sdist first); the password only to twine', async () => {
    const { run, calls, reporter } = await release({}, { password: 'pypi-token-value' })
    expect(await run).toEqual({ version: '1.0.0', published: [SDIST, WHEEL], skipped: [] })
    expect(calls()).toEqual([
      `check ${SDIST} ${WHEEL} | password=`,
      `upload ${SDIST} | password=pypi-token-value`,
      `upload ${WHEEL} | password=pypi-token-value`
    ])
    const basic = `Basic ${Buffer.from('__token__:pypi-token-value').toString('base64')}`
    expect(requests).toEqual([{ path: '/simple/spam-ext/', auth: basic }])
    expect(reporter.texts('info')[0]).toBe(
      'release spam-ext 1.0.0: 2 files (names and versions read from each file agree)'
    )
  })

  test('a dry run does every check and the index lookup, and says what it would upload', async () => {
    listed.set(SDIST, 'ab'.repeat(32))
    const { run, calls, reporter } = await release(
      { 'skip-existing': 'true' },
      { password: 'pypi-token-value', dryRun: true }
    )
    expect(await run).toEqual({
      version: '1.0.0',
      published: [],
      skipped: [SDIST],
      wouldUpload: [WHEEL]
    })
    expect(calls()).toEqual([`check ${SDIST} ${WHEEL} | password=`])
    expect(reporter.texts('info').at(-1)).toBe(
      [
        `dry run: would upload 1 file to ${index.origin}/legacy/ with user __token__ and its password; nothing was uploaded`,
        `  ${WHEEL}`,
        `  ${SDIST} (already on the index: skipped)`
      ].join('\n')
    )
  })

  test('files the index has already, without skip-existing: refused before any upload', async () => {
    listed.set(SDIST, 'ab'.repeat(32))
    const { run, calls } = await release({}, { password: 'pypi-token-value' })
    const error = (await run.catch((e: unknown) => e)) as UserError
    expect(error).toBeInstanceOf(UserError)
    expect(error.key).toBe('skip-existing')
    expect(error.message).toContain(
      `the index already has 1 of these files (${SDIST}); nothing was uploaded`
    )
    expect(calls().filter(c => c.startsWith('upload'))).toEqual([])
  })

  test.each<[string, boolean, 'info' | 'warning', string]>([
    ['the same file', true, 'info', `${SDIST} is already on the index; skipped`],
    [
      'another file of that name',
      false,
      'warning',
      `${SDIST} is already on the index with different contents`
    ]
  ])('with skip-existing, %s on the index is skipped', async (_name, same, kind, said) => {
    const { sha } = await dists()
    listed.set(SDIST, same ? sha[SDIST] : 'cd'.repeat(32))
    const { run, calls, reporter } = await release(
      { 'skip-existing': 'true' },
      { password: 'pypi-token-value' }
    )
    expect(await run).toEqual({ version: '1.0.0', published: [WHEEL], skipped: [SDIST] })
    expect(calls().filter(c => c.startsWith('upload'))).toEqual([
      `upload ${WHEEL} | password=pypi-token-value`
    ])
    expect(reporter.texts(kind).some(t => t.startsWith(said))).toBe(true)
  })

  test('not uploading (publish: tag off a tag): checks only, no index request', async () => {
    const { run, calls, reporter } = await release(
      { publish: 'tag' },
      { password: 'pypi-token-value', upload: false }
    )
    expect(await run).toEqual({ version: '1.0.0', published: [], skipped: [] })
    expect(calls()).toEqual([`check ${SDIST} ${WHEEL} | password=`])
    expect(requests).toEqual([])
    expect(reporter.texts('info').at(-1)).toBe(
      'publish: tag and no ref is not a tag: not uploading'
    )
  })

  test('print-hash lists each file in sha256sum form; verify-metadata: false skips twine check', async () => {
    const { run, calls, reporter, sha } = await release(
      { 'print-hash': 'true', 'verify-metadata': 'false' },
      { password: 'pypi-token-value' }
    )
    await run
    expect(reporter.texts('info')).toContain(
      [
        'sha256 of each file (sha256sum format):',
        `${sha[SDIST]}  ${SDIST}`,
        `${sha[WHEEL]}  ${WHEEL}`
      ].join('\n')
    )
    expect(reporter.texts('info')).toContain('verify-metadata: false; twine check skipped')
    expect(calls().some(c => c.startsWith('check'))).toBe(false)
  })

  test('no password and a username other than __token__: refused, naming password', async () => {
    const { run, calls } = await release({ username: 'alice' })
    const error = (await run.catch((e: unknown) => e)) as UserError
    expect(error).toBeInstanceOf(UserError)
    expect(error.key).toBe('password')
    expect(error.message).toContain('trusted publishing needs username __token__')
    expect(calls().filter(c => c.startsWith('upload'))).toEqual([])
  })

  test('a bad repository-url stops before anything is read', async () => {
    const { run, calls } = await release(
      { 'repository-url': 'ftp://example.org/legacy/' },
      { password: 'x' }
    )
    const error = (await run.catch((e: unknown) => e)) as UserError
    expect(error).toBeInstanceOf(UserError)
    expect(error.key).toBe('repository-url')
    expect(calls()).toEqual([])
    expect(requests).toEqual([])
  })
})

test('hashLine: sha256sum format', () => {
  expect(hashLine({ sha256: 'ab'.repeat(32), dist: { filename: WHEEL } } as never)).toBe(
    `${'ab'.repeat(32)}  ${WHEEL}`
  )
})
