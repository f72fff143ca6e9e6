/**
 * The identifier catalogue (resources/build-platforms.json, generated from
 * the cibuildwheel release we match) as data: each platform module loads its
 * own configurations from here.
 */
import catalogue from '../../resources/build-platforms.json' with { type: 'json' }
import type { PlatformName } from './platform-names.js'

export interface PythonConfiguration {
  readonly identifier: string
  readonly platform: PlatformName
  /** The arch as the `archs` option names it on this platform. */
  readonly arch: string
  /** `3.12`, or a full version for Windows CPython (`3.12.10`). */
  readonly version: string
  /** Linux: the interpreter prefix inside a manylinux image. */
  readonly pathStr?: string
  /** macOS/Windows PyPy, GraalPy (and macOS CPython): the installer archive. */
  readonly url?: string
  readonly sha256?: string
}

interface RawEntry {
  identifier: string
  version: string
  path_str?: string
  url?: string
  sha256?: string
}

export const CATALOGUE_SOURCE: string = catalogue.source

/** The platform tag of an identifier: `cp312-manylinux_x86_64` → `manylinux_x86_64`. */
export function platformTagOf(identifier: string): string {
  return identifier.slice(identifier.indexOf('-') + 1)
}

/** The catalogue's configurations of `platform`, each with its arch. */
export function catalogueConfigurations(
  platform: PlatformName,
  archOfTag: (platformTag: string) => string
): PythonConfiguration[] {
  const entries = (catalogue.platforms as Record<string, RawEntry[]>)[platform] ?? []
  return entries.map(e => ({
    identifier: e.identifier,
    platform,
    arch: archOfTag(platformTagOf(e.identifier)),
    version: e.version,
    ...(e.path_str ? { pathStr: e.path_str } : {}),
    ...(e.url ? { url: e.url, sha256: e.sha256 } : {})
  }))
}

/** A platform cibuildwheel builds and the catalogue lists, as its identifiers show it. */
export interface CataloguedPlatform {
  readonly name: string
  /** What its platform tags start with: `ios_` for `cp313-ios_arm64_iphoneos`. */
  readonly tagPrefix: string
  /** Its archs: each platform tag without the prefix (`arm64_iphoneos`). */
  readonly archs: readonly string[]
  readonly identifiers: readonly string[]
}

/**
 * The platforms the catalogue lists apart, as ones cibuildwheel builds and
 * wheelwright has no module for yet (pyodide, android, ios), derived from
 * their identifiers. A platform the registry knows is left out by its caller.
 */
export function cataloguedElsewhere(): readonly CataloguedPlatform[] {
  const lists = catalogue.notSupportedYet as Record<string, string[]>
  return Object.entries(lists).map(([name, identifiers]) => {
    const tags = identifiers.map(platformTagOf)
    const tagPrefix = tags.length > 0 ? tags[0].slice(0, tags[0].indexOf('_') + 1) : `${name}_`
    return {
      name,
      tagPrefix,
      archs: [...new Set(tags.map(tag => tag.slice(tagPrefix.length)))],
      identifiers
    }
  })
}
