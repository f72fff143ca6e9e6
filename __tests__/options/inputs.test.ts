/** Command-line flags become inputs. */
import { describe, expect, test } from '@jest/globals'
import { parseCliArgs } from '../../src/options/inputs.js'

describe('CLI flags', () => {
  test.each([
    [['build', '--dry-run'], 'true'],
    [['build', '--dry-run=true'], 'true'],
    [['build', '--dry-run=false'], 'false'],
    [['build', '--dry-run', 'false'], 'false'],
    [['build', '--dry-run', 'true', 'pkg'], 'true']
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv).inputs.get('dry-run')).toBe(expected)
  })

  test('values and positionals', () => {
    const parsed = parseCliArgs(['plan', 'pkg', '--archs', 'x86_64 i686', '--platform=linux'])
    expect(parsed.command).toBe('plan')
    expect(parsed.positional).toBe('pkg')
    expect(Object.fromEntries(parsed.inputs)).toEqual({ archs: 'x86_64 i686', platform: 'linux' })
  })
})
