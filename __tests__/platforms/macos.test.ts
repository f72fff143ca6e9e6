/** macOS BuildPlans as data: (runner × identifier) → exact env and argv. */
import { describe, expect, test } from '@jest/globals'
import { pinnedToolRequirements } from '../../src/steps/constraints.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { createBuildPlan } from '../../src/plan/plan.js'
import { selectedConfigurations } from '../../src/plan/select.js'
import type { HostInterpreter, PlanFacts } from '../../src/model/facts.js'
import type { Build } from '../../src/model/build-plan.js'
import { platformNamed } from '../../src/platforms/index.js'
import { UserError } from '../../src/util/errors.js'

const TEST_COMMAND = 'python -c "import spam"'
const TOOL_CACHE = '/Users/runner/hostedtoolcache'
const VIRTUALENV = '/cache/tools/bin/virtualenv'

interface PlanInput {
  readonly machine: 'arm64' | 'x86_64'
  readonly toml?: string
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  readonly interpreters?: Map<string, HostInterpreter>
}

function planMac(input: PlanInput) {
  const env = { PATH: '/usr/bin:/bin', HOME: '/Users/runner', ...input.env }
  const options = resolveOptions({
    // The compiler cache has tests of its own (compiler-cache.test.ts).
    inputs: new Map(
      Object.entries({ 'dry-run': 'true', 'compiler-cache': 'off', ...input.inputs })
    ),
    env,
    runner: { platform: 'macos', machine: input.machine },
    project: parsePyproject(
      `[project]\nname = "spam"\nversion = "1"\n[tool.cibuildwheel]\ntest-command = '${TEST_COMMAND}'\n${input.toml ?? ''}`,
      'pyproject.toml'
    ),
    packageDir: '/home/dev/spam',
    packageInput: '.',
    cpuCount: 2
  })
  const facts: PlanFacts = {
    runId: 'r1',
    tempDir: '/tmp/ww',
    env,
    useContainer: false,
    hostInterpreters: input.interpreters ?? new Map(),
    hostLibc: 'glibc',
    hostPython: 'python3',
    toolsDir: '/cache/tools',
    sourceDateEpoch: '1700000000'
  }
  return createBuildPlan(options, selectedConfigurations(options), facts)
}

function onlyBuild(input: PlanInput & { identifier: string }): Build {
  const plan = planMac({ ...input, inputs: { only: input.identifier, ...input.inputs } })
  expect(plan.groups).toHaveLength(1)
  expect(plan.groups[0].builds).toHaveLength(1)
  return plan.groups[0].builds[0]
}

function buildEnv(identifier: string, target: string, archflags: string, hostPlatform: string) {
  return {
    PATH: '/usr/bin:/bin',
    HOME: '/Users/runner',
    SOURCE_DATE_EPOCH: '1700000000',
    CIBUILDWHEEL: '1',
    CIBUILDWHEEL_BUILD_IDENTIFIER: identifier,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_ROOT_USER_ACTION: 'ignore',
    MACOSX_DEPLOYMENT_TARGET: target,
    ARCHFLAGS: archflags,
    _PYTHON_HOST_PLATFORM: hostPlatform
  }
}

const ARM64 = '-arch arm64'
const X86_64 = '-arch x86_64'
const UNIVERSAL2 = '-arch arm64 -arch x86_64'

interface Case {
  readonly name: string
  readonly machine: 'arm64' | 'x86_64'
  readonly identifier: string
  readonly toml?: string
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  readonly python: string
  readonly target: string
  readonly archflags: string
  readonly hostPlatform: string
  readonly delocate: string
  /** The test steps' prefix, or `false` when the wheel is not tested. */
  readonly test: readonly string[] | false
  readonly warning?: RegExp
  /** The environment option as the build evaluates it. */
  readonly environment?: string
}

const py = (version: string, arch: 'arm64' | 'x64', exe = 'python3') =>
  `${TOOL_CACHE}/Python/${version}/${arch}/bin/${exe}`

