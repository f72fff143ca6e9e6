/** Linux container lanes as data: one container per image and lane, its steps and what the log shows. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, test } from '@jest/globals'
import { linuxPlan as plan } from '../helpers/linux-plan.js'

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

describe('copy-in', () => {
  const copyInOf = (inputs: Record<string, string>) =>
    plan('', { build: 'cp312-manylinux_x86_64', archs: 'x86_64', ...inputs }).groups[0].setup.find(
      s => s.name === 'copy-in'
    )!

  test.each([
    ['the cache dir elsewhere: only the build dir', '/cache', ['./build']],
    [
      'the cache dir inside the project: not copied',
      '/home/dev/project/.ww-cache',
      ['./build', './.ww-cache']
    ],
    ['the cache dir deeper inside', '/home/dev/project/ci/cache', ['./build', './ci/cache']],
    ['the project itself as cache dir: never excluded whole', '/home/dev/project', ['./build']]
  ])('%s', (_name, cacheDir, excludes) => {
    const { argv } = copyInOf({ 'cache-dir': cacheDir })
    expect(argv.slice(6)).toEqual(['/project', '/home/dev/project', ...excludes])
  })

  test('the script copies the tree without what its excludes name (through a stand-in engine that runs the command here)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-in-'))
    try {
      const project = path.join(root, 'project')
      for (const file of [
        'pyproject.toml',
        'src/a.c',
        'build/old.o',
        '.ww-cache/tools/big',
        'src/build/kept.c'
      ]) {
        fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true })
        fs.writeFileSync(path.join(project, file), file)
      }
      // `engine exec [-i] NAME CMD...` runs CMD here.
      const engine = path.join(root, 'engine')
      fs.writeFileSync(engine, '#!/bin/sh\nshift\n[ "$1" = -i ] && shift\nshift\nexec "$@"\n', {
        mode: 0o755
      })
      const dest = path.join(root, 'dest')
      const { argv } = copyInOf({ 'cache-dir': '/home/dev/project/.ww-cache' })
      const args = [...argv.slice(1, 4), engine, 'name', dest, project, ...argv.slice(8)]
      const run = spawnSync(argv[0], args, { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      const copied = fs
        .readdirSync(dest, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile())
        .map(e =>
          path.relative(
            dest,
            path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)
          )
        )
        .sort()
      expect(copied).toEqual(['pyproject.toml', 'src/a.c', 'src/build/kept.c'])
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
