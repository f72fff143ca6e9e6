/** Image policies to pinned references, and the policies refused. */
import { describe, expect, test } from '@jest/globals'
import pinned from '../../resources/pinned-images.json' with { type: 'json' }
import { resolveImage } from '../../src/container/images.js'

const IMAGES = pinned.images as Record<string, Record<string, string>>

describe('resolveImage', () => {
  test.each([
    ['manylinux_2_28', 'x86_64'],
    ['manylinux2014', 'aarch64'],
    ['musllinux_1_2', 's390x'],
    ['manylinux_2_31', 'armv7l'],
    ['manylinux_2_39', 'riscv64']
  ])('the policy %s for %s is its pinned digest', (policy, arch) => {
    const image = resolveImage(policy, arch, 'manylinux-x86_64-image')
    expect(image).toBe(IMAGES[arch][policy])
    expect(image).toMatch(new RegExp(`/${policy}_${arch}@sha256:[0-9a-f]{64}$`))
  })

  test.each([
    'quay.io/pypa/manylinux_2_28_x86_64:2025.01.01-1',
    'localhost/wheelwright-test/manylinux',
    'registry.example:5000/img',
    'img@sha256:0123'
  ])('a full reference %s is taken as it is', reference => {
    expect(resolveImage(reference, 'x86_64', 'manylinux-x86_64-image')).toBe(reference)
  })

  test.each<[string, string, string, RegExp]>([
    ['manylinux1', 'x86_64', 'manylinux-x86_64-image', /no longer built.*manylinux_2_28/],
    ['manylinux2010', 'i686', 'manylinux-i686-image', /no longer built/],
    ['manylinux_2_24', 'aarch64', 'manylinux-aarch64-image', /no longer built/],
    ['musllinux_1_1', 'x86_64', 'musllinux-x86_64-image', /no longer built/],
    [
      'manylinux_2_28',
      'armv7l',
      'manylinux-armv7l-image',
      /has no pinned image for armv7l.*known policies for armv7l: manylinux_2_31, manylinux_2_35, musllinux_1_2/
    ],
    [
      'manylinux_2_28',
      'sparc',
      'manylinux-sparc-image',
      /has no pinned image for sparc.*give a full image reference/
    ]
  ])('%s for %s is refused, naming %s and the value', (value, arch, key, message) => {
    expect(() => resolveImage(value, arch, key)).toThrow(message)
    expect(() => resolveImage(value, arch, key)).toThrow(new RegExp(`^${key}: .*"${value}"`))
  })
})
