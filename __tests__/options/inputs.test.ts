/** The inputs table holds together: names, commands, aliases and the command line's argument. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from '@jest/globals'
import { COMMAND_SPECS, INPUTS } from '../../src/options/inputs.js'

const ANCHORS = JSON.parse(
  fs.readFileSync(
    path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../__fixtures__/other-actions/inputs.json'
    ),
    'utf8'
  )
) as { actions: Record<string, { commit: string; inputs: string[] }> }

const BY_NAME = new Map(INPUTS.map(i => [i.name, i]))
const COMMANDS = COMMAND_SPECS.map(c => c.name)

describe('the inputs table', () => {
  test("names are unique kebab-case; only another action's alias may use underscores", () => {
    expect(new Set(BY_NAME.keys()).size).toBe(INPUTS.length)
    const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
    expect(INPUTS.filter(i => !kebab.test(i.name) && !(i.aliasOf && i.from))).toEqual([])
    expect(INPUTS.filter(i => !/^[a-z][a-z0-9]*([-_][a-z0-9]+)*$/.test(i.name))).toEqual([])
  })

  test.each(Object.entries(ANCHORS.actions))(
    "every input of %s's action.yml is read (the same input, an alias, or accepted with a warning)",
    (action, { inputs }) => {
      const missing = inputs.filter(
        name => !(BY_NAME.get(name)?.from ?? []).includes(action as never)
      )
      expect(missing).toEqual([])
      // And no input claims to come from an action whose action.yml lacks it.
      const claimed = INPUTS.filter(i => (i.from ?? []).includes(action as never)).map(i => i.name)
      expect(claimed.filter(name => !inputs.includes(name))).toEqual([])
    }
  )

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
    ).toEqual({
      'packages-dir': 'dist-dir',
      user: 'username',
      repository_url: 'repository-url',
      packages_dir: 'dist-dir',
      verify_metadata: 'verify-metadata',
      skip_existing: 'skip-existing',
      print_hash: 'print-hash',
      name: 'artifact-name',
      'retention-days': 'artifact-retention-days',
      'compression-level': 'artifact-compression-level',
      path: 'no effect',
      'include-hidden-files': 'no effect',
      archive: 'no effect',
      extras: 'no effect'
    })
  })
})
