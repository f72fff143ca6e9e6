/** Windows BuildPlans as data: (runner × identifier) → exact env and argv, MSVC activation included. */
import { describe, expect, test } from '@jest/globals'
import { pinnedToolRequirements } from '../../src/steps/constraints.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { createBuildPlan } from '../../src/plan/plan.js'
import { selectedConfigurations } from '../../src/plan/select.js'
import type { HostInterpreter, PlanFacts } from '../../src/model/facts.js'
import type { Build, BuildPlan } from '../../src/model/build-plan.js'
import { crossSetupCfg } from '../../src/platforms/windows.js'

const TEST_COMMAND = 'python -c "import spam"'
const RUNNER_PATH = 'C:\\Windows\\system32;C:\\Windows'
const TOOL_CACHE = 'C:\\hostedtoolcache\\windows'
const TEMP = 'D:\\a\\_temp\\ww'
const CACHE = 'C:\\cache'
const VSWHERE = 'C:\\Program Files (x86)\\Microsoft Visual Studio\\Installer\\vswhere.exe'

type Machine = 'AMD64' | 'ARM64'

interface PlanInput {
  readonly machine: Machine
  readonly toml?: string
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  readonly interpreters?: Map<string, HostInterpreter>
}

/** The runner's environment, spelled as Windows spells it (`Path`). */
const RUNNER_ENV = {
  Path: RUNNER_PATH,
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  USERPROFILE: 'C:\\Users\\runneradmin'
}

function planWin(input: PlanInput): BuildPlan {
  const env = { ...RUNNER_ENV, ...input.env }
  const options = resolveOptions({
    // The compiler cache has tests of its own (compiler-cache.test.ts).
    inputs: new Map(
      Object.entries({ 'dry-run': 'true', 'compiler-cache': 'off', ...input.inputs })
    ),
    env,
    runner: { platform: 'windows', machine: input.machine },
    project: parsePyproject(
      `[project]\nname = "spam"\nversion = "1"\n[tool.cibuildwheel]\ntest-command = '${TEST_COMMAND}'\n${input.toml ?? ''}`,
      'pyproject.toml'
    ),
    packageDir: 'D:\\a\\spam',
    packageInput: '.',
    cpuCount: 2
  })
  const facts: PlanFacts = {
    runId: 'r1',
    tempDir: TEMP,
    env,
    useContainer: false,
    hostInterpreters: input.interpreters ?? new Map(),
    hostLibc: 'glibc',
    hostPython: 'python',
    toolsDir: `${CACHE}\\tools`,
    sourceDateEpoch: '1700000000'
  }
  return createBuildPlan(options, selectedConfigurations(options), facts)
}

function onlyPlan(input: PlanInput & { identifier: string }): { plan: BuildPlan; build: Build } {
  const plan = planWin({ ...input, inputs: { only: input.identifier, ...input.inputs } })
  expect(plan.groups).toHaveLength(1)
  expect(plan.groups[0].builds).toHaveLength(1)
  return { plan, build: plan.groups[0].builds[0] }
}

interface Case {
  readonly name: string
  readonly machine: Machine
  readonly identifier: string
  readonly toml?: string
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  readonly python: string
  /** vcvarsall's argument. */
  readonly vcvars: string
  /** Extra arguments of the vcvarsall call (after the arch). */
  readonly vcvarsExtra?: string
  /** Variables beyond the common ones. */
  readonly extraEnv?: Record<string, string>
  readonly importLibs?: string
  readonly tested: boolean
  readonly warning?: RegExp
}

const pyExe = (version: string, arch: string) =>
  `${TOOL_CACHE}\\Python\\${version}\\${arch}\\python.exe`

const ARM64_LIBS = (version: string) =>
  `${CACHE}\\nuget-cpython\\pythonarm64.${version}\\tools\\libs`

