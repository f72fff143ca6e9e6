/**
 * The per-identifier steps on a POSIX build location (a Linux container or
 * host, a macOS host): prepare → venv → frontend → before-build → build →
 * repair, then the test in a fresh venv. Pure: paths in, steps out.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import type { BuildOptions } from '../options/types.js'
import type { Step, Where } from '../plan/types.js'
import { frontendArgv, frontendRequirements } from './frontend.js'
import { shellArgv } from './placeholders.js'

export interface PipelineInput {
  readonly options: BuildOptions
  readonly python: string
  /** The project as the build location sees it; copied, never built in place. */
  readonly projectDir: string
  readonly workDir: string
  readonly where: Where
  readonly tested: boolean
  /** Variables every step of this build gets (PATH, CIBUILDWHEEL, ...). */
  readonly baseEnv: Readonly<Record<string, string>>
  /** PATH entries placed before the build venv (e.g. the tools venv). */
  readonly pathTail: string
  /** Variables for the repair step only (e.g. MACOSX_DEPLOYMENT_TARGET is in baseEnv). */
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
   * Host builds: a directory for build venvs kept between runs. Used when the
   * project has no before-build (which could change the venv), since the
   * frontend builds in an isolated environment anyway.
   */
  readonly sharedVenvRoot?: string
}

