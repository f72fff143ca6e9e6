/**
 * The per-identifier steps, in one order for every platform: prepare →
 * write-config → venv → frontend → before-build → build → repair → (copy-out)
 * → audit, then the test in a fresh venv. A dialect (POSIX or Windows) says
 * how each step is spelled. Pure: paths in, steps out.
 */
import type { BuildOptions } from '../model/options.js'
import type { Step, Where } from '../model/build-plan.js'
import { buildDirs, writeWithPython, type Dialect } from './dialect.js'
import { ensureInstalled, frontendArgv, frontendRequirements } from './frontend.js'
import { buildVenvSteps, keptVenv, type KeptVenv } from './kept-venv.js'
import { checkPythonArgv } from './interpreter.js'
import { coreBudgetEnv } from './core-budget.js'
import { shellArgv } from './placeholders.js'
import { join as commandLine } from '../util/shlex.js'
import { cachedBuildStep, type CompilerCachePlan } from './compiler-cache.js'

export interface PipelineInput {
  readonly options: BuildOptions
  readonly dialect: Dialect
  /** The interpreter that runs the build (a native one for a cross build). */
  readonly python: string
  /** The project (`{project}`) as the build location sees it. */
  readonly projectDir: string
  /**
   * Absent (host): each build copies the project into its own src dir. Present (a container
   * lane, as cibuildwheel): before-build, build and repair run in `projectDir` itself, and
   * the frontend builds `packageDir` (`{package}`, inside it).
   */
  readonly inPlace?: { readonly packageDir: string }
  /** Where a step's PATH entries go: `PATH`, or IMAGE_PATH_PREPEND (first on an image's PATH). */
  readonly pathVariable?: string
  readonly workDir: string
  readonly where: Where
  /**
   * `venv`: the build and its frontend run in a venv made from `python` (host
   * builds). `interpreter`: they run with `python` itself, and what the
   * frontend and the test env need is installed into it once, only when
   * missing (a container, as cibuildwheel does on Linux).
   */
  readonly environments?: 'venv' | 'interpreter'
  /**
   * Check, before the build, that `python` on PATH is `python` (an
   * environment that puts another first is refused, as cibuildwheel does).
   */
  readonly checkPython?: boolean
  /** With `interpreter`: the uv that makes and fills the test env (set up once per container). */
  readonly testEnvUv?: string
  readonly tested: boolean
  /** Variables every step of this build gets (PATH, CIBUILDWHEEL, ...). */
  readonly baseEnv: Readonly<Record<string, string>>
  /** PATH entries after the build venv's (the tools venv, the runner's PATH; in a container the interpreter's bin). */
  readonly pathTail: string
  /** Variables for the repair step only. */
  readonly repairEnv?: Readonly<Record<string, string>>
  /**
   * How the platform runs its built-in repair command (`options.repairIsDefault`):
   * an argv used instead of that command through the shell; the log still shows
   * the command. A repair command the user gave always runs as written.
   */
  readonly builtInRepair?: readonly string[]
  readonly delocateArchs?: string
  /**
   * A virtualenv executable to create venvs with (seconds faster than
   * `python -m venv`, which runs ensurepip); `python -m venv` when absent.
   */
  readonly virtualenv?: string
  /** Put before the argv of before-test, test-install and test (e.g. `arch -x86_64` for Rosetta). */
  readonly testPrefix?: readonly string[]
  /**
   * Cores this build may use: more than one when fewer builds run at once
   * than there are cores. Sets MAKEFLAGS, CMAKE_BUILD_PARALLEL_LEVEL and the
   * setuptools parallel build_ext option, unless the user set them.
   */
  readonly cores?: number
  /**
   * A directory for build venvs kept between identifiers and runs
   * (kept-venv.ts): the build runs in one, or, with a before-build, in a
   * fresh venv that finds the `build` frontend of one.
   */
  readonly sharedVenvRoot?: string
  /**
   * The constraints file (`dependency-versions`) where the build runs, written
   * by the group's setup; every tool and test-env install is constrained by it.
   */
  readonly constraintsFile?: string
  /** Files written before the build (e.g. a cross-compilation setup.cfg): path → content. */
  readonly files?: Readonly<Record<string, string>>
  /** The compiler cache in front of the build step's compilers (`compiler-cache`). */
  readonly compilerCache?: CompilerCachePlan
  /** Steps right after the repair (copying the wheel out of a container). */
  readonly afterRepair?: readonly Step[]
  /** The abi3 audit on the host: where the repaired wheel is there, and the step's env and cwd. */
  readonly audit?: {
    readonly wheelDir: string
    /** Its variables, given those of the build steps. */
    readonly env: (buildEnv: Readonly<Record<string, string>>) => Record<string, string>
    readonly cwd: string
  }
}

