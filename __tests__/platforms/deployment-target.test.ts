/** The macOS deployment target: the minimum per identifier, the environment option, precedence. */
import { describe, expect, test } from '@jest/globals'
import {
  environmentDeploymentTarget,
  minimumDeploymentTarget,
  resolveDeploymentTarget
} from '../../src/platforms/deployment-target.js'

describe('deployment target table', () => {
  test.each([
    ['cp39-macosx_x86_64', '3.9', '10.9'],
    ['cp311-macosx_universal2', '3.11', '10.9'],
    ['cp312-macosx_x86_64', '3.12', '10.13'],
    ['cp313-macosx_universal2', '3.13', '10.13'],
    ['cp314-macosx_x86_64', '3.14', '10.15'],
    ['cp315t-macosx_universal2', '3.15', '10.15'],
    ['pp39-macosx_x86_64', '3.9', '10.15'],
    ['pp311-macosx_x86_64', '3.11', '10.15'],
    ['gp312_250-macosx_x86_64', '3.12', '10.13'],
    ['cp39-macosx_arm64', '3.9', '11.0'],
    ['pp310-macosx_arm64', '3.10', '11.0'],
    ['cp314-macosx_arm64', '3.14', '11.0']
  ])('%s (Python %s) → %s', (identifier, version, target) => {
    expect(minimumDeploymentTarget(identifier, version)).toBe(target)
  })

  test.each([
    ['MACOSX_DEPLOYMENT_TARGET="10.14"', '10.14'],
    ["CFLAGS=-O2 MACOSX_DEPLOYMENT_TARGET='11.0'", '11.0'],
    ['MACOSX_DEPLOYMENT_TARGET=10.15 OTHER="a b"', '10.15'],
    ['MACOSX_DEPLOYMENT_TARGET=10.13 MACOSX_DEPLOYMENT_TARGET=12.0', '12.0'],
    ['MACOSX_DEPLOYMENT_TARGET="$(cat target.txt)"', undefined],
    ['MACOSX_DEPLOYMENT_TARGET=$TARGET', undefined],
    ['MY_MACOSX_DEPLOYMENT_TARGET=10.14', undefined],
    ['', undefined]
  ])('environment %j → %s', (environment, expected) => {
    expect(environmentDeploymentTarget(environment)).toBe(expected)
  })

  test('precedence: environment, then the input, then the runner; raised to the minimum', () => {
    const base = { identifier: 'cp312-macosx_x86_64', pythonVersion: '3.12' }
    expect(resolveDeploymentTarget({ ...base, environment: '' })).toEqual({
      target: '10.13',
      source: 'default'
    })
    expect(
      resolveDeploymentTarget({
        ...base,
        environment: 'MACOSX_DEPLOYMENT_TARGET=10.15',
        input: '11.0',
        runnerValue: '12.0'
      })
    ).toEqual({ target: '10.15', source: 'environment' })
    expect(
      resolveDeploymentTarget({ ...base, environment: '', input: '11.0', runnerValue: '12.0' })
    ).toEqual({ target: '11.0', source: 'macos-deployment-target' })
    expect(resolveDeploymentTarget({ ...base, environment: '', runnerValue: '10.10' })).toEqual({
      target: '10.13',
      source: 'runner',
      raisedFrom: '10.10'
    })
  })
})
