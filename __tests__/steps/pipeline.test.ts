/**
 * The per-identifier step pipeline as data: which steps, in which order, with
 * which argv, cwd, variables and phase, for a host build in a venv, a
 * container lane in the interpreter itself, and a Windows build.
 */
import { describe, expect, test } from '@jest/globals'
import { parsePyproject } from '../../src/options/pyproject.js'
import { resolveOptions } from '../../src/options/resolve.js'
import type { BuildOptions } from '../../src/model/options.js'
import type { Step } from '../../src/model/build-plan.js'
import { POSIX, WINDOWS } from '../../src/steps/dialect.js'
import { keptVenv } from '../../src/steps/kept-venv.js'
import { pipelineSteps, type PipelineInput } from '../../src/steps/pipeline.js'
import { shellArgv } from '../../src/steps/placeholders.js'

const ID = 'cp312-manylinux_x86_64'
const PROJECT = '/home/dev/project'
const WORK = '/tmp/ww/b0'

/** The options of ID from a [tool.cibuildwheel] body and inputs, as a run resolves them. */
function optionsOf(cibuildwheel = '', inputs: Record<string, string> = {}): BuildOptions {
  return resolveOptions({
    inputs: new Map(Object.entries(inputs)),
    env: {},
    runner: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject(
      `[project]\nname = "x"\nversion = "1"\n[tool.cibuildwheel]\n${cibuildwheel}\n`,
      'pyproject.toml'
    ),
    packageDir: PROJECT,
    packageInput: '.',
    cpuCount: 2
  }).buildOptions(ID)
}

const HOST: Omit<PipelineInput, 'options'> = {
  dialect: POSIX,
  python: '/py/bin/python3.12',
  projectDir: PROJECT,
  workDir: WORK,
  where: 'host',
  tested: true,
  baseEnv: { PATH: '/usr/bin', CIBUILDWHEEL: '1' },
  pathTail: '/tools/bin:/usr/bin'
}

/** A container lane, as cibuildwheel: in /project itself, with the interpreter. */
const CONTAINER: Omit<PipelineInput, 'options'> = {
  ...HOST,
  python: '/opt/python/cp312-cp312/bin/python',
  projectDir: '/project',
  inPlace: { packageDir: '/project/pkg' },
  workDir: '/tmp/ww/b0',
  where: 'container',
  environments: 'interpreter',
  pathVariable: 'IMAGE_PATH_PREPEND',
  pathTail: '/opt/python/cp312-cp312/bin',
  checkPython: true,
  testEnvUv: '/opt/uv/bin/uv'
}

const stepsOf = (
  cibuildwheel: string,
  input: Partial<PipelineInput> = {},
  base: Omit<PipelineInput, 'options'> = HOST
): Step[] => pipelineSteps({ ...base, options: optionsOf(cibuildwheel), ...input })

const names = (steps: readonly Step[]) => steps.map(s => s.name)
const named = (steps: readonly Step[], name: string): Step => {
  const found = steps.filter(s => s.name === name)
  if (found.length !== 1) throw new Error(`${found.length} steps named ${name}: ${names(steps)}`)
  return found[0]
}

