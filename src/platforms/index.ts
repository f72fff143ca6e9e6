/**
 * The platform registry: every platform wheelwright builds, by name. Code
 * outside src/platforms/ finds platform knowledge here.
 */
import { LINUX } from './linux.js'
import { MACOS } from './macos.js'
import type { PlatformName } from '../model/platform-names.js'
import type { Platform } from './platform.js'
import { WINDOWS } from './windows.js'

export type { PlatformName, Runner } from '../model/platform-names.js'
export type { Platform } from './platform.js'

const REGISTRY: Readonly<Record<PlatformName, Platform>> = Object.freeze({
  linux: LINUX,
  macos: MACOS,
  windows: WINDOWS
})

/** Every platform, in the order identifiers and help texts list them. */
export const PLATFORM_LIST: readonly Platform[] = Object.freeze(Object.values(REGISTRY))

export function platformNamed(name: PlatformName): Platform {
  return REGISTRY[name]
}
