/**
 * A run stopped by a signal: its children get SIGTERM, the run cleans up
 * once they are gone, the log is written out, and the process exits
 * 130 or 143. The signal is delivered with process.emit and process.exit is
 * replaced, so the test process itself goes on.
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { stopOnSignals } from '../../src/execute/stop.js'
import type { LiveOutput } from '../../src/report/live.js'
import { ChildTracker, exec } from '../../src/util/exec.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'

afterEach(() => {
  jest.restoreAllMocks()
})

/** Everything a stopped run does, in order. */
function stoppedRun(children = new ChildTracker()) {
  const happened: string[] = []
  const exited = new Promise<number>(resolve => {
    jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      resolve(code)
      return undefined as never
    }) as typeof process.exit)
  })
  const live = {
    begin: () => {
      throw new Error('no build starts')
    },
    flush: () => happened.push('flush'),
    close: () => happened.push('close')
  } as unknown as LiveOutput
  const reporter = recordingReporter()
  const watch = stopOnSignals({
    children,
    live,
    reporter,
    cleanUp: () => happened.push(`clean up (${children.size} children left)`)
  })
  return { watch, happened, exited, reporter }
}

describe('stopOnSignals', () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('%s: warned, cleaned up, the log written out, exit %d', async (signal, code) => {
    const { watch, happened, exited, reporter } = stoppedRun()
    expect(watch.received()).toBeUndefined()
    process.emit(signal, signal)
    expect(watch.received()).toBe(signal)
    expect(await exited).toBe(code)
    expect(reporter.texts('warning')).toEqual([
      `received ${signal}: stopping builds and removing containers`
    ])
    expect(happened).toEqual(['flush', 'clean up (0 children left)', 'flush', 'close'])
    watch.dispose()
  })

  test('a running child is stopped before the cleanup', async () => {
    const children = new ChildTracker()
    const child = exec(['sleep', '30'], { children })
    const { watch, happened, exited } = stoppedRun(children)
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(children.size).toBe(1)
    const started = Date.now()
    process.emit('SIGTERM', 'SIGTERM')
    expect(await exited).toBe(143)
    expect((await child).signal).toBe('SIGTERM')
    // Well before the grace period ends: the child went at SIGTERM.
    expect(Date.now() - started).toBeLessThan(2000)
    expect(happened).toContain('clean up (0 children left)')
    watch.dispose()
  })

  test('dispose takes its listeners away: a later signal is not the run’s', () => {
    const count = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]
    const before = count()
    const { watch } = stoppedRun()
    expect(count()).toEqual(before.map(n => n + 1))
    watch.dispose()
    expect(count()).toEqual(before)
    expect(watch.received()).toBeUndefined()
  })
})
