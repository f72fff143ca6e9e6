/**
 * The platform registry: every platform wheelwright builds, by name. Code
 * outside src/platforms/ finds platform knowledge here, never by a name of its own.
 */
import { LINUX } from './linux.js'
import { MACOS } from './macos.js'
import type { PlatformName } from '../model/platform-names.js'
import type { Platform } from './platform.js'
import { WINDOWS } from './windows.js'

export type { PlatformName, Runner } from '../model/platform-names.js'
export type { Platform } from './platform.js'

/** The platforms wheelwright ships, in the order identifiers and help texts list them. */
const BUILT_IN: readonly Platform[] = Object.freeze([LINUX, MACOS, WINDOWS])

/**
 * The registry itself: the built-in platforms, then any added with
 * registerPlatform (a platform defined outside this folder, e.g. by a test).
 * The one registry of the process, so it is module state on purpose.
 */
const REGISTRY = new Map<PlatformName, Platform>(BUILT_IN.map(p => [p.name, p]))

/** Every platform, in the order identifiers and help texts list them. */
export function platformList(): readonly Platform[] {
  return [...REGISTRY.values()]
}

export function platformNamed(name: PlatformName): Platform {
  const platform = REGISTRY.get(name)
  if (!platform) throw new Error(`no platform named ${JSON.stringify(name)} is registered`)
  return platform
}

export function isRegistered(name: string): boolean {
  return REGISTRY.has(name)
}

/**
 * Adds a platform after the built-in ones; refuses a name already taken.
 * Returns the function that removes it again.
 */
export function registerPlatform(platform: Platform): () => void {
  if (REGISTRY.has(platform.name))
    throw new Error(`a platform named ${JSON.stringify(platform.name)} is already registered`)
  REGISTRY.set(platform.name, platform)
  return () => unregisterPlatform(platform.name)
}

/** Removes a platform registerPlatform added; the built-in ones stay. */
export function unregisterPlatform(name: PlatformName): void {
  if (BUILT_IN.some(p => p.name === name))
    throw new Error(`the built-in platform ${JSON.stringify(name)} cannot be unregistered`)
  REGISTRY.delete(name)
}