const CASES: Case[] = [
  {
    name: 'arm64 runner, native arm64',
    machine: 'arm64',
    identifier: 'cp312-macosx_arm64',
    python: py('3.12.10', 'arm64'),
    target: '11.0',
    archflags: ARM64,
    hostPlatform: 'macosx-11.0-arm64',
    delocate: 'arm64',
    test: []
  },
  {
    name: 'arm64 runner, x86_64 cross build tested under Rosetta',
    machine: 'arm64',
    identifier: 'cp312-macosx_x86_64',
    python: py('3.12.10', 'arm64'),
    target: '10.13',
    archflags: X86_64,
    hostPlatform: 'macosx-10.13-x86_64',
    delocate: 'x86_64',
    test: ['arch', '-x86_64']
  },
  {
    name: 'arm64 runner, universal2 tested on the arm64 slice',
    machine: 'arm64',
    identifier: 'cp312-macosx_universal2',
    python: py('3.12.10', 'arm64'),
    target: '10.13',
    archflags: UNIVERSAL2,
    hostPlatform: 'macosx-10.13-universal2',
    delocate: 'x86_64,arm64',
    test: []
  },
  {
    name: 'x86_64 runner, cp39 native: 10.9',
    machine: 'x86_64',
    identifier: 'cp39-macosx_x86_64',
    python: py('3.9.13', 'x64'),
    target: '10.9',
    archflags: X86_64,
    hostPlatform: 'macosx-10.9-x86_64',
    delocate: 'x86_64',
    test: []
  },
  {
    name: 'x86_64 runner, cp314: 10.15',
    machine: 'x86_64',
    identifier: 'cp314-macosx_x86_64',
    python: py('3.14.10', 'x64'),
    target: '10.15',
    archflags: X86_64,
    hostPlatform: 'macosx-10.15-x86_64',
    delocate: 'x86_64',
    test: []
  },
  {
    name: 'x86_64 runner, arm64 cross build is not tested',
    machine: 'x86_64',
    identifier: 'cp313-macosx_arm64',
    python: py('3.13.17', 'x64'),
    target: '11.0',
    archflags: ARM64,
    hostPlatform: 'macosx-11.0-arm64',
    delocate: 'arm64',
    test: false,
    warning: /arm64 wheels can be built on an x86_64 runner but not tested/
  },
  {
    name: 'x86_64 runner, universal2 tested on the x86_64 slice, with a warning',
    machine: 'x86_64',
    identifier: 'cp312-macosx_universal2',
    python: py('3.12.10', 'x64'),
    target: '10.13',
    archflags: UNIVERSAL2,
    hostPlatform: 'macosx-10.13-universal2',
    delocate: 'x86_64,arm64',
    test: [],
    warning: /arm64 half of a universal2 wheel cannot be tested/
  },
  {
    name: 'x86_64 runner, universal2 with its arm64 half test-skipped: no warning',
    machine: 'x86_64',
    identifier: 'cp311-macosx_universal2',
    toml: 'test-skip = "*-macosx_universal2:arm64"',
    python: py('3.11.9', 'x64'),
    target: '10.9',
    archflags: UNIVERSAL2,
    hostPlatform: 'macosx-10.9-universal2',
    delocate: 'x86_64,arm64',
    test: []
  },
  {
    name: 'arm64 runner, universal2 with its arm64 half test-skipped: not tested',
    machine: 'arm64',
    identifier: 'cp311-macosx_universal2',
    toml: 'test-skip = "*-macosx_universal2:arm64"',
    python: py('3.11.9', 'arm64'),
    target: '10.9',
    archflags: UNIVERSAL2,
    hostPlatform: 'macosx-10.9-universal2',
    delocate: 'x86_64,arm64',
    test: false
  },
  {
    name: 'x86_64 runner, PyPy from its archive: 10.15',
    machine: 'x86_64',
    identifier: 'pp310-macosx_x86_64',
    python: '/cache/interpreters/pypy3.10-v7.3.19-macos_x86_64/bin/pypy3',
    target: '10.15',
    archflags: X86_64,
    hostPlatform: 'macosx-10.15-x86_64',
    delocate: 'x86_64',
    test: []
  },
  {
    name: 'x86_64 runner, GraalPy 3.12: 10.13',
    machine: 'x86_64',
    identifier: 'gp312_250-macosx_x86_64',
    inputs: { enable: 'graalpy' },
    python: '/cache/interpreters/graalpy-25.0.1-macos-amd64/bin/graalpy',
    target: '10.13',
    archflags: X86_64,
    hostPlatform: 'macosx-10.13-x86_64',
    delocate: 'x86_64',
    test: []
  },
  {
    name: 'arm64 runner, free-threaded from the -freethreaded arch dir',
    machine: 'arm64',
    identifier: 'cp314t-macosx_arm64',
    python: py('3.14.10', 'arm64', 'python3.14t').replace('/arm64/', '/arm64-freethreaded/'),
    target: '11.0',
    archflags: ARM64,
    hostPlatform: 'macosx-11.0-arm64',
    delocate: 'arm64',
    test: []
  },
  {
    name: 'a user target from environment wins',
    machine: 'x86_64',
    identifier: 'cp312-macosx_x86_64',
    toml: 'environment = { MACOSX_DEPLOYMENT_TARGET = "10.14" }',
    python: py('3.12.10', 'x64'),
    target: '10.14',
    archflags: X86_64,
    hostPlatform: 'macosx-10.14-x86_64',
    delocate: 'x86_64',
    test: [],
    environment: 'MACOSX_DEPLOYMENT_TARGET="10.14"'
  },
  {
    name: 'a user target from macos-deployment-target wins',
    machine: 'arm64',
    identifier: 'cp313-macosx_arm64',
    inputs: { 'macos-deployment-target': '12.0' },
    python: py('3.13.17', 'arm64'),
    target: '12.0',
    archflags: ARM64,
    hostPlatform: 'macosx-12.0-arm64',
    delocate: 'arm64',
    test: []
  },
  {
    name: "the runner's MACOSX_DEPLOYMENT_TARGET, ARCHFLAGS and _PYTHON_HOST_PLATFORM win",
    machine: 'arm64',
    identifier: 'cp312-macosx_arm64',
    env: {
      MACOSX_DEPLOYMENT_TARGET: '13.0',
      ARCHFLAGS: '-arch arm64e',
      _PYTHON_HOST_PLATFORM: 'macosx-13.0-arm64'
    },
    python: py('3.12.10', 'arm64'),
    target: '13.0',
    archflags: '-arch arm64e',
    hostPlatform: 'macosx-13.0-arm64',
    delocate: 'arm64',
    test: []
  },
  {
    name: 'a user target below the minimum is raised to it',
    machine: 'x86_64',
    identifier: 'cp312-macosx_x86_64',
    toml: 'environment = { MACOSX_DEPLOYMENT_TARGET = "10.9" }',
    python: py('3.12.10', 'x64'),
    target: '10.13',
    archflags: X86_64,
    hostPlatform: 'macosx-10.13-x86_64',
    delocate: 'x86_64',
    test: [],
    environment:
      'MACOSX_DEPLOYMENT_TARGET="10.9"\n# wheelwright: MACOSX_DEPLOYMENT_TARGET 10.9 is below the ' +
      'minimum of this identifier\nMACOSX_DEPLOYMENT_TARGET=10.13'
  }
]

