/**
 * Identifiers across platforms: which platform an identifier or a platform
 * name means, and the selection of identifiers for a platform, archs and
 * selector, in catalogue order. Platform knowledge comes from the registry.
 */
import { UserError } from '../util/errors.js'
import { listing } from '../util/text.js'
import type { PlatformName, Runner } from '../model/platform-names.js'
import { isRegistered, platformList, platformNamed } from '../platforms/index.js'
import {
  cataloguedPlatforms,
  platformTagOf,
  type CataloguedPlatform,
  type PythonConfiguration
} from '../model/catalogue.js'
import { isSelected, type BuildSelectorConfig } from '../model/selector.js'

export type { PythonConfiguration } from '../model/catalogue.js'

/** The arch of an identifier, as the `archs` option of its platform names it. */
export function archOfIdentifier(identifier: string): string {
  const tag = platformTagOf(identifier)
  const platform = platformList().find(p => p.identifiers.owns(identifier))
  return platform ? platform.archs.ofTag(tag) : tag
}

export function allConfigurations(platform: PlatformName): readonly PythonConfiguration[] {
  return platformNamed(platform).identifiers.configurations
}

/** Every identifier cibuildwheel knows, including platforms we do not build yet. */
export function allKnownIdentifiers(): string[] {
  return [
    ...platformList().flatMap(p => p.identifiers.configurations.map(c => c.identifier)),
    ...notYetPlatforms().flatMap(p => p.identifiers)
  ]
}

/** The catalogue's platforms that no registered platform builds (yet). */
export function notYetPlatforms(): CataloguedPlatform[] {
  return cataloguedPlatforms().filter(p => !isRegistered(p.name))
}

export function notSupportedYet(platform: string, key: string): UserError {
  const names = platformList().map(p => p.name)
  return new UserError(`the ${platform} platform is not supported yet`, {
    key,
    value: platform,
    hint: `wheelwright builds ${listing(names, 'and')} wheels; use cibuildwheel for this one for now`
  })
}

/** The platform named by an `only` identifier, as cibuildwheel derives it. */
export function platformOfIdentifier(only: string, key = 'only'): PlatformName {
  const platform = platformList().find(p => p.identifiers.owns(only))
  if (platform) return platform.name
  for (const other of notYetPlatforms()) {
    if (other.tagPrefixes.some(prefix => only.includes(prefix)))
      throw notSupportedYet(other.name, key)
  }
  throw new UserError('is not a build identifier with a known platform', {
    key,
    value: only,
    hint: 'use an identifier from `wheelwright plan --print-identifiers`, e.g. cp312-manylinux_x86_64'
  })
}

export function parsePlatformName(value: string, key = 'platform'): PlatformName | 'auto' {
  if (value === 'auto') return value
  const platform = platformList().find(p => p.name === value)
  if (platform) return platform.name
  if (notYetPlatforms().some(p => p.name === value)) throw notSupportedYet(value, key)
  throw new UserError('unknown platform', {
    key,
    value,
    hint: `use ${listing(['auto', ...platformList().map(p => p.name)], 'or')}`
  })
}

/**
 * The identifiers to build for `platform`, in catalogue order: an entry is kept
 * when its arch is selected, the selector accepts it, and the runner can build it.
 */
export function selectConfigurations(
  platform: PlatformName,
  archs: ReadonlySet<string>,
  selector: BuildSelectorConfig,
  runner: Runner
): PythonConfiguration[] {
  const chosen = platformNamed(platform)
  return chosen.identifiers.configurations.filter(
    c =>
      archs.has(c.arch) &&
      isSelected(selector, c.identifier) &&
      chosen.identifiers.buildableOn(c, runner)
  )
}
