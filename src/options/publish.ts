/**
 * The publishing part of the options: the index, credentials, dist-dir and
 * the artifact settings, all checked before any work starts.
 */
import path from 'node:path'
import type { Env } from '../model/env.js'
import type { IfNoFilesFound, PublishMode, PublishOptions } from '../model/options.js'
import { integerInRange, nonEmpty, parseChoice, type Keyed } from './values.js'

export const PYPI_UPLOAD_URL = 'https://upload.pypi.org/legacy/'
export const DEFAULT_ARTIFACT_PATTERN = 'wheels-* sdist*'
export const DEFAULT_USERNAME = '__token__'
export const DEFAULT_ARTIFACT_NAME = 'wheels-{os}-{arch}[-{group}]'
/** Seconds per try of each request to the index (publish/bounded.ts). */
export const DEFAULT_INDEX_TIMEOUT_SECONDS = 120

export interface PublishSources {
  /** An explicit input or flag. */
  readonly input: (name: string) => string | undefined
  /** An input, else `[tool.wheelwright]`. */
  readonly ours: (name: string) => Keyed
  readonly bool: (name: string, fallback: boolean) => boolean
  readonly env: Env
  readonly cwd: string
}

export function resolvePublishOptions({
  input,
  ours,
  bool,
  env,
  cwd
}: PublishSources): PublishOptions {
  const password = input('password') ?? nonEmpty(env.TWINE_PASSWORD)
  const retentionDays = integerInRange(
    { value: input('artifact-retention-days'), key: 'artifact-retention-days' },
    0,
    90,
    'leave it empty (or 0) for the repository setting'
  )
  return {
    mode: parseChoice(ours('publish'), ['false', 'true', 'tag'], 'false') as PublishMode,
    repositoryUrl: ours('repository-url').value ?? PYPI_UPLOAD_URL,
    username: input('username') ?? nonEmpty(env.TWINE_USERNAME) ?? DEFAULT_USERNAME,
    ...(password ? { password } : {}),
    skipExisting: bool('skip-existing', false),
    attestations: bool('attestations', true),
    verifyTag: bool('verify-tag', true),
    verifyMetadata: bool('verify-metadata', true),
    printHash: bool('print-hash', false),
    verbose: bool('verbose', false),
    indexTimeoutSeconds:
      integerInRange(
        ours('index-timeout'),
        1,
        3600,
        'seconds per request to the index, 1 to 3600'
      ) ?? DEFAULT_INDEX_TIMEOUT_SECONDS,
    distDir: path.resolve(cwd, input('dist-dir') ?? 'dist'),
    artifactPattern: input('artifact-pattern') ?? DEFAULT_ARTIFACT_PATTERN,
    uploadArtifact: bool('upload-artifact', true),
    overwrite: bool('overwrite', false),
    ifNoFilesFound: parseChoice(
      ours('if-no-files-found'),
      ['warn', 'error', 'ignore'],
      'warn'
    ) as IfNoFilesFound,
    artifactName: ours('artifact-name').value ?? DEFAULT_ARTIFACT_NAME,
    artifactNameGiven: input('artifact-name') !== undefined,
    ...(retentionDays ? { retentionDays } : {}),
    compressionLevel:
      integerInRange(
        { value: input('artifact-compression-level'), key: 'artifact-compression-level' },
        0,
        9,
        '0 stores (wheels and sdists are already compressed), 9 compresses most'
      ) ?? 0
  }
}