describe('the steps and their order', () => {
  test.each<[string, string, Partial<PipelineInput>, Omit<PipelineInput, 'options'>, string[]]>([
    [
      'a host build, untested',
      '',
      { tested: false },
      HOST,
      ['prepare', 'venv', 'install-frontend', 'build', 'repair']
    ],
    [
      'a host build with a test',
      'test-command = "pytest"',
      {},
      HOST,
      [
        'prepare',
        'venv',
        'install-frontend',
        'build',
        'repair',
        'test-prepare',
        'test-venv',
        'test-install',
        'test'
      ]
    ],
    [
      'not tested: no test step even with a test command',
      'test-command = "pytest"',
      { tested: false },
      HOST,
      ['prepare', 'venv', 'install-frontend', 'build', 'repair']
    ],
    [
      'before-build and before-test where cibuildwheel runs them',
      'before-build = "make gen"\nbefore-test = "make fixtures"\ntest-command = "pytest"',
      {},
      HOST,
      [
        'prepare',
        'venv',
        'install-frontend',
        'before-build',
        'build',
        'repair',
        'test-prepare',
        'test-venv',
        'before-test',
        'test-install',
        'test'
      ]
    ],
    [
      'files to write, a python check, steps after the repair and the audit',
      '',
      {
        tested: false,
        files: { [`${WORK}/src/setup.cfg`]: '[build_ext]\n' },
        checkPython: true,
        afterRepair: [
          { name: 'copy-out', argv: ['cp'], env: {}, cwd: '/', where: 'host', phase: 'build' }
        ],
        audit: { wheelDir: '/host/repaired', env: env => env, cwd: '/host' }
      },
      HOST,
      [
        'prepare',
        'write-config',
        'check-python',
        'venv',
        'install-frontend',
        'build',
        'repair',
        'copy-out',
        'audit'
      ]
    ],
    [
      'a kept venv: checked, made, filled and marked',
      '',
      { tested: false, sharedVenvRoot: '/cache/venvs' },
      HOST,
      ['prepare', 'venv-check', 'venv', 'install-frontend', 'venv-ready', 'build', 'repair']
    ],
    [
      'a kept venv with before-build: a fresh venv that finds its frontend',
      'before-build = "pip install cython"',
      { tested: false, sharedVenvRoot: '/cache/venvs' },
      HOST,
      [
        'prepare',
        'venv-check',
        'venv',
        'install-frontend',
        'venv-ready',
        'fresh-venv',
        'link-frontend',
        'before-build',
        'build',
        'repair'
      ]
    ],
    [
      'before-build with another frontend: no kept venv',
      'before-build = "true"\nbuild-frontend = "pip"',
      { tested: false, sharedVenvRoot: '/cache/venvs' },
      HOST,
      ['prepare', 'venv', 'before-build', 'build', 'repair']
    ],
    [
      'a container lane: the interpreter itself, no venv',
      'test-command = "pytest"',
      {},
      CONTAINER,
      [
        'prepare',
        'check-python',
        'install-frontend',
        'build',
        'repair',
        'test-prepare',
        'test-venv',
        'test-install',
        'test'
      ]
    ],
    [
      'a container lane with pip: nothing to install for the frontend',
      'build-frontend = "pip"',
      { tested: false },
      CONTAINER,
      ['prepare', 'check-python', 'build', 'repair']
    ]
  ])('%s', (_name, cibuildwheel, input, base, expected) => {
    const steps = stepsOf(cibuildwheel, input, base)
    expect(names(steps)).toEqual(expected)
    // Build steps first, then only test steps.
    const phases = steps.map(s => s.phase)
    expect(phases).toEqual([...phases].sort())
    expect(steps.filter(s => s.phase === 'test').map(s => s.name)).toEqual(
      expected.filter(n => n === 'before-test' || n.startsWith('test'))
    )
  })
})

