/**
 * The per-identifier steps, in one order for every platform: prepare →
 * write-config → venv → frontend → before-build → build → repair → (copy-out)
 * → audit, then the test in a fresh venv. A dialect (POSIX or Windows) says
 * how each step is spelled. Pure: paths in, steps out.
 */
import type { BuildOptions } from '../options/types.js'
import type { Step, Where } from '../plan/types.js'
import { buildDirs, WRITE_FILES_PY, type Dialect } from './dialect.js'

/** Files a build writes (write-config) with its own Python, on any OS. */
const writeWithPython = (python: string, files: readonly (readonly [string, string])[]) => [
  python,
  '-c',
  WRITE_FILES_PY,
  ...files.flat()
]
import { ensureInstalled, frontendArgv, frontendRequirements } from './frontend.js'
import { buildVenvSteps, keptVenv, type KeptVenv } from './kept-venv.js'
import { shellArgv } from './placeholders.js'
import { join as commandLine } from '../util/shlex.js'

export interface PipelineInput {
  readonly options: BuildOptions
  readonly dialect: Dialect
  /** The interpreter that runs the build (a native one for a cross build). */
  readonly python: string
  /** The project as the build location sees it; copied, never built in place. */
  readonly projectDir: string
  readonly workDir: string
  readonly where: Where
  /**
   * `venv`: the build and its frontend run in a venv made from `python` (host
   * builds). `interpreter`: they run with `python` itself, and what the
   * frontend and the test env need is installed into it once, only when
   * missing (a container, as cibuildwheel does on Linux).
   */
  readonly environments?: 'venv' | 'interpreter'
  /** With `interpreter`: the uv that makes and fills the test env (set up once per container). */
  readonly testEnvUv?: string
  readonly tested: boolean
  /** Variables every step of this build gets (PATH, CIBUILDWHEEL, ...). */
  readonly baseEnv: Readonly<Record<string, string>>
  /** PATH entries after the build venv's (the tools venv, the runner's PATH). */
  readonly pathTail: string
  /** Variables for the repair step only. */
  readonly repairEnv?: Readonly<Record<string, string>>
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

/** The variables that give one build its share of the cores. */
export function coreBudgetEnv(
  cores: number | undefined,
  baseEnv: Readonly<Record<string, string>>,
  configFile: string
): Record<string, string> {
  if (!cores || cores < 2) return {}
  const budget: Record<string, string> = {
    MAKEFLAGS: `-j${cores}`,
    CMAKE_BUILD_PARALLEL_LEVEL: String(cores),
    DIST_EXTRA_CONFIG: configFile
  }
  return Object.fromEntries(Object.entries(budget).filter(([k]) => baseEnv[k] === undefined))
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
  const placeholders = {
    WHEELWRIGHT_PROJECT: input.projectDir,
    WHEELWRIGHT_PACKAGE: input.projectDir
  }
  const budgetFile = join(input.workDir, 'parallel-build.cfg')
  const budget = coreBudgetEnv(input.cores, input.baseEnv, budgetFile)
  const buildEnv = {
    ...input.baseEnv,
    ...budget,
    ...placeholders,
    ...(inInterpreter
      ? { PATH: input.pathTail }
      : { VIRTUAL_ENV: dirs.venv, PATH: `${venvBin}${dialect.pathSeparator}${input.pathTail}` })
  }
  const step = (name: string, argv: string[], extra: StepExtra = {}): Step => ({
    name,
    argv,
    ...(extra.display ? { display: extra.display } : {}),
    env: extra.env ?? buildEnv,
    cwd: extra.cwd ?? dirs.src,
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
    step('prepare', dialect.prepare(input.python, dirs, input.projectDir, cores, budgetFile), {
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
  // Shown as run from the project copy (the step's cwd), with the venv's python.
  const shownBuild = frontendArgv(options.frontend, {
    ...frontendCall,
    python: 'python',
    packageDir: '.',
    outDir: dialect.path.relative(dirs.src, dirs.built),
    uv: 'uv'
  })
  steps.push(
    step(
      'build',
      frontendArgv(options.frontend, {
        ...frontendCall,
        python,
        packageDir: dirs.src,
        outDir: dirs.built,
        uv: inInterpreter ? 'uv' : dialect.executable(venvBin, 'uv')
      }),
      { collectsWheel: dirs.built, display: commandLine(shownBuild) }
    )
  )
  const repairEnv = {
    ...buildEnv,
    ...input.repairEnv,
    WHEELWRIGHT_DEST_DIR: dirs.repaired,
    ...(input.delocateArchs ? { WHEELWRIGHT_DELOCATE_ARCHS: input.delocateArchs } : {})
  }
  const repairArgv = options.repairCommand
    ? shellArgv(options.repairCommand, dialect.shell)
    : dialect.copyWheel(input.python, dirs.repaired)
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
    PATH: `${testBin}${dialect.pathSeparator}${input.pathTail}`,
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
  const installer = uv
    ? [uv, 'pip', 'install', '--quiet', ...UV_TLS, '--python', testPython]
    : [testPython, '-m', 'pip', 'install', '--disable-pip-version-check']
  steps.push(
    test(
      'test-install',
      [...installer, ...constrained, wheelSpec, ...options.testRequires],
      `pip install ${wheelSpec} ${commandLine(options.testRequires)}`.trimEnd()
    ),
    test('test', shellArgv(options.testCommand, dialect.shell), options.testCommand)
  )
  return steps
}
