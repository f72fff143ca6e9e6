/** The runner (platform and machine) from RUNNER_OS/RUNNER_ARCH, or from node's own. */
import { describe, expect, test } from '@jest/globals'
import { detectRunner } from '../../src/platforms/runner.js'

describe('runner detection', () => {
  test.each([
    [
      { RUNNER_OS: 'Windows', RUNNER_ARCH: 'X64' },
      'linux',
      'x64',
      { platform: 'windows', machine: 'AMD64' }
    ],
    [
      { RUNNER_OS: 'Windows', RUNNER_ARCH: 'ARM64' },
      'linux',
      'x64',
      { platform: 'windows', machine: 'ARM64' }
    ],
    [
      { RUNNER_OS: 'Windows', RUNNER_ARCH: 'X86' },
      'win32',
      'x64',
      { platform: 'windows', machine: 'x86' }
    ],
    [
      { RUNNER_OS: 'macOS', RUNNER_ARCH: 'ARM64' },
      'linux',
      'x64',
      { platform: 'macos', machine: 'arm64' }
    ],
    [
      { RUNNER_OS: 'macOS', RUNNER_ARCH: 'X64' },
      'darwin',
      'arm64',
      { platform: 'macos', machine: 'x86_64' }
    ],
    [
      { RUNNER_OS: 'Linux', RUNNER_ARCH: 'ARM64' },
      'darwin',
      'x64',
      { platform: 'linux', machine: 'aarch64' }
    ],
    [{ RUNNER_OS: 'macos' }, 'linux', 'arm64', { platform: 'macos', machine: 'arm64' }],
    [{}, 'win32', 'arm64', { platform: 'windows', machine: 'ARM64' }],
    [{}, 'darwin', 'x64', { platform: 'macos', machine: 'x86_64' }],
    [{}, 'linux', 'x64', { platform: 'linux', machine: 'x86_64' }],
    [{}, 'linux', 'ppc64', { platform: 'linux', machine: 'ppc64le' }]
  ] as const)('%j on node %s/%s → %j', (env, nodePlatform, nodeArch, runner) => {
    expect(detectRunner(env, nodePlatform, nodeArch)).toEqual(runner)
  })
})