describe('a host build in a venv', () => {
  const steps = stepsOf(
    'test-command = "pytest"\ntest-requires = ["pytest"]\ntest-extras = ["full"]'
  )

  test('the project is copied into a fresh src dir, and every build step runs there', () => {
    const prepare = named(steps, 'prepare')
    expect(prepare.argv).toEqual(expect.arrayContaining([`${WORK}/src`, PROJECT]))
    expect(prepare.cwd).toBe('/tmp/ww')
    for (const name of ['venv', 'install-frontend', 'build', 'repair']) {
      expect(named(steps, name).cwd).toBe(`${WORK}/src`)
    }
  })

  test("the build runs the venv's python, shown as python from the project copy", () => {
    const build = named(steps, 'build')
    expect(build.argv[0]).toBe(`${WORK}/venv/bin/python`)
    expect(build.argv).toEqual(expect.arrayContaining(['-m', 'build', `${WORK}/src`]))
    expect(build.display).toBe('python -m build . --wheel --outdir=../built')
    expect(build.collectsWheel).toBe(`${WORK}/built`)
    expect(named(steps, 'repair').collectsWheel).toBe(`${WORK}/repaired`)
  })

  test('build steps get the venv first on PATH and the placeholders', () => {
    expect(named(steps, 'build').env).toEqual({
      PATH: `${WORK}/venv/bin:/tools/bin:/usr/bin`,
      CIBUILDWHEEL: '1',
      VIRTUAL_ENV: `${WORK}/venv`,
      WHEELWRIGHT_PROJECT: PROJECT,
      WHEELWRIGHT_PACKAGE: PROJECT
    })
  })

  test('test steps get the test venv, TEST_CWD and no build variables', () => {
    const env = named(steps, 'test').env
    expect(env).toEqual({
      PATH: `${WORK}/test-venv/bin:/tools/bin:/usr/bin`,
      CIBUILDWHEEL: '1',
      VIRTUAL_ENV: `${WORK}/test-venv`,
      TEST_CWD: `${WORK}/test-cwd`,
      WHEELWRIGHT_PROJECT: PROJECT,
      WHEELWRIGHT_PACKAGE: PROJECT
    })
  })

  test('the wheel with its extras and the test requirements install from the project', () => {
    const install = named(steps, 'test-install')
    expect(install.argv).toEqual([
      `${WORK}/test-venv/bin/python`,
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '{wheel}[full]',
      'pytest'
    ])
    expect(install.cwd).toBe(PROJECT)
    expect(install.display).toBe('pip install {wheel}[full] pytest')
    expect(named(steps, 'test').cwd).toBe(`${WORK}/test-cwd`)
    expect(named(steps, 'test').argv).toEqual(shellArgv('pytest', POSIX.shell))
  })

  test('venvs come from virtualenv when there is one, else python -m venv', () => {
    expect(named(steps, 'venv').argv).toEqual(['/py/bin/python3.12', '-m', 'venv', `${WORK}/venv`])
    const withVirtualenv = stepsOf('', { virtualenv: '/tools/bin/virtualenv', tested: false })
    expect(named(withVirtualenv, 'venv').argv).toEqual([
      '/tools/bin/virtualenv',
      '--quiet',
      '--no-periodic-update',
      '--python',
      '/py/bin/python3.12',
      `${WORK}/venv`
    ])
  })

  test('the constraints file constrains the frontend install, never the test requirements', () => {
    const constrained = stepsOf('test-command = "pytest"\ntest-requires = ["pytest"]', {
      constraintsFile: '/tmp/ww/constraints.txt'
    })
    expect(named(constrained, 'install-frontend').argv).toEqual(
      expect.arrayContaining(['-c', '/tmp/ww/constraints.txt'])
    )
    expect(named(constrained, 'test-install').argv).not.toContain('-c')
  })

  test('a kept venv is the build venv, keyed like kept-venv.ts keys it', () => {
    const kept = stepsOf('', { sharedVenvRoot: '/cache/venvs', tested: false })
    const dir = keptVenv({
      root: '/cache/venvs',
      dialect: POSIX,
      python: '/py/bin/python3.12',
      requirements: ['build']
    }).dir
    expect(named(kept, 'build').argv[0]).toBe(`${dir}/bin/python`)
    expect(named(kept, 'build').env.VIRTUAL_ENV).toBe(dir)
  })
})

