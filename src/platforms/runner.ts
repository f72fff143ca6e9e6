/**
 * Which machine we run on: from RUNNER_OS / RUNNER_ARCH when a runner sets
 * them, else from Node's process.platform / process.arch. Also decides the
 * runner assumed by `--dry-run` for another platform.
 */
import type { Env } from '../options/env.js'

export type PlatformName = 'linux' | 'macos' | 'windows'
export const PLATFORMS: readonly PlatformName[] = ['linux', 'macos', 'windows']

export interface Runner {
  readonly platform: PlatformName
  /** The machine name as `platform.machine()` spells it on that OS. */
  readonly machine: string
}

/** RUNNER_OS values (`Linux`, `macOS`, `Windows`), compared case-insensitively. */
const RUNNER_OS: Record<string, PlatformName> = {
  linux: 'linux',
  macos: 'macos',
  windows: 'windows'
}
const NODE_PLATFORM: Record<string, PlatformName> = {
  linux: 'linux',
  darwin: 'macos',
  win32: 'windows'
}

/** Machine names per OS for each runner/Node arch. */
const MACHINES: Record<string, Record<PlatformName, string>> = {
  x64: { linux: 'x86_64', macos: 'x86_64', windows: 'AMD64' },
  arm64: { linux: 'aarch64', macos: 'arm64', windows: 'ARM64' },
  x86: { linux: 'i686', macos: 'i386', windows: 'x86' },
  ia32: { linux: 'i686', macos: 'i386', windows: 'x86' },
  arm: { linux: 'armv7l', macos: 'arm', windows: 'ARM' },
  ppc64: { linux: 'ppc64le', macos: 'ppc64', windows: 'ppc64' },
  s390x: { linux: 's390x', macos: 's390x', windows: 's390x' },
  riscv64: { linux: 'riscv64', macos: 'riscv64', windows: 'riscv64' }
}

export function detectRunner(
  env: Env,
  nodePlatform: string = process.platform,
  nodeArch: string = process.arch
): Runner {
  const platform =
    RUNNER_OS[(env.RUNNER_OS ?? '').toLowerCase()] ?? NODE_PLATFORM[nodePlatform] ?? 'linux'
  const arch = (env.RUNNER_ARCH ?? '').toLowerCase() || nodeArch
  const machine = MACHINES[arch]?.[platform] ?? arch
  return { platform, machine }
}
