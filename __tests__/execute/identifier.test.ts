/**
 * One identifier's run, with real bash steps on the host: `{wheel}` in each
 * step, reuse of an abi3 (or py3-none) wheel by a later identifier, the wheel
 * cache, the environment option, and the failures that name their step.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { runIdentifier, type BuildCache } from '../../src/execute/identifier.js'
import { keptLog } from '../../src/report/live.js'
import { BuildFailure } from '../../src/execute/failure.js'
import type { GroupState } from '../../src/execute/setup.js'
import { LocalWheelStore } from '../../src/cache/store.js'
import type { Build, Step } from '../../src/model/build-plan.js'
import { hostBuild, hostState, hostStep, STEP_ENV } from '../helpers/execute.js'
import { tempDir } from '../helpers/tools.js'

/** Records "$@" and WHEELWRIGHT_WHEEL of a step into the file named by its first argument. */
const RECORD =
  'out="$1"; shift; printf "%s\\n" "$@" "wheel-var=${WHEELWRIGHT_WHEEL-unset}" > "$out"'

/** The lines a RECORD step wrote. */
const recorded = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(0, -1)

/** A build whose build step makes `wheel`, whose repair copies it, and whose test records it. */
function wheelBuild(root: string, identifier: string, wheel: string, extra: Step[] = []): Build {
  const work = path.join(root, identifier)
  const built = path.join(work, 'built')
  const repaired = path.join(work, 'repaired')
  return hostBuild(identifier, work, [
    hostStep('build', 'mkdir -p "$1" && echo "$3" >> "$4" && printf "%s" "$3" > "$1/$2"', work, {
      args: [built, wheel, identifier, path.join(root, 'builds.log')],
      collectsWheel: built
    }),
    hostStep('repair', 'mkdir -p "$1" && cp "$2" "$1/"', work, {
      args: [repaired, '{wheel}'],
      collectsWheel: repaired
    }),
    ...extra,
    hostStep('test', RECORD, work, {
      args: [path.join(root, `${identifier}.test`), '{wheel}'],
      phase: 'test'
    })
  ])
}

async function runAll(state: GroupState, builds: Build[], cache?: BuildCache) {
  const runs = []
  for (const build of builds) {
    const log = keptLog()
    const result = await runIdentifier(state, build, log, cache)
    const progress = [...log.text().matchAll(/^▸ ([\w-]+)/gm)].map(m => m[1])
    runs.push({ result, log: log.text(), progress })
  }
  return runs
}

const builds = (root: string) =>
  fs.existsSync(path.join(root, 'builds.log')) ? recorded(path.join(root, 'builds.log')) : []

describe('reuse of a wheel built earlier in the group', () => {
  test.each([
    ['cp39-abi3', 'spam-1.0-cp39-abi3-manylinux_2_17_x86_64.whl', 'cp312-manylinux_x86_64', true],
    [
      'py3-none for PyPy',
      'spam-1.0-py3-none-manylinux_2_17_x86_64.whl',
      'pp311-manylinux_x86_64',
      true
    ],
    [
      'cp39-abi3 not for free-threaded',
      'spam-1.0-cp39-abi3-manylinux_2_17_x86_64.whl',
      'cp314t-manylinux_x86_64',
      false
    ],
    [
      'cp39-cp39 never',
      'spam-1.0-cp39-cp39-manylinux_2_17_x86_64.whl',
      'cp312-manylinux_x86_64',
      false
    ]
  ])('%s: %s, then %s', async (_name, firstWheel, later, reused) => {
    const root = tempDir('ident')
    const state = hostState([])
    const laterWheel = reused
      ? 'never-built.whl'
      : `spam-1.0-${later.split('-')[0]}-x-manylinux_2_17_x86_64.whl`
    const [first, second] = await runAll(state, [
      wheelBuild(root, 'cp39-manylinux_x86_64', firstWheel),
      wheelBuild(root, later, laterWheel)
    ])
    const firstHost = path.join(root, 'cp39-manylinux_x86_64', 'repaired', firstWheel)
    expect(first.result).toEqual({
      identifier: 'cp39-manylinux_x86_64',
      hostWheel: firstHost,
      reused: false,
      cached: false,
      tested: true
    })
    expect(second.result.reused).toBe(reused)
    if (reused) {
      expect(builds(root)).toEqual(['cp39-manylinux_x86_64'])
      expect(second.result.hostWheel).toBe(firstHost)
      expect(second.progress).toEqual(['test'])
      expect(second.log).toContain(
        `Found previously built wheel ${firstWheel} (from cp39-manylinux_x86_64); skipping the build, testing it on ${later}\n`
      )
      // The later identifier tests the first one's wheel, where it is.
      expect(recorded(path.join(root, `${later}.test`))).toEqual([
        firstHost,
        `wheel-var=${firstHost}`
      ])
      expect(state.built.map(b => b.identifier)).toEqual(['cp39-manylinux_x86_64'])
    } else {
      expect(builds(root)).toEqual(['cp39-manylinux_x86_64', later])
      expect(second.progress).toEqual(['build', 'repair', 'test'])
      expect(state.built.map(b => b.filename)).toEqual([firstWheel, laterWheel])
    }
  })
})

