/**
 * Wheel cache keys: every part of the key changes it, and which build options
 * enter it comes from KEY_ROLES, a table the compiler holds complete.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import ts from 'typescript'
import { KEY_ROLES, wheelCacheKey, type KeyParts, type KeyRole } from '../../src/cache/keys.js'
import type { BuildOptions } from '../../src/model/options.js'
import { BASE as options, CHANGES } from '../helpers/build-options.js'
import { runsOnCacheHit } from '../../src/execute/identifier.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import type { Options } from '../../src/model/options.js'
import { createBuildPlan } from '../../src/plan/plan.js'
import { selectedConfigurations } from '../../src/plan/select.js'
import type { PlanFacts } from '../../src/model/facts.js'
import type { BuildPlan } from '../../src/model/build-plan.js'
import { ROOT } from '../helpers/tools.js'

const base: KeyParts = {
  sources: 'a'.repeat(64),
  identifier: 'cp312-manylinux_x86_64',
  options,
  toolchain: 'image:sha256:1234',
  env: { CC: 'gcc' },
  version: '0.1.0'
}

describe('wheel cache key', () => {
  const key = wheelCacheKey(base)

  test('is fixed for fixed parts: a change to its form changes this test too', () => {
    expect(key).toBe('2ca5427855f334200d5a45f2b5377966b3e6df7244c11ff622f176b70cd9ea47')
  })

  test.each([
    ['sources', { sources: 'b'.repeat(64) }],
    ['identifier', { identifier: 'cp313-manylinux_x86_64' }],
    ['image digest', { toolchain: 'image:sha256:5678' }],
    ['interpreter', { toolchain: 'python:/usr/bin/python3.12@3.12.4' }],
    ['wheelwright version', { version: '0.2.0' }],
    ['CC', { env: { CC: 'clang' } }],
    ['CFLAGS', { env: { ...base.env, CFLAGS: '-O3' } }],
    ['before-build', { options: { ...options, beforeBuild: 'make' } }],
    ['repair command', { options: { ...options, repairCommand: '' } }],
    ['environment', { options: { ...options, environment: 'A=1' } }],
    ['config-settings', { options: { ...options, configSettings: ['x=1'] } }],
    ['frontend', { options: { ...options, frontend: { name: 'pip' as const, args: [] } } }],
    ['image option', { options: { ...options, image: 'manylinux_2_34' } }],
    ['tool pins (dependency-versions)', { constraints: 'build==1.0\n' }]
  ])('changes with %s', (_name, change) => {
    expect(wheelCacheKey({ ...base, ...change })).not.toBe(key)
  })

  test('does not depend on the order of the table or of the options', () => {
    const reversed = Object.fromEntries(Object.entries(options).reverse()) as BuildOptions
    expect(wheelCacheKey({ ...base, options: reversed })).toBe(key)
  })
})

describe('KEY_ROLES names every build option', () => {
  test('a table without one option is refused by the type check (npm run lint)', () => {
    const { buildVerbosity: _left, ...incomplete } = KEY_ROLES
    // @ts-expect-error: buildVerbosity has no role
    const table: Record<keyof BuildOptions, KeyRole> = incomplete
    expect(Object.keys(table)).not.toContain('buildVerbosity')
  })

  test('a new BuildOptions field without a role fails the type check of cache/keys.ts, naming it', () => {
    const keys = path.join(ROOT, 'src', 'cache', 'keys.ts')
    const clean = typeErrors(keys, text => text)
    expect(clean).toEqual([])
    const errors = typeErrors(keys, text =>
      text.replace(
        /(export interface BuildOptions \{\n)/,
        '$1  readonly optimisationLevel: number\n'
      )
    )
    expect(errors.join('\n')).toContain("Property 'optimisationLevel' is missing")
    expect(errors.every(e => e.startsWith('src/cache/keys.ts'))).toBe(true)
  }, 60000)
})

/** Options that give the plan test and audit steps for the after-restore options to reach. */
const TESTED_AND_AUDITED: Partial<BuildOptions> = {
  testCommand: 'pytest',
  auditCommand: 'abi3audit {abi3_wheel}',
  auditCommands: ['abi3audit {abi3_wheel}']
}

