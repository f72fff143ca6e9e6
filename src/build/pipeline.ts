/**
 * The per-identifier steps on a POSIX build location (a Linux container or
 * host, a macOS host): prepare → venv → frontend → before-build → build →
 * repair, then the test in a fresh venv. Pure: paths in, steps out.
 */
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

const PREPARE = 'rm -rf -- "$1" "$2" "$3" && mkdir -p -- "$1" "$2" "$3" && cp -a -- "$4/." "$1/"'
const PREPARE_TEST = [
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
  const dirs = pipelineDirs(input.workDir)
  const venvBin = path.posix.join(dirs.venv, 'bin')
  const testBin = path.posix.join(dirs.testVenv, 'bin')
  const placeholders = {
    WHEELWRIGHT_PROJECT: input.projectDir,
    WHEELWRIGHT_PACKAGE: input.projectDir
  }
  const buildEnv = {
    ...input.baseEnv,
    ...placeholders,
    VIRTUAL_ENV: dirs.venv,
    PATH: `${venvBin}:${input.pathTail}`
  }
  const step = (
    name: string,
    argv: string[],
    extra: Partial<Pick<Step, 'env' | 'cwd' | 'phase' | 'collectsWheel'>> = {}
  ): Step => ({
    name,
    argv,
    env: extra.env ?? buildEnv,
    cwd: extra.cwd ?? dirs.src,
    where,
    phase: extra.phase ?? 'build',
    ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {})
  })
  const python = path.posix.join(venvBin, 'python')
  const steps: Step[] = [
    step(
      'prepare',
      ['bash', '-c', PREPARE, 'prepare', dirs.src, dirs.built, dirs.repaired, input.projectDir],
      {
        cwd: input.workDir.replace(/\/[^/]+$/, '') || '/'
      }
    ),
    step('venv', venvArgv(input, dirs.venv))
  ]
  const requirements = [
    ...frontendRequirements(options.frontend),
    ...(options.frontend.name === 'uv' ? ['uv'] : [])
  ]
  if (requirements.length > 0) {
    steps.push(
      step('install-frontend', [
        python,
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        ...requirements
      ])
    )
  }
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
