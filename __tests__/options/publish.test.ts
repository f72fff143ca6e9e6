/** The publishing part of the options: index, credentials, dist-dir and artifact settings. */
import { describe, expect, test } from '@jest/globals'
import {
  DEFAULT_ARTIFACT_NAME,
  DEFAULT_INDEX_TIMEOUT_SECONDS,
  PYPI_UPLOAD_URL,
  resolvePublishOptions,
  type PublishSources
} from '../../src/options/publish.js'
import { booleanValue } from '../../src/options/values.js'
import { resolvePublishSettings } from '../helpers/options.js'

/** Sources as resolve.ts gives them: explicit inputs, then [tool.wheelwright] for our keys. */
function sources(
  inputs: Record<string, string> = {},
  wheelwright: Record<string, string> = {},
  env: Record<string, string> = {}
): PublishSources {
  const input = (name: string) => inputs[name]
  const ours = (name: string) =>
    inputs[name] !== undefined
      ? { value: inputs[name], key: name }
      : { value: wheelwright[name], key: `tool.wheelwright.${name}` }
  return {
    input,
    ours,
    bool: (name, fallback) => {
      const { value, key } = ours(name)
      return value === undefined ? fallback : booleanValue(value, key)
    },
    env,
    cwd: '/w'
  }
}

describe('resolvePublishOptions', () => {
  test('the defaults', () => {
    expect(resolvePublishOptions(sources())).toEqual({
      mode: 'false',
      repositoryUrl: PYPI_UPLOAD_URL,
      username: '__token__',
      skipExisting: false,
      attestations: true,
      verifyTag: true,
      verifyMetadata: true,
      printHash: false,
      verbose: false,
      indexTimeoutSeconds: DEFAULT_INDEX_TIMEOUT_SECONDS,
      distDir: '/w/dist',
      artifactPattern: 'wheels-* sdist*',
      uploadArtifact: true,
      overwrite: false,
      ifNoFilesFound: 'warn',
      artifactName: DEFAULT_ARTIFACT_NAME,
      artifactNameGiven: false,
      compressionLevel: 0
    })
  })

  test.each<[string, Record<string, string>, Record<string, string>, object]>([
    ['publish on tags', { publish: 'tag' }, {}, { mode: 'tag' }],
    ['publish as a boolean word', { publish: 'yes' }, {}, { mode: 'true' }],
    ['publish from our table', {}, { publish: 'true' }, { mode: 'true' }],
    [
      'the index from our table; an input wins',
      { 'repository-url': 'https://test.pypi.org/legacy/' },
      { 'repository-url': 'https://example.org/legacy/' },
      { repositoryUrl: 'https://test.pypi.org/legacy/' }
    ],
    ['an absolute dist-dir', { 'dist-dir': '/elsewhere' }, {}, { distDir: '/elsewhere' }],
    ['index-timeout', {}, { 'index-timeout': '30' }, { indexTimeoutSeconds: 30 }],
    [
      'the artifact name, and whether an input gave it',
      { 'artifact-name': 'wheels-{os}' },
      {},
      { artifactName: 'wheels-{os}', artifactNameGiven: true }
    ],
    [
      'an artifact name from our table is not given by an input',
      {},
      { 'artifact-name': 'w-{arch}' },
      { artifactName: 'w-{arch}', artifactNameGiven: false }
    ],
    ['if-no-files-found', { 'if-no-files-found': 'error' }, {}, { ifNoFilesFound: 'error' }],
    [
      'booleans',
      { 'skip-existing': 'true', attestations: 'false', 'print-hash': 'on' },
      { verbose: '1' },
      { skipExisting: true, attestations: false, printHash: true, verbose: true }
    ]
  ])('%s', (_name, inputs, wheelwright, expected) => {
    expect(resolvePublishOptions(sources(inputs, wheelwright))).toMatchObject(expected)
  })

  test.each<[string, Record<string, string>, Record<string, string>, RegExp]>([
    [
      'publish',
      { publish: 'always' },
      {},
      /^publish: is not one of the accepted values.*use false, true, tag/
    ],
    [
      'publish in our table',
      {},
      { publish: 'sometimes' },
      /^tool\.wheelwright\.publish: is not one of the accepted values/
    ],
    [
      'index-timeout of 0',
      {},
      { 'index-timeout': '0' },
      /^tool\.wheelwright\.index-timeout: must be a whole number from 1 to 3600/
    ],
    [
      'index-timeout too long',
      { 'index-timeout': '3601' },
      {},
      /^index-timeout: must be a whole number from 1 to 3600/
    ],
    [
      'if-no-files-found',
      { 'if-no-files-found': 'fail' },
      {},
      /^if-no-files-found: .*use warn, error, ignore/
    ],
    ['a boolean', { 'skip-existing': 'sure' }, {}, /^skip-existing: takes true or false/]
  ])('a bad %s is refused, naming its key', (_name, inputs, wheelwright, message) => {
    expect(() => resolvePublishOptions(sources(inputs, wheelwright))).toThrow(message)
  })
})

describe('the publish options as the entry points resolve them', () => {
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