describe('the repair', () => {
  test.each<[string, string, Partial<PipelineInput>, (steps: Step[]) => readonly string[]]>([
    [
      'the built-in command through the platform argv',
      '',
      { builtInRepair: ['/tools/bin/python', '-c', 'repair'] },
      () => ['/tools/bin/python', '-c', 'repair']
    ],
    [
      'the built-in command through the shell, without a platform argv',
      '',
      {},
      () => shellArgv('auditwheel repair -w {dest_dir} {wheel}', POSIX.shell)
    ],
    [
      "a user's command through the shell, as written, even with a platform argv",
      'repair-wheel-command = "auditwheel repair -w {dest_dir} {wheel}"',
      { builtInRepair: ['/tools/bin/python', '-c', 'repair'] },
      () => shellArgv('auditwheel repair -w {dest_dir} {wheel}', POSIX.shell)
    ],
    [
      'no command: the wheel is copied',
      'repair-wheel-command = ""',
      {},
      () => POSIX.copyWheel('/py/bin/python3.12', `${WORK}/repaired`)
    ]
  ])('%s', (_name, cibuildwheel, input, expected) => {
    const steps = stepsOf(cibuildwheel, { tested: false, ...input })
    expect(named(steps, 'repair').argv).toEqual(expected(steps))
  })

  test('its variables: the destination, the delocate archs and its own', () => {
    const repair = named(
      stepsOf('', {
        tested: false,
        repairEnv: { AUDITWHEEL_PLAT: 'manylinux_2_28_x86_64' },
        delocateArchs: 'arm64'
      }),
      'repair'
    )
    expect(repair.env).toMatchObject({
      WHEELWRIGHT_DEST_DIR: `${WORK}/repaired`,
      WHEELWRIGHT_DELOCATE_ARCHS: 'arm64',
      AUDITWHEEL_PLAT: 'manylinux_2_28_x86_64',
      VIRTUAL_ENV: `${WORK}/venv`
    })
    expect(repair.display).toBe('auditwheel repair -w {dest_dir} {wheel}')
  })
})

describe('the audit', () => {
  test.each<[string, string, { display: string; onlyAbi3: boolean }[]]>([
    [
      'the default: abi3 wheels only',
      '',
      [{ display: 'abi3audit --strict --report {abi3_wheel}', onlyAbi3: true }]
    ],
    [
      'two commands, one for every wheel',
      'audit-command = "check-wheel-contents {wheel} && abi3audit {abi3_wheel}"',
      [
        { display: 'check-wheel-contents {wheel}', onlyAbi3: false },
        { display: 'abi3audit {abi3_wheel}', onlyAbi3: true }
      ]
    ]
  ])('%s', (_name, cibuildwheel, expected) => {
    const steps = stepsOf(cibuildwheel, {
      tested: false,
      audit: { wheelDir: '/host/repaired', env: env => ({ ...env, AUDIT: '1' }), cwd: '/host' }
    })
    const audits = steps.filter(s => s.name === 'audit')
    expect(audits.map(s => ({ display: s.display, onlyAbi3: !!s.onlyAbi3 }))).toEqual(expected)
    for (const audit of audits) {
      expect(audit).toMatchObject({ where: 'host', cwd: '/host', wheelDir: '/host/repaired' })
      expect(audit.env.AUDIT).toBe('1')
      expect(audit.env.VIRTUAL_ENV).toBe(`${WORK}/venv`)
    }
  })

  test('no audit without the host audit', () => {
    expect(names(stepsOf('', { tested: false }))).not.toContain('audit')
  })
})

describe('a container lane', () => {
  const steps = stepsOf(
    'test-command = "pytest"\ntest-requires = ["pytest"]\nbuild-frontend = "build[uv]"',
    {},
    CONTAINER
  )

  test('before-build, build and repair run in /project itself; the frontend builds {package}', () => {
    for (const name of ['check-python', 'install-frontend', 'build', 'repair']) {
      expect(named(steps, name).cwd).toBe('/project')
    }
    const build = named(steps, 'build')
    expect(build.argv[0]).toBe('/opt/python/cp312-cp312/bin/python')
    expect(build.argv).toContain('/project/pkg')
    expect(build.display).toMatch(
      'python -m build pkg --wheel --outdir=/tmp/ww/b0/built --installer=uv'
    )
    expect(build.where).toBe('container')
  })

  test("the interpreter's bin goes on the image's PATH through the given variable", () => {
    const env = named(steps, 'build').env
    expect(env.IMAGE_PATH_PREPEND).toBe('/opt/python/cp312-cp312/bin')
    expect(env.PATH).toBe('/usr/bin')
    expect(env.VIRTUAL_ENV).toBeUndefined()
    expect(env.WHEELWRIGHT_PACKAGE).toBe('/project/pkg')
    expect(named(steps, 'test').env.IMAGE_PATH_PREPEND).toBe(
      `${WORK}/test-venv/bin:/opt/python/cp312-cp312/bin`
    )
  })

  test('the test env comes from uv, and a uv frontend installs the test requirements with uv', () => {
    expect(named(steps, 'test-venv').argv).toEqual([
      '/opt/uv/bin/uv',
      'venv',
      '--seed',
      '--quiet',
      '--native-tls',
      '--python',
      '/opt/python/cp312-cp312/bin/python',
      `${WORK}/test-venv`
    ])
    expect(named(steps, 'test-install').argv.slice(0, 7)).toEqual([
      '/opt/uv/bin/uv',
      'pip',
      'install',
      '--quiet',
      '--native-tls',
      '--python',
      `${WORK}/test-venv/bin/python`
    ])
  })

  test('with the build frontend, pip installs the test requirements, as cibuildwheel', () => {
    const pip = stepsOf('test-command = "pytest"', {}, CONTAINER)
    expect(named(pip, 'test-install').argv.slice(0, 3)).toEqual([
      `${WORK}/test-venv/bin/python`,
      '-m',
      'pip'
    ])
  })
})

