/** cibuildwheel placeholders become quoted variable references, for bash and cmd. */
import { describe, expect, test } from '@jest/globals'
import {
  shellArgv,
  substitutePlaceholders,
  unknownPlaceholders
} from '../../src/steps/placeholders.js'

describe('placeholders', () => {
  test.each([
    [
      'auditwheel repair -w {dest_dir} {wheel}',
      'auditwheel repair -w "${WHEELWRIGHT_DEST_DIR}" "${WHEELWRIGHT_WHEEL}"'
    ],
    ['pytest {project}/tests', 'pytest "${WHEELWRIGHT_PROJECT}"/tests'],
    ['echo #{wheel} {other}', 'echo {wheel} {other}'],
    [
      'abi3audit --strict --report {abi3_wheel}',
      'abi3audit --strict --report "${WHEELWRIGHT_WHEEL}"'
    ]
  ])('%s', (command, expected) => expect(substitutePlaceholders(command, 'bash')).toBe(expected))

  test('cmd style', () => {
    expect(shellArgv('delvewheel repair -w {dest_dir} {wheel}', 'cmd')).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      'delvewheel repair -w "%WHEELWRIGHT_DEST_DIR%" "%WHEELWRIGHT_WHEEL%"'
    ])
  })
})

describe('unknown placeholders', () => {
  test.each([
    ['auditwheel repair -w {dest_dir} {wheel}', []],
    ['auditwheel repair -w {dest} {wheel}', ['dest']],
    ["echo ${HOME} {a,b} && awk '{print $1}' f", []],
    ['echo #{escaped} {project}/x {projet}', ['projet']],
    ['{typo} {typo}', ['typo']]
  ])('%j → %j', (command, expected) => {
    expect(unknownPlaceholders(command)).toEqual(expected)
  })
})
