/**
 * abi3 and py3-none reuse, as cibuildwheel does it: a wheel built earlier in
 * the run is tested on a later interpreter instead of building again.
 * - abi3 (`cpXY-abi3-<plat>`): for CPython ≥ X.Y that is not free-threaded, on
 *   the same OS family and arch (Windows: the same platform tag exactly).
 * - `py3-none-<plat>` / `py3X-none-<plat>`: for any interpreter ≥ the tag.
 */
import { pythonVersionOf } from '../model/selector.js'
import { isAbi3, parseWheelName } from './filename.js'

export interface BuiltWheel {
  readonly identifier: string
  readonly filename: string
}

function platformFamily(tag: string): { os: string; arch: string } {
  const match = /^(manylinux|musllinux|macosx|android|ios)_(?:\d+_\d+_)?(.+)$/.exec(tag)
  if (match) return { os: match[1], arch: match[2] }
  return { os: tag, arch: '' }
}

function identifierPlatform(identifier: string): string {
  return identifier.slice(identifier.indexOf('-') + 1)
}

function samePlatform(wheelTags: readonly string[], identifier: string): boolean {
  const target = identifierPlatform(identifier)
  const want = platformFamily(target)
  return wheelTags.some(tag => {
    if (tag === target) return true
    if (target.startsWith('win')) return false
    const have = platformFamily(tag)
    return have.os === want.os && have.arch === want.arch
  })
}

export function findCompatibleWheel(
  built: readonly BuiltWheel[],
  identifier: string
): BuiltWheel | undefined {
  const pythonTag = identifier.split('-')[0]
  const { major, minor } = pythonVersionOf(identifier)
  const version = major * 100 + minor
  for (const candidate of built) {
    const wheel = parseWheelName(candidate.filename)
    if (!samePlatform(wheel.platformTags, identifier)) continue
    if (isAbi3(wheel)) {
      if (!pythonTag.startsWith('cp') || pythonTag.endsWith('t')) continue
      const floor = Math.min(...wheel.pythonTags.map(t => Number(t[2]) * 100 + Number(t.slice(3))))
      if (floor <= version) return candidate
    } else if (wheel.abiTags.every(t => t === 'none')) {
      const ok = wheel.pythonTags.some(t => {
        const m = /^py(\d)(\d*)$/.exec(t)
        if (!m) return false
        if (Number(m[1]) !== major) return false
        return m[2] === '' || Number(m[2]) <= minor
      })
      if (ok) return candidate
    }
  }
  return undefined
}
