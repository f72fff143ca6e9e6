/**
 * The identifier catalogue (resources/build-platforms.json, generated from the
 * cibuildwheel release we match) and the selection of identifiers for a
 * platform, archs and selector, in catalogue order.
 */
import catalogue from '../../resources/build-platforms.json' with { type: 'json' }
import { UserError } from '../util/errors.js'
import type { PlatformName, Runner } from '../platforms/runner.js'
import { isSelected, type BuildSelectorConfig } from './selector.js'

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

const WINDOWS_ARCH: Record<string, string> = {
  win32: 'x86',
  win_amd64: 'AMD64',
  win_arm64: 'ARM64'
}

export function archOfIdentifier(identifier: string): string {
  const platformTag = identifier.slice(identifier.indexOf('-') + 1)
  if (WINDOWS_ARCH[platformTag]) return WINDOWS_ARCH[platformTag]
  return platformTag.replace(/^(manylinux|musllinux|macosx)_/, '')
}

function load(platform: PlatformName): PythonConfiguration[] {
  const entries = (catalogue.platforms as Record<string, RawEntry[]>)[platform]
  return entries.map(e => ({
    identifier: e.identifier,
    platform,
    arch: archOfIdentifier(e.identifier),
    version: e.version,
    ...(e.path_str ? { pathStr: e.path_str } : {}),
    ...(e.url ? { url: e.url, sha256: e.sha256 } : {})
  }))
}

const CONFIGURATIONS: Record<PlatformName, readonly PythonConfiguration[]> = {
  linux: load('linux'),
  macos: load('macos'),
  windows: load('windows')
}

export const CATALOGUE_SOURCE: string = catalogue.source

export function allConfigurations(platform: PlatformName): readonly PythonConfiguration[] {
  return CONFIGURATIONS[platform]
}

/** Every identifier cibuildwheel knows, including platforms we do not build yet. */
export function allKnownIdentifiers(): string[] {
  const notYet = catalogue.notSupportedYet as Record<string, string[]>
  return [
    ...Object.values(CONFIGURATIONS).flatMap(list => list.map(c => c.identifier)),
    ...Object.values(notYet).flat()
  ]
}

const NOT_YET_TAGS: Record<string, string> = {
  pyodide_: 'pyodide',
  android_: 'android',
  ios_: 'ios'
}
const NOT_YET_PLATFORMS = ['pyodide', 'android', 'ios']

export function notSupportedYet(platform: string, key: string): UserError {
  return new UserError(`the ${platform} platform is not supported yet`, {
    key,
    value: platform,
    hint: 'wheelwright builds linux, macos and windows wheels; use cibuildwheel for this one for now'
  })
}

/** The platform named by an `only` identifier, as cibuildwheel derives it. */
export function platformOfIdentifier(only: string, key = 'only'): PlatformName {
  if (only.includes('linux_')) return 'linux'
  if (only.includes('macosx_')) return 'macos'
  if (only.includes('win_') || only.includes('win32')) return 'windows'
  for (const [tag, platform] of Object.entries(NOT_YET_TAGS)) {
    if (only.includes(tag)) throw notSupportedYet(platform, key)
  }
  throw new UserError('is not a build identifier with a known platform', {
    key,
    value: only,
    hint: 'use an identifier from `wheelwright plan --print-identifiers`, e.g. cp312-manylinux_x86_64'
  })
}

export function parsePlatformName(value: string, key = 'platform'): PlatformName | 'auto' {
  if (value === 'auto' || value === 'linux' || value === 'macos' || value === 'windows')
    return value
  if (NOT_YET_PLATFORMS.includes(value)) throw notSupportedYet(value, key)
  throw new UserError('unknown platform', {
    key,
    value,
    hint: 'use auto, linux, macos or windows'
  })
}

/**
 * The identifiers to build for `platform`, in catalogue order: an entry is kept
 * when its arch is selected and the selector accepts it.
 */
export function selectConfigurations(
  platform: PlatformName,
  archs: ReadonlySet<string>,
  selector: BuildSelectorConfig,
  runner: Runner
): PythonConfiguration[] {
  const archMatches = (c: PythonConfiguration) =>
    platform === 'windows'
      ? archs.has(c.arch)
      : [...archs].some(arch => c.identifier.endsWith(arch))
  let selected = CONFIGURATIONS[platform].filter(
    c => archMatches(c) && isSelected(selector, c.identifier)
  )
  if (platform === 'macos' && runner.machine === 'x86_64') {
    // PyPy and GraalPy arm64 cannot be cross-built from an Intel mac.
    selected = selected.filter(
      c => !(/^(pp|gp)/.test(c.identifier) && c.identifier.endsWith('arm64'))
    )
  }
  return selected
}
