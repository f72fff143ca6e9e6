/**
 * The per-identifier steps on a Windows host, the same sequence as the POSIX
 * pipeline (prepare → venv → frontend → before-build → build → repair →
 * audit, then the test in a fresh venv) with Windows paths, `Scripts\`
 * venvs, user commands through `cmd`, and file operations done by the build's
 * own Python instead of coreutils. Pure: paths in, steps out.
 */
import path from 'node:path'
import type { BuildOptions } from '../options/types.js'
import type { Step } from '../plan/types.js'
import { frontendArgv, frontendRequirements } from '../build/frontend.js'
import { shellArgv } from '../build/placeholders.js'

const w = path.win32

export interface WindowsPipelineInput {
  readonly options: BuildOptions
  /** The interpreter that runs the build (a native one for a cross build). */
  readonly python: string
  readonly projectDir: string
  readonly workDir: string
  readonly tested: boolean
  readonly baseEnv: Readonly<Record<string, string>>
  /** PATH entries after the venv's Scripts (the tools venv, the runner's PATH). */
  readonly pathTail: string
  /** The tools venv's Scripts dir (abi3audit); the audit is left out without it. */
  readonly toolsScripts?: string
  /** Files written before the build (e.g. the cross-compilation setup.cfg): path → content. */
  readonly files?: Readonly<Record<string, string>>
}

export interface WindowsDirs {
  readonly src: string
  readonly built: string
  readonly repaired: string
  readonly venv: string
  readonly testVenv: string
  readonly testCwd: string
}

export function windowsDirs(workDir: string): WindowsDirs {
  return {
    src: w.join(workDir, 'src'),
    built: w.join(workDir, 'built'),
    repaired: w.join(workDir, 'repaired'),
    venv: w.join(workDir, 'venv'),
    testVenv: w.join(workDir, 'test-venv'),
    testCwd: w.join(workDir, 'test-cwd')
  }
}

/** argv: src built repaired project. Fresh dirs, then a copy of the project into src. */
export const PREPARE_PY = [
  'import os, shutil, sys',
  'src, built, repaired, project = sys.argv[1:5]',
  'for d in (src, built, repaired): shutil.rmtree(d, ignore_errors=True)',
  'shutil.copytree(project, src, symlinks=True)',
  'os.makedirs(built); os.makedirs(repaired)'
].join('\n')

/** argv: test-venv test-cwd project sources... The test dir with the test-sources copied in. */
export const PREPARE_TEST_PY = [
  'import os, shutil, sys',
  'venv, cwd, project, *items = sys.argv[1:]',
  'for d in (venv, cwd): shutil.rmtree(d, ignore_errors=True)',
  'os.makedirs(cwd)',
  'for item in items:',
  '    source, target = os.path.join(project, item), os.path.join(cwd, item)',
  '    os.makedirs(os.path.dirname(target), exist_ok=True)',
  '    (shutil.copytree if os.path.isdir(source) else shutil.copy2)(source, target)'
].join('\n')

/** argv: path content [path content ...]. */
export const WRITE_FILES_PY = [
  'import sys',
  'args = sys.argv[1:]',
  'for i in range(0, len(args), 2):',
  "    open(args[i], 'w').write(args[i + 1])"
].join('\n')

export const COPY_PY = 'import shutil, sys; shutil.copy2(sys.argv[1], sys.argv[2])'

