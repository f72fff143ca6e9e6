/**
 * macOS plans: one host group, the POSIX pipeline per identifier with the
 * deployment target, ARCHFLAGS and _PYTHON_HOST_PLATFORM of its arch (set
 * for native and cross builds alike; a value in the runner's environment or
 * the `environment` option wins), delocate for the repair, and tests on the
 * arch the runner can execute: natively, x86_64 under Rosetta on an arm64
 * runner, never arm64 on an Intel runner (a warning instead).
 */
import path from 'node:path'
import type { BuildOptions, Options } from '../options/types.js'
import type { PythonConfiguration } from '../plan/identifiers.js'
import type { PlanFacts } from '../plan/facts.js'
import type { Build, BuildGroup, Step, Unavailable } from '../plan/types.js'
import { selectorMatches } from '../plan/selector.js'
import { pipelineDirs, pipelineSteps } from '../build/pipeline.js'
import { shellArgv } from '../build/placeholders.js'
import { auditStep, baseBuildEnv, hostBaseEnv, isTested, toolsSetupSteps } from './common.js'
import {
  archEnvironment,
  delocateArchs,
  macosArch,
  resolveDeploymentTarget,
  type MacArch
} from './deployment-target.js'
import { expectedInterpreter } from '../python/locations.js'
import { HOSTED_TOOL_CACHE, toolCacheRoot } from '../python/toolcache.js'

const p = path.posix

/** Variables cibuildwheel removes from a macOS build environment. */
const DROPPED = ['__PYVENV_LAUNCHER__', 'PYTHON_VERSION', 'PYTHON_ARCH', 'UV_PYTHON']

/** The arch an identifier's tests run on, on a runner of `machine`. */
export interface TestArch {
  readonly arch?: 'x86_64' | 'arm64'
  /** `arch -x86_64` when the tests run under Rosetta. */
  readonly prefix: readonly string[]
  readonly warning?: string
}

export function macosTestArch(
  identifier: string,
  arch: MacArch,
  machine: string,
  testSkip: string
): TestArch {
  const host = machine === 'arm64' ? 'arm64' : 'x86_64'
  if (arch === 'universal2') {
    const skippedOther = selectorMatches(
      testSkip,
      `${identifier}:${host === 'arm64' ? 'x86_64' : 'arm64'}`
    )
    if (selectorMatches(testSkip, `${identifier}:${host}`)) return { prefix: [] }
    return {
      arch: host,
      prefix: [],
      ...(host === 'x86_64' && !skippedOther
        ? {
            warning:
              'the arm64 half of a universal2 wheel cannot be tested on an x86_64 runner; only the x86_64 ' +
              'half is. Build universal2 on an arm64 runner to test it, or set test-skip: "*-macosx_universal2:arm64"'
          }
        : {})
    }
  }
  if (arch === host) return { arch, prefix: [] }
  if (arch === 'x86_64') return { arch, prefix: ['arch', '-x86_64'] }
  return {
    prefix: [],
    warning:
      'arm64 wheels can be built on an x86_64 runner but not tested there. Build them on an arm64 ' +
      'runner (macos-latest), or set test-skip: "*-macosx_arm64"'
  }
}

export function planMacos(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): { groups: BuildGroup[]; unavailable: Unavailable[] } {
  const toolsBin = p.join(facts.toolsDir, 'bin')
  const hostPath = facts.env.PATH ?? '/usr/bin:/bin'
  const onThisMachine = options.runner.platform === 'macos' && !options.dryRun
  const unavailable: Unavailable[] = []
  const builds: Build[] = []
  for (const c of configurations) {
    const interpreter =
      facts.hostInterpreters.get(c.identifier) ??
      (onThisMachine
        ? undefined
        : expectedInterpreter(
            c,
            options.runner.machine,
            toolCacheRoot(facts.env) ?? HOSTED_TOOL_CACHE.macos,
            p.dirname(facts.toolsDir)
          ))
    if (!interpreter) {
      unavailable.push({ identifier: c.identifier, reason: 'interpreter' })
      continue
    }
    builds.push(macosBuild(options, c, facts, interpreter, `${toolsBin}:${hostPath}`))
  }
  if (builds.length === 0) return { groups: [], unavailable }
  const setup: Step[] = toolsSetupSteps(facts, ['delocate', 'abi3audit', 'virtualenv'])
  const first = options.buildOptions(builds[0].identifier)
  if (first.beforeAll) setup.push(beforeAllStep(options, first, facts))
  return { groups: [{ where: 'host', setup, builds, teardown: [] }], unavailable }
}

