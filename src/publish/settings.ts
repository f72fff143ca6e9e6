/**
 * The publish inputs that Options does not carry, resolved purely from the
 * inputs map and the environment: dist-dir, username, the password's source,
 * the artifact pattern, retention and compression.
 */
import path from 'node:path'
import type { Env } from '../options/env.js'
import type { PublishMode } from '../options/types.js'
import { UserError } from '../util/errors.js'
import { tagOfRef } from './tag.js'

export const DEFAULT_ARTIFACT_PATTERN = 'wheels-* sdist*'
export const DEFAULT_USERNAME = '__token__'
export const SDIST_ARTIFACT_NAME = 'sdist'

export interface PublishSettings {
  /** Absolute dist-dir. */
  readonly distDir: string
  readonly username: string
  /** The password (API token), from the password input or TWINE_PASSWORD. */
  readonly password?: string
  readonly artifactPattern: string
  /** Undefined: the repository's default. */
  readonly retentionDays?: number
  readonly compressionLevel: number
}

const given = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim()

function integer(
  value: string | undefined,
  key: string,
  min: number,
  max: number,
  hint: string
): number | undefined {
  const text = given(value)
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UserError(`must be a whole number from ${min} to ${max}`, { key, value: text, hint })
  }
  return Number(text)
}

export function resolvePublishSettings(
  inputs: ReadonlyMap<string, string>,
  env: Env,
  cwd: string,
  password?: string
): PublishSettings {
  const retention = integer(
    inputs.get('artifact-retention-days'),
    'artifact-retention-days',
    0,
    90,
    'leave it empty (or 0) for the repository setting'
  )
  return {
    distDir: path.resolve(cwd, given(inputs.get('dist-dir')) ?? 'dist'),
    username: given(inputs.get('username')) ?? given(env.TWINE_USERNAME) ?? DEFAULT_USERNAME,
    ...((given(password) ?? given(env.TWINE_PASSWORD))
      ? { password: (given(password) ?? given(env.TWINE_PASSWORD)) as string }
      : {}),
    artifactPattern: given(inputs.get('artifact-pattern')) ?? DEFAULT_ARTIFACT_PATTERN,
    ...(retention ? { retentionDays: retention } : {}),
    compressionLevel:
      integer(
        inputs.get('artifact-compression-level'),
        'artifact-compression-level',
        0,
        9,
        '0 stores (wheels and sdists are already compressed), 9 compresses most'
      ) ?? 0
  }
}

/** Whether build mode publishes: `true` always, `tag` only on a tag ref. */
export function shouldPublish(mode: PublishMode, ref: string | undefined): boolean {
  return mode === 'true' || (mode === 'tag' && tagOfRef(ref) !== undefined)
}
