/** executePlan: a plan run on the host, setup through teardown, as the plan says. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { executePlan } from '../../src/execute/run.js'
import { reportOutcome } from '../../src/report/outcome.js'
import type { Build, BuildPlan, Step } from '../../src/model/build-plan.js'
import type { Options } from '../../src/model/options.js'
import type { RunContext } from '../../src/execute/context.js'
import { UserError } from '../../src/util/errors.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import type { Reaper } from '../../src/util/reaper.js'
import { hostBuild, hostStep, STEP_ENV } from '../helpers/execute.js'
import { tempDir } from '../helpers/tools.js'

describe('the executor runs the activation as the plan says', () => {
  const reporter = recordingReporter()

  /** A one-build plan whose setup prints a path and an activated environment (bash stands in for cmd). */
  function activationPlan(activate: string, vswhere = 'echo; echo "/opt/Visual Studio"') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-msvc-'))
    const work = path.join(dir, 'work')
    const built = path.join(work, 'built')
    const repaired = path.join(work, 'repaired')
    const host = { where: 'host' as const, phase: 'build' as const, cwd: dir }
    const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', LIB: 'C:\\base' }
    const plan: BuildPlan = {
      platform: 'windows',
      runner: { platform: 'windows', machine: 'AMD64' },
      packageDir: dir,
      outputDir: path.join(dir, 'out'),
      tempDir: path.join(dir, 'tmp'),
      parallel: 1,
      failFast: true,
      unavailable: [],
      groups: [
        {
          where: 'host',
          setup: [
            {
              ...host,
              name: 'vswhere',
              argv: ['bash', '-c', vswhere],
              env: base,
              stdoutVar: 'WHEELWRIGHT_VS_PATH'
            },
            {
              ...host,
              name: 'vcvarsall-x64',
              argv: ['bash', '-c', activate],
              env: base,
              captureEnv: 'msvc-x64'
            }
          ],
          builds: [
            {
              identifier: 'cp312-win_amd64',
              python: 'python3',
              version: '3.12',
              workDir: work,
              wheelDir: repaired,
              environment: '',
              env: {},
              tested: false,
              abi3Audit: false,
              capturedEnv: 'msvc-x64',
              steps: [
                {
                  ...host,
                  name: 'build',
                  argv: [
                    'bash',
                    '-c',
                    'mkdir -p "$1" && printf "%s|%s" "$INCLUDE" "$LIB" > "$2" && touch "$1/spam-1.0-cp312-cp312-win_amd64.whl"',
                    'build',
                    built,
                    path.join(dir, 'seen')
                  ],
                  env: { ...base, LIB: 'C:\\mine;C:\\base' },
                  collectsWheel: built
                },
                {
                  ...host,
                  name: 'repair',
                  argv: [
                    'bash',
                    '-c',
                    'mkdir -p "$1" && cp "$2" "$1"',
                    'repair',
                    repaired,
                    '{wheel}'
                  ],
                  env: base,
                  collectsWheel: repaired
                }
              ]
            }
          ],
          teardown: []
        }
      ]
    }
    const run = () =>
      executePlan(
        plan,
        { packageDir: dir } as Options,
        { reporter, env: {}, isAction: false } as RunContext
      )
    return { dir, run }
  }

  test('vswhere output feeds vcvarsall; the captured variables reach the build', async () => {
    const { dir, run } = activationPlan(
      'echo "[vcvarsall.bat] Environment initialized for: \'x64\'"; ' +
        'export INCLUDE="$WHEELWRIGHT_VS_PATH\\include" LIB="C:\\msvc;$LIB"; env'
    )
    const outcome = await run()
    expect(outcome.wheels.map(w => path.basename(w))).toEqual([
      'spam-1.0-cp312-cp312-win_amd64.whl'
    ])
    expect(fs.readFileSync(path.join(dir, 'seen'), 'utf8')).toBe(
      '/opt/Visual Studio\\include|C:\\mine;C:\\msvc;C:\\base'
    )
  })

  test('[ERROR lines fail the setup and name the error', async () => {
    const { run } = activationPlan('echo "[ERROR:vcvarsall.bat] Invalid argument found : x65"; env')
    const outcome = await run()
    expect(outcome.failures.map(f => f.message)).toEqual([
      expect.stringMatching(
        /vcvarsall-x64 failed: \[ERROR:vcvarsall.bat\] Invalid argument found : x65/
      )
    ])
  })

  test('a vswhere that finds nothing fails the setup', async () => {
    const { run } = activationPlan('env', 'true')
    const outcome = await run()
    expect(outcome.failures.map(f => [f.message, f.kind])).toEqual([
      ['setup: vswhere failed: printed nothing', 'build']
    ])
  })
})

