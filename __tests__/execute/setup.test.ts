/**
 * A group's one-time setup, with real bash steps on the host: steps that
 * create something run once per run, whichever group needs them, and when
 * such a step fails every group that needs it fails instead of going on.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { capturedEnvOf, ensureSetup, executorFor, type OnceSteps } from '../../src/execute/setup.js'
import { HostExecutor } from '../../src/execute/executor.js'
import { BuildFailure } from '../../src/execute/failure.js'
import { parseActivation } from '../../src/execute/captured-env.js'
import { recordingLive } from '../../__fixtures__/reporter.js'
import { hostState, hostStep } from '../helpers/execute.js'
import { tempDir } from '../helpers/tools.js'

/** What a settled setup came to: `ok`, or the failure's message. */
async function outcome(setup: Promise<void>): Promise<string> {
  try {
    await setup
    return 'ok'
  } catch (error) {
    expect(error).toBeInstanceOf(BuildFailure)
    return (error as BuildFailure).message
  }
}

describe('a step that creates something, needed by two groups', () => {
  /** Two groups need the tools venv; the second has one more setup step after it. */
  function twoGroups(works: boolean) {
    const dir = tempDir('setup')
    const marker = path.join(dir, 'tools', '.ready')
    const runs = path.join(dir, 'runs')
    const after = path.join(dir, 'after-ran')
    const tools = hostStep(
      'tools',
      'echo run >> "$1"; sleep 0.3; if [ "$2" = works ]; then mkdir -p "$(dirname "$3")" && touch "$3"; else exit 1; fi',
      dir,
      { args: [runs, works ? 'works' : 'fails', marker], creates: marker }
    )
    const next = hostStep('before-all', 'touch "$1"', dir, { args: [after] })
    return {
      first: hostState([tools]),
      second: hostState([tools, next]),
      runs: () => fs.readFileSync(runs, 'utf8').split('\n').filter(Boolean).length,
      afterRan: () => fs.existsSync(after)
    }
  }

  test.each([
    [
      'fails while the second group waits for it',
      false,
      true,
      'setup: tools failed: exit code 1',
      'setup: tools failed: it failed for another group'
    ],
    [
      'failed before the second group needs it',
      false,
      false,
      'setup: tools failed: exit code 1',
      'setup: tools failed: it failed for another group'
    ],
    ['works while the second group waits for it', true, true, 'ok', 'ok'],
    ['worked before the second group needs it', true, false, 'ok', 'ok']
  ])('%s', async (_name, works, together, firstOutcome, secondOutcome) => {
    const groups = twoGroups(works)
    const once: OnceSteps = new Map()
    const first = ensureSetup(groups.first, once, recordingLive().live)
    let second: Promise<void>
    if (together) second = ensureSetup(groups.second, once, recordingLive().live)
    else {
      await outcome(first)
      second = ensureSetup(groups.second, once, recordingLive().live)
    }
    expect(await outcome(first)).toBe(firstOutcome)
    expect(await outcome(second)).toBe(secondOutcome)
    // One run of the step for the whole run, and the second group goes on only when it worked.
    expect(groups.runs()).toBe(1)
    expect(groups.afterRan()).toBe(works)
    expect(groups.first.started && groups.second.started).toBe(true)
  })

  test('the marker already there: the step does not run at all', async () => {
    const dir = tempDir('setup')
    const marker = path.join(dir, '.ready')
    fs.writeFileSync(marker, '')
    const state = hostState([
      hostStep('tools', 'touch "$1"', dir, { args: [path.join(dir, 'ran')], creates: marker })
    ])
    await ensureSetup(state, new Map(), recordingLive().live)
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)
  })
})

