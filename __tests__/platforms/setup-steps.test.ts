/** A host group's one-time setup: the tools venv, and the constraints files of its builds. */
import { describe, expect, test } from '@jest/globals'
import {
  auditRequirements,
  buildConstraints,
  toolsSetupSteps
} from '../../src/platforms/setup-steps.js'
import type { BuildOptions, Options } from '../../src/model/options.js'
import type { PlanFacts } from '../../src/model/facts.js'
import type { PythonConfiguration } from '../../src/model/catalogue.js'
import { POSIX } from '../../src/steps/dialect.js'

/** Options whose per-identifier values come from `byId` (only the fields these steps read). */
const optionsOf = (byId: Record<string, Partial<BuildOptions>>) =>
  ({ buildOptions: (id: string) => byId[id] }) as unknown as Options

const FACTS = {
  env: { PATH: '/usr/bin' },
  toolsDir: '/cache/tools',
  tempDir: '/tmp/run',
  hostPython: 'python3'
} as unknown as PlanFacts

const config = (identifier: string, version: string) =>
  ({ identifier, version }) as PythonConfiguration

describe('auditRequirements', () => {
  test.each<[string, Record<string, Partial<BuildOptions>>, string[]]>([
    ['none without an audit command', { a: { auditCommand: '', auditRequires: ['x'] } }, []],
    [
      'each requirement once, in order',
      {
        a: { auditCommand: 'abi3audit', auditRequires: ['abi3audit', 'other'] },
        b: { auditCommand: 'abi3audit', auditRequires: ['abi3audit'] }
      },
      ['abi3audit', 'other']
    ]
  ])('%s', (_name, byId, expected) => {
    expect(auditRequirements(optionsOf(byId), Object.keys(byId))).toEqual(expected)
  })
})

describe('toolsSetupSteps', () => {
  test('one step that makes the tools venv, named by what it holds', () => {
    const [step, ...rest] = toolsSetupSteps(FACTS, ['auditwheel', 'virtualenv'], POSIX)
    expect(rest).toEqual([])
    expect(step.name).toBe('tools')
    expect(step.where).toBe('host')
    expect(step.creates).toMatch(/^\/cache\/tools\/\.ready-auditwheel-virtualenv-[0-9a-f]{8}$/)
  })

  test('other requirements make another marker (the venv is updated)', () => {
    const marker = (requirements: string[]) =>
      toolsSetupSteps(FACTS, requirements, POSIX)[0].creates
    expect(marker(['auditwheel'])).not.toBe(marker(['auditwheel', 'virtualenv']))
  })
})

describe('buildConstraints', () => {
  const place = { dir: '/tmp/run/constraints', where: 'host' as const, python: 'python3' }
  test('latest: no file, no step', () => {
    const { fileOf, setup } = buildConstraints(
      optionsOf({ a: { dependencyConstraints: { kind: 'latest' } } }),
      [config('a', '3.12')],
      place,
      POSIX,
      {}
    )
    expect(fileOf('a')).toBeUndefined()
    expect(setup).toEqual([])
  })

  test('one file per distinct text, shared by the builds that have it, written by one step', () => {
    const packages = { kind: 'packages', packages: ['numpy==2.0'] } as const
    const { fileOf, setup } = buildConstraints(
      optionsOf({
        a: { dependencyConstraints: packages },
        b: { dependencyConstraints: packages },
        c: { dependencyConstraints: { kind: 'packages', packages: ['numpy==1.26'] } }
      }),
      [config('a', '3.12'), config('b', '3.13'), config('c', '3.12')],
      place,
      POSIX,
      {}
    )
    expect(fileOf('a')).toBe(fileOf('b'))
    expect(fileOf('c')).not.toBe(fileOf('a'))
    expect(fileOf('a')?.startsWith('/tmp/run/constraints/')).toBe(true)
    expect(setup.map(s => s.name)).toEqual(['constraints'])
  })
})
