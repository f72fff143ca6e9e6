/** The inputs table holds together: names, commands, aliases and the command line's argument. */
import { describe, expect, test } from '@jest/globals'
import { COMMAND_SPECS, INPUTS } from '../../src/options/inputs.js'

const BY_NAME = new Map(INPUTS.map(i => [i.name, i]))
const COMMANDS = COMMAND_SPECS.map(c => c.name)

describe('the inputs table', () => {
  test('names are unique kebab-case', () => {
    expect(new Set(BY_NAME.keys()).size).toBe(INPUTS.length)
    expect(INPUTS.filter(i => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(i.name))).toEqual([])
  })

  test.each(INPUTS.map(i => [i.name, i] as const))('%s', (_name, spec) => {
    expect(spec.commands.length).toBeGreaterThan(0)
    expect(spec.commands.every(c => COMMANDS.includes(c))).toBe(true)
    expect(spec.cliOnly && spec.actionOnly).toBeFalsy()
    if (spec.boolean) expect(['true', 'false']).toContain(spec.default)
    if (spec.aliasOf) {
      // An alias reads as an input of ours, for exactly the same commands.
      const target = BY_NAME.get(spec.aliasOf)
      expect(target?.aliasOf).toBeUndefined()
      expect(target?.noEffect).toBeUndefined()
      expect(spec.commands).toEqual(target?.commands)
      expect(spec.boolean ?? false).toBe(target?.boolean ?? false)
      expect(spec.from?.length).toBeGreaterThan(0)
    }
    if (spec.noEffect) expect(spec.aliasOf).toBeUndefined()
  })

  test.each(COMMAND_SPECS.map(c => [c.name, c.argument] as const))(
    "%s's argument sets an input the command reads",
    (command, argument) => {
      expect(BY_NAME.get(argument.input)?.commands).toContain(command)
    }
  )

  test('the migration aliases of the other actions are there', () => {
    expect(
      Object.fromEntries(
        INPUTS.filter(i => i.aliasOf || i.noEffect).map(i => [i.name, i.aliasOf ?? 'no effect'])
      )
    ).toEqual({ 'packages-dir': 'dist-dir', user: 'username', extras: 'no effect' })
  })
})
