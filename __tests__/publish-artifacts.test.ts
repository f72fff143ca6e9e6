import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  artifactServiceMissing,
  checkArtifactName,
  downloadDistributions,
  expandArtifactName,
  explainArtifactError,
  matchArtifactNames,
  uploadFiles
} from '../src/publish/artifacts.js'
import { uploadJobArtifact } from '../src/publish/job-artifact.js'
import { resolveOptions } from '../src/options/resolve.js'
import { parsePyproject } from '../src/options/pyproject.js'
import { builtArchs, jobWheels } from '../src/commands/after-build.js'
import type { Options } from '../src/options/types.js'
import { UserError } from '../src/util/errors.js'
import {
  startArtifactStandIn,
  type ArtifactStandIn
} from '../__fixtures__/standins/artifact-service.js'
import { recordingReporter } from '../__fixtures__/reporter.js'
import { tempDir } from './helpers/tools.js'

describe('artifact names', () => {
  test.each([
    ['wheels-{os}-{arch}[-{group}]', { os: 'linux', arch: 'x86_64' }, 'wheels-linux-x86_64'],
    [
      'wheels-{os}-{arch}[-{group}]',
      { os: 'linux', arch: 'x86_64', group: 'manylinux_x86_64-2' },
      'wheels-linux-x86_64-manylinux_x86_64-2'
    ],
    [
      'wheels-{os}-{arch}[-{group}]',
      { os: 'macos', arch: 'arm64-x86_64', group: '' },
      'wheels-macos-arm64-x86_64'
    ],
    ['dist[-{group}][-{arch}]', { os: 'windows', arch: 'AMD64' }, 'dist-AMD64'],
    ['fixed', { os: 'linux', arch: 'x' }, 'fixed']
  ])('%s with %j → %s', (template, values, name) =>
    expect(expandArtifactName(template, values)).toBe(name)
  )

  test.each([
    ['wheels-{platform}', /unknown placeholder \{platform\}/],
    ['wheels-{group}', /uses a placeholder that has no value in this job/],
    ['wheels[-{group}', /unbalanced or nested/],
    ['w[[{os}]]', /unbalanced or nested/],
    ['wheels/{os}', /character artifacts cannot have/],
    ['[{group}]', /empty/]
  ])('%s is refused', (template, message) => {
    expect(() => expandArtifactName(template, { os: 'linux', arch: 'x86_64' })).toThrow(message)
    expect(() => expandArtifactName(template, { os: 'linux', arch: 'x86_64' })).toThrow(
      /^artifact-name: /
    )
  })

  test('checkArtifactName', () => {
    expect(checkArtifactName('sdist')).toBe('sdist')
    expect(() => checkArtifactName('a:b')).toThrow(UserError)
  })

  test.each([
    [
      'wheels-* sdist*',
      ['wheels-linux-x86_64', 'sdist', 'coverage', 'wheels-macos-arm64'],
      ['wheels-linux-x86_64', 'sdist', 'wheels-macos-arm64']
    ],
    ['wheels-linux-*', ['wheels-linux-x86_64', 'wheels-macos-arm64'], ['wheels-linux-x86_64']],
    ['nightly-*', ['wheels-linux-x86_64'], []]
  ])('pattern %j', (patterns, names, expected) =>
    expect(matchArtifactNames(names, patterns)).toEqual(expected)
  )

  test('a 409 from the service becomes a clear artifact-name error', () => {
    const error = explainArtifactError(
      new Error(
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run'
      ),
      'wheels-linux-x86_64',
      'upload'
    )
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(
      /^artifact-name: an artifact named "wheels-linux-x86_64" already exists in this workflow run \(got "wheels-linux-x86_64"\)\. Hint: every job needs its own artifact name/
    )
    expect(explainArtifactError(new Error('boom'), 'x', 'download').message).toBe(
      'artifact download of "x" failed: boom'
    )
  })

  test('service availability', () => {
    expect(
      artifactServiceMissing({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'u' })
    ).toBeUndefined()
    expect(artifactServiceMissing({ ACTIONS_RUNTIME_TOKEN: 't' })).toBe(
      'the artifact service is not available here (ACTIONS_RESULTS_URL unset)'
    )
  })
})

/** The publish part of the options resolved from `given` inputs in /w. */
function resolvePublishSettings(
  given: Map<string, string>,
  env: Record<string, string>,
  cwd: string,
  password?: string
) {
  const inputs = new Map(given)
  if (password) inputs.set('password', password)
  return resolveOptions({
    inputs,
    env,
    runner: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject('[project]\nname = "x"\nversion = "1"\n', 'pyproject.toml'),
    packageDir: cwd,
    packageInput: '.',
    cwd
  }).publish
}

describe('the publish options', () => {
  const inputs = (entries: Record<string, string>) => new Map(Object.entries(entries))
  test.each([
    [
      {},
      {},
      undefined,
      {
        distDir: '/w/dist',
        username: '__token__',
        artifactPattern: 'wheels-* sdist*',
        compressionLevel: 0
      }
    ],
    [
      { 'dist-dir': 'out', 'artifact-retention-days': '7', 'artifact-compression-level': '9' },
      {},
      'tok',
      { distDir: '/w/out', retentionDays: 7, compressionLevel: 9, password: 'tok' }
    ],
    [
      { 'artifact-retention-days': '0' },
      { TWINE_PASSWORD: 'envtok', TWINE_USERNAME: 'me' },
      undefined,
      { password: 'envtok', username: 'me' }
    ],
    [{ username: 'alice' }, { TWINE_USERNAME: 'me' }, 'x', { username: 'alice', password: 'x' }]
  ])('%j %j %j', (given, env, password, expected) => {
    const settings = resolvePublishSettings(inputs(given), env, '/w', password)
    expect(settings).toMatchObject(expected)
    if (!('password' in expected)) expect(settings.password).toBeUndefined()
    if (!('retentionDays' in expected)) expect(settings.retentionDays).toBeUndefined()
  })

  test.each([
    [
      { 'artifact-retention-days': '91' },
      /artifact-retention-days: must be a whole number from 0 to 90/
    ],
    [
      { 'artifact-compression-level': 'high' },
      /artifact-compression-level: must be a whole number from 0 to 9 \(got "high"\)/
    ]
  ])('%j is refused', (given, message) =>
    expect(() => resolvePublishSettings(inputs(given), {}, '/w')).toThrow(message)
  )
})