/** A kept build venv: its directory and the marker that says it is complete. */
function sharedVenv(
  input: PipelineInput,
  requirements: readonly string[]
): { dir: string; marker: string } | undefined {
  if (!input.sharedVenvRoot || input.options.beforeBuild) return undefined
  const id = crypto
    .createHash('sha256')
    .update(JSON.stringify([input.python, input.virtualenv ?? 'venv', requirements]))
    .digest('hex')
    .slice(0, 16)
  const dir = path.posix.join(input.sharedVenvRoot, id)
  return { dir, marker: path.posix.join(dir, '.wheelwright-ready') }
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

export interface PipelineDirs {
  readonly src: string
  readonly built: string
  readonly repaired: string
  readonly venv: string
  readonly testVenv: string
  readonly testCwd: string
}

export function pipelineDirs(workDir: string): PipelineDirs {
  const p = path.posix
  return {
    src: p.join(workDir, 'src'),
    built: p.join(workDir, 'built'),
    repaired: p.join(workDir, 'repaired'),
    venv: p.join(workDir, 'venv'),
    testVenv: p.join(workDir, 'test-venv'),
    testCwd: p.join(workDir, 'test-cwd')
  }
}

const PREPARE = [
  'set -eo pipefail',
  'rm -rf -- "$1" "$2" "$3" && mkdir -p -- "$1" "$2" "$3"',
  // A copy without the project's own build/ dir: objects compiled earlier (on
  // the host, for another libc) must never be reused by this build.
  'tar -C "$4" --exclude=./build -cf - . | tar -C "$1" -xf -',
  // With a core budget, a setuptools config that builds extensions in parallel.
  'if [ -n "$5" ]; then printf \'[build_ext]\\nparallel = %s\\n\' "$5" > "$6"; fi'
].join('\n')
const PREPARE_TEST = [
  'set -e',
  'rm -rf -- "$1" "$2" && mkdir -p -- "$2"',
  'src="$3"; shift 3',
  'for item in "$@"; do mkdir -p -- "$(dirname -- "$TEST_CWD/$item")"; cp -a -- "$src/$item" "$TEST_CWD/$item"; done'
].join('\n')

function venvArgv(input: PipelineInput, dir: string): string[] {
  return input.virtualenv
    ? [input.virtualenv, '--quiet', '--no-periodic-update', '--python', input.python, dir]
    : [input.python, '-m', 'venv', dir]
}

export function pipelineSteps(input: PipelineInput): Step[] {
  const { options, where } = input
  const requirements = [
    ...frontendRequirements(options.frontend),
    ...(options.frontend.name === 'uv' ? ['uv'] : [])
  ]
  const kept = sharedVenv(input, requirements)
  const dirs = { ...pipelineDirs(input.workDir), ...(kept ? { venv: kept.dir } : {}) }
  const venvBin = path.posix.join(dirs.venv, 'bin')
  const testBin = path.posix.join(dirs.testVenv, 'bin')
  const placeholders = {
    WHEELWRIGHT_PROJECT: input.projectDir,
    WHEELWRIGHT_PACKAGE: input.projectDir
  }
  const budgetFile = path.posix.join(input.workDir, 'parallel-build.cfg')
  const budget = coreBudgetEnv(input.cores, input.baseEnv, budgetFile)
  const buildEnv = {
    ...input.baseEnv,
    ...budget,
    ...placeholders,
    VIRTUAL_ENV: dirs.venv,
    PATH: `${venvBin}:${input.pathTail}`
  }
  const step = (
    name: string,
    argv: string[],
    extra: Partial<Pick<Step, 'env' | 'cwd' | 'phase' | 'collectsWheel' | 'creates'>> = {}
  ): Step => ({
    name,
    argv,
    env: extra.env ?? buildEnv,
    cwd: extra.cwd ?? dirs.src,
    where,
    phase: extra.phase ?? 'build',
    ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {}),
    ...(extra.creates ? { creates: extra.creates } : {})
  })
  const once = kept ? { creates: kept.marker } : {}
  const python = path.posix.join(venvBin, 'python')
  const steps: Step[] = [
    step(
      'prepare',
      [
        'bash',
        '-c',
        PREPARE,
        'prepare',
        dirs.src,
        dirs.built,
        dirs.repaired,
        input.projectDir,
        budget.DIST_EXTRA_CONFIG ? String(input.cores) : '',
        budgetFile
      ],
      {
        cwd: input.workDir.replace(/\/[^/]+$/, '') || '/'
      }
    ),
    step('venv', venvArgv(input, dirs.venv), once)
  ]
  if (requirements.length > 0) {
    steps.push(
      step(
        'install-frontend',
        [python, '-m', 'pip', 'install', '--disable-pip-version-check', ...requirements],
        once
      )
    )
  }
  if (kept) steps.push(step('venv-ready', ['touch', kept.marker], once))
  if (options.beforeBuild) steps.push(step('before-build', shellArgv(options.beforeBuild, 'bash')))
  steps.push(
    step(
      'build',
      frontendArgv(options.frontend, {
        python,
        packageDir: dirs.src,
        outDir: dirs.built,
        configSettings: options.configSettings,
        verbosity: options.buildVerbosity,
        uv: path.posix.join(venvBin, 'uv')
      }),
      { collectsWheel: dirs.built }
    )
  )
  const repairEnv = {
    ...buildEnv,
    ...input.repairEnv,
    WHEELWRIGHT_DEST_DIR: dirs.repaired,
    ...(input.delocateArchs ? { WHEELWRIGHT_DELOCATE_ARCHS: input.delocateArchs } : {})
  }
  steps.push(
    options.repairCommand
      ? step('repair', shellArgv(options.repairCommand, 'bash'), {
          env: repairEnv,
          collectsWheel: dirs.repaired
        })
      : step('repair', ['cp', '--', '{wheel}', dirs.repaired], {
          env: repairEnv,
          collectsWheel: dirs.repaired
        })
  )
  if (!input.tested) return steps

  const testEnv = {
    ...input.baseEnv,
    ...placeholders,
    VIRTUAL_ENV: dirs.testVenv,
    PATH: `${testBin}:${input.pathTail}`,
    TEST_CWD: dirs.testCwd
  }
  const prefix = input.testPrefix ?? []
  const test = (name: string, argv: string[], cwd = dirs.testCwd) =>
    step(name, name === 'test-prepare' || name === 'test-venv' ? argv : [...prefix, ...argv], {
      env: testEnv,
      cwd,
      phase: 'test'
    })
  steps.push(
    test(
      'test-prepare',
      [
        'bash',
        '-c',
        PREPARE_TEST,
        'test-prepare',
        dirs.testVenv,
        dirs.testCwd,
        input.projectDir,
        ...options.testSources
      ],
      input.workDir
    ),
    test('test-venv', venvArgv(input, dirs.testVenv))
  )
  if (options.beforeTest)
    steps.push(test('before-test', shellArgv(options.beforeTest, 'bash'), input.projectDir))
  const wheelSpec = options.testExtras ? `{wheel}[${options.testExtras}]` : '{wheel}'
  steps.push(
    test('test-install', [
      path.posix.join(testBin, 'python'),
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      wheelSpec,
      ...options.testRequires
    ]),
    test('test', shellArgv(options.testCommand, 'bash'))
  )
  return steps
}
