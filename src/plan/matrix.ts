/**
 * The fan-out matrix: identifiers grouped per platform tag (one runner kind and
 * one image family each, e.g. `manylinux_x86_64`), split
 * into balanced groups when `max-per-job` is set. Groups are contiguous runs
 * of the catalogue order, so an abi3 wheel built for the oldest Python of a
 * group is reused by the newer ones in the same job.
 */
import type { PlatformName } from '../model/platform-names.js'
import { platformNamed } from '../platforms/index.js'
import type { PythonConfiguration } from '../model/catalogue.js'

export interface MatrixEntry {
  readonly os: string
  readonly platform: PlatformName
  readonly archs: string
  readonly group: string
  readonly identifiers: readonly string[]
}

/**
 * How much an emulated identifier weighs against max-per-job: QEMU builds are
 * 5 to 20 times slower than native ones; the low end keeps groups useful.
 */
export const EMULATION_WEIGHT = 5

/** Splits `items` into `count` contiguous chunks whose sizes differ by at most one. */
export function balancedChunks<T>(items: readonly T[], count: number): T[][] {
  const chunks: T[][] = []
  let start = 0
  for (let i = 0; i < count; i++) {
    const size = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0)
    chunks.push(items.slice(start, start + size))
    start += size
  }
  return chunks.filter(c => c.length > 0)
}

export function buildMatrix(
  configurations: readonly PythonConfiguration[],
  maxPerJob: number
): MatrixEntry[] {
  const byArch = new Map<string, PythonConfiguration[]>()
  for (const c of configurations) {
    // One bucket per platform tag: manylinux and musllinux need different images.
    const key = c.identifier.slice(c.identifier.indexOf('-') + 1)
    byArch.set(key, [...(byArch.get(key) ?? []), c])
  }
  const entries: MatrixEntry[] = []
  for (const [key, list] of byArch) {
    const { platform, arch } = list[0]
    const owner = platformNamed(platform)
    // An identifier built under emulation on its runner counts as several.
    const weight = owner.containers?.emulatedOn(arch, owner.runners.machine(arch))
      ? EMULATION_WEIGHT
      : 1
    const count =
      maxPerJob > 0 ? Math.min(list.length, Math.ceil((list.length * weight) / maxPerJob)) : 1
    const chunks = balancedChunks(list, count)
    chunks.forEach((chunk, index) => {
      entries.push({
        os: platformNamed(platform).runners.label(arch),
        platform,
        archs: arch,
        group: chunks.length > 1 ? `${key}-${index + 1}` : key,
        identifiers: chunk.map(c => c.identifier)
      })
    })
  }
  return entries
}
