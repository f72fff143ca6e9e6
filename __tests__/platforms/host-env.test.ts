/** The variables of host steps, and the credentials environment-pass lets through. */
import { describe, expect, test } from '@jest/globals'
import { hostBaseEnv } from '../../src/platforms/host-env.js'
import type { PlanFacts } from '../../src/model/facts.js'

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
})
