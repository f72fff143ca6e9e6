/**
 * The pieces of a host build's plan that the platforms share: which
 * interpreter, which builds, their steps and their group (pure).
 */
import type { BuildOptions, Options } from '../model/options.js'
import type { HostInterpreter, PlanFacts } from '../model/facts.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { Build, Step, Unavailable } from '../model/build-plan.js'
import { selectorMatches } from '../model/selector.js'
import {
  expectedInterpreter,
  toolCacheRoot,
  type ExpectedInterpreter
} from '../python/locations.js'
import { shellArgv, type ShellKind } from '../steps/placeholders.js'
import type { Dialect } from '../steps/dialect.js'
import { pipelineSteps, type PipelineInput } from '../steps/pipeline.js'
import type { Platform, PlannedGroups } from './platform.js'

export function isTested(options: Options, build: BuildOptions): boolean {
  return !!build.testCommand && !selectorMatches(options.testSkip, build.identifier)
}

/**
 * Each build's share of the cores: when fewer builds run at once than there
 * are cores, a build may use the rest (parallel=1 on 4 cores → 4 each).
 */
export function coreShare(facts: PlanFacts, parallel: number, builds: number): number {
  const atOnce = Math.max(1, Math.min(parallel, builds))
  return Math.max(1, Math.floor((facts.cpuCount ?? 1) / atOnce))
}

/** `before-all` (of the first build's options) on the host, in the project dir. */
export function hostBeforeAll(
  options: Options,
  builds: readonly Build[],
  env: Readonly<Record<string, string>>,
  shell: ShellKind
): Step[] {
  const command = options.buildOptions(builds[0].identifier).beforeAll
  if (!command) return []
  return [
    {
      name: 'before-all',
      argv: shellArgv(command, shell),
      display: command,
      env: {
        ...env,
        WHEELWRIGHT_PROJECT: options.packageDir,
        WHEELWRIGHT_PACKAGE: options.packageDir
      },
      cwd: options.packageDir,
      where: 'host',
      phase: 'build'
    }
  ]
}

/** One group on the host for the builds found, with the setup `setupOf` gives them. */
export function hostGroup(
  found: { builds: Build[]; unavailable: Unavailable[] },
  setupOf: (builds: readonly Build[]) => Step[]
): PlannedGroups {
  const { builds, unavailable } = found
  if (builds.length === 0) return { groups: [], unavailable }
  return { groups: [{ where: 'host', setup: setupOf(builds), builds, teardown: [] }], unavailable }
}

/**
 * The interpreter of a host build: the one found on this machine, or, for a
 * plan made elsewhere (a dry run of another OS), where it would be installed.
 */
export function hostInterpreter(
  configuration: PythonConfiguration,
  options: Options,
  facts: PlanFacts,
  platform: Pick<Platform, 'python' | 'runners'>
): HostInterpreter | ExpectedInterpreter | undefined {
  const found = facts.hostInterpreters.get(configuration.identifier)
  if (found) return found
  const onThisMachine = options.runner.platform === configuration.platform && !options.dryRun
  const { layout, installs } = platform.python
  if (onThisMachine || !installs) return undefined
  return expectedInterpreter(
    configuration,
    options.runner.machine,
    toolCacheRoot(facts.env) ?? platform.runners.hosted.toolCache,
    layout.path.dirname(facts.toolsDir),
    { layout, toolCacheTarget: installs.toolCacheTarget }
  )
}

/** The parts of a Build that its planner works out; the rest comes from its options. */
export type BuildParts = Omit<
  Build,
  'identifier' | 'python' | 'version' | 'environment' | 'abi3Audit'
> &
  Partial<Pick<Build, 'environment'>>

export function makeBuild(
  build: BuildOptions,
  interpreter: { readonly path: string; readonly version: string },
  parts: BuildParts
): Build {
  return {
    identifier: build.identifier,
    python: interpreter.path,
    version: interpreter.version,
    workDir: parts.workDir,
    wheelDir: parts.wheelDir,
    environment: parts.environment ?? build.environment,
    ...(build.testEnvironment ? { testEnvironment: build.testEnvironment } : {}),
    env: parts.env,
    steps: parts.steps,
    tested: parts.tested,
    ...(parts.testWarning ? { testWarning: parts.testWarning } : {}),
    ...(parts.capturedEnv ? { capturedEnv: parts.capturedEnv } : {}),
    abi3Audit: !!build.auditCommand,
    ...(parts.compileGroup ? { compileGroup: parts.compileGroup } : {})
  }
}

export interface FoundInterpreter {
  readonly path: string
  readonly version: string
}

/**
 * Host builds of the configurations whose interpreter is found; the others
 * are unavailable, for the reason `interpreterOf` gives.
 */
export function hostBuilds<I extends FoundInterpreter>(
  configurations: readonly PythonConfiguration[],
  interpreterOf: (c: PythonConfiguration) => I | Unavailable['reason'],
  buildOf: (c: PythonConfiguration, interpreter: I) => Build
): { builds: Build[]; unavailable: Unavailable[] } {
  const builds: Build[] = []
  const unavailable: Unavailable[] = []
  for (const c of configurations) {
    const found = interpreterOf(c)
    if (typeof found === 'string') unavailable.push({ identifier: c.identifier, reason: found })
    else builds.push(buildOf(c, found))
  }
  return { builds, unavailable }
}

/** Where and how a host build runs: its dir, its variables, and whether it is tested. */
export interface HostBuildPlace {
  readonly python: string
  readonly workDir: string
  readonly tested: boolean
  readonly baseEnv: Readonly<Record<string, string>>
  readonly dialect: Dialect
}

/** The steps of a host build: the project is copied from where it is into `workDir`. */
export function hostPipeline(
  options: Options,
  build: BuildOptions,
  place: HostBuildPlace,
  rest: Omit<
    PipelineInput,
    'options' | 'dialect' | 'python' | 'projectDir' | 'workDir' | 'where' | 'tested' | 'baseEnv'
  >
): Step[] {
  return pipelineSteps({
    options: build,
    projectDir: options.packageDir,
    where: 'host',
    ...place,
    ...rest
  })
}

/** Where host builds keep their build venvs between identifiers and runs: next to the tools venv. */
export function keptVenvsDir(facts: PlanFacts, dialect: Dialect): string {
  return dialect.path.join(dialect.path.dirname(facts.toolsDir), 'venvs')
}