const CASES: Case[] = [
  {
    name: 'x64 runner, native win_amd64',
    machine: 'AMD64',
    identifier: 'cp312-win_amd64',
    python: pyExe('3.12.10', 'x64'),
    vcvars: 'x64',
    tested: true
  },
  {
    name: 'x64 runner, win32 with the x64_x86 toolchain',
    machine: 'AMD64',
    identifier: 'cp312-win32',
    python: pyExe('3.12.10', 'x86'),
    vcvars: 'x64_x86',
    tested: true
  },
  {
    name: 'x64 runner, win_arm64 cross build: native Python, ARM64 libs, not tested',
    machine: 'AMD64',
    identifier: 'cp313-win_arm64',
    python: pyExe('3.13.17', 'x64'),
    vcvars: 'x64_arm64',
    importLibs: ARM64_LIBS('3.13.17'),
    extraEnv: {
      DIST_EXTRA_CONFIG: `${TEMP}\\build\\cp313-win_arm64\\extra-setup.cfg`,
      SETUPTOOLS_EXT_SUFFIX: '.cp313-win_arm64.pyd',
      SETUPTOOLS_USE_DISTUTILS: 'local',
      VSCMD_ARG_TGT_ARCH: 'arm64',
      CARGO_BUILD_TARGET: 'aarch64-pc-windows-msvc'
    },
    tested: false,
    warning: /ARM64 wheels can be built on an x64 runner but not tested/
  },
  {
    name: "x64 runner, win_arm64 cross build keeps the runner's CARGO_BUILD_TARGET",
    machine: 'AMD64',
    identifier: 'cp311-win_arm64',
    env: { CARGO_BUILD_TARGET: 'aarch64-pc-windows-gnullvm' },
    python: pyExe('3.11.9', 'x64'),
    vcvars: 'x64_arm64',
    importLibs: ARM64_LIBS('3.11.9'),
    extraEnv: {
      CARGO_BUILD_TARGET: 'aarch64-pc-windows-gnullvm',
      DIST_EXTRA_CONFIG: `${TEMP}\\build\\cp311-win_arm64\\extra-setup.cfg`,
      SETUPTOOLS_EXT_SUFFIX: '.cp311-win_arm64.pyd',
      SETUPTOOLS_USE_DISTUTILS: 'local',
      VSCMD_ARG_TGT_ARCH: 'arm64'
    },
    tested: false,
    warning: /not tested/
  },
  {
    name: 'ARM64 runner, native win_arm64 (no cross settings, tested)',
    machine: 'ARM64',
    identifier: 'cp313-win_arm64',
    python: pyExe('3.13.17', 'arm64'),
    vcvars: 'arm64',
    tested: true
  },
  {
    name: 'ARM64 runner, win_amd64 with the arm64_x64 toolchain',
    machine: 'ARM64',
    identifier: 'cp312-win_amd64',
    python: pyExe('3.12.10', 'x64'),
    vcvars: 'arm64_x64',
    tested: true
  },
  {
    name: 'x64 runner, PyPy from its archive',
    machine: 'AMD64',
    identifier: 'pp310-win_amd64',
    inputs: { enable: 'pypy' },
    python: `${CACHE}\\interpreters\\pypy3.10-v7.3.19-win64\\python.exe`,
    vcvars: 'x64',
    tested: true
  },
  {
    name: 'x64 runner, free-threaded from the x64-freethreaded dir',
    machine: 'AMD64',
    identifier: 'cp314t-win_amd64',
    python: pyExe('3.14.10', 'x64-freethreaded'),
    vcvars: 'x64',
    tested: true
  },
  {
    name: 'msvc-avoid-vcruntime140-1 adds /d2FH4- through CL',
    machine: 'AMD64',
    identifier: 'cp313-win_amd64',
    inputs: { 'msvc-avoid-vcruntime140-1': 'true' },
    python: pyExe('3.13.17', 'x64'),
    vcvars: 'x64',
    extraEnv: { CL: '/d2FH4-' },
    tested: true
  },
  {
    name: "msvc-avoid-vcruntime140-1 keeps the runner's CL",
    machine: 'AMD64',
    identifier: 'cp313-win_amd64',
    inputs: { 'msvc-avoid-vcruntime140-1': 'true' },
    env: { CL: '/MP' },
    python: pyExe('3.13.17', 'x64'),
    vcvars: 'x64',
    extraEnv: { CL: '/MP /d2FH4-' },
    tested: true
  },
  {
    name: 'msvc-toolset selects the toolset through -vcvars_ver',
    machine: 'AMD64',
    identifier: 'cp310-win_amd64',
    inputs: { 'msvc-toolset': '14.29' },
    python: pyExe('3.10.11', 'x64'),
    vcvars: 'x64',
    vcvarsExtra: ' -vcvars_ver=14.29',
    tested: true
  }
]

