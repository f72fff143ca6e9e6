/** The dry-run JSON never shows the value of an inherited variable. */
import { describe, expect, test } from '@jest/globals'
import { dryRunJson, INHERITED } from '../../src/report/dry-run.js'
import type { BuildPlan, Step } from '../../src/model/build-plan.js'

const step = (env: Record<string, string>): Step => ({
  name: 's',
  argv: ['true'],
  env,
  cwd: '/',
  where: 'host',
  phase: 'build'
})

describe('dry-run JSON', () => {
  test('inherited values become (inherited); values the plan sets stay', () => {
    const runner = { HOME: '/home/u', API_KEY: 'k-123456', PATH: '/bin' }
    const plan: BuildPlan = {
      platform: 'linux',
      runner: { platform: 'linux', machine: 'x86_64' },
      packageDir: '/p',
      outputDir: '/p/wheelhouse',
      tempDir: '/tmp/w',
      parallel: 1,
      failFast: true,
      unavailable: [],
      groups: [
        {
          where: 'container',
          container: {
            engine: 'podman',
            image: 'i',
            name: 'n',
            createArgs: [],
            env: { API_KEY: 'k-123456', CIBUILDWHEEL: '1' }
          },
          setup: [step({ HOME: '/home/u', X: '1' })],
          teardown: [step({ API_KEY: 'k-123456' })],
          builds: [
            {
              identifier: 'cp312-manylinux_x86_64',
              python: 'p',
              version: '3.12',
              workDir: '/w',
              wheelDir: '/w/r',
              environment: '',
              env: { PATH: '/venv/bin:/bin', HOME: '/home/u' },
              steps: [step({ API_KEY: 'k-123456', PATH: '/bin' })],
              tested: false,
              abi3Audit: false
            }
          ]
        }
      ]
    }
    const text = dryRunJson(plan, runner)
    expect(text).not.toContain('k-123456')
    const shown = JSON.parse(text)
    expect(shown.groups[0].container.env).toEqual({ API_KEY: INHERITED, CIBUILDWHEEL: '1' })
    expect(shown.groups[0].setup[0].env).toEqual({ HOME: INHERITED, X: '1' })
    expect(shown.groups[0].builds[0].env).toEqual({ PATH: '/venv/bin:/bin', HOME: INHERITED })
    expect(shown.groups[0].builds[0].steps[0].env).toEqual({ API_KEY: INHERITED, PATH: INHERITED })
  })
})
