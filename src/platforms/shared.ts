/** Planning pieces shared by the platforms. */
import path from 'node:path'
import type { BuildOptions, Options } from '../model/options.js'
import type { HostInterpreter, PlanFacts } from '../model/facts.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import {
  expectedInterpreter,
  type ExpectedInterpreter,
  type InterpreterRules
} from '../python/locations.js'
import { toolCacheRoot } from '../python/toolcache.js'
import {
  constraintsFileName,
  constraintsFor,
  pinnedToolRequirements
} from '../steps/constraints.js'
import crypto from 'node:crypto'
import { provideInterpreters, type ProvideRules } from '../python/provide.js'
import type { Platform, PlannedGroups } from './platform.js'
import { shellArgv, type ShellKind } from '../steps/placeholders.js'
import { selectorMatches } from '../model/selector.js'
import type { Build, Step, Unavailable } from '../model/build-plan.js'
import { isCredential } from '../util/credentials.js'
import type { Dialect } from '../steps/dialect.js'
import { pipelineSteps, type PipelineInput } from '../steps/pipeline.js'

export function isTested(options: Options, build: BuildOptions): boolean {
  return !!build.testCommand && !selectorMatches(options.testSkip, build.identifier)
}

export function baseBuildEnv(identifier: string): Record<string, string> {
  return {
    CIBUILDWHEEL: '1',
    CIBUILDWHEEL_BUILD_IDENTIFIER: identifier,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_ROOT_USER_ACTION: 'ignore'
  }
}

/** Creates the host tools venv once; skipped when it already has the tools. */
export function toolsSetupSteps(
  facts: PlanFacts,
  requirements: readonly string[],
  dialect: Dialect
): Step[] {
  // Pinned (resources/constraints.json); new pins make a new marker, so the venv is updated.
  const pinned = requirements.flatMap(pinnedToolRequirements)
  const pins = crypto.createHash('sha256').update(pinned.join('\n')).digest('hex').slice(0, 8)
  const marker = dialect.path.join(facts.toolsDir, `.ready-${requirements.join('-')}-${pins}`)
  return [
    {
      name: 'tools',
      argv: dialect.toolsVenv(facts.hostPython, facts.toolsDir, marker, pinned),
      display: `install ${requirements.join(', ')} into the tools venv`,
      env: hostBaseEnv(facts),
      cwd: facts.tempDir,
      where: 'host',
      phase: 'build',
      creates: marker
    }
  ]
}

/** The runner's environment minus anything that carries a credential (unless environment-pass names it). */
export function hostBaseEnv(facts: PlanFacts): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [k, v] of Object.entries(facts.env)) {
    if (v === undefined || (isCredential(k) && !facts.passed?.has(k))) continue
    result[k] = v
  }
  const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch
  if (sde) result.SOURCE_DATE_EPOCH = sde
  return result
}