describe('Windows plans (runner × identifier)', () => {
  test.each(CASES)('$name', c => {
    const { plan, build } = onlyPlan(c)
    const work = `${TEMP}\\build\\${c.identifier}`
    const runner = { ...RUNNER_ENV, ...c.env }
    const { Path: _path, ...withoutPath } = runner
    const env: Record<string, string> = {
      ...withoutPath,
      SOURCE_DATE_EPOCH: '1700000000',
      CIBUILDWHEEL: '1',
      CIBUILDWHEEL_BUILD_IDENTIFIER: c.identifier,
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
      PIP_ROOT_USER_ACTION: 'ignore',
      DISTUTILS_USE_SDK: '1',
      MSSdk: '1',
      ...c.extraEnv
    }
    expect(build.python).toBe(c.python)
    expect(build.env).toEqual(env)
    expect(build.tested).toBe(c.tested)
    expect(build.testWarning ?? '').toMatch(c.warning ?? /^$/)
    expect(build.capturedEnv).toBe(`msvc-${c.vcvars}`)

    const setup = plan.groups[0].setup.filter(s => s.name !== 'constraints')
    expect(plan.groups[0].setup.map(s => s.name)).toEqual([
      'tools',
      'constraints',
      'vswhere',
      `vcvarsall-${c.vcvars}`
    ])
    expect(setup[1].argv).toEqual([
      VSWHERE,
      '-products',
      '*',
      '-latest',
      '-requires',
      'Microsoft.VisualStudio.Component.VC.Tools.x86.x64',
      ...(c.machine === 'ARM64'
        ? ['Microsoft.VisualStudio.Component.VC.Tools.ARM64', '-requiresAny']
        : []),
      '-property',
      'installationPath'
    ])
    expect(setup[1].stdoutVar).toBe('WHEELWRIGHT_VS_PATH')
    expect(setup[2].argv).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      `"%WHEELWRIGHT_VS_PATH%\\VC\\Auxiliary\\Build\\vcvarsall.bat" ${c.vcvars}${c.vcvarsExtra ?? ''} && set`
    ])
    expect(setup[2].captureEnv).toBe(`msvc-${c.vcvars}`)
    expect(setup[2].env).toEqual({ ...runner, SOURCE_DATE_EPOCH: '1700000000' })

    const steps = Object.fromEntries(build.steps.map(s => [s.name, s]))
    // The build venv is kept under the cache dir, one per interpreter and pins.
    const venv = steps.venv.argv.at(-1)!
    expect(venv).toMatch(/^C:\\cache\\venvs\\[0-9a-f]{16}$/)
    expect(steps['venv-check'].verifies).toBe(`${venv}\\.wheelwright-ready`)
    const venvPython = `${venv}\\Scripts\\python.exe`
    expect(build.steps.map(s => s.name)).toEqual([
      'prepare',
      ...(c.importLibs ? ['write-config'] : []),
      'venv-check',
      'venv',
      'install-frontend',
      'venv-ready',
      'build',
      'repair',
      'audit',
      ...(c.tested ? ['test-prepare', 'test-venv', 'test-install', 'test'] : [])
    ])
    expect(steps.prepare.argv.slice(0, 2)).toEqual([c.python, '-c'])
    expect(steps.prepare.argv.slice(3)).toEqual([
      `${work}\\src`,
      `${work}\\built`,
      `${work}\\repaired`,
      'D:\\a\\spam'
    ])
    if (c.importLibs) {
      expect(steps['write-config'].argv.slice(3)).toEqual([
        `${work}\\extra-setup.cfg`,
        crossSetupCfg('win-arm64', c.importLibs)
      ])
    }
    expect(steps.venv.argv).toEqual([c.python, '-m', 'venv', venv])
    expect(steps.build.argv).toEqual([
      venvPython,
      '-m',
      'build',
      `${work}\\src`,
      '--wheel',
      `--outdir=${work}\\built`
    ])
    expect(steps.build.env).toEqual({
      ...env,
      WHEELWRIGHT_PROJECT: 'D:\\a\\spam',
      WHEELWRIGHT_PACKAGE: 'D:\\a\\spam',
      VIRTUAL_ENV: venv,
      PATH: `${venv}\\Scripts;${CACHE}\\tools\\Scripts;${RUNNER_PATH}`
    })
    expect(steps.repair.argv).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      'delvewheel repair -w "%WHEELWRIGHT_DEST_DIR%" -v "%WHEELWRIGHT_WHEEL%"'
    ])
    expect(steps.repair.env.WHEELWRIGHT_DEST_DIR).toBe(`${work}\\repaired`)
    expect(steps.audit.argv).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      'abi3audit --strict --report "%WHEELWRIGHT_WHEEL%"'
    ])
    expect(steps.audit.onlyAbi3).toBe(true)
    if (!c.tested) return
    expect(steps['test-venv'].argv).toEqual([c.python, '-m', 'venv', `${work}\\test-venv`])
    expect(steps['test-install'].argv).toEqual([
      `${work}\\test-venv\\Scripts\\python.exe`,
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '{wheel}'
    ])
    expect(steps.test.argv).toEqual(['cmd', '/d', '/s', '/c', TEST_COMMAND])
    expect(steps.test.env.PATH).toBe(
      `${work}\\test-venv\\Scripts;${CACHE}\\tools\\Scripts;${RUNNER_PATH}`
    )
    expect(steps.test.cwd).toBe(`${work}\\test-cwd`)
  })
})

