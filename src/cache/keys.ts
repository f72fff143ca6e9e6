/**
 * Wheel cache keys: one sha256 over everything that can change a built
 * wheel. A change to any part rebuilds.
 *
 * Which options enter the key comes from one table, KEY_ROLES, that names
 * every field of BuildOptions. A new field that nobody classifies fails the
 * type check, so it can neither be forgotten (a stale hit) nor keyed by
 * chance. A nested option (frontend, containerEngine, dependencyConstraints)
 * is classified as a whole: a change to any of its members counts as a
 * change to it.
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

/**
 * What an option is to the wheel cache:
 * - `key`: it can change the built and repaired wheel, so its value is hashed
 *   into the key;
 * - `key:identifier`, `key:constraints`: it is in the key as a part of its
 *   own (KeyParts.identifier; KeyParts.constraints, the pins it reads to);
 * - `after-restore`: it belongs to a step that a cache hit still runs (the
 *   audit, the tests; see runsOnCacheHit), so a restored wheel meets it
 *   as it is now and it stays out of the key;
 * - `irrelevant`: it changes nothing a build leaves behind.
 */
export type KeyRole = 'key' | 'key:identifier' | 'key:constraints' | 'after-restore' | 'irrelevant'

export const KEY_ROLES = {
  identifier: 'key:identifier',
  beforeAll: 'key',
  beforeBuild: 'key',
  beforeTest: 'after-restore',
  repairCommand: 'key',
  // The built-in repair and the same command written out are run differently
  // (platforms/linux-repair.ts repairs what auditwheel alone refuses).
  repairIsDefault: 'key',
  testCommand: 'after-restore',
  auditCommand: 'after-restore',
  auditCommands: 'after-restore',
  // Installed into the tools venv by the group's setup, which a hit runs too.
  auditRequires: 'after-restore',
  environment: 'key',
  environmentPass: 'key',
  testEnvironment: 'after-restore',
  configSettings: 'key',
  frontend: 'key',
  testRequires: 'after-restore',
  testExtras: 'after-restore',
  testSources: 'after-restore',
  // Its create arguments can set variables and mounts that the build sees.
  containerEngine: 'key',
  image: 'key',
  // How much the frontend prints, not what it builds.
  buildVerbosity: 'irrelevant',
  dependencyVersions: 'key:constraints',
  dependencyConstraints: 'key:constraints'
} as const satisfies Record<keyof BuildOptions, KeyRole>

/** The options whose role is `role`. */
export type OptionsOfRole<Role extends KeyRole> = {
  [K in keyof typeof KEY_ROLES]: (typeof KEY_ROLES)[K] extends Role ? K : never
}[keyof typeof KEY_ROLES]

/** The `key` options and their values, by name: what the key hashes of the options. */
export function buildAffectingOptions(options: BuildOptions): Record<string, unknown> {
  const names = (Object.keys(KEY_ROLES) as (keyof BuildOptions)[])
    .filter(name => KEY_ROLES[name] === 'key')
    .sort()
  return Object.fromEntries(names.map(name => [name, options[name]]))
}

export function wheelCacheKey(parts: KeyParts): string {
  const canonical = JSON.stringify([
    'wheelwright-wheel-cache/2',
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
