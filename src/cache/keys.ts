/**
 * Wheel cache keys: one sha256 over everything that can change a built
 * wheel. A change to any part rebuilds.
 */
import crypto from 'node:crypto'
import type { BuildOptions } from '../model/options.js'

export interface KeyParts {
  /** From sourceDigest(). */
  readonly sources: string
  readonly identifier: string
  readonly options: BuildOptions
  /** Container builds: the image ID. Host builds: the interpreter's version and path. */
  readonly toolchain: string
  /** Variables that reach the build and may change it (SOURCE_DATE_EPOCH, passed ones, ...). */
  readonly env: Readonly<Record<string, string>>
  readonly version: string
  /** The tool pins the build installs with (`dependency-versions`); none for `latest`. */
  readonly constraints?: string
}

/** The options that change what is built (not the ones that only change tests). */
export function buildAffectingOptions(options: BuildOptions): Record<string, unknown> {
  return {
    beforeAll: options.beforeAll,
    beforeBuild: options.beforeBuild,
    repairCommand: options.repairCommand,
    environment: options.environment,
    environmentPass: options.environmentPass,
    configSettings: options.configSettings,
    frontend: options.frontend,
    image: options.image
  }
}

export function wheelCacheKey(parts: KeyParts): string {
  const canonical = JSON.stringify([
    'wheelwright-wheel-cache/1',
    parts.version,
    parts.identifier,
    parts.sources,
    parts.toolchain,
    buildAffectingOptions(parts.options),
    Object.entries(parts.env).sort(([a], [b]) => a.localeCompare(b)),
    parts.constraints ?? ''
  ])
  return crypto.createHash('sha256').update(canonical).digest('hex')
}