/** A Linux plan of one identifier, in a container or on the host, with `change` to its build options. */
function linuxPlan(change: Partial<BuildOptions>, host: boolean): BuildPlan {
  const resolved = resolveOptions({
    inputs: new Map([['build', host ? 'cp311-manylinux_x86_64' : 'cp312-manylinux_x86_64']]),
    env: {},
    runner: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject('[project]\nname = "x"\nversion = "1"\n', 'pyproject.toml'),
    packageDir: '/home/dev/project',
    packageInput: '.',
    cpuCount: 2
  })
  const options: Options = {
    ...resolved,
    buildOptions: id => ({ ...resolved.buildOptions(id), ...TESTED_AND_AUDITED, ...change })
  }
  const interpreter = {
    path: '/py/3.11/bin/python',
    version: '3.11.7',
    implementation: 'cpython' as const,
    freeThreaded: false
  }
  const facts: PlanFacts = {
    runId: 'r1',
    tempDir: '/scratch/ww',
    env: { PATH: '/usr/bin:/bin', HOME: '/home/u', CC: 'gcc' },
    useContainer: !host,
    hostInterpreters: new Map([['cp311-manylinux_x86_64', interpreter]]),
    hostLibc: 'glibc',
    hostPython: 'python3',
    toolsDir: '/cache/tools',
    sourceDateEpoch: '1700000000'
  }
  const plan = createBuildPlan(options, selectedConfigurations(options), facts)
  expect(plan.groups.map(g => g.builds.length)).toEqual([1])
  return plan
}

/** What made a restored wheel: the place, its setup, and the steps a hit skips. */
const madeBy = (plan: BuildPlan, withSetup: boolean) =>
  JSON.stringify(
    plan.groups.map(g => [
      g.container,
      withSetup ? g.setup : [],
      g.builds.map(b => [b.environment, b.env, b.steps.filter(s => !runsOnCacheHit(s))])
    ])
  )

/** What a hit still does with a restored wheel: the group's setup, the audit and the tests. */
const doneOnHit = (plan: BuildPlan) =>
  JSON.stringify(
    plan.groups.map(g => [
      g.setup,
      g.builds.map(b => [b.tested, b.testEnvironment, b.steps.filter(runsOnCacheHit)])
    ])
  )

describe('each role in KEY_ROLES is what the plan does with the option', () => {
  const { identifier: _identifier, ...changes } = CHANGES
  const plans = [true, false].map(host => ({ host, base: linuxPlan({}, host) }))

  test.each(Object.entries(changes))('%s', (name, change) => {
    const role = KEY_ROLES[name as keyof BuildOptions]
    const changed = plans.map(({ host, base }) => ({ base, plan: linuxPlan(change, host) }))
    const madeDiffers = changed.some(({ base, plan }) => madeBy(plan, true) !== madeBy(base, true))
    const hitDiffers = changed.some(({ base, plan }) => doneOnHit(plan) !== doneOnHit(base))
    if (role === 'after-restore') {
      // Only what a hit still runs (and the group's setup, which a hit runs too) sees it.
      for (const { base, plan } of changed) expect(madeBy(plan, false)).toBe(madeBy(base, false))
      expect(hitDiffers).toBe(true)
    } else if (role === 'irrelevant') {
      expect(hitDiffers).toBe(false)
    } else {
      // It reaches how the wheel is made: a reason to be in the key.
      expect(madeDiffers).toBe(true)
    }
  })
})

/** The file of src/ that declares BuildOptions. */
function buildOptionsFile(dir = path.join(ROOT, 'src')): string | undefined {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const found = entry.isDirectory()
      ? buildOptionsFile(full)
      : entry.name.endsWith('.ts') &&
          fs.readFileSync(full, 'utf8').includes('export interface BuildOptions {')
        ? full
        : undefined
    if (found) return found
  }
  return undefined
}

/** The type errors of `root` when the file declaring BuildOptions reads as `edit` makes it. */
function typeErrors(root: string, edit: (text: string) => string): string[] {
  const declaring = buildOptionsFile()!
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
  )!
  const host = ts.createCompilerHost(config.options)
  const read = host.readFile.bind(host)
  host.readFile = file => {
    const text = read(file)
    return text !== undefined && path.resolve(file) === declaring ? edit(text) : text
  }
  const program = ts.createProgram([root], { ...config.options, noEmit: true }, host)
  return ts.getPreEmitDiagnostics(program).map(d => {
    const where = d.file ? path.relative(ROOT, d.file.fileName).split(path.sep).join('/') : ''
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}
