/** The variables of host steps (host-env.ts), and the cores each build may use (host-build.ts). */
import { describe, expect, test } from '@jest/globals'
import { coreShare } from '../../src/platforms/host-build.js'
import { hostBaseEnv } from '../../src/platforms/host-env.js'
import { passedCredentials } from '../../src/execute/facts.js'
import type { PlanFacts } from '../../src/model/facts.js'

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

describe("the host steps' environment", () => {
  const env = {
    PATH: '/bin',
    PYPI_API_TOKEN: 'pypi-1234567890',
    DEPLOY_PASSWORD: 'hunter2hunter2',
    OPENAI_API_KEY: 'sk-123',
    GITHUB_TOKEN: 'ghs_x',
    ACTIONS_RUNTIME_TOKEN: 'jwt',
    'INPUT_REPOSITORY-URL': 'https://x/'
  }
  const facts = (passed?: string[]) =>
    ({ env, ...(passed ? { passed: new Set(passed) } : {}) }) as unknown as PlanFacts

  test('credentials by name and by pattern are left out', () => {
    expect(hostBaseEnv(facts())).toEqual({ PATH: '/bin' })
  })

  test('unless environment-pass names them', () => {
    expect(hostBaseEnv(facts(['PYPI_API_TOKEN']))).toEqual({
      PATH: '/bin',
      PYPI_API_TOKEN: 'pypi-1234567890'
    })
  })

  test("passedCredentials: the credential names of any identifier's environment-pass", () => {
    const options = {
      buildOptions: (id: string) => ({
        environmentPass: id === 'a' ? ['PYPI_API_TOKEN', 'FOO'] : ['DEPLOY_PASSWORD']
      })
    } as never
    expect([...passedCredentials(options, [{ identifier: 'a' }, { identifier: 'b' }])]).toEqual([
      'PYPI_API_TOKEN',
      'DEPLOY_PASSWORD'
    ])
  })
})
