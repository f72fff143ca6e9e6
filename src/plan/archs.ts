/**
 * The `archs` option: `auto`, `native`, `all`, `auto64`, `auto32`, explicit
 * names, and the synonyms between OSes (x86_64 ↔ AMD64, aarch64 ↔ arm64 ↔
 * ARM64). Each platform module holds its own names; this module only combines them.
 */
import { EXIT, UserError } from '../util/errors.js'
import type { PlatformName, Runner } from '../model/platform-names.js'
import { platformList, platformNamed } from '../platforms/index.js'
import type { CommonMachine } from '../platforms/platform.js'
import { notYetPlatforms } from './identifiers.js'

/** The same machine under another OS's name; null when that OS has no such arch. */
export function archSynonym(arch: string, from: PlatformName, to: PlatformName): string | null {
  const source = platformNamed(from).archs.synonyms
  const common = (Object.keys(source) as CommonMachine[]).find(m => source[m] === arch)
  return common === undefined ? arch : platformNamed(to).archs.synonyms[common]
}

export function nativeArch(platform: PlatformName, runner: Runner): string | null {
  if (runner.platform === platform) return runner.machine
  return archSynonym(runner.machine, runner.platform, platform)
}

export function parseArchs(
  value: string,
  platform: PlatformName,
  runner: Runner,
  key = 'archs'
): Set<string> {
  const target = platformNamed(platform)
  const result = new Set<string>()
  const native = nativeArch(platform, runner)
  for (const word of value.split(/[\s,]+/).filter(Boolean)) {
    switch (word) {
      case 'auto':
        if (native) target.archs.auto(native).forEach(a => result.add(a))
        break
      case 'native':
        if (native) result.add(native)
        break
      case 'all':
        target.archs.all.forEach(a => result.add(a))
        break
      case 'auto64':
        if (native && !target.archs.bits32.includes(native)) result.add(native)
        break
      case 'auto32':
        if (native && target.archs.bits32.includes(native)) result.add(native)
        else if (native && target.archs.auto32[native]) result.add(target.archs.auto32[native])
        break
      default: {
        const name = resolveArchName(word, platform)
        if (!name) {
          throw new UserError('unknown architecture', {
            key,
            value: word,
            hint: `use auto, native, all, auto64, auto32 or one of ${target.archs.all.join(', ')}`
          })
        }
        result.add(name)
      }
    }
  }
  return result
}

/** Case-insensitive name lookup, preferring the names of `platform`. */
function resolveArchName(word: string, platform: PlatformName): string | undefined {
  const lower = word.toLowerCase()
  const own = platformNamed(platform).archs.all.find(a => a.toLowerCase() === lower)
  if (own) return own
  for (const other of platformList()) {
    const found = other.archs.all.find(a => a.toLowerCase() === lower)
    if (found) return found
  }
  // Archs of the catalogue's platforms that no registered platform builds yet.
  return notYetPlatforms()
    .flatMap(p => p.archs)
    .find(a => a === lower)
}

/** cibuildwheel refuses archs the platform cannot build (exit 4). */
export function checkAllowedArchs(
  archs: ReadonlySet<string>,
  platform: PlatformName,
  key = 'archs'
): void {
  const allowed = platformNamed(platform).archs.all
  const bad = [...archs].filter(a => !allowed.includes(a))
  if (bad.length > 0) {
    const renames = bad.flatMap(arch =>
      platformList()
        .map(from =>
          from.archs.all.includes(arch) ? archSynonym(arch, from.name, platform) : null
        )
        .filter((name): name is string => !!name && name !== arch && allowed.includes(name))
        .slice(0, 1)
        .map(name => `${arch} is called ${name} on ${platform}`)
    )
    throw new UserError(`${platform} cannot build ${bad.join(', ')}`, {
      key,
      value: bad.join(' '),
      exitCode: EXIT.deprecated,
      hint: [...renames, `${platform} supports ${allowed.join(', ')}`].join('; ')
    })
  }
}

/** An empty selection of archs: nothing this runner can build natively. */
export function checkArchsSelected(
  archs: ReadonlySet<string>,
  platform: PlatformName,
  key = 'archs'
): void {
  if (archs.size === 0) {
    throw new UserError(`no architecture selected for ${platform}`, {
      key,
      hint: `this runner cannot build ${platform} natively; name the archs explicitly`
    })
  }
}
