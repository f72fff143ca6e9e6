/** The build variables and the build options that enter a wheel cache key, from a plan. */
import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { buildVariables, computeCacheKeys } from '../../src/cache/compute.js'
import { KEY_ROLES } from '../../src/cache/keys.js'
import type { BuildOptions, Options } from '../../src/model/options.js'
import type { BuildPlan, Step } from '../../src/model/build-plan.js'
import { tempDir } from '../helpers/tools.js'
import { BASE, CHANGES } from '../helpers/build-options.js'

describe('build variables', () => {
  test('build variables are picked from an environment; caches and SOURCE_DATE_EPOCH excluded (a new commit that changes nothing is a hit)', () => {
    expect(
      buildVariables({
        PATH: '/bin',
        CFLAGS: '-O2',
        PIP_CACHE_DIR: '/c',
        PIP_INDEX_URL: 'x',
        HOME: '/h',
        SOURCE_DATE_EPOCH: '1700000000'
      })
    ).toEqual({
      CFLAGS: '-O2',
      PIP_INDEX_URL: 'x'
    })
  })
})

/** The key computeCacheKeys gives one host build of `dir` with these build options. */
async function keyWith(dir: string, build: BuildOptions): Promise<string> {
  const step: Step = {
    name: 'build',
    argv: ['python', '-m', 'build'],
    env: { CFLAGS: '-O2' },
    cwd: dir,
    where: 'host',
    phase: 'build'
  }
  const plan = {
    groups: [
      {
        where: 'host',
        setup: [],
        teardown: [],
        builds: [
          {
            identifier: build.identifier,
            python: '/usr/bin/python3',
            version: '3.12',
            steps: [step]
          }
        ]
      }
    ]
  } as unknown as BuildPlan
  const options = {
    packageDir: dir,
    outputDir: path.join(dir, 'wheelhouse'),
    buildOptions: () => build
  } as unknown as Options
  const keys = await computeCacheKeys(plan, options)
  expect([...keys.keys()]).toEqual([build.identifier])
  return keys.get(build.identifier)!
}

describe('each build option, by its role in KEY_ROLES', () => {
  const dir = tempDir('compute')
  fs.writeFileSync(path.join(dir, 'spam.c'), 'int spam;\n')
  const base = keyWith(dir, BASE)

  test.each(Object.entries(CHANGES))('%s', async (name, change) => {
    const role = KEY_ROLES[name as keyof BuildOptions]
    const changed = await keyWith(dir, { ...BASE, ...change })
    if (role.startsWith('key')) expect(changed).not.toBe(await base)
    else expect(changed).toBe(await base)
  })
})