describe('macOS plans (runner × identifier)', () => {
  test.each(CASES)('$name', c => {
    const build = onlyBuild(c)
    const work = `/tmp/ww/build/${c.identifier}`
    const env = {
      ...buildEnv(c.identifier, c.target, c.archflags, c.hostPlatform),
      ...(c.env ?? {})
    }
    expect(build.python).toBe(c.python)
    expect(build.env).toEqual(env)
    expect(build.environment).toBe(c.environment ?? '')
    expect(build.tested).toBe(c.test !== false)
    expect(build.testWarning ?? '').toMatch(c.warning ?? /^$/)

    const steps = Object.fromEntries(build.steps.map(s => [s.name, s]))
    // The build venv is kept under the cache dir, one per interpreter and pins.
    const venv = steps.venv.argv.at(-1)!
    expect(venv).toMatch(/^\/cache\/venvs\/[0-9a-f]{16}$/)
    expect(steps['venv-check'].verifies).toBe(`${venv}/.wheelwright-ready`)
    const venvPython = `${venv}/bin/python`
    const pathTail = `${c.python.slice(0, c.python.lastIndexOf('/'))}:/cache/tools/bin:/usr/bin:/bin`
    expect(steps.venv.argv).toEqual([
      VIRTUALENV,
      '--quiet',
      '--no-periodic-update',
      '--python',
      c.python,
      venv
    ])
    expect(steps.build.argv).toEqual([
      venvPython,
      '-m',
      'build',
      `${work}/src`,
      '--wheel',
      `--outdir=${work}/built`
    ])
    expect(steps.build.env).toEqual({
      ...env,
      WHEELWRIGHT_PROJECT: '/home/dev/spam',
      WHEELWRIGHT_PACKAGE: '/home/dev/spam',
      VIRTUAL_ENV: venv,
      PATH: `${venv}/bin:${pathTail}`
    })
    expect(steps.repair.argv).toEqual([
      'bash',
      '-c',
      'delocate-wheel --require-archs "${WHEELWRIGHT_DELOCATE_ARCHS}" -w "${WHEELWRIGHT_DEST_DIR}" -v "${WHEELWRIGHT_WHEEL}"'
    ])
    expect(steps.repair.env.WHEELWRIGHT_DELOCATE_ARCHS).toBe(c.delocate)
    expect(steps.repair.env.WHEELWRIGHT_DEST_DIR).toBe(`${work}/repaired`)

    if (c.test === false) {
      expect(build.steps.filter(s => s.phase === 'test')).toEqual([])
      return
    }
    expect(build.steps.filter(s => s.phase === 'test').map(s => s.name)).toEqual([
      'test-prepare',
      'test-venv',
      'test-install',
      'test'
    ])
    expect(steps['test-venv'].argv).toEqual([
      VIRTUALENV,
      '--quiet',
      '--no-periodic-update',
      '--python',
      c.python,
      `${work}/test-venv`
    ])
    expect(steps['test-install'].argv).toEqual([
      ...c.test,
      `${work}/test-venv/bin/python`,
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '{wheel}'
    ])
    expect(steps.test.argv).toEqual([...c.test, 'bash', '-c', TEST_COMMAND])
    expect(steps.test.env.MACOSX_DEPLOYMENT_TARGET).toBe(c.target)
    expect(steps.test.cwd).toBe(`${work}/test-cwd`)
  })
})