function macosBuild(
  options: Options,
  c: PythonConfiguration,
  facts: PlanFacts,
  interpreter: { path: string; version: string },
  pathTail: string
): Build {
  const build = options.buildOptions(c.identifier)
  const arch = macosArch(c.identifier)
  const workDir = p.join(facts.tempDir, 'build', c.identifier)
  const target = resolveDeploymentTarget({
    identifier: c.identifier,
    pythonVersion: c.version,
    environment: build.environment,
    input: options.macosDeploymentTarget,
    runnerValue: facts.env.MACOSX_DEPLOYMENT_TARGET
  })
  const flags = archEnvironment(arch, target.target)
  const runner: Record<string, string> = hostBaseEnv(facts)
  for (const name of DROPPED) delete runner[name]
  const baseEnv: Record<string, string> = {
    ...runner,
    ...baseBuildEnv(c.identifier),
    MACOSX_DEPLOYMENT_TARGET: target.target,
    // setdefault: the runner's own values win.
    ARCHFLAGS: facts.env.ARCHFLAGS ?? flags.ARCHFLAGS,
    _PYTHON_HOST_PLATFORM: facts.env._PYTHON_HOST_PLATFORM ?? flags._PYTHON_HOST_PLATFORM
  }
  const testing = macosTestArch(c.identifier, arch, options.runner.machine, options.testSkip)
  const wanted = isTested(options, build)
  const tested = wanted && testing.arch !== undefined
  const steps = pipelineSteps({
    options: build,
    python: interpreter.path,
    projectDir: options.packageDir,
    workDir,
    where: 'host',
    tested,
    baseEnv,
    // The base interpreter's bin after the venv, so python3-config resolves.
    pathTail: `${p.dirname(interpreter.path)}:${pathTail}`,
    delocateArchs: delocateArchs(arch),
    virtualenv: p.join(facts.toolsDir, 'bin', 'virtualenv'),
    testPrefix: testing.prefix
  })
  const repaired = pipelineDirs(workDir).repaired
  steps.splice(
    steps.findIndex(s => s.name === 'repair') + 1,
    0,
    ...auditStep(build, repaired, facts)
  )
  return {
    identifier: c.identifier,
    python: interpreter.path,
    version: interpreter.version,
    workDir,
    wheelDir: repaired,
    environment: raiseInEnvironment(build.environment, target),
    env: baseEnv,
    steps,
    tested,
    ...(wanted && testing.warning ? { testWarning: testing.warning } : {}),
    abi3Audit: !!build.auditCommand
  }
}

/**
 * A user's target below the minimum is raised, as cibuildwheel does: when it
 * came from `environment`, which is evaluated last, an assignment of the
 * raised value is appended so the build sees it.
 */
function raiseInEnvironment(
  environment: string,
  target: ReturnType<typeof resolveDeploymentTarget>
): string {
  if (!target.raisedFrom || target.source !== 'environment') return environment
  return (
    `${environment}\n# wheelwright: MACOSX_DEPLOYMENT_TARGET ${target.raisedFrom} is below the ` +
    `minimum of this identifier\nMACOSX_DEPLOYMENT_TARGET=${target.target}`
  )
}

function beforeAllStep(options: Options, first: BuildOptions, facts: PlanFacts): Step {
  return {
    name: 'before-all',
    argv: shellArgv(first.beforeAll, 'bash'),
    env: {
      ...hostBaseEnv(facts),
      MACOSX_DEPLOYMENT_TARGET:
        facts.env.MACOSX_DEPLOYMENT_TARGET ?? options.macosDeploymentTarget ?? '10.9',
      WHEELWRIGHT_PROJECT: options.packageDir,
      WHEELWRIGHT_PACKAGE: options.packageDir
    },
    cwd: options.packageDir,
    where: 'host',
    phase: 'build'
  }
}
