/**
 * The identifier catalogue (resources/build-platforms.json, generated from
 * the cibuildwheel release we match) as data: each platform module loads its
 * own configurations from here; the catalogue's other platforms are the ones
 * not supported yet.
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

/** A platform of the catalogue, as its identifiers show it. */
export interface CataloguedPlatform {
  readonly name: string
  /** What its platform tags start with: `ios_` for `cp313-ios_arm64_iphoneos`. */
  readonly tagPrefixes: readonly string[]
  /** Its archs: each platform tag without its prefix (`arm64_iphoneos`). */
  readonly archs: readonly string[]
  readonly identifiers: readonly string[]
}

/**
 * Every platform of the catalogue (cibuildwheel builds them all), derived
 * from its identifiers. Those with no registered module are the ones
 * wheelwright does not build yet (pyodide, android, ios).
 */
export function cataloguedPlatforms(): readonly CataloguedPlatform[] {
  const lists = catalogue.platforms as Record<string, RawEntry[]>
  return Object.entries(lists).map(([name, entries]) => {
    const identifiers = entries.map(e => e.identifier)
    const tags = identifiers.map(platformTagOf)
    const prefixOf = (tag: string) => tag.slice(0, tag.indexOf('_') + 1)
    return {
      name,
      tagPrefixes: [...new Set(tags.map(prefixOf))],
      archs: [...new Set(tags.map(tag => tag.slice(prefixOf(tag).length)))],
      identifiers
    }
  })
}