/** The audit on the host copy of a POSIX build's wheel, with the tools venv on PATH. */
export function hostAudit(facts: PlanFacts, hostWheelDir: string): PipelineInput['audit'] {
  const env = hostBaseEnv(facts)
  return {
    wheelDir: hostWheelDir,
    env: () => ({
      ...env,
      PATH: `${path.join(facts.toolsDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`
    }),
    cwd: facts.tempDir
  }
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
  rules: InterpreterRules,
  hostedToolCache: string
): HostInterpreter | ExpectedInterpreter | undefined {
  const found = facts.hostInterpreters.get(configuration.identifier)
  if (found) return found
  const onThisMachine = options.runner.platform === configuration.platform && !options.dryRun
  if (onThisMachine) return undefined
  return expectedInterpreter(
    configuration,
    options.runner.machine,
    toolCacheRoot(facts.env) ?? hostedToolCache,
    rules.layout.path.dirname(facts.toolsDir),
    rules
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
    abi3Audit: !!build.auditCommand
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

/** A platform's `interpreters`: found or installed by provideInterpreters with its rules. */
export function providedInterpreters(rules: ProvideRules): Platform['interpreters'] {
  return (input, discovered) =>
    provideInterpreters({
      configurations: input.configurations,
      discovered,
      rules,
      hostMachine: input.runner.machine,
      env: input.env,
      cacheDir: input.cacheDir,
      tempDir: input.tempDir,
      install: input.install
    })
}

/** Where host builds keep their build venvs between identifiers and runs: next to the tools venv. */
export function keptVenvsDir(facts: PlanFacts, dialect: Dialect): string {
  return dialect.path.join(dialect.path.dirname(facts.toolsDir), 'venvs')
}

/** PATH after a POSIX host build's venv: the tools venv, then the runner's PATH. */
export function posixPathTail(facts: PlanFacts): string {
  return `${path.join(facts.toolsDir, 'bin')}:${facts.env.PATH ?? '/usr/bin:/bin'}`
}

/**
 * The constraints file of each build (`dependency-versions`) in `dir` where the
 * builds run, and the setup step that writes them (none with `latest`).
 */
export function buildConstraints(
  options: Options,
  configurations: readonly PythonConfiguration[],
  place: { readonly dir: string; readonly where: Step['where']; readonly python: string },
  dialect: Dialect,
  env: Readonly<Record<string, string>>
): { fileOf: (identifier: string) => string | undefined; setup: Step[] } {
  const files = new Map<string, string>()
  const byIdentifier = new Map<string, string>()
  for (const c of configurations) {
    const text = constraintsFor(options.buildOptions(c.identifier).dependencyConstraints, c.version)
    if (text === undefined) continue
    const file = dialect.path.join(place.dir, constraintsFileName(text))
    files.set(file, text)
    byIdentifier.set(c.identifier, file)
  }
  const setup: Step[] =
    files.size === 0
      ? []
      : [
          {
            name: 'constraints',
            argv: dialect.writeFiles(place.python, [...files]),
            display: 'write the dependency constraints',
            env,
            cwd: dialect.path.dirname(place.dir),
            where: place.where,
            phase: 'build'
          }
        ]
  return { fileOf: identifier => byIdentifier.get(identifier), setup }
}

/** What the audit of these builds needs in the tools venv (`audit-requires`), each once. */
export function auditRequirements(options: Options, identifiers: readonly string[]): string[] {
  const all = identifiers.flatMap(id => {
    const build = options.buildOptions(id)
    return build.auditCommand ? build.auditRequires : []
  })
  return [...new Set(all)]
}

/** The host tools venv for these builds: `tools` around what their audits need. */
export function hostTools(
  facts: PlanFacts,
  options: Options,
  builds: readonly Build[],
  tools: { readonly before: readonly string[]; readonly after?: readonly string[] },
  dialect: Dialect
): Step[] {
  const audit = auditRequirements(
    options,
    builds.map(b => b.identifier)
  )
  return toolsSetupSteps(facts, [...tools.before, ...audit, ...(tools.after ?? [])], dialect)
}

/** The constraints of host builds, written under the run's temp dir by the host's Python. */
export function hostConstraints(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts,
  dialect: Dialect,
  env: Readonly<Record<string, string>> = hostBaseEnv(facts)
): ReturnType<typeof buildConstraints> {
  const dir = dialect.path.join(facts.tempDir, 'constraints')
  return buildConstraints(
    options,
    configurations,
    { dir, where: 'host', python: facts.hostPython },
    dialect,
    env
  )
}

/**
 * The Platform fields of a platform that builds on its own hosts only: no
 * containers, no images, and nothing emulated (cross builds use the native
 * toolchain's cross support).
 */
export const HOST_ONLY: Pick<
  Platform,
  'containers' | 'imageOption' | 'ociPlatform' | 'emulatedOn'
> = Object.freeze({
  containers: false,
  imageOption: () => undefined,
  ociPlatform: () => undefined,
  emulatedOn: () => false
})
