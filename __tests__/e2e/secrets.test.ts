/**
 * No token leaks: the publish flows run through the bundled action and the
 * CLI (token input, TWINE_PASSWORD, trusted publishing, and failures of
 * each), and everything they print and the argv of every process they start
 * are searched for each token. In the action, each token must be announced
 * with ::add-mask:: before any line that could carry it.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { check, ROOT, tempDir, venvTool } from '../helpers/tools.js'
import { startPypiServer, type IndexServer } from '../../__fixtures__/standins/pypiserver.js'
import { startOidcStandIn, type OidcStandIn } from '../../__fixtures__/standins/oidc.js'
import {
  LeakRecorder,
  publishEnv,
  readArgvLog,
  runActionAsync,
  runCli,
  type ChildRun
} from './publish-harness.js'

const TOKEN = `pypi-token-${crypto.randomBytes(12).toString('hex')}`
const WRONG = `pypi-wrong-${crypto.randomBytes(12).toString('hex')}`
const MINTED = `pypi-minted-${crypto.randomBytes(12).toString('hex')}`

const recorder = new LeakRecorder()
const argvLog = path.join(tempDir('argvlog'), 'argv.log')
let env: Record<string, string>
let dist: string
let tokenIndex: IndexServer
let trustedIndex: IndexServer
let oidc: OidcStandIn
const runs: { name: string; run: ChildRun }[] = []

beforeAll(async () => {
  env = publishEnv(argvLog)
  const project = path.join(tempDir('proj'), 'pure')
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'pure'), project, { recursive: true })
  dist = tempDir('dist')
  check([venvTool('python'), '-m', 'build', '--outdir', dist, project])
  ;[tokenIndex, trustedIndex, oidc] = await Promise.all([
    startPypiServer({ __token__: TOKEN }),
    startPypiServer({ __token__: MINTED }),
    startOidcStandIn({ mintedToken: MINTED, publisherRepository: 'octo/pure' })
  ])
})

afterAll(async () => {
  await Promise.all([tokenIndex?.close(), trustedIndex?.close(), oidc?.close()])
})

const publishAction = async (
  name: string,
  inputs: Record<string, string>,
  extra: Record<string, string> = {}
) => {
  const run = await runActionAsync(
    { command: 'publish', 'dist-dir': dist, ...inputs },
    { ...env, GITHUB_REF: 'refs/tags/v1.0.0', ...extra },
    { recorder }
  )
  runs.push({ name, run })
  return run
}

/** The line number of the first line containing `text`, or -1. */
const lineOf = (output: string, text: string) => output.split('\n').findIndex(l => l.includes(text))

describe('the action masks every token before it logs anything', () => {
  test('a wrong password input: masked on the first line, the failure does not show it', async () => {
    const run = await publishAction('wrong', { 'repository-url': tokenIndex.url, password: WRONG })
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${WRONG}`)
    expect(run.stdout).toContain('the index refused the credentials')
    expect(run.status).toBe(1)
  })

  test('a password input: masked first, published', async () => {
    const run = await publishAction('token', { 'repository-url': tokenIndex.url, password: TOKEN })
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`)
    expect(run.status).toBe(0)
    expect(JSON.parse(run.outputs.published)).toHaveLength(2)
  })

  test('TWINE_PASSWORD from the workflow environment: masked first', async () => {
    const run = await publishAction(
      'twine-password',
      { 'repository-url': tokenIndex.url, 'skip-existing': 'true' },
      { TWINE_PASSWORD: TOKEN }
    )
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`)
    expect(run.status).toBe(0)
    expect(JSON.parse(run.outputs.published)).toEqual([])
  })

  test('trusted publishing refused: the claims are shown, the ID token is not', async () => {
    const saved = oidc.behaviour
    oidc.behaviour = {
      ...saved,
      mintErrors: [
        { code: 'invalid-publisher', description: 'valid token, but no corresponding publisher' }
      ]
    }
    try {
      const run = await publishAction(
        'oidc-refused',
        { 'repository-url': trustedIndex.url },
        oidc.env()
      )
      expect(run.stdout).toContain('repository=octo/pure')
      expect(run.status).toBe(1)
      const idToken = oidc.issued.at(-1) as string
      expect(lineOf(run.stdout, `::add-mask::${idToken}`)).toBeGreaterThanOrEqual(0)
    } finally {
      oidc.behaviour = saved
    }
  })

  test('trusted publishing: the request token, the ID tokens and the minted token are masked before use', async () => {
    const before = oidc.issued.length
    const run = await publishAction('oidc', { 'repository-url': trustedIndex.url }, oidc.env())
    expect(run.status).toBe(0)
    expect(trustedIndex.files()).toHaveLength(2)
    const issued = oidc.issued.slice(before)
    expect(issued).toHaveLength(2) // the index's audience, then sigstore
    const upload = lineOf(run.stdout, '::group::twine upload')
    expect(upload).toBeGreaterThan(0)
    for (const token of [oidc.requestToken, MINTED, ...issued]) {
      const masked = lineOf(run.stdout, `::add-mask::${token}`)
      expect(masked).toBeGreaterThanOrEqual(0)
      expect(masked).toBeLessThan(upload)
    }
  })
})

describe('the CLI', () => {
  test('TWINE_PASSWORD in the environment: published (skip-existing), nothing printed', async () => {
    const run = await runCli(
      ['publish', dist, '--repository-url', tokenIndex.url, '--skip-existing'],
      { ...env, TWINE_PASSWORD: TOKEN },
      { recorder }
    )
    runs.push({ name: 'cli', run })
    expect(run.status).toBe(0)
  })

  test('a token piped to --password-stdin: published to an index that requires it, nothing printed', async () => {
    const fresh = await startPypiServer({ __token__: TOKEN })
    try {
      const run = await runCli(
        ['publish', dist, '--repository-url', fresh.url, '--password-stdin'],
        env,
        { recorder, input: `${TOKEN}\n` }
      )
      runs.push({ name: 'cli-stdin', run })
      expect(run.stderr).not.toContain('error:')
      expect(run.status).toBe(0)
    } finally {
      await fresh.close()
    }
  })

  test('--password-stdin with nothing piped in, or to another command, is refused', async () => {
    const empty = await runCli(['publish', dist, '--password-stdin'], env, { input: '' })
    expect(empty.status).toBe(2)
    expect(empty.stderr).toContain('--password-stdin: read an empty password from standard input')
    const build = await runCli(['build', '--password-stdin'], env, { input: TOKEN })
    expect(build.status).toBe(2)
    expect(build.stderr).toContain('--password-stdin: means nothing to wheelwright build')
    expect(build.stderr).not.toContain(TOKEN)
  })
})

describe('secrets (runs last)', () => {
  test('no token in any output of these runs, nor in any argv', () => {
    recorder.argvs.push(...readArgvLog(argvLog))
    expect(runs.map(r => r.name)).toEqual([
      'wrong',
      'token',
      'twine-password',
      'oidc-refused',
      'oidc',
      'cli',
      'cli-stdin'
    ])
    expect(recorder.argvs.filter(argv => argv.includes('upload')).length).toBeGreaterThanOrEqual(3)
    const tokens = [TOKEN, WRONG, MINTED, oidc.requestToken, ...oidc.issued]
    expect(recorder.leaks(tokens)).toEqual([])
  })
})