describe('ensureSetup', () => {
  test('runs a group setup once, however many builds ask for it, and reports its log', async () => {
    const dir = tempDir('setup')
    const count = path.join(dir, 'count')
    const state = hostState([
      hostStep('before-all', 'echo ran >> "$1"; echo hello', dir, { args: [count] })
    ])
    const { reporter, live } = recordingLive()
    const once: OnceSteps = new Map()
    await Promise.all([1, 2, 3].map(() => ensureSetup(state, once, live)))
    expect(fs.readFileSync(count, 'utf8')).toBe('ran\n')
    expect(reporter.texts('start')).toEqual(['setup (host)'])
    expect(reporter.texts('line')).toEqual([
      '▸ before-all',
      'hello',
      expect.stringMatching(/^✓ before-all \(\d+ms\)$/),
      expect.stringMatching(/^✓ setup ready \(/)
    ])
  })

  test('a failing step stops the setup there, its log in the failure', async () => {
    const dir = tempDir('setup')
    const state = hostState([
      hostStep('first', 'echo one; exit 4', dir),
      hostStep('second', 'touch "$1"', dir, { args: [path.join(dir, 'second-ran')] })
    ])
    const failure = await ensureSetup(state, new Map(), recordingLive().live).catch(e => e)
    expect(failure).toBeInstanceOf(BuildFailure)
    expect(failure.message).toBe('setup: first failed: exit code 4')
    expect(failure.log).toContain('one\n')
    expect(fs.existsSync(path.join(dir, 'second-ran'))).toBe(false)
  })

  test.each([
    ['\n\n   /opt/Visual Studio   \nsecond line\n', '/opt/Visual Studio'],
    ['C:\\VS\r\n', 'C:\\VS']
  ])(
    'stdoutVar: the first non-empty line of %j reaches the steps after it',
    async (printed, value) => {
      const dir = tempDir('setup')
      const seen = path.join(dir, 'seen')
      const state = hostState([
        hostStep('vswhere', 'printf "%s" "$1"', dir, { args: [printed], stdoutVar: 'VS_PATH' }),
        hostStep('use', 'printf "%s" "$VS_PATH" > "$1"', dir, { args: [seen] })
      ])
      await ensureSetup(state, new Map(), recordingLive().live)
      expect(state.values).toEqual({ VS_PATH: value })
      expect(fs.readFileSync(seen, 'utf8')).toBe(value)
    }
  )

  test('stdoutVar: a step that prints nothing fails the setup', async () => {
    const state = hostState([
      hostStep('vswhere', 'echo; echo "  "', tempDir('setup'), { stdoutVar: 'VS_PATH' })
    ])
    await expect(ensureSetup(state, new Map(), recordingLive().live)).rejects.toThrow(
      'setup: vswhere failed: printed nothing'
    )
  })
})

describe('the variables of a build step', () => {
  const step = (where: 'host' | 'container') => ({
    ...hostStep('build', 'true', '/w', { where }),
    env: { PATH: '/venv/bin', LIB: 'C:\\mine' }
  })

  test('without a captured environment: the step env as it is', () => {
    const state = hostState([])
    expect(capturedEnvOf(state, undefined)!(step('host'))).toEqual({
      PATH: '/venv/bin',
      LIB: 'C:\\mine'
    })
  })

  test('a captured environment that was never captured: none', () => {
    expect(capturedEnvOf(hostState([]), 'msvc-x64')).toBeUndefined()
  })

  test('a captured environment applies to host steps only', () => {
    const state = hostState([])
    state.captured.set(
      'msvc-x64',
      parseActivation({ LIB: 'C:\\base' }, 'LIB=C:\\msvc;C:\\base\nINCLUDE=C:\\inc\n')
    )
    const envOf = capturedEnvOf(state, 'msvc-x64')!
    expect(envOf(step('host'))).toMatchObject({ INCLUDE: 'C:\\inc', PATH: '/venv/bin' })
    expect(envOf(step('container'))).toEqual({ PATH: '/venv/bin', LIB: 'C:\\mine' })
  })

  test('executorFor: container steps go inside, host steps to the host', () => {
    const inside = new HostExecutor()
    const state = { ...hostState([]), inside }
    expect(executorFor(state, step('container'))).toBe(inside)
    expect(executorFor(state, step('host'))).toBe(state.host)
    expect(state.host).not.toBe(inside)
  })
})
