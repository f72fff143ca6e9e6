/**
 * Linux builds in containers: one container per (image, engine, before-all)
 * group, the project copied in with tar, each identifier built in its own
 * directory, wheels copied out with tar (so they are owned by the runner's
 * user), the container removed at the end.
 */
import path from 'node:path'
import type { Options } from '../options/types.js'
import type { PythonConfiguration } from '../plan/catalogue.js'
import type { PlanFacts } from '../plan/facts.js'
import type { Build, BuildGroup, ContainerSpec, Step } from '../plan/types.js'
import { buildDirs, POSIX } from '../steps/dialect.js'
import { pipelineSteps } from '../steps/pipeline.js'
import { shellArgv } from '../steps/placeholders.js'
import { resolveImage } from '../container/images.js'
import * as shared from './shared.js'
import { join } from '../util/shlex.js'

const CONTAINER_PROJECT = '/project'
const CONTAINER_WORK = '/tmp/wheelwright'
const CONTAINER_CACHE = '/wheelwright-cache'
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

const CONTAINER_UV = `${CONTAINER_WORK}/bin/uv`
/** argv: python work-dir [pip args]. Links the image's uv, or installs one, as work-dir/bin/uv. */
const ENSURE_UV = [
  'set -e',
  'python="$1" work="$2"; shift 2',
  'mkdir -p "$work/bin"',
  'if found=$(command -v uv); then ln -sf "$found" "$work/bin/uv"; exit 0; fi',
  '"$python" -m pip install --disable-pip-version-check -q --target "$work/uv-tool" "$@" uv',
  'ln -sf "$work/uv-tool/bin/uv" "$work/bin/uv"'
].join('\n')

const COPY_IN =
  '"$1" exec "$2" mkdir -p "$3" && tar -C "$4" --exclude=./build -cf - . | "$1" exec -i "$2" tar -C "$3" -xf -'
const COPY_OUT =
  'rm -rf -- "$4" && mkdir -p -- "$4" && "$1" exec "$2" tar -C "$3" -cf - . | tar -C "$4" -xf -'

/** The image an identifier builds in, and the option key that chose it. */
export type ImageOf = (identifier: string) => { image: string; key: string }

export function containerGroups(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts,
  imageOf: ImageOf,
  ociPlatform: (arch: string) => string | undefined
): BuildGroup[] {
  const grouped = new Map<string, PythonConfiguration[]>()
  for (const c of configurations) {
    const build = options.buildOptions(c.identifier)
    const { image: value, key: imageKey } = imageOf(c.identifier)
    const image = resolveImage(value, c.arch, imageKey)
    const key = JSON.stringify([image, build.containerEngine, build.beforeAll])
    grouped.set(key, [...(grouped.get(key) ?? []), c])
  }
  return [...grouped.entries()].map(([key, list], index) => {
    const [image] = JSON.parse(key) as [string]
    return containerGroup(options, list, facts, image, index, configurations.length, ociPlatform)
  })
}

