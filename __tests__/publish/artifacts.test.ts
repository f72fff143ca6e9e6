/** Artifact names and patterns, errors, and @actions/artifact against the service stand-in. */
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
} from '../../src/publish/artifacts.js'
import { UserError } from '../../src/util/errors.js'
import {
  startArtifactStandIn,
  type ArtifactStandIn
} from '../../__fixtures__/standins/artifact-service.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { tempDir } from '../helpers/tools.js'

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