describe('{wheel} in each step', () => {
  test('nothing before the build, then the built wheel, then the repaired one, or its copy in wheelDir', async () => {
    const root = tempDir('ident')
    const work = path.join(root, 'cp312-manylinux_x86_64')
    const copy = path.join(root, 'host-copy')
    const wheel = 'spam-1.0-cp39-abi3-manylinux_2_17_x86_64.whl'
    const file = (name: string) => path.join(root, `${name}.args`)
    const state = hostState([])
    const build = hostBuild('cp312-manylinux_x86_64', work, [
      hostStep('before-build', RECORD, work, {
        args: [file('before-build'), '{wheel}', '{wheel}[x]']
      }),
      hostStep('build', 'mkdir -p "$1" && printf w > "$1/$2"', work, {
        args: [path.join(work, 'built'), wheel],
        collectsWheel: path.join(work, 'built')
      }),
      hostStep('after-build', RECORD, work, {
        args: [file('after-build'), '{wheel}', '{wheel}[test,extra]', '--wheel={wheel}', 'x{wheel}']
      }),
      hostStep('repair', 'mkdir -p "$1" "$3" && cp "$2" "$1/" && cp "$2" "$3/"', work, {
        args: [path.join(work, 'repaired'), '{wheel}', copy],
        collectsWheel: path.join(work, 'repaired')
      }),
      hostStep('audit', RECORD, work, {
        args: [file('audit'), '{wheel}'],
        wheelDir: copy,
        onlyAbi3: true
      }),
      hostStep('test', RECORD, work, { args: [file('test'), '{wheel}'], phase: 'test' })
    ])
    await runIdentifier(state, build, keptLog())
    const built = path.join(work, 'built', wheel)
    const repaired = path.join(work, 'repaired', wheel)
    expect(recorded(file('before-build'))).toEqual(['', '[x]', 'wheel-var=unset'])
    expect(recorded(file('after-build'))).toEqual([
      built,
      `${built}[test,extra]`,
      '--wheel={wheel}',
      'x{wheel}',
      `wheel-var=${built}`
    ])
    expect(recorded(file('audit'))).toEqual([
      path.join(copy, wheel),
      `wheel-var=${path.join(copy, wheel)}`
    ])
    expect(recorded(file('test'))).toEqual([repaired, `wheel-var=${repaired}`])
  })

  test.each([
    ['spam-1.0-cp39-abi3-manylinux_2_17_x86_64.whl', true],
    ['spam-1.0-cp312-cp312-manylinux_2_17_x86_64.whl', false]
  ])('the abi3 audit runs for %s: %s', async (wheel, audited) => {
    const root = tempDir('ident')
    const audit = hostStep('audit', RECORD, root, {
      args: [path.join(root, 'audit'), '{wheel}'],
      onlyAbi3: true
    })
    const [{ progress }] = await runAll(hostState([]), [
      wheelBuild(root, 'cp312-manylinux_x86_64', wheel, [audit])
    ])
    expect(progress).toEqual(['build', 'repair', ...(audited ? ['audit'] : []), 'test'])
    expect(fs.existsSync(path.join(root, 'audit'))).toBe(audited)
  })

  test('a host step whose `creates` path exists is skipped', async () => {
    const root = tempDir('ident')
    const venv = hostStep('venv', 'touch "$1"', root, {
      args: [path.join(root, 'venv-ran')],
      creates: root
    })
    const [{ progress }] = await runAll(hostState([]), [
      wheelBuild(root, 'cp312-manylinux_x86_64', 'spam-1.0-cp312-cp312-linux_x86_64.whl', [venv])
    ])
    expect(progress).toEqual(['build', 'repair', 'test'])
    expect(fs.existsSync(path.join(root, 'venv-ran'))).toBe(false)
  })
})