describe('a plan of host builds', () => {
  /** Builds that each make a wheel (or fail), a group teardown that leaves a mark, all in `root`. */
  function hostPlan(
    root: string,
    outcomes: Record<string, 'works' | 'fails'>,
    failFast: boolean,
    setup: Step[] = [],
    context: Partial<RunContext> = {}
  ) {
    const started = path.join(root, 'started')
    const builds: Build[] = Object.entries(outcomes).map(([identifier, outcome]) => {
      const work = path.join(root, 'tmp', identifier)
      const wheel = `spam-1.0-${identifier.split('-')[0]}-${identifier.split('-')[0]}-linux_x86_64.whl`
      return hostBuild(identifier, work, [
        hostStep(
          'build',
          'echo "$3" >> "$4"; [ "$5" = works ] || exit 1; mkdir -p "$1" && printf "%s" "$3" > "$1/$2"',
          root,
          {
            args: [path.join(work, 'repaired'), wheel, identifier, started, outcome],
            collectsWheel: path.join(work, 'repaired')
          }
        )
      ])
    })
    const plan: BuildPlan = {
      platform: 'linux',
      runner: { platform: 'linux', machine: 'x86_64' },
      packageDir: root,
      outputDir: path.join(root, 'wheelhouse'),
      tempDir: path.join(root, 'tmp'),
      parallel: 1,
      failFast,
      unavailable: [],
      groups: [
        {
          where: 'host',
          setup,
          builds,
          teardown: [
            hostStep('teardown', 'printf "%s" "${WW_RUN_MARK-}" > "$1"', root, {
              args: [path.join(root, 'torn-down')]
            })
          ]
        }
      ]
    }
    const reporter = recordingReporter()
    const run = () =>
      executePlan(
        plan,
        { packageDir: root } as Options,
        { reporter, env: {}, isAction: false, ...context } as RunContext
      )
    const startedBuilds = () =>
      fs.existsSync(started) ? fs.readFileSync(started, 'utf8').split('\n').filter(Boolean) : []
    return { run, reporter, startedBuilds }
  }

  test('every wheel lands in output-dir; outputs set; teardown runs; the temp dir is gone', async () => {
    const root = tempDir('run')
    const { run, reporter, startedBuilds } = hostPlan(
      root,
      { 'cp311-manylinux_x86_64': 'works', 'cp312-manylinux_x86_64': 'works' },
      true
    )
    const outcome = await run()
    await reportOutcome(outcome, { seconds: 1 }, reporter)
    const wheelhouse = path.join(root, 'wheelhouse')
    expect(outcome.wheels).toEqual([
      path.join(wheelhouse, 'spam-1.0-cp311-cp311-linux_x86_64.whl'),
      path.join(wheelhouse, 'spam-1.0-cp312-cp312-linux_x86_64.whl')
    ])
    expect(outcome.records.map(r => [r.identifier, r.wheel])).toEqual([
      ['cp311-manylinux_x86_64', 'spam-1.0-cp311-cp311-linux_x86_64.whl'],
      ['cp312-manylinux_x86_64', 'spam-1.0-cp312-cp312-linux_x86_64.whl']
    ])
    expect(fs.readdirSync(wheelhouse).sort()).toEqual([
      'spam-1.0-cp311-cp311-linux_x86_64.whl',
      'spam-1.0-cp312-cp312-linux_x86_64.whl'
    ])
    expect(startedBuilds()).toEqual(['cp311-manylinux_x86_64', 'cp312-manylinux_x86_64'])
    expect(reporter.outputs).toEqual({
      wheels: JSON.stringify(outcome.wheels),
      wheelhouse,
      identifiers: JSON.stringify(['cp311-manylinux_x86_64', 'cp312-manylinux_x86_64'])
    })
    expect(fs.existsSync(path.join(root, 'torn-down'))).toBe(true)
    expect(fs.existsSync(path.join(root, 'tmp'))).toBe(false)
  })

  test.each([
    [true, ['cp311-manylinux_x86_64'], []],
    [
      false,
      ['cp311-manylinux_x86_64', 'cp312-manylinux_x86_64'],
      ['spam-1.0-cp312-cp312-linux_x86_64.whl']
    ]
  ])(
    'fail-fast %s: a failed build, then builds started %j, wheels %j',
    async (failFast, started, wheels) => {
      const root = tempDir('run')
      const { run, reporter, startedBuilds } = hostPlan(
        root,
        { 'cp311-manylinux_x86_64': 'fails', 'cp312-manylinux_x86_64': 'works' },
        failFast
      )
      const error = await reportOutcome(await run(), { seconds: 1 }, reporter).catch(e => e)
      expect(error).toBeInstanceOf(UserError)
      expect(error.message).toMatch(
        /^1 build failed: cp311-manylinux_x86_64\ncp311-manylinux_x86_64: build failed: exit code 1/
      )
      expect(startedBuilds()).toEqual(started)
      const wheelhouse = path.join(root, 'wheelhouse')
      expect(fs.existsSync(wheelhouse) ? fs.readdirSync(wheelhouse) : []).toEqual(wheels)
      expect(fs.existsSync(path.join(root, 'torn-down'))).toBe(true)
      expect(fs.existsSync(path.join(root, 'tmp'))).toBe(false)
    }
  )

  test("the teardown and the watcher get the run's variables, never the process's own", async () => {
    const root = tempDir('run')
    const watched: [string, NodeJS.ProcessEnv][] = []
    const reaper = {
      cleanup: (id: string, _argv: readonly string[], env: NodeJS.ProcessEnv) =>
        watched.push([id, env]),
      ...Object.fromEntries(['drop', 'remove', 'keep', 'watch', 'unwatch'].map(m => [m, () => 0]))
    } as unknown as Reaper
    expect(process.env.WW_RUN_MARK).toBeUndefined()
    const { run } = hostPlan(root, { 'cp312-manylinux_x86_64': 'works' }, true, [], {
      env: { WW_RUN_MARK: 'from the run' },
      reaper
    })
    expect((await run()).failures).toEqual([])
    expect(fs.readFileSync(path.join(root, 'torn-down'), 'utf8')).toBe('from the run')
    expect(watched.map(([id, env]) => [id, env.WW_RUN_MARK, env.PATH])).toEqual([
      ['teardown-0-0', 'from the run', STEP_ENV.PATH]
    ])
  })

  test("the table's seconds are the build's own: the group's one-time setup is not counted", async () => {
    const root = tempDir('run')
    const { run } = hostPlan(root, { 'cp312-manylinux_x86_64': 'works' }, true, [
      hostStep('slow-setup', 'sleep 1.5', root)
    ])
    const outcome = await run()
    expect(outcome.failures).toEqual([])
    expect(outcome.records[0].seconds).toBeLessThan(1)
  })
})
