/** manylinux/musllinux policy names → pinned image references (resources/pinned-images.json). */
import pinned from '../../resources/pinned-images.json' with { type: 'json' }
import { UserError } from '../util/errors.js'

const REMOVED: readonly string[] = [
  'manylinux1',
  'manylinux2010',
  'manylinux_2_24',
  'musllinux_1_1'
]
const IMAGES = pinned.images as Record<string, Record<string, string>>

/** Resolves `value` (a policy name or a full reference) for `arch`. */
export function resolveImage(value: string, arch: string, key: string): string {
  if (REMOVED.includes(value)) {
    throw new UserError('names an image policy that is no longer built', {
      key,
      value,
      hint: 'use manylinux_2_28 (or manylinux2014, manylinux_2_34), or give a full image reference'
    })
  }
  if (value.includes('/') || value.includes(':') || value.includes('@')) return value
  const table = IMAGES[arch]
  const image = table?.[value]
  if (!image) {
    throw new UserError(`has no pinned image for ${arch}`, {
      key,
      value,
      hint: table
        ? `known policies for ${arch}: ${Object.keys(table).join(', ')}; or give a full image reference`
        : 'give a full image reference'
    })
  }
  return image
}
