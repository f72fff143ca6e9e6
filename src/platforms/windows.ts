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
import type { BuildOptions, Options } from '../options/types.js'
import type { PythonConfiguration } from '../plan/identifiers.js'
import type { PlanFacts } from '../plan/facts.js'
import type { Build, BuildGroup, Step, Unavailable } from '../plan/types.js'
import { shellArgv } from '../build/placeholders.js'
import { baseBuildEnv, hostBaseEnv, isTested } from './common.js'
import { activationSteps, capturedEnvName, getEnv, vcvarsArch } from './msvc.js'
import { windowsDirs, windowsPipelineSteps } from './windows-pipeline.js'
import { expectedInterpreter, windowsTarget } from '../python/locations.js'
import { HOSTED_TOOL_CACHE, toolCacheRoot } from '../python/toolcache.js'

const w = path.win32

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
): { groups: BuildGroup[]; unavailable: Unavailable[] } {
  const host = options.runner.machine
  const onThisMachine = options.runner.platform === 'windows' && !options.dryRun
  const toolsScripts = w.join(facts.toolsDir, 'Scripts')
  const hostPath = getEnv(facts.env, 'PATH') ?? ''
  const runnerEnv = hostBaseEnv(facts)
  const unavailable: Unavailable[] = []
  const builds: Build[] = []
  for (const c of configurations) {
    const interpreter =
      facts.hostInterpreters.get(c.identifier) ??
      (onThisMachine
        ? undefined
        : expectedInterpreter(
            c,
            host,
            toolCacheRoot(facts.env) ?? HOSTED_TOOL_CACHE.windows,
            w.dirname(facts.toolsDir)
          ))
    if (!interpreter) {
      unavailable.push({ identifier: c.identifier, reason: 'interpreter' })
      continue
    }
    const build = options.buildOptions(c.identifier)
    const target = windowsTarget(c.identifier)
    const workDir = w.join(facts.tempDir, 'build', c.identifier)
    const crossConfig = w.join(workDir, 'extra-setup.cfg')
    const baseEnv = {
      ...without(runnerEnv, 'PATH'),
      ...baseBuildEnv(c.identifier),
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
    const wanted = isTested(options, build)
    const tested = wanted && !cross
    const steps = windowsPipelineSteps({
      options: build,
      python: interpreter.path,
      projectDir: options.packageDir,
      workDir,
      tested,
      baseEnv,
      pathTail: `${toolsScripts};${hostPath}`,
      toolsScripts,
      ...(cross
        ? {
            files: { [crossConfig]: crossSetupCfg(CROSS.ARM64.plat, interpreter.importLibs ?? '') }
          }
        : {})
    })
    builds.push({
      identifier: c.identifier,
      python: interpreter.path,
      version: interpreter.version,
      workDir,
      wheelDir: windowsDirs(workDir).repaired,
      environment: build.environment,
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
      abi3Audit: !!build.auditCommand
    })
  }
  if (builds.length === 0) return { groups: [], unavailable }
  const first = options.buildOptions(builds[0].identifier)
  const setup: Step[] = [
    toolsStep(facts, ['delvewheel', 'abi3audit']),
    ...activationSteps({
      hostMachine: host,
      targets: builds.map(b => windowsTarget(b.identifier)),
      toolset: options.msvcToolset,
      env: runnerEnv,
      cwd: facts.tempDir
    }),
    ...(first.beforeAll ? [beforeAllStep(options, first, runnerEnv)] : [])
  ]
  return { groups: [{ where: 'host', setup, builds, teardown: [] }], unavailable }
}

/** argv: venv-dir marker requirements... Creates the tools venv, installs, touches the marker. */
export const TOOLS_PY = [
  'import os, pathlib, subprocess, sys, venv',
  'target, marker, *requirements = sys.argv[1:]',
  'venv.create(target, with_pip=True, clear=True)',
  "python = os.path.join(target, 'Scripts', 'python.exe')",
  "subprocess.check_call([python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', *requirements])",
  'pathlib.Path(marker).touch()'
].join('\n')

function toolsStep(facts: PlanFacts, requirements: readonly string[]): Step {
  const marker = w.join(facts.toolsDir, `.ready-${requirements.join('-')}`)
  return {
    name: 'tools',
    argv: [facts.hostPython, '-c', TOOLS_PY, facts.toolsDir, marker, ...requirements],
    env: hostBaseEnv(facts),
    cwd: facts.tempDir,
    where: 'host',
    phase: 'build',
    creates: marker
  }
}

function beforeAllStep(
  options: Options,
  first: BuildOptions,
  runnerEnv: Record<string, string>
): Step {
  return {
    name: 'before-all',
    argv: shellArgv(first.beforeAll, 'cmd'),
    env: {
      ...runnerEnv,
      WHEELWRIGHT_PROJECT: options.packageDir,
      WHEELWRIGHT_PACKAGE: options.packageDir
    },
    cwd: options.packageDir,
    where: 'host',
    phase: 'build'
  }
}