describe('Windows plan details', () => {
  test('vcvarsall runs once per target arch, in the order the builds need them', () => {
    const plan = planWin({ machine: 'AMD64', inputs: { build: 'cp311-* cp312-*', archs: 'all' } })
    expect(plan.groups[0].setup.map(s => s.name)).toEqual([
      'tools',
      'constraints',
      'vswhere',
      'vcvarsall-x64_x86',
      'vcvarsall-x64',
      'vcvarsall-x64_arm64'
    ])
    expect(plan.groups[0].builds.map(b => [b.identifier, b.capturedEnv])).toEqual([
      ['cp311-win32', 'msvc-x64_x86'],
      ['cp311-win_amd64', 'msvc-x64'],
      ['cp312-win32', 'msvc-x64_x86'],
      ['cp312-win_amd64', 'msvc-x64'],
      ['cp311-win_arm64', 'msvc-x64_arm64'],
      ['cp312-win_arm64', 'msvc-x64_arm64']
    ])
  })

  test('the tools venv is made by Python itself, once', () => {
    const plan = planWin({ machine: 'AMD64', inputs: { only: 'cp312-win_amd64' } })
    const tools = plan.groups[0].setup[0]
    expect(tools.argv.slice(0, 2)).toEqual(['python', '-c'])
    const marker = expect.stringMatching(/\\tools\\\.ready-delvewheel-abi3audit-[0-9a-f]{8}$/)
    expect(tools.argv.slice(3)).toEqual([
      `${CACHE}\\tools`,
      marker,
      ...pinnedToolRequirements('delvewheel'),
      ...pinnedToolRequirements('abi3audit')
    ])
    expect(tools.creates).toEqual(marker)
  })

  test('before-all runs through cmd with the placeholders', () => {
    const plan = planWin({
      machine: 'AMD64',
      toml: 'before-all = "nuget install zlib -o {project}\\\\deps"',
      inputs: { only: 'cp312-win_amd64' }
    })
    const beforeAll = plan.groups[0].setup.at(-1)!
    expect(beforeAll.argv).toEqual([
      'cmd',
      '/d',
      '/s',
      '/c',
      'nuget install zlib -o "%WHEELWRIGHT_PROJECT%"\\deps'
    ])
    expect(beforeAll.env.WHEELWRIGHT_PROJECT).toBe('D:\\a\\spam')
  })

  test('a gathered interpreter and its ARM64 import libraries are used', () => {
    const interpreters = new Map<string, HostInterpreter>([
      [
        'cp312-win_arm64',
        {
          path: 'C:\\py\\3.12.9\\x64\\python.exe',
          version: '3.12.9',
          implementation: 'cpython',
          freeThreaded: false,
          importLibs: 'C:\\libs\\arm64'
        }
      ]
    ])
    const plan = planWin({
      machine: 'AMD64',
      inputs: { 'dry-run': 'false', build: 'cp312-* cp313-*', archs: 'ARM64' },
      interpreters
    })
    const build = plan.groups[0].builds[0]
    expect(build.python).toBe('C:\\py\\3.12.9\\x64\\python.exe')
    const write = build.steps.find(s => s.name === 'write-config')!
    expect(write.argv.at(-1)).toBe(crossSetupCfg('win-arm64', 'C:\\libs\\arm64'))
    expect(plan.unavailable).toEqual([{ identifier: 'cp313-win_arm64', reason: 'interpreter' }])
  })

  test('the cross setup.cfg names the platform and the import libraries', () => {
    expect(crossSetupCfg('win-arm64', 'C:\\libs')).toBe(
      '[build]\nplat_name=win-arm64\n[build_ext]\nlibrary_dirs=C:\\libs\nplat_name=win-arm64\n' +
        '[bdist_wheel]\nplat_name=win-arm64\n'
    )
  })
})