describe('the environment option', () => {
  test('evaluated once where the build runs; test steps keep their own PATH and VIRTUAL_ENV', async () => {
    const root = tempDir('ident')
    const work = path.join(root, 'cp312')
    const show =
      'printf "%s\\n" "GREETING=$GREETING" "COMPUTED=$COMPUTED" "PATH=$PATH" "VIRTUAL_ENV=${VIRTUAL_ENV-unset}" > "$1"'
    const build: Build = {
      ...hostBuild('cp312-manylinux_x86_64', work, [
        hostStep(
          'build',
          `${show}; mkdir -p "$2" && touch "$2/spam-1.0-cp312-cp312-linux_x86_64.whl"`,
          work,
          {
            args: [path.join(root, 'build.env'), path.join(work, 'built')],
            env: { ...STEP_ENV, NAME: 'world' },
            collectsWheel: path.join(work, 'built')
          }
        ),
        hostStep('test', show, work, {
          args: [path.join(root, 'test.env')],
          env: { ...STEP_ENV, NAME: 'world' },
          phase: 'test'
        })
      ]),
      environment:
        'GREETING="hello $NAME" COMPUTED=$(echo computed) PATH=/custom/bin:$PATH VIRTUAL_ENV=/venv'
    }
    const log = keptLog()
    await runIdentifier(hostState([]), build, log)
    expect(recorded(path.join(root, 'build.env'))).toEqual([
      'GREETING=hello world',
      'COMPUTED=computed',
      `PATH=/custom/bin:${STEP_ENV.PATH}`,
      'VIRTUAL_ENV=/venv'
    ])
    expect(recorded(path.join(root, 'test.env'))).toEqual([
      'GREETING=hello world',
      'COMPUTED=computed',
      `PATH=${STEP_ENV.PATH}`,
      'VIRTUAL_ENV=unset'
    ])
    const evaluations = [...log.text().matchAll(/^environment: (.*)$/gm)].map(m => m[1])
    expect(evaluations).toHaveLength(1)
    expect(evaluations[0]!.split(', ').sort()).toEqual([
      'COMPUTED',
      'GREETING',
      'PATH',
      'VIRTUAL_ENV'
    ])
  })

  test('a failing evaluation fails the build at the environment step', async () => {
    const root = tempDir('ident')
    const build: Build = {
      ...wheelBuild(root, 'cp312-manylinux_x86_64', 'spam-1.0-cp312-cp312-linux_x86_64.whl'),
      environment: 'A=$(exit 3)'
    }
    await expect(runIdentifier(hostState([]), build, keptLog())).rejects.toThrow(
      'cp312-manylinux_x86_64: environment failed: evaluating the environment option failed (exit 3)'
    )
    expect(builds(root)).toEqual([])
  })
})