describe('a test prefix and the core budget', () => {
  test('the prefix goes before the test commands, not before making the test dir and venv', () => {
    const steps = stepsOf('before-test = "true"\ntest-command = "pytest"', {
      testPrefix: ['arch', '-x86_64']
    })
    const prefixed = steps.filter(s => s.argv[0] === 'arch').map(s => s.name)
    expect(prefixed).toEqual(['before-test', 'test-install', 'test'])
    expect(named(steps, 'before-test').cwd).toBe(PROJECT)
  })

  test.each<
    [string, number | undefined, Record<string, string>, Record<string, string | undefined>]
  >([
    ['one core: nothing set', 1, {}, { MAKEFLAGS: undefined, DIST_EXTRA_CONFIG: undefined }],
    [
      'four cores',
      4,
      {},
      {
        MAKEFLAGS: '-j4',
        CMAKE_BUILD_PARALLEL_LEVEL: '4',
        DIST_EXTRA_CONFIG: `${WORK}/parallel-build.cfg`
      }
    ],
    [
      'four cores, MAKEFLAGS of the user kept',
      4,
      { MAKEFLAGS: '-j1' },
      {
        MAKEFLAGS: '-j1',
        CMAKE_BUILD_PARALLEL_LEVEL: '4',
        DIST_EXTRA_CONFIG: `${WORK}/parallel-build.cfg`
      }
    ]
  ])('%s', (_name, cores, baseEnv, expected) => {
    const steps = stepsOf('', { tested: false, cores, baseEnv: { PATH: '/usr/bin', ...baseEnv } })
    const env = named(steps, 'build').env
    for (const [name, value] of Object.entries(expected)) expect(env[name]).toBe(value)
    // The setuptools parallel option is written by the prepare step exactly when it is set.
    const prepare = named(steps, 'prepare').argv
    expect(prepare.slice(-2)).toEqual([
      expected.DIST_EXTRA_CONFIG ? String(cores) : '',
      `${WORK}/parallel-build.cfg`
    ])
  })
})

describe('a Windows build', () => {
  const steps = stepsOf('test-command = "pytest"', {
    dialect: WINDOWS,
    python: 'C:\\py\\python.exe',
    projectDir: 'D:\\a\\project',
    workDir: 'C:\\Temp\\ww\\b0',
    baseEnv: { PATH: 'C:\\Windows' },
    pathTail: 'C:\\tools;C:\\Windows'
  })

  test("paths, the venv's Scripts dir and PATH in Windows form", () => {
    const build = named(steps, 'build')
    expect(build.argv[0]).toBe('C:\\Temp\\ww\\b0\\venv\\Scripts\\python.exe')
    expect(build.cwd).toBe('C:\\Temp\\ww\\b0\\src')
    expect(build.env.PATH).toBe('C:\\Temp\\ww\\b0\\venv\\Scripts;C:\\tools;C:\\Windows')
    // Shown as a POSIX shell would read it: the backslash quoted.
    expect(build.display).toBe("python -m build . --wheel '--outdir=..\\built'")
    expect(named(steps, 'test').argv).toEqual(shellArgv('pytest', WINDOWS.shell))
  })
})