describe('macOS plan details', () => {
  test('the interpreter gathered on the runner is used when there is one', () => {
    const interpreters = new Map<string, HostInterpreter>([
      [
        'cp313-macosx_arm64',
        {
          path: '/Library/Frameworks/Python.framework/Versions/3.13/bin/python3',
          version: '3.13.9',
          implementation: 'cpython',
          freeThreaded: false
        }
      ]
    ])
    const plan = planMac({
      machine: 'arm64',
      inputs: { 'dry-run': 'false', build: 'cp313-* cp312-*' },
      interpreters
    })
    expect(plan.groups[0].builds.map(b => [b.identifier, b.python, b.version])).toEqual([
      [
        'cp313-macosx_arm64',
        '/Library/Frameworks/Python.framework/Versions/3.13/bin/python3',
        '3.13.9'
      ]
    ])
    // On the runner itself a missing interpreter is unavailable, not guessed.
    expect(plan.unavailable).toEqual([{ identifier: 'cp312-macosx_arm64', reason: 'interpreter' }])
  })

  test('setup: the tools venv (delocate), then before-all with the 10.9 default target', () => {
    const plan = planMac({
      machine: 'arm64',
      toml: 'before-all = "brew install libomp"',
      inputs: { only: 'cp312-macosx_arm64' }
    })
    const [tools, constraints, beforeAll] = plan.groups[0].setup
    expect(constraints.name).toBe('constraints')
    expect(tools.argv.slice(7)).toEqual(
      ['delocate', 'abi3audit', 'virtualenv'].flatMap(pinnedToolRequirements)
    )
    expect(beforeAll.argv).toEqual(['bash', '-c', 'brew install libomp'])
    expect(beforeAll.env).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/Users/runner',
      SOURCE_DATE_EPOCH: '1700000000',
      MACOSX_DEPLOYMENT_TARGET: '10.9',
      WHEELWRIGHT_PROJECT: '/home/dev/spam',
      WHEELWRIGHT_PACKAGE: '/home/dev/spam'
    })
  })

  test('variables cibuildwheel removes do not reach the build', () => {
    const build = onlyBuild({
      machine: 'arm64',
      identifier: 'cp312-macosx_arm64',
      env: {
        __PYVENV_LAUNCHER__: '/x',
        PYTHON_VERSION: '3.12',
        UV_PYTHON: '3.12',
        PYTHON_ARCH: 'x'
      }
    })
    for (const name of ['__PYVENV_LAUNCHER__', 'PYTHON_VERSION', 'UV_PYTHON', 'PYTHON_ARCH']) {
      expect(build.env[name]).toBeUndefined()
    }
  })

  test('PyPy and GraalPy arm64 are not built on an x86_64 runner', () => {
    const plan = planMac({
      machine: 'x86_64',
      inputs: { build: 'pp310-*', archs: 'all', enable: 'pypy pypy-eol' }
    })
    expect(plan.groups[0].builds.map(b => b.identifier)).toEqual(['pp310-macosx_x86_64'])
  })
})

describe('the macos-deployment-target setting', () => {
  const setting = platformNamed('macos').options.settings?.find(
    s => s.name === 'macos-deployment-target'
  )
  test.each(['11', '10.13', '14.0'])('%j is a macOS version', value => {
    expect(() => setting?.check?.(value, 'macos-deployment-target')).not.toThrow()
  })
  test.each(['10.13.1', 'v11', '11.', 'big sur', ''])(
    '%j is refused, naming key and value',
    value => {
      let error: unknown
      try {
        setting?.check?.(value, 'macos-deployment-target')
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(UserError)
      expect([(error as UserError).key, (error as UserError).value]).toEqual([
        'macos-deployment-target',
        value
      ])
    }
  )
})
