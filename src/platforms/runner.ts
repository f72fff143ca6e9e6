/**
 * Which machine we run on: from RUNNER_OS / RUNNER_ARCH when a runner sets
 * them, else from Node's process.platform / process.arch. Also decides the
 * runner assumed by `--dry-run` for another platform.
 */
import type { Env } from '../model/env.js'
import { platformList } from './index.js'
import type { Runner } from '../model/platform-names.js'

export type { PlatformName, Runner } from '../model/platform-names.js'

export function detectRunner(
  env: Env,
  nodePlatform: string = process.platform,
  nodeArch: string = process.arch
): Runner {
  const runnerOs = (env.RUNNER_OS ?? '').toLowerCase()
  const platform =
    platformList().find(p => p.runners.os === runnerOs) ??
    platformList().find(p => p.runners.nodePlatform === nodePlatform) ??
    platformList()[0]
  const arch = (env.RUNNER_ARCH ?? '').toLowerCase() || nodeArch
  return { platform: platform.name, machine: platform.runners.machines[arch] ?? arch }
}

/** The machine this process runs on (RUNNER_* ignored). */
export function thisMachine(): Runner {
  return detectRunner({})
}