function containerGroup(
  options: Options,
  list: readonly PythonConfiguration[],
  facts: PlanFacts,
  image: string,
  index: number,
  total: number,
  ociPlatform: (arch: string) => string | undefined
): BuildGroup {
  const first = options.buildOptions(list[0].identifier)
  const engine = facts.engine ?? first.containerEngine.name
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
  const platform = ociPlatform(list[0].arch)
  const container: ContainerSpec = {
    engine,
    image,
    name,
    createArgs: [
      // The image's platform, so a multi-arch reference resolves to this arch.
      ...(platform ? ['--platform', platform] : []),
      ...(mountCache ? ['--volume', `${facts.containerCacheDir}:${CONTAINER_CACHE}`] : []),
      ...first.containerEngine.createArgs
    ],
    env: containerEnv
  }
  const runnerEnv = shared.hostBaseEnv(facts)
  const host = (
    stepName: string,
    argv: string[],
    display: string,
    env: Record<string, string> = {}
  ): Step => ({
    name: stepName,
    argv,
    display,
    env: { ...runnerEnv, ...env },
    cwd: facts.tempDir,
    where: 'host',
    phase: 'build'
  })
  const auditTools = shared.auditRequirements(
    options,
    list.map(c => c.identifier)
  )
  const setup: Step[] = [
    ...(auditTools.length > 0 ? shared.toolsSetupSteps(facts, auditTools, POSIX) : []),
    ...(mountCache
      ? [
          host(
            'cache-dir',
            ['mkdir', '-p', facts.containerCacheDir!],
            'make the download cache dir'
          )
        ]
      : []),
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
      // The user-facing form: the engine, its create arguments (--platform when emulated), the image.
      join([engine, 'create', ...container.createArgs, image]),
      containerEnv
    ),
    host('start', [engine, 'start', name], `${engine} start ${name}`),
    host(
      'copy-in',
      ['bash', '-c', COPY_IN, 'copy-in', engine, name, CONTAINER_PROJECT, options.packageDir],
      `copy the project into ${CONTAINER_PROJECT}`
    )
  ]
  const constraints = shared.buildConstraints(
    options,
    list,
    { dir: `${CONTAINER_WORK}/constraints`, where: 'container', python: '' },
    POSIX,
    { PATH: CONTAINER_PATH }
  )
  setup.push(...constraints.setup)
  // uv for the test envs, once per container: the image's own, or one
  // installed by pip (pinned) beside the builds.
  const tested = list.some(c => shared.isTested(options, options.buildOptions(c.identifier)))
  if (tested) {
    const python = path.posix.join(
      list[0].pathStr ?? `/opt/python/${list[0].identifier}`,
      'bin',
      'python'
    )
    const pins = constraints.fileOf(list[0].identifier)
    setup.push({
      name: 'test-env-tool',
      display: 'install uv for the test venvs (when missing)',
      argv: [
        'bash',
        '-c',
        ENSURE_UV,
        'ensure-uv',
        python,
        CONTAINER_WORK,
        ...(pins ? ['-c', pins] : [])
      ],
      env: { PATH: CONTAINER_PATH },
      cwd: '/',
      where: 'container',
      phase: 'build'
    })
  }
  if (first.beforeAll) {
    setup.push({
      name: 'before-all',
      argv: shellArgv(first.beforeAll, 'bash'),
      display: first.beforeAll,
      env: {
        PATH: CONTAINER_PATH,
        WHEELWRIGHT_PROJECT: CONTAINER_PROJECT,
        WHEELWRIGHT_PACKAGE: CONTAINER_PROJECT
      },
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
    const tested = shared.isTested(options, build)
    const baseEnv = shared.baseBuildEnv(c.identifier)
    const copyOut = host(
      'copy-out',
      [
        'bash',
        '-c',
        COPY_OUT,
        'copy-out',
        engine,
        name,
        buildDirs(POSIX, workDir).repaired,
        wheelDir
      ],
      'copy the wheel out of the container'
    )
    const steps = pipelineSteps({
      options: build,
      dialect: POSIX,
      python,
      projectDir: CONTAINER_PROJECT,
      workDir,
      where: 'container',
      environments: 'interpreter',
      testEnvUv: CONTAINER_UV,
      tested,
      baseEnv,
      pathTail: `${path.posix.dirname(python)}:${CONTAINER_PATH}`,
      cores: shared.coreShare(facts, options.parallel, total),
      constraintsFile: constraints.fileOf(c.identifier),
      afterRepair: [copyOut],
      audit: shared.hostAudit(facts, wheelDir)
    })
    return {
      identifier: c.identifier,
      python,
      version: c.version,
      workDir,
      wheelDir,
      environment: build.environment,
      ...(build.testEnvironment ? { testEnvironment: build.testEnvironment } : {}),
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
    teardown: [
      host('remove', [engine, 'rm', '--force', '--time', '0', name], `${engine} rm ${name}`)
    ]
  }
}
