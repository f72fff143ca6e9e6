/** PEP 427 wheel file names: parse and the tag facts the pipeline needs. */
import { UserError } from '../util/errors.js'

export interface WheelName {
  readonly filename: string
  readonly distribution: string
  readonly version: string
  readonly build?: string
  readonly pythonTags: readonly string[]
  readonly abiTags: readonly string[]
  readonly platformTags: readonly string[]
}

export function parseWheelName(filename: string): WheelName {
  const base = filename.replace(/^.*[\\/]/, '')
  if (!base.endsWith('.whl')) throw badName(base)
  const parts = base.slice(0, -4).split('-')
  if (parts.length !== 5 && parts.length !== 6) throw badName(base)
  const [distribution, version] = parts
  const build = parts.length === 6 ? parts[2] : undefined
  const [python, abi, platform] = parts.slice(-3)
  return {
    filename: base,
    distribution,
    version,
    ...(build ? { build } : {}),
    pythonTags: python.split('.'),
    abiTags: abi.split('.'),
    platformTags: platform.split('.')
  }
}

function badName(name: string): UserError {
  return new UserError('is not a wheel file name (name-version[-build]-python-abi-platform.whl)', {
    value: name
  })
}

export function isAbi3(wheel: WheelName): boolean {
  return wheel.abiTags.includes('abi3') && wheel.pythonTags.every(t => t.startsWith('cp'))
}

/** A pure-Python wheel (`none-any`): wrong for a native identifier. */
export function isPurePython(wheel: WheelName): boolean {
  return wheel.abiTags.every(t => t === 'none') && wheel.platformTags.every(t => t === 'any')
}
