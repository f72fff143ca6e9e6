/**
 * Linux builds in containers, as cibuildwheel runs its one container, once
 * per lane: the whole project copied to `/project` (tar in, so nothing on the
 * host ends up owned by root), before-all once, then each identifier of the
 * lane in turn, with its before-build, build and repair run in `/project`
 * itself and its Python first on the image's own PATH. Parallel builds get one
 * container (lane) each; lanes of one family (image, engine, before-all)
 * share abi3 reuse. Wheels are copied out with tar, and each container is
 * removed at the end.
 */
import path from 'node:path'
import type { Options } from '../model/options.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { PlanFacts } from '../model/facts.js'
import {
  IMAGE_PATH_PREPEND,
  type Build,
  type BuildGroup,
  type ContainerSpec,
  type Step
} from '../model/build-plan.js'
import { buildDirs, POSIX } from '../steps/dialect.js'
import { withEnvironment } from '../steps/environment.js'
import { pipelineSteps } from '../steps/pipeline.js'
import { shellArgv } from '../steps/placeholders.js'
import { resolveImage } from '../container/images.js'
import { baseBuildEnv, hostAudit, hostBaseEnv } from './host-env.js'
import { auditRequirements, buildConstraints, toolsSetupSteps } from './setup-steps.js'
import { coreShare, isTested } from './host-build.js'
import { join } from '../util/shlex.js'
import { compileGroupPart, containerCompilerCache } from './compiler-cache.js'

const CONTAINER_PROJECT = '/project'
const CONTAINER_WORK = '/tmp/wheelwright'
/** Where containers mount the host's download cache dir (and the compiler caches in it). */
export const CONTAINER_CACHE = '/wheelwright-cache'
/** First on PATH for before-all, as cibuildwheel (every manylinux image has it). */
const BEFORE_ALL_PYTHON_BIN = '/opt/python/cp39-cp39/bin'

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

/** argv: engine container dest source exclude... The project into the container, without what the excludes name. */
const COPY_IN = [
  'excludes=()',
  'for x in "${@:5}"; do excludes+=("--exclude=$x"); done',
  '"$1" exec "$2" mkdir -p "$3" && tar -C "$4" "${excludes[@]}" -cf - . | "$1" exec -i "$2" tar -C "$3" -xf -'
].join('\n')
const COPY_OUT =
  'rm -rf -- "$4" && mkdir -p -- "$4" && "$1" exec "$2" tar -C "$3" -cf - . | tar -C "$4" -xf -'

/** The image an identifier builds in, and the option key that chose it. */
export type ImageOf = (identifier: string) => { image: string; key: string }

/**
 * Where the project and the package are inside a container, and what of the
 * project is not copied in: the package's build/ (a host build's leftovers),
 * and wheelwright's own cache dir when it lies inside the project (its tools,
 * downloads and compiler cache are mounted, never copied).
 */
function containerPaths(options: Options): { package: string; excludes: string[] } {
  const below = (dir: string) => {
    const relative = path.relative(options.projectDir, dir)
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
    return relative.split(path.sep).join('/')
  }
  const relative = below(options.packageDir) ?? ''
  const cache = below(options.cacheDir)
  return {
    package: relative ? path.posix.join(CONTAINER_PROJECT, relative) : CONTAINER_PROJECT,
    excludes: [relative ? `./${relative}/build` : './build', ...(cache ? [`./${cache}`] : [])]
  }
}

export function containerGroups(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts,
  imageOf: ImageOf,
  ociPlatform: (arch: string) => string | undefined
): BuildGroup[] {
  const families = new Map<string, PythonConfiguration[]>()
  for (const c of configurations) {
    const build = options.buildOptions(c.identifier)
    const { image: value, key: imageKey } = imageOf(c.identifier)
    const image = resolveImage(value, c.arch, imageKey)
    const key = JSON.stringify([image, build.containerEngine, build.beforeAll])
    families.set(key, [...(families.get(key) ?? []), c])
  }
  const groups: BuildGroup[] = []
  for (const [key, list] of families) {
    const [image] = JSON.parse(key) as [string]
    // One container per build that may run at once; identifiers dealt round-robin.
    const lanes = Math.max(1, Math.min(options.parallel, list.length))
    for (let lane = 0; lane < lanes; lane++) {
      const members = list.filter((_, i) => i % lanes === lane)
      groups.push(
        containerGroup(options, members, facts, {
          image,
          name: `wheelwright-${facts.runId}-${groups.length}`,
          family: key,
          total: configurations.length,
          ociPlatform
        })
      )
    }
  }
  return groups
}