/**
 * The kept build venv of a host build. before-build runs in the build venv
 * and may install anything there, which must reach no other build or run: it
 * gets a fresh venv, which finds the `build` frontend of a kept venv through
 * a .pth file (other frontends are installed into the fresh venv, as before).
 */
function keptVenvOf(input: PipelineInput, requirements: readonly string[]): KeptVenv | undefined {
  if (!input.sharedVenvRoot) return undefined
  if (input.options.beforeBuild && input.options.frontend.name !== 'build') return undefined
  return keptVenv({
    root: input.sharedVenvRoot,
    dialect: input.dialect,
    python: input.python,
    virtualenv: input.virtualenv,
    requirements,
    constraintsFile: input.constraintsFile
  })
}

function venvArgv(input: PipelineInput, dir: string): string[] {
  return input.virtualenv
    ? [input.virtualenv, '--quiet', '--no-periodic-update', '--python', input.python, dir]
    : [input.python, '-m', 'venv', dir]
}

type StepExtra = Partial<
  Pick<
    Step,
    | 'env'
    | 'cwd'
    | 'phase'
    | 'collectsWheel'
    | 'creates'
    | 'verifies'
    | 'wheelDir'
    | 'onlyAbi3'
    | 'display'
  >
>

/** uv trusts the system's certificates, as pip in an image does (images add their CAs there). */
const UV_TLS: readonly string[] = ['--native-tls']