describe('the wheel cache', () => {
  const WHEEL = 'spam-1.0-cp312-cp312-manylinux_2_17_x86_64.whl'

  test.each([
    [false, ['audit', 'test'], true],
    [true, ['audit'], false]
  ])(
    'a hit skips the build and repair, and still audits (skip tests: %s → steps %j)',
    async (skipTests, steps, tested) => {
      const root = tempDir('ident')
      const audit = hostStep('audit', RECORD, root, { args: [path.join(root, 'audit'), '{wheel}'] })
      const store = new LocalWheelStore(tempDir('store'))
      const cachedWheel = path.join(tempDir('cached'), WHEEL)
      fs.writeFileSync(cachedWheel, 'cached')
      await store.save('k'.repeat(64), cachedWheel)
      const cache: BuildCache = {
        store,
        keys: new Map([['cp312-manylinux_x86_64', 'k'.repeat(64)]]),
        skipTests
      }
      const [run] = await runAll(
        hostState([]),
        [wheelBuild(root, 'cp312-manylinux_x86_64', WHEEL, [audit])],
        cache
      )
      const restored = (await store.restore('k'.repeat(64)))!
      expect(recorded(path.join(root, 'audit'))).toEqual([restored, `wheel-var=${restored}`])
      expect(builds(root)).toEqual([])
      expect(run.progress).toEqual(steps)
      expect(run.result).toEqual({
        identifier: 'cp312-manylinux_x86_64',
        hostWheel: restored,
        reused: false,
        cached: true,
        tested
      })
      expect(run.log).toContain(
        `Restored ${WHEEL} from the wheel cache (key ${'k'.repeat(16)}); skipping the build\n`
      )
      if (tested)
        expect(recorded(path.join(root, 'cp312-manylinux_x86_64.test'))).toEqual([
          restored,
          `wheel-var=${restored}`
        ])
    }
  )

  test('a miss builds, then saves the wheel under the key', async () => {
    const root = tempDir('ident')
    const store = new LocalWheelStore(tempDir('store'))
    const cache: BuildCache = {
      store,
      keys: new Map([['cp312-manylinux_x86_64', 'm'.repeat(64)]]),
      skipTests: true
    }
    const [run] = await runAll(
      hostState([]),
      [wheelBuild(root, 'cp312-manylinux_x86_64', WHEEL)],
      cache
    )
    expect(run.result.cached).toBe(false)
    expect(builds(root)).toEqual(['cp312-manylinux_x86_64'])
    const saved = await store.restore('m'.repeat(64))
    expect(path.basename(saved!)).toBe(WHEEL)
    expect(fs.readFileSync(saved!, 'utf8')).toBe('cp312-manylinux_x86_64')
  })
})

describe('failures name the identifier and the step', () => {
  const ID = 'cp312-manylinux_x86_64'
  const step = (root: string, name: string, script: string, collects: boolean) =>
    hostStep(name, script, root, {
      args: [path.join(root, name)],
      ...(collects ? { collectsWheel: path.join(root, name) } : {})
    })

  test.each([
    ['a step exits non-zero', [['build', 'exit 2', true]], `${ID}: build failed: exit code 2`],
    [
      'the build makes no wheel',
      [['build', 'mkdir -p "$1"', true]],
      `${ID}: build failed: no wheel was produced`
    ],
    [
      'the build makes two wheels',
      [
        [
          'build',
          'mkdir -p "$1" && touch "$1/a-1-cp312-cp312-linux_x86_64.whl" "$1/b-1-cp312-cp312-linux_x86_64.whl"',
          true
        ]
      ],
      new RegExp(
        `^${ID}: build failed: expected one wheel, found [ab]-1-cp312-cp312-linux_x86_64\\.whl, [ab]-1`
      )
    ],
    [
      'the build makes a pure-Python wheel',
      [['build', 'mkdir -p "$1" && touch "$1/spam-1.0-py3-none-any.whl"', true]],
      `${ID}: build failed: built a pure-Python wheel (spam-1.0-py3-none-any.whl) for a native identifier`
    ],
    [
      'the repair makes no wheel',
      [
        ['build', 'mkdir -p "$1" && touch "$1/spam-1.0-cp312-cp312-linux_x86_64.whl"', true],
        ['repair', 'mkdir -p "$1"', true]
      ],
      `${ID}: repair failed: no wheel was produced`
    ],
    [
      'no step collects a wheel',
      [['build', 'true', false]],
      `${ID}: build failed: no wheel was produced`
    ]
  ] as [string, [string, string, boolean][], string | RegExp][])(
    '%s',
    async (_name, steps, message) => {
      const root = tempDir('ident')
      const build = hostBuild(
        ID,
        root,
        steps.map(([name, script, collects]) => step(root, name, script, collects))
      )
      const failure = await runIdentifier(hostState([]), build, keptLog()).catch(e => e)
      expect(failure).toBeInstanceOf(BuildFailure)
      expect(failure.message).toMatch(message)
    }
  )

  test('the same wheel name from two identifiers is refused at the second', async () => {
    const root = tempDir('ident')
    const wheel = 'spam-1.0-cp312-cp312-manylinux_2_17_x86_64.whl'
    const state = hostState([])
    await runIdentifier(state, wheelBuild(root, 'cp312-manylinux_x86_64', wheel), keptLog())
    await expect(
      runIdentifier(state, wheelBuild(root, 'cp312-manylinux_i686', wheel), keptLog())
    ).rejects.toThrow(
      `cp312-manylinux_i686: repair failed: ${wheel} was already built for cp312-manylinux_x86_64`
    )
  })

  test('a captured environment that setup never made', async () => {
    const root = tempDir('ident')
    const build = { ...wheelBuild(root, 'cp312-win_amd64', 'x.whl'), capturedEnv: 'msvc-x64' }
    await expect(runIdentifier(hostState([]), build, keptLog())).rejects.toThrow(
      'cp312-win_amd64: setup failed: no environment was captured as msvc-x64'
    )
    expect(builds(root)).toEqual([])
  })

  test('the log so far travels with the failure', async () => {
    const root = tempDir('ident')
    const build = hostBuild(ID, root, [step(root, 'build', 'echo compiling spam.c; exit 1', true)])
    const failure = await runIdentifier(hostState([]), build, keptLog()).catch(e => e)
    expect(failure.log).toContain('compiling spam.c\n')
    expect(failure.log).toContain('✗ build failed: exit code 1 (')
  })
})