describe('the job artifact', () => {
  const settings = resolvePublishSettings(new Map(), {}, '/w')
  test('no files: nothing uploaded, a warning', async () => {
    const reporter = recordingReporter()
    const uploaded = await uploadJobArtifact({
      name: 'wheels-linux-x86_64',
      files: [],
      rootDirectory: '/w',
      settings,
      env: { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      reporter
    })
    expect(uploaded).toBe(false)
    expect(reporter.texts('warning')).toEqual([
      'no files to upload: artifact wheels-linux-x86_64 was not created'
    ])
    expect(reporter.outputs).toEqual({})
  })

  test('no artifact service: a warning, the files stay', async () => {
    const reporter = recordingReporter()
    expect(
      await uploadJobArtifact({
        name: 'n',
        files: ['/w/a.whl'],
        rootDirectory: '/w',
        settings,
        env: {},
        reporter
      })
    ).toBe(false)
    expect(reporter.texts('warning')[0]).toMatch(
      /^the artifact service is not available here \(ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL unset\): artifact n was not uploaded/
    )
  })

  test('{arch} is what the job built; wheels are listed once', () => {
    const options = {
      archs: new Set(['x86_64', 'i686']),
      runner: { platform: 'linux', machine: 'x86_64' }
    } as unknown as Options
    const dir = tempDir('wh')
    fs.writeFileSync(path.join(dir, 'a-1-cp311-cp311-manylinux_x86_64.whl'), '')
    const record = (identifier: string, wheel: string) => ({
      identifier,
      wheel,
      size: 0,
      sha256: '',
      seconds: 0,
      tested: 'yes'
    })
    const outcome = {
      records: [
        record('cp311-manylinux_x86_64', 'a-1-cp311-cp311-manylinux_x86_64.whl'),
        record('cp311-manylinux_i686', 'gone.whl')
      ],
      wheels: [path.join(dir, 'a-1-cp311-cp311-manylinux_x86_64.whl')]
    }
    expect(builtArchs(options, outcome)).toBe('i686-x86_64')
    expect(builtArchs(options, { records: [], wheels: [] })).toBe('i686-x86_64')
    expect(jobWheels(dir, outcome)).toEqual([
      path.join(dir, 'a-1-cp311-cp311-manylinux_x86_64.whl')
    ])
  })
})

describe('@actions/artifact against the artifact service stand-in', () => {
  let service: ArtifactStandIn
  const saved = { ...process.env }
  const use = (job: string) => Object.assign(process.env, service.env(job))
  beforeAll(async () => {
    service = await startArtifactStandIn()
    delete process.env.GITHUB_SERVER_URL
  })
  afterAll(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
    await service.close()
  })

  test('20 MiB in concurrent 8 MiB blocks goes up and comes back byte for byte', async () => {
    const root = tempDir('up')
    const big = path.join(root, 'spam_ext-1.0.0.tar.gz')
    fs.writeFileSync(big, crypto.randomBytes(20 * 1024 * 1024))
    fs.writeFileSync(path.join(root, 'spam_ext-1.0.0-py3-none-any.whl'), 'wheel bytes')
    use('job-a')
    const uploaded = await uploadFiles({
      name: 'wheels-linux-x86_64',
      files: fs.readdirSync(root).map(f => path.join(root, f)),
      rootDirectory: root,
      compressionLevel: 0
    })
    expect(uploaded.id).toBeGreaterThan(0)
    const stored = service.artifacts.find(a => a.name === 'wheels-linux-x86_64')
    expect(stored?.blocks.size).toBeGreaterThanOrEqual(3)
    expect(stored?.digest).toBe(`sha256:${uploaded.digest}`)

    use('job-b')
    const dest = tempDir('down')
    const files = await downloadDistributions(
      'wheels-*',
      dest,
      tempDir('scratch'),
      recordingReporter()
    )
    expect(files.map(f => path.basename(f.path)).sort()).toEqual([
      'spam_ext-1.0.0-py3-none-any.whl',
      'spam_ext-1.0.0.tar.gz'
    ])
    expect(
      fs.readFileSync(path.join(dest, 'spam_ext-1.0.0.tar.gz')).equals(fs.readFileSync(big))
    ).toBe(true)
  })

  test('the same name twice in one run: the second upload is refused, naming artifact-name', async () => {
    const root = tempDir('up2')
    fs.writeFileSync(path.join(root, 'x.whl'), 'x')
    use('job-c')
    await expect(
      uploadFiles({
        name: 'wheels-linux-x86_64',
        files: [path.join(root, 'x.whl')],
        rootDirectory: root
      })
    ).rejects.toThrow(
      /^artifact-name: an artifact named "wheels-linux-x86_64" already exists in this workflow run/
    )
  })
})
