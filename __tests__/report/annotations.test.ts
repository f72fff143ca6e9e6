/** One annotation per failure, titled by what failed, with file and line for config values. */
import { describe, expect, test } from '@jest/globals'
import { annotationsOf, failureKind } from '../../src/report/annotations.js'
import { UserError } from '../../src/util/errors.js'

describe('what a failed step is', () => {
  test.each([
    ['before-build', 'build'],
    ['build', 'build'],
    ['before-all', 'build'],
    ['repair', 'repair'],
    ['audit', 'repair'],
    ['copy-out', 'repair'],
    ['test-install', 'test'],
    ['test', 'test'],
    ['environment', 'configuration']
  ])('%s: %s', (step, kind) => {
    expect(failureKind(step)).toBe(kind)
  })
})

describe('annotations', () => {
  test.each([
    [
      'a config value, in the workspace',
      new UserError('unknown build frontend', {
        key: 'build-frontend',
        location: { file: '/ws/pkg/pyproject.toml', line: 7 }
      }),
      [
        {
          message: 'build-frontend: unknown build frontend',
          properties: {
            title: 'wheelwright: configuration error',
            file: 'pkg/pyproject.toml',
            startLine: 7
          }
        }
      ]
    ],
    [
      'a config file outside the workspace: no file',
      new UserError('bad', { location: { file: '/elsewhere/pyproject.toml', line: 7 } }),
      [{ message: 'bad', properties: { title: 'wheelwright: configuration error' } }]
    ],
    [
      'two failed builds: one each, by kind',
      new UserError('2 builds failed', {
        problems: [
          { kind: 'build', message: 'a: build failed' },
          { kind: 'test', message: 'b: test failed' }
        ]
      }),
      [
        { message: 'a: build failed', properties: { title: 'wheelwright: build error' } },
        { message: 'b: test failed', properties: { title: 'wheelwright: test error' } }
      ]
    ],
    [
      'a publish error',
      new UserError('upload refused', { key: 'password' }).as('publish'),
      [{ message: 'password: upload refused', properties: { title: 'wheelwright: publish error' } }]
    ],
    [
      'a bug',
      new Error('boom'),
      [{ message: 'described', properties: { title: 'wheelwright: internal error' } }]
    ]
  ])('%s', (_name, error, expected) => {
    expect(annotationsOf(error, 'described', '/ws')).toEqual(expected)
  })
})
