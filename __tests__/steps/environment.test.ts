/** The environment option: the script that evaluates it, and reading `env -0` back. */
import { describe, expect, test } from '@jest/globals'
import {
  changedVariables,
  environmentScript,
  parseEnvironment,
  parseEnvZ
} from '../../src/steps/environment.js'

describe('environment evaluation pieces', () => {
  test('script runs the assignments in order, exports each, and dumps env', () => {
    expect(environmentScript('A=1 B="$A x"')).toBe(
      'set -e\nA=1\nexport A\nB="$A x"\nexport B\nenv -0'
    )
  })

  test.each([
    [
      'A=1 B="$A x"',
      [
        ['A', '1'],
        ['B', '"$A x"']
      ]
    ],
    [
      'A=$(echo "a;b") B=`date`',
      [
        ['A', '$(echo "a;b")'],
        ['B', '`date`']
      ]
    ],
    [
      'A=${X:-y}\n# note\nB=2',
      [
        ['A', '${X:-y}'],
        ['B', '2']
      ]
    ],
    [
      "A='x y' B=a\\ b",
      [
        ['A', "'x y'"],
        ['B', 'a\\ b']
      ]
    ],
    ['', []]
  ])('parses %j', (text, expected) => {
    expect(parseEnvironment(text).map(a => [a.name, a.value])).toEqual(expected)
  })

  test.each([
    ['A=1; B=2', '";" is not allowed here'],
    ['A=1 && B=2', '"&" is not allowed here'],
    ['A=1 | cat', '"|" is not allowed here'],
    ['A=1 >x', '">" is not allowed here'],
    ['touch x', '"touch" is not an assignment'],
    ['=v', '"" is not a variable name'],
    ['1A=v', '"1A" is not a variable name'],
    ['A="open', 'unclosed double quote'],
    ["A='open", 'unclosed single quote'],
    ['A=$(echo', 'unclosed $('],
    ['A=`echo', 'unclosed backtick']
  ])('refuses %j: %s', (text, reason) => {
    expect(() => parseEnvironment(text, 'environment')).toThrow(
      `environment: malformed environment option: ${reason}`
    )
  })
  test('env -0 parsing and change detection', () => {
    const after = parseEnvZ('A=1\0B=x=y\0PATH=/a:/b\0SHLVL=2\0')
    expect(after.get('B')).toBe('x=y')
    expect(changedVariables({ PATH: '/a:/b', A: '0' }, after)).toEqual({ A: '1', B: 'x=y' })
  })
})