export function pipelineSteps(input: PipelineInput): Step[] {
  const { options, where, dialect } = input
  const join = dialect.path.join
  const inInterpreter = input.environments === 'interpreter'
  const constrained = input.constraintsFile ? ['-c', input.constraintsFile] : []
  const requirements = frontendRequirements(options.frontend)
  const kept = inInterpreter ? undefined : keptVenvOf(input, requirements)
  // With before-build, a fresh venv per build, which finds the kept frontend.
  const layered = !!kept && !!options.beforeBuild
  const dirs = {
    ...buildDirs(dialect, input.workDir),
    ...(kept && !layered ? { venv: kept.dir } : {})
  }
  const venvBin = dialect.venvBin(dirs.venv)
  const testBin = dialect.venvBin(dirs.testVenv)
  const inPlace = input.inPlace
  const packageDir = inPlace ? inPlace.packageDir : dirs.src
  const pathVariable = input.pathVariable ?? 'PATH'
  const placeholders = {
    WHEELWRIGHT_PROJECT: input.projectDir,
    WHEELWRIGHT_PACKAGE: inPlace ? inPlace.packageDir : input.projectDir
  }
  const budgetFile = join(input.workDir, 'parallel-build.cfg')
  const budget = coreBudgetEnv(input.cores, input.baseEnv, budgetFile)
  const buildEnv = {
    ...input.baseEnv,
    ...budget,
    ...placeholders,
    ...(inInterpreter
      ? { [pathVariable]: input.pathTail }
      : { VIRTUAL_ENV: dirs.venv, PATH: `${venvBin}${dialect.pathSeparator}${input.pathTail}` })
  }
  const step = (name: string, argv: string[], extra: StepExtra = {}): Step => ({
    name,
    argv,
    ...(extra.display ? { display: extra.display } : {}),
    env: extra.env ?? buildEnv,
    cwd: extra.cwd ?? (inPlace ? input.projectDir : dirs.src),
    where,
    phase: extra.phase ?? 'build',
    ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {}),
    ...(extra.creates ? { creates: extra.creates } : {}),
    ...(extra.verifies ? { verifies: extra.verifies } : {}),
    ...(extra.wheelDir ? { wheelDir: extra.wheelDir } : {}),
    ...(extra.onlyAbi3 ? { onlyAbi3: true } : {})
  })
  const python = inInterpreter ? input.python : dialect.executable(venvBin, 'python')
  const cores = budget.DIST_EXTRA_CONFIG ? String(input.cores) : ''
  const steps: Step[] = [
    inPlace
      ? // In the project: the environment option is evaluated where this first step runs.
        step('prepare', dialect.prepareInPlace(input.python, dirs, cores, budgetFile), {
          cwd: input.projectDir,
          display: 'make fresh dirs for the built and repaired wheels'
        })
      : step('prepare', dialect.prepare(input.python, dirs, input.projectDir, cores, budgetFile), {
          cwd: dialect.path.dirname(input.workDir),
          display: 'copy the project into a fresh build dir'
        })
  ]
  const files = Object.entries(input.files ?? {})
  if (files.length > 0) {
    steps.push(
      step('write-config', writeWithPython(input.python, files), {
        display: `write ${files.map(([file]) => dialect.path.basename(file)).join(', ')}`
      })
    )
  }
  if (input.checkPython)
    steps.push(
      step('check-python', checkPythonArgv(input.python), {
        display: `check that python on PATH is ${input.python}`
      })
    )
  if (inInterpreter) {
    if (requirements.length > 0)
      steps.push(
        step('install-frontend', ensureInstalled(python, requirements, constrained), {
          display: `pip install ${commandLine(requirements)} (when missing)`
        })
      )
  } else {
    const install = (venvPython: string) => [
      venvPython,
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      ...constrained,
      ...requirements
    ]
    steps.push(
      ...buildVenvSteps({
        dialect,
        kept,
        layered,
        buildVenv: dirs.venv,
        requirements,
        venvArgv: dir => venvArgv(input, dir),
        install,
        step
      })
    )
  }
  if (options.beforeBuild)
    steps.push(
      step('before-build', shellArgv(options.beforeBuild, dialect.shell), {
        display: options.beforeBuild
      })
    )
  const frontendCall = {
    configSettings: options.configSettings,
    verbosity: options.buildVerbosity
  }
  // Shown as run from the step's cwd (the project, or its copy), with the venv's python.
  const buildCwd = inPlace ? input.projectDir : dirs.src
  const shownBuild = frontendArgv(options.frontend, {
    ...frontendCall,
    python: 'python',
    packageDir: dialect.path.relative(buildCwd, packageDir) || '.',
    outDir: inPlace ? dirs.built : dialect.path.relative(buildCwd, dirs.built),
    uv: 'uv'
  })
  const buildArgv = frontendArgv(options.frontend, {
    ...frontendCall,
    python,
    packageDir,
    outDir: dirs.built,
    uv: inInterpreter ? 'uv' : dialect.executable(venvBin, 'uv')
  })
  const built = cachedBuildStep(input.compilerCache, {
    argv: buildArgv,
    display: commandLine(shownBuild),
    env: buildEnv,
    python: input.python,
    workDir: input.workDir,
    packageDir,
    dialect
  })
  steps.push(step('build', built.argv, { collectsWheel: dirs.built, ...built }))
  const repairEnv = {
    ...buildEnv,
    ...input.repairEnv,
    WHEELWRIGHT_DEST_DIR: dirs.repaired,
    ...(input.delocateArchs ? { WHEELWRIGHT_DELOCATE_ARCHS: input.delocateArchs } : {})
  }
  const repairArgv = !options.repairCommand
    ? dialect.copyWheel(input.python, dirs.repaired)
    : options.repairIsDefault && input.builtInRepair
      ? [...input.builtInRepair]
      : shellArgv(options.repairCommand, dialect.shell)
  steps.push(
    step('repair', repairArgv, {
      env: repairEnv,
      collectsWheel: dirs.repaired,
      display: options.repairCommand || 'copy the wheel (no repair command)'
    })
  )
  steps.push(...(input.afterRepair ?? []))
  const audit = input.audit
  if (audit) {
    for (const command of options.auditCommands) {
      steps.push({
        name: 'audit',
        argv: shellArgv(command, dialect.shell),
        display: command,
        env: audit.env(buildEnv),
        cwd: audit.cwd,
        where: 'host',
        phase: 'build',
        wheelDir: audit.wheelDir,
        ...(command.includes('{abi3_wheel}') ? { onlyAbi3: true } : {})
      })
    }
  }
  if (!input.tested) return steps

  const testEnv = {
    ...input.baseEnv,
    ...placeholders,
    VIRTUAL_ENV: dirs.testVenv,
    [pathVariable]: `${testBin}${dialect.pathSeparator}${input.pathTail}`,
    TEST_CWD: dirs.testCwd
  }
  const prefix = input.testPrefix ?? []
  const test = (
    name: string,
    argv: string[],
    display: string,
    cwd = dirs.testCwd,
    prefixed = true
  ) =>
    step(name, prefixed ? [...prefix, ...argv] : argv, {
      env: testEnv,
      cwd,
      phase: 'test',
      display
    })
  steps.push(
    test(
      'test-prepare',
      dialect.prepareTest(input.python, dirs, input.projectDir, options.testSources),
      options.testSources.length > 0
        ? `copy ${options.testSources.join(', ')} into a fresh test dir`
        : 'make a fresh test dir',
      input.workDir,
      false
    )
  )
  const uv = inInterpreter ? input.testEnvUv : undefined
  // In a container the test env comes from uv (set up once per container),
  // seeded with pip: no ensurepip, which takes seconds per venv.
  steps.push(
    test(
      'test-venv',
      uv
        ? [uv, 'venv', '--seed', '--quiet', ...UV_TLS, '--python', input.python, dirs.testVenv]
        : venvArgv(input, dirs.testVenv),
      'create the test venv',
      dirs.testCwd,
      false
    )
  )
  if (options.beforeTest)
    steps.push(
      test(
        'before-test',
        shellArgv(options.beforeTest, dialect.shell),
        options.beforeTest,
        input.projectDir
      )
    )
  const wheelSpec = options.testExtras ? `{wheel}[${options.testExtras}]` : '{wheel}'
  const testPython = dialect.executable(testBin, 'python')
  // pip, as cibuildwheel, unless the frontend is uv's: the project's PIP_* settings
  // (index, constraints) reach its test install.
  const installer =
    uv && options.frontend.name.includes('uv')
      ? [uv, 'pip', 'install', '--quiet', ...UV_TLS, '--python', testPython]
      : [testPython, '-m', 'pip', 'install', '--disable-pip-version-check']
  // From the project, so that `-r requirements/test.txt` and relative paths in
  // the environment resolve; dependency-versions pins only the tools we install,
  // never what the project installs for its tests (as cibuildwheel).
  steps.push(
    test(
      'test-install',
      [...installer, wheelSpec, ...options.testRequires],
      `pip install ${wheelSpec} ${commandLine(options.testRequires)}`.trimEnd(),
      input.projectDir
    ),
    test('test', shellArgv(options.testCommand, dialect.shell), options.testCommand)
  )
  return steps
}
