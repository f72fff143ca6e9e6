/** The shared pieces of a host build's plan: its interpreter, its share of the cores. */
import { describe, expect, test } from '@jest/globals'
import { coreShare, hostInterpreter } from '../../src/platforms/host-build.js'
import { platformNamed } from '../../src/platforms/index.js'
import type { Options } from '../../src/model/options.js'
import type { PlanFacts } from '../../src/model/facts.js'
import type { HostInterpreter } from '../../src/model/facts.js'
import { posixLayout } from '../../src/python/layout.js'
import { catalogueFullVersion } from '../../src/python/locations.js'

describe('core budgeting', () => {
  test.each([
    [1, 4, 4, 4],
    [2, 4, 4, 2],
    [4, 4, 4, 1],
    [8, 2, 2, 1],
    [4, 1, 2, 2]
  ])('parallel %i with %i builds on %i cores → %i each', (parallel, builds, cpus, share) => {
    expect(coreShare({ cpuCount: cpus } as never, parallel, builds)).toBe(share)
  })
})

const MACOS = platformNamed('macos')
const cp312 = MACOS.identifiers.configurations.find(c => c.identifier === 'cp312-macosx_arm64')!
/** The patch release the catalogue's installer is of (what a tool-cache install would be). */
const FULL = catalogueFullVersion(cp312)
const found: HostInterpreter = {
  path: '/found/python3.12',
  version: '3.12.4',
  implementation: 'cpython',
  freeThreaded: false
}

function facts(interpreters: [string, HostInterpreter][], env: Record<string, string> = {}) {
  return {
    env,
    hostInterpreters: new Map(interpreters),
    toolsDir: '/cache/tools'
  } as unknown as PlanFacts
}
const options = (runnerPlatform: string, dryRun: boolean) =>
  ({ runner: { platform: runnerPlatform, machine: 'arm64' }, dryRun }) as unknown as Options

describe('hostInterpreter', () => {
  test.each<[string, PlanFacts, Options, string | undefined]>([
    [
      'found on this machine',
      facts([[cp312.identifier, found]]),
      options('macos', false),
      found.path
    ],
    [
      'missing on this machine: none (the build reports it unavailable)',
      facts([]),
      options('macos', false),
      undefined
    ],
    [
      'a dry run elsewhere: where the hosted runner would install it',
      facts([]),
      options('linux', true),
      `/Users/runner/hostedtoolcache/Python/${FULL}/arm64/bin/python3`
    ],
    [
      'a dry run elsewhere, in the given tool cache',
      facts([], { RUNNER_TOOL_CACHE: '/tc' }),
      options('linux', true),
      `/tc/Python/${FULL}/arm64/bin/python3`
    ]
  ])('%s', (_name, given, opts, expected) => {
    expect(hostInterpreter(cp312, opts, given, MACOS)?.path).toBe(expected)
  })

  test('a platform that installs nothing has no expected interpreter', () => {
    const discoveredOnly = {
      runners: MACOS.runners,
      python: { layout: posixLayout('darwin', () => ({})) }
    }
    expect(
      hostInterpreter(cp312, options('linux', true), facts([]), discoveredOnly)
    ).toBeUndefined()
  })
})
