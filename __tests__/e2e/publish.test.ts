/**
 * Publishing end to end with real tools: wheelwright builds a wheel and the
 * sdist of test/fixtures/c-ext, then `wheelwright publish` uploads them with
 * twine to pypiserver on 127.0.0.1 (htpasswd), pip installs from it, and the
 * module imports. Tags, re-runs, verification refusals, and trusted
 * publishing against protocol-faithful stand-ins of the runner's ID-token
 * service and the index's OIDC endpoints.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ROOT, tempDir, testSetting } from '../helpers/tools.js'
import { startPypiServer, type IndexServer } from '../../__fixtures__/standins/pypiserver.js'
import { startOidcStandIn, type OidcStandIn } from '../../__fixtures__/standins/oidc.js'
import {
  installFromIndex,
  LeakRecorder,
  publishEnv,
  readArgvLog,
  runCli,
  type ChildRun
} from './publish-harness.js'

const TOKEN = `pypi-token-${crypto.randomBytes(12).toString('hex')}`
const WRONG = `pypi-wrong-${crypto.randomBytes(12).toString('hex')}`
const MINTED = `pypi-minted-${crypto.randomBytes(12).toString('hex')}`
const WHEEL = 'spam_ext-1.0.0-cp311-cp311-manylinux1_x86_64.manylinux_2_5_x86_64.whl'
const SDIST = 'spam_ext-1.0.0.tar.gz'

const recorder = new LeakRecorder()
const argvLog = path.join(tempDir('argvlog'), 'argv.log')
let env: Record<string, string>
let project: string
let dist: string
let sdistRun: ChildRun
let index: IndexServer
let trustedIndex: IndexServer
let oidc: OidcStandIn

const cli = (args: string[], extra: Record<string, string> = {}) =>
  runCli(args, { ...env, ...extra }, { recorder })

/** A fresh directory with copies of the built files (renamed where asked). */
function distWith(files: Record<string, string>): string {
  const dir = tempDir('dist')
  for (const [name, from] of Object.entries(files))
    fs.copyFileSync(path.join(dist, from), path.join(dir, name))
  return dir
}

beforeAll(async () => {
  env = publishEnv(argvLog)
  project = path.join(tempDir('proj'), 'c-ext')
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'c-ext'), project, {
    recursive: true,
    filter: source => !source.includes('.egg-info')
  })
  dist = tempDir('built')
  const [build, servers] = await Promise.all([
    cli([
      'build',
      project,
      '--container',
      'off',
      '--only',
      'cp311-manylinux_x86_64',
      '--output-dir',
      dist
    ]),
    Promise.all([startPypiServer({ __token__: TOKEN }), startPypiServer({ __token__: MINTED })])
  ])
  // The build log is on stdout, as cibuildwheel's.
  expect(build.stdout.slice(-2000)).toContain('cp311-manylinux_x86_64')
  expect(build.status).toBe(0)
  ;[index, trustedIndex] = servers
  sdistRun = await cli(['sdist', project, '--output-dir', dist])
  oidc = await startOidcStandIn({ mintedToken: MINTED })
})

afterAll(async () => {
  await Promise.all([index?.close(), trustedIndex?.close(), oidc?.close()])
})

