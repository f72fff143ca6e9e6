/** The archs option per platform and runner. */
import { describe, expect, test } from '@jest/globals'
import { parseArchs } from '../../src/plan/archs.js'

describe('archs', () => {
  const linux = { platform: 'linux' as const, machine: 'x86_64' }
  const mac = { platform: 'macos' as const, machine: 'arm64' }
  test.each([
    ['auto', 'linux', linux, ['x86_64']],
    ['auto', 'windows', linux, ['AMD64', 'x86']],
    ['auto', 'macos', linux, ['x86_64']],
    ['native', 'windows', mac, ['ARM64']],
    ['auto64', 'linux', linux, ['x86_64']],
    ['auto32', 'linux', linux, ['i686']],
    ['auto32', 'macos', mac, []],
    ['all', 'macos', linux, ['x86_64', 'arm64', 'universal2']],
    ['x86_64, aarch64', 'linux', linux, ['x86_64', 'aarch64']],
    ['amd64', 'windows', linux, ['AMD64']],
    ['ARM64', 'macos', linux, ['arm64']]
  ] as const)('%s on %s', (value, platform, runner, expected) => {
    expect([...parseArchs(value, platform, runner)]).toEqual(expected)
  })
})