interface Lane {
  readonly image: string
  readonly name: string
  readonly family: string
  readonly total: number
  readonly ociPlatform: (arch: string) => string | undefined
}

function containerGroup(
  options: Options,
  list: readonly PythonConfiguration[],
  facts: PlanFacts,
  lane: Lane
): BuildGroup {
  const { image, name } = lane
  const first = options.buildOptions(list[0].identifier)
  const engine = facts.engine ?? first.containerEngine.name
  const inside = containerPaths(options)
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
  const platform = lane.ociPlatform(list[0].arch)
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
  const runnerEnv = hostBaseEnv(facts)
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
  const auditTools = auditRequirements(
    options,
    list.map(c => c.identifier)
  )
  const setup: Step[] = [
    ...(auditTools.length > 0 ? toolsSetupSteps(facts, auditTools, POSIX) : []),
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
      [
        'bash',
        '-c',
        COPY_IN,
        'copy-in',
        engine,
        name,
        CONTAINER_PROJECT,
        options.projectDir,
        ...inside.excludes
      ],
      `copy the project into ${CONTAINER_PROJECT}`
    )
  ]
  const compilerCacheOf = (identifier: string) =>
    mountCache
      ? containerCompilerCache(options, facts, {
          arch: list[0].arch,
          musl: list[0].identifier.includes('musllinux'),
          mounted: CONTAINER_CACHE,
          workDir: path.posix.join(CONTAINER_WORK, identifier),
          project: CONTAINER_PROJECT,
          hostEnv: runnerEnv
        })
      : undefined
  const fetchCompilerCache = compilerCacheOf(list[0].identifier)?.setup
  if (fetchCompilerCache) setup.push(fetchCompilerCache)
  const firstPythonBin = path.posix.join(
    list[0].pathStr ?? `/opt/python/${list[0].identifier}`,
    'bin'
  )
  const toolPath = { [IMAGE_PATH_PREPEND]: firstPythonBin }
  const constraints = buildConstraints(
    options,
    list,
    { dir: `${CONTAINER_WORK}/constraints`, where: 'container', python: '' },
    POSIX,
    toolPath
  )
  setup.push(...constraints.setup)
  // uv for the test envs, once per container: the image's own, or one
  // installed by pip (pinned) beside the builds.
  const tested = list.some(c => isTested(options, options.buildOptions(c.identifier)))
  if (tested) {
    const python = path.posix.join(firstPythonBin, 'python')
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
      env: toolPath,
      cwd: '/',
      where: 'container',
      phase: 'build'
    })
  }
  if (first.beforeAll) {
    // With cp39 (or the lane's first Python) first on the image's PATH and the
    // environment option applied, as cibuildwheel runs it.
    setup.push({
      name: 'before-all',
      argv: withEnvironment(first.environment, shellArgv(first.beforeAll, 'bash')),
      display: first.beforeAll,
      env: {
        ...baseBuildEnv(list[0].identifier),
        [IMAGE_PATH_PREPEND]: `${BEFORE_ALL_PYTHON_BIN}:${firstPythonBin}`,
        WHEELWRIGHT_PROJECT: CONTAINER_PROJECT,
        WHEELWRIGHT_PACKAGE: inside.package
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
    const tested = isTested(options, build)
    const baseEnv = baseBuildEnv(c.identifier)
    const compilerCache = compilerCacheOf(c.identifier)
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
      inPlace: { packageDir: inside.package },
      pathVariable: IMAGE_PATH_PREPEND,
      workDir,
      where: 'container',
      environments: 'interpreter',
      testEnvUv: CONTAINER_UV,
      tested,
      baseEnv,
      pathTail: path.posix.dirname(python),
      checkPython: true,
      cores: coreShare(facts, options.parallel, lane.total),
      constraintsFile: constraints.fileOf(c.identifier),
      afterRepair: [copyOut],
      compilerCache: compilerCache?.plan,
      audit: hostAudit(facts, wheelDir)
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
      abi3Audit: !!build.auditCommand,
      ...(compilerCache
        ? compileGroupPart(options, compilerCache.plan, {
            toolchain: image,
            hostCacheDir: compilerCache.hostDir
          })
        : {})
    }
  })
  return {
    where: 'container',
    container,
    family: lane.family,
    serial: true,
    setup,
    builds,
    teardown: [
      host('remove', [engine, 'rm', '--force', '--time', '0', name], `${engine} rm ${name}`)
    ]
  }
}