describe('wheelwright sdist', () => {
  test('builds with python -m build --sdist, runs twine check, and puts the file in output-dir', () => {
    expect(sdistRun.stderr).toContain('python -m build --sdist')
    expect(sdistRun.stderr).toMatch(/Checking \S+spam_ext-1\.0\.0\.tar\.gz: PASSED/)
    expect(sdistRun.status).toBe(0)
    expect(sdistRun.stdout.trim()).toBe(path.join(dist, SDIST))
    expect(fs.readdirSync(dist).sort()).toEqual([WHEEL, SDIST].sort())
    const python = readArgvLog(argvLog).find(argv => argv.includes('build'))
    expect(python?.slice(1, 5)).toEqual(['-m', 'build', '--sdist', '--outdir'])
  })

  test('without WHEELWRIGHT_PUBLISH_PYTHON it installs build and twine into <cache-dir>/tools once', async () => {
    const cache = path.join(testSetting('WHEELWRIGHT_TEST_HOME'), 'publish-own-tools')
    const out = tempDir('own')
    const first = await runCli(
      ['sdist', project, '--output-dir', out, '--cache-dir', cache],
      { XDG_CACHE_HOME: tempDir('xdg') },
      { recorder }
    )
    expect(first.stderr).toContain('PASSED')
    expect(first.status).toBe(0)
    const python = path.join(cache, 'tools', 'bin', 'python')
    expect(fs.existsSync(python)).toBe(true)
    expect(
      fs.readdirSync(path.join(cache, 'tools')).some(f => f.startsWith('.ready-publish-'))
    ).toBe(true)
    const again = await runCli(
      ['sdist', project, '--output-dir', tempDir('own2'), '--cache-dir', cache],
      {},
      { recorder }
    )
    expect(again.status).toBe(0)
    expect(again.stderr).not.toContain('installing build')
  })
})

describe('wheelwright publish DIST_DIR with a token', () => {
  test.each([
    {
      what: 'a tag of another version',
      ref: 'refs/tags/v1.0.1',
      message:
        'verify-tag: the tag "v1.0.1" (version 1.0.1) does not match the package version 1.0.0; nothing was uploaded'
    },
    {
      what: 'a tag that is no version',
      ref: 'refs/tags/release-candidate',
      message: 'verify-tag: the tag "release-candidate" is not a PEP 440 version'
    }
  ])('$what refuses before anything is uploaded', async ({ ref, message }) => {
    const before = readArgvLog(argvLog).length
    const run = await cli(['publish', dist, '--repository-url', index.url], {
      TWINE_PASSWORD: TOKEN,
      GITHUB_REF: ref
    })
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('Hint:')
    expect(run.status).toBe(2)
    expect(index.files()).toEqual([])
    expect(
      readArgvLog(argvLog)
        .slice(before)
        .filter(argv => argv.includes('upload'))
    ).toEqual([])
  })

  test.each<{ what: string; files: Record<string, string>; message: string }>([
    {
      what: 'two versions',
      files: { [WHEEL]: WHEEL, 'spam_ext-1.0.1.tar.gz': SDIST },
      message: 'dist-dir: holds more than one version: 1.0.0'
    },
    {
      what: 'the same sdist twice (.tar.gz and .zip)',
      files: { [WHEEL]: WHEEL, [SDIST]: SDIST, 'spam_ext-1.0.0.zip': SDIST },
      message: 'are the same sdist; an index accepts only one of them'
    },
    {
      what: 'the same wheel under two spellings',
      files: { [WHEEL]: WHEEL, [WHEEL.replace('spam_ext', 'Spam.Ext')]: WHEEL },
      message: 'are the same wheel'
    },
    {
      what: 'a file that is no distribution name',
      files: { [WHEEL]: WHEEL, 'spam.whl': WHEEL },
      message: 'dist-dir: holds a file that is not a valid wheel or sdist name (got "spam.whl")'
    },
    {
      what: 'nothing at all',
      files: {},
      message: 'dist-dir: holds no wheels (.whl) or sdists (.tar.gz)'
    }
  ])('$what: refused, nothing uploaded', async ({ files, message }) => {
    const run = await cli(['publish', distWith(files), '--repository-url', index.url], {
      TWINE_PASSWORD: TOKEN
    })
    expect(run.stderr).toContain(message)
    expect(run.status).toBe(2)
    expect(index.files()).toEqual([])
  })

  test('a wrong token: the index refuses, and the error says what to check', async () => {
    const run = await cli(['publish', dist, '--repository-url', index.url], {
      TWINE_PASSWORD: WRONG
    })
    expect(run.stderr).toContain(
      'repository-url: the index refused the credentials (HTTPError: 403 Forbidden'
    )
    expect(run.stderr).toContain('API token valid for this project')
    expect(run.status).toBe(2)
    expect(index.files()).toEqual([])
  })

  test('the right tag (v1.0 for 1.0.0) publishes wheel and sdist with twine; pip installs and imports it', async () => {
    const run = await cli(['publish', dist, '--repository-url', index.url], {
      TWINE_PASSWORD: TOKEN,
      GITHUB_REF: 'refs/tags/v1.0'
    })
    expect(run.stderr).toContain('release spam-ext 1.0.0: 2 files, matching tag v1.0')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`${WHEEL}  uploaded`)
    expect(run.stdout).toContain(`${SDIST}  uploaded`)
    expect(index.files()).toEqual([WHEEL, SDIST].sort())
    // One twine run per file (each with its own timeout and retries), the sdist first.
    const upload = readArgvLog(argvLog).filter(argv => argv.includes('upload'))
    expect(upload.slice(-2).map(argv => argv.slice(1))).toEqual(
      [SDIST, WHEEL].map(name => [
        '-m',
        'twine',
        'upload',
        '--non-interactive',
        '--disable-progress-bar',
        path.join(dist, name)
      ])
    )
    const printed = await installFromIndex(
      index.simple,
      'spam-ext',
      'import spam; print(spam.add(2, 3), spam.describe(7))'
    )
    expect(printed.trim()).toBe('5 spam(7)')
    for (const name of [WHEEL, SDIST]) {
      expect(fs.readFileSync(path.join(index.packagesDir, name))).toEqual(
        fs.readFileSync(path.join(dist, name))
      )
    }
  })

  test('publishing again fails clearly; with --skip-existing it succeeds and uploads nothing', async () => {
    const again = await cli(['publish', dist, '--repository-url', index.url], {
      TWINE_PASSWORD: TOKEN
    })
    expect(again.stderr).toContain(
      `skip-existing: the index already has 2 of these files (${SDIST}, ${WHEEL}); nothing was uploaded`
    )
    expect(again.stderr).toContain('set skip-existing: true')
    expect(again.status).toBe(2)
    const skipping = await cli(
      ['publish', dist, '--repository-url', index.url, '--skip-existing'],
      {
        TWINE_PASSWORD: TOKEN
      }
    )
    expect(skipping.status).toBe(0)
    expect(skipping.stderr).toContain('every file is already on the index; nothing to upload')
    expect(skipping.stdout).toContain(`${WHEEL}  already on the index`)
  })
})