export function windowsPipelineSteps(input: WindowsPipelineInput): Step[] {
  const { options } = input
  const dirs = windowsDirs(input.workDir)
  const scripts = w.join(dirs.venv, 'Scripts')
  const testScripts = w.join(dirs.testVenv, 'Scripts')
  const placeholders = {
    WHEELWRIGHT_PROJECT: input.projectDir,
    WHEELWRIGHT_PACKAGE: input.projectDir
  }
  const buildEnv = {
    ...input.baseEnv,
    ...placeholders,
    VIRTUAL_ENV: dirs.venv,
    PATH: `${scripts};${input.pathTail}`
  }
  const step = (
    name: string,
    argv: string[],
    extra: Partial<
      Pick<Step, 'env' | 'cwd' | 'phase' | 'collectsWheel' | 'wheelDir' | 'onlyAbi3'>
    > = {}
  ): Step => ({
    name,
    argv,
    env: extra.env ?? buildEnv,
    cwd: extra.cwd ?? dirs.src,
    where: 'host',
    phase: extra.phase ?? 'build',
    ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {}),
    ...(extra.wheelDir ? { wheelDir: extra.wheelDir } : {}),
    ...(extra.onlyAbi3 ? { onlyAbi3: true } : {})
  })
  const python = w.join(scripts, 'python.exe')
  const steps: Step[] = [
    step(
      'prepare',
      [input.python, '-c', PREPARE_PY, dirs.src, dirs.built, dirs.repaired, input.projectDir],
      { cwd: w.dirname(input.workDir) }
    )
  ]
  const files = Object.entries(input.files ?? {})
  if (files.length > 0) {
    steps.push(step('write-config', [input.python, '-c', WRITE_FILES_PY, ...files.flat()]))
  }
  steps.push(step('venv', [input.python, '-m', 'venv', dirs.venv]))
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
  if (options.beforeBuild) steps.push(step('before-build', shellArgv(options.beforeBuild, 'cmd')))
  steps.push(
    step(
      'build',
      frontendArgv(options.frontend, {
        python,
        packageDir: dirs.src,
        outDir: dirs.built,
        configSettings: options.configSettings,
        verbosity: options.buildVerbosity,
        uv: w.join(scripts, 'uv.exe')
      }),
      { collectsWheel: dirs.built }
    )
  )
  const repairEnv = { ...buildEnv, WHEELWRIGHT_DEST_DIR: dirs.repaired }
  steps.push(
    options.repairCommand
      ? step('repair', shellArgv(options.repairCommand, 'cmd'), {
          env: repairEnv,
          collectsWheel: dirs.repaired
        })
      : step('repair', [input.python, '-c', COPY_PY, '{wheel}', dirs.repaired], {
          env: repairEnv,
          collectsWheel: dirs.repaired
        })
  )
  if (options.auditCommand && input.toolsScripts) {
    steps.push(
      step('audit', shellArgv(options.auditCommand, 'cmd'), {
        env: { ...buildEnv, PATH: `${input.toolsScripts};${buildEnv.PATH}` },
        cwd: input.workDir,
        wheelDir: dirs.repaired,
        onlyAbi3: true
      })
    )
  }
  if (!input.tested) return steps

  const testEnv = {
    ...input.baseEnv,
    ...placeholders,
    VIRTUAL_ENV: dirs.testVenv,
    PATH: `${testScripts};${input.pathTail}`,
    TEST_CWD: dirs.testCwd
  }
  const test = (name: string, argv: string[], cwd = dirs.testCwd) =>
    step(name, argv, { env: testEnv, cwd, phase: 'test' })
  steps.push(
    test(
      'test-prepare',
      [
        input.python,
        '-c',
        PREPARE_TEST_PY,
        dirs.testVenv,
        dirs.testCwd,
        input.projectDir,
        ...options.testSources
      ],
      input.workDir
    ),
    test('test-venv', [input.python, '-m', 'venv', dirs.testVenv])
  )
  if (options.beforeTest) {
    steps.push(test('before-test', shellArgv(options.beforeTest, 'cmd'), input.projectDir))
  }
  const wheelSpec = options.testExtras ? `{wheel}[${options.testExtras}]` : '{wheel}'
  steps.push(
    test('test-install', [
      w.join(testScripts, 'python.exe'),
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      wheelSpec,
      ...options.testRequires
    ]),
    test('test', shellArgv(options.testCommand, 'cmd'))
  )
  return steps
}
