/**
 * A platform is one module: a made-up platform, defined in this file only and
 * added through the registry, is selected, planned and dry-run by the engine's
 * own functions (options, `plan`, `build --dry-run`), with nothing else changed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { PythonConfiguration } from '../../src/model/catalogue.js'
import type { Options } from '../../src/model/options.js'
import type { PlanFacts } from '../../src/model/facts.js'
import type { BuildPlan } from '../../src/model/build-plan.js'
import type { Platform, PlannedGroups } from '../../src/platforms/platform.js'
import {
  platformList,
  platformNamed,
  registerPlatform,
  unregisterPlatform
} from '../../src/platforms/index.js'
import { baseBuildEnv, hostBaseEnv, posixPathTail } from '../../src/platforms/host-env.js'
import { hostTools } from '../../src/platforms/setup-steps.js'
import {
  hostBuilds,
  hostGroup,
  hostInterpreter,
  hostPipeline,
  isTested,
  keptVenvsDir,
  makeBuild
} from '../../src/platforms/host-build.js'
import { posixLayout } from '../../src/python/layout.js'
import { POSIX } from '../../src/steps/dialect.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { parsePlatformName, platformOfIdentifier } from '../../src/plan/identifiers.js'
import { parseArchs } from '../../src/plan/archs.js'
import { runPlan } from '../../src/commands/plan.js'
import { runBuild } from '../../src/commands/build.js'
import { cliReporter } from '../../src/report/log.js'
import { tempDir, writeTree } from '../helpers/tools.js'

// ---- the platform: everything a new platform gives, in one place ----

const archOfTag = (tag: string) => tag.replace(/^toyos_/, '')

const configuration = (identifier: string, version: string): PythonConfiguration => ({
  identifier,
  platform: 'toyos',
  arch: archOfTag(identifier.slice(identifier.indexOf('-') + 1)),
  version
})

function planToy(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): PlannedGroups {
  const interpreterOf = (c: PythonConfiguration) =>
    hostInterpreter(c, options, facts, TOY) ?? ('interpreter' as const)
  const found = hostBuilds(configurations, interpreterOf, (c, interpreter) => {
    const build = options.buildOptions(c.identifier)
    const workDir = POSIX.path.join(facts.tempDir, 'build', c.identifier)
    const baseEnv = { ...hostBaseEnv(facts), ...baseBuildEnv(c.identifier) }
    const tested = isTested(options, build)
    const steps = hostPipeline(
      options,
      build,
      { python: interpreter.path, workDir, tested, baseEnv, dialect: POSIX },
      {
        pathTail: posixPathTail(facts),
        virtualenv: POSIX.path.join(facts.toolsDir, 'bin', 'virtualenv'),
        sharedVenvRoot: keptVenvsDir(facts, POSIX)
      }
    )
    return makeBuild(build, interpreter, {
      workDir,
      wheelDir: POSIX.path.join(workDir, 'repaired'),
      env: baseEnv,
      steps,
      tested
    })
  })
  return hostGroup(found, builds =>
    hostTools(facts, options, builds, { before: ['virtualenv'] }, POSIX)
  )
}

const TOY: Platform = {
  name: 'toyos',
  runners: {
    os: 'toyos',
    nodePlatform: 'toyos',
    machines: { x64: 'x86_64', arm64: 'arm64' },
    label: () => 'toyos-latest',
    machine: arch => arch,
    hosted: { temp: '/toy/temp', cache: '/toy/cache', toolCache: '/toy/toolcache' },
    path: path.posix,
    python: 'python3'
  },
  archs: {
    all: ['x86_64', 'arm64'],
    synonyms: { x86_64: 'x86_64', i686: null, aarch64: 'arm64' },
    auto: native => [native],
    bits32: [],
    auto32: {},
    ofTag: archOfTag,
    hostTag: machine => `toyos_${machine}`
  },
  identifiers: {
    configurations: [
      configuration('cp312-toyos_x86_64', '3.12'),
      configuration('cp313-toyos_x86_64', '3.13'),
      configuration('cp313-toyos_arm64', '3.13')
    ],
    owns: identifier => identifier.includes('-toyos_'),
    buildableOn: () => true
  },
  options: { defaults: { 'repair-wheel-command': '' } },
  python: {
    layout: posixLayout('toyos', () => ({})),
    installs: {
      toolCacheTarget: (_config, hostMachine) => ({ machine: hostMachine }),
      anyArchSibling: false
    }
  },
  plan: planToy
}

// ---- the engine, through its own entry functions ----

function optionsFor(project: string, given: Record<string, string>): Options {
  return resolveOptions({
    inputs: new Map(Object.entries({ platform: 'toyos', ...given })),
    env: {},
    runner: { platform: 'toyos', machine: 'x86_64' },
    machine: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject(
      '[project]\nname = "toy"\nversion = "1"\nrequires-python = ">=3.12"\n',
      'pyproject.toml'
    ),
    packageDir: project,
    packageInput: '.',
    cwd: project
  })
}

async function run(
  command: typeof runPlan,
  options: Options
): Promise<{ stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const reporter = cliReporter(
    text => void (stdout += text),
    text => void (stderr += text)
  )
  await command(options, { env: {}, reporter, isAction: false })
  return { stdout, stderr }
}

describe('a platform defined outside src/, added through the registry', () => {
  let project: string
  let unregister: () => void

  beforeAll(() => {
    project = writeTree(tempDir('toyos'), { 'pyproject.toml': '[project]\nname = "toy"\n' })
    unregister = registerPlatform(TOY)
  })
  afterAll(() => {
    unregister()
    fs.rmSync(project, { recursive: true, force: true })
  })

  test('is listed after the built-in platforms and named by its identifiers', () => {
    expect(platformList().at(-1)).toBe(TOY)
    expect(platformNamed('toyos')).toBe(TOY)
    expect(parsePlatformName('toyos')).toBe('toyos')
    expect(platformOfIdentifier('cp313-toyos_arm64')).toBe('toyos')
    expect([...parseArchs('all', 'toyos', { platform: 'linux', machine: 'aarch64' })]).toEqual([
      'x86_64',
      'arm64'
    ])
  })

  test('a second platform of the same name is refused', () => {
    expect(() => registerPlatform({ ...TOY })).toThrow(
      'a platform named "toyos" is already registered'
    )
  })

  test('`plan` lists its identifiers for the runner’s arch, and every arch with archs: all', async () => {
    expect((await run(runPlan, optionsFor(project, {}))).stdout).toBe(
      'cp312-toyos_x86_64\ncp313-toyos_x86_64\n'
    )
    const all = await run(runPlan, optionsFor(project, { archs: 'all', matrix: 'true' }))
    const matrix = JSON.parse(all.stdout) as { include: { os: string; identifiers: string[] }[] }
    expect(matrix.include.map(e => [e.os, e.identifiers])).toEqual([
      ['toyos-latest', ['cp312-toyos_x86_64', 'cp313-toyos_x86_64']],
      ['toyos-latest', ['cp313-toyos_arm64']]
    ])
  })

  test('`build --dry-run` prints its plan: one host group, the pipeline per identifier', async () => {
    const options = optionsFor(project, { 'dry-run': 'true', build: 'cp313-*' })
    const { stdout } = await run(runBuild, options)
    const plan = JSON.parse(stdout) as BuildPlan
    expect(plan.unavailable).toEqual([])
    expect(plan.groups).toHaveLength(1)
    const [group] = plan.groups
    expect(group.where).toBe('host')
    expect(group.setup.map(s => s.name)).toEqual(['tools'])
    expect(group.builds.map(b => b.identifier)).toEqual(['cp313-toyos_x86_64'])
    const [build] = group.builds
    // The interpreter the runner's tool cache would hold (this machine is not a toyos runner).
    expect(build.python).toBe('/toy/toolcache/Python/3.13/x64/bin/python3')
    expect(build.env.CIBUILDWHEEL_BUILD_IDENTIFIER).toBe('cp313-toyos_x86_64')
    expect(build.steps.map(s => s.name)).toContain('build')
    expect(build.steps.every(s => s.where === 'host')).toBe(true)
  })
})

describe('without the registration', () => {
  test('the name is unknown again', () => {
    const unregister = registerPlatform(TOY)
    unregister()
    expect(() => parsePlatformName('toyos')).toThrow('unknown platform')
    expect(() => platformNamed('toyos')).toThrow('no platform named "toyos" is registered')
  })

  test('a built-in platform cannot be removed', () => {
    expect(() => unregisterPlatform('linux')).toThrow('cannot be unregistered')
  })
})

describe('a registered platform that the catalogue lists as not supported yet', () => {
  test('is no longer refused as "not supported yet"', () => {
    expect(() => parsePlatformName('pyodide')).toThrow('the pyodide platform is not supported yet')
    const unregister = registerPlatform({ ...TOY, name: 'pyodide' })
    try {
      expect(parsePlatformName('pyodide')).toBe('pyodide')
    } finally {
      unregister()
    }
  })
})