describe('trusted publishing (OIDC stand-ins, then a real upload with the minted token)', () => {
  const trusted = (extra: Record<string, string> = {}, args: string[] = []) =>
    cli(['publish', dist, '--repository-url', trustedIndex.url, ...args], {
      ...oidc.env(),
      GITHUB_REF: 'refs/tags/v1.0.0',
      ...extra
    })

  test.each([
    {
      what: 'an index without trusted publishing (audience 404)',
      behaviour: { audienceReply: 404 as const },
      messages: ['password: trusted publishing: 127.0.0.1', 'does not offer trusted publishing']
    },
    {
      what: 'an index with trusted publishing disabled (audience 403)',
      behaviour: { audienceReply: 403 as const },
      messages: ['has trusted publishing disabled']
    },
    {
      what: 'an audience reply without an audience',
      behaviour: { audienceReply: 'missing-field' as const },
      messages: ['/_/oidc/audience gave no audience']
    },
    {
      what: 'an ID token for the wrong audience',
      behaviour: { issueAudience: 'pypi' },
      messages: [
        'invalid-token: malformed or invalid token: Invalid audience',
        'another audience than the index expects'
      ]
    },
    {
      what: 'an expired ID token',
      behaviour: { tokenLifetimeSeconds: -120 },
      messages: [
        'invalid-token: malformed or invalid token: Signature has expired',
        'it expired (ID tokens last minutes; re-run the job)'
      ]
    },
    {
      what: 'a refusal with several error codes',
      behaviour: {
        mintErrors: [
          { code: 'invalid-publisher', description: 'valid token, but no corresponding publisher' },
          { code: 'invalid-reuse-token', description: 'invalid token: already used' },
          { code: 'brand-new-code', description: 'something else' }
        ]
      },
      messages: [
        'trusted publishing: the index refused the token exchange:',
        '- invalid-publisher: valid token, but no corresponding publisher → no trusted publisher on the index matches this job',
        '- invalid-reuse-token: invalid token: already used → this ID token was used before',
        '- brand-new-code: something else\n',
        "the ID token's claims: sub=repo:octo/spam:ref:refs/tags/v1.0.0, repository=octo/spam",
        'workflow_ref=octo/spam/.github/workflows/release.yml@refs/tags/v1.0.0'
      ]
    }
  ])('$what: a clear error, nothing uploaded', async ({ behaviour, messages }) => {
    const saved = oidc.behaviour
    oidc.behaviour = { ...saved, ...behaviour }
    try {
      const run = await trusted()
      for (const message of messages) expect(run.stderr).toContain(message)
      expect(run.status).toBe(2)
      expect(trustedIndex.files()).toEqual([])
    } finally {
      oidc.behaviour = saved
    }
  })

  test('no ID-token variables: the error says to grant id-token: write or give a token', async () => {
    const run = await cli(['publish', dist, '--repository-url', trustedIndex.url], {
      GITHUB_ACTIONS: 'true',
      WHEELWRIGHT_OIDC_INDEX_URL: oidc.indexUrl
    })
    expect(run.stderr).toContain(
      'password: is empty, so trusted publishing was tried, but this job cannot get an OIDC ID token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN unset)'
    )
    expect(run.stderr).toContain('permissions: id-token: write')
    expect(run.status).toBe(2)
  })

  test('audience → ID token → mint-token → twine upload with the minted token; attestations that cannot be made only warn', async () => {
    const before = oidc.requests.length
    const run = await trusted()
    expect(run.stderr).toContain(
      'trusted publishing: exchanged an ID token (audience standin-index) for an upload token'
    )
    // pypi-attestations is installed and run for real; Sigstore cannot be
    // reached from here (and would refuse the stand-in's token anyway).
    expect(run.stderr).toMatch(
      /warning: attestations \(PEP 740\) could not be made: signing through Sigstore failed \(\w+/
    )
    expect(run.stderr).toContain('The files are uploaded without them')
    expect(run.status).toBe(0)
    expect(trustedIndex.files()).toEqual([WHEEL, SDIST].sort())
    const seen = oidc.requests
      .slice(before)
      .map(
        r =>
          `${r.method} ${r.path.replace(/\?.*/, '')}${r.path.includes('audience=') ? ` ${new URL(r.path, 'http://x').searchParams.get('audience')}` : ''}`
      )
    expect(seen).toEqual([
      'GET /index/_/oidc/audience',
      'GET /runner/idtoken standin-index',
      'POST /index/_/oidc/mint-token',
      'GET /runner/idtoken sigstore'
    ])
    const tokenRequest = oidc.requests.slice(before).find(r => r.path.startsWith('/runner/'))
    // @actions/core's getIDToken asks for it, with the request token as a bearer token.
    expect(tokenRequest?.authorization?.toLowerCase()).toBe(
      `bearer ${oidc.requestToken}`.toLowerCase()
    )
  })
})

describe('secrets (runs last)', () => {
  test('no token appears in any output, nor in the argv of any process started', () => {
    recorder.argvs.push(...readArgvLog(argvLog))
    expect(recorder.argvs.some(argv => argv.includes('upload'))).toBe(true)
    expect(recorder.leaks([TOKEN, WRONG, MINTED, oidc.requestToken, ...oidc.issued])).toEqual([])
  })
})