describe('a kept thing checked before use (a kept build venv)', () => {
  /** check (verifies), make, mark (both creates), then a build that needs the kept thing. */
  function keptBuild(root: string, check: Step['argv']): { build: Build; marker: string } {
    const kept = path.join(root, 'venvs', 'abc')
    const marker = path.join(kept, '.ready')
    const work = path.join(root, 'work')
    const built = path.join(work, 'built')
    const steps: Step[] = [
      { ...hostStep('venv-check', '', work), argv: check, verifies: marker },
      hostStep('venv', 'mkdir -p "$1" && echo made >> "$2"', work, {
        args: [kept, path.join(root, 'made.log')],
        creates: marker
      }),
      hostStep('venv-ready', 'printf good > "$1"', work, { args: [marker], creates: marker }),
      hostStep(
        'build',
        'test "$(cat "$1")" = good && mkdir -p "$2" && touch "$2/spam-1.0-cp312-cp312-linux_x86_64.whl"',
        work,
        {
          args: [marker, built],
          collectsWheel: built
        }
      )
    ]
    return { build: hostBuild('cp312-manylinux_x86_64', work, steps), marker }
  }
  const checkGood = (marker: string) => ['bash', '-c', 'test "$(cat "$1")" = good', 'check', marker]

  test.each<[string, string | undefined, (marker: string) => string[], string[], number]>([
    [
      'no kept venv yet: made, not checked',
      undefined,
      checkGood,
      ['venv', 'venv-ready', 'build'],
      1
    ],
    ['a good one: checked and used', 'good', checkGood, ['venv-check', 'build'], 0],
    [
      'a broken one: a miss, made again',
      'broken',
      checkGood,
      ['venv-check', 'venv', 'venv-ready', 'build'],
      1
    ],
    [
      'one whose python is gone: a miss, made again',
      'good',
      m => [path.join(path.dirname(m), 'bin', 'python'), '-c', '', m],
      ['venv-check', 'venv', 'venv-ready', 'build'],
      1
    ]
  ])('%s', async (_name, content, check, progress, made) => {
    const root = tempDir('ident')
    const probe = keptBuild(root, [])
    if (content !== undefined) {
      fs.mkdirSync(path.dirname(probe.marker), { recursive: true })
      fs.writeFileSync(probe.marker, content)
      fs.writeFileSync(path.join(path.dirname(probe.marker), 'stale-file'), '')
    }
    const { build, marker } = keptBuild(root, check(probe.marker))
    const [run] = await runAll(hostState([]), [build])
    expect(run.progress).toEqual(progress)
    expect(fs.readFileSync(marker, 'utf8')).toBe('good')
    const log = path.join(root, 'made.log')
    expect(fs.existsSync(log) ? recorded(log) : []).toEqual(Array(made).fill('made'))
    const remade = progress.includes('venv-check') && made > 0
    // A broken kept venv is removed whole before it is made again.
    expect(fs.existsSync(path.join(path.dirname(marker), 'stale-file'))).toBe(
      content !== undefined && !remade
    )
    if (remade) expect(run.log).toContain(`${path.dirname(marker)} does not work: making it again`)
  })
})
