/** The bounded pool: never more than `limit` in flight, starts in item order, stops starting on demand. */
import { describe, expect, test } from '@jest/globals'
import { deferred, runPool } from '../../src/execute/pool.js'

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/** Lets everything already queued run. */
const flush = () => new Promise(resolve => setImmediate(resolve))

/** Whether a promise has settled, once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(
    () => (done = true),
    () => (done = true)
  )
  await flush()
  return done
}

describe('runPool', () => {
  test.each([
    [6, 1, 1],
    [6, 2, 2],
    [7, 3, 3],
    [4, 4, 4],
    [3, 10, 3],
    [1, 1, 1],
    [5, 0, 1]
  ])(
    '%i items, limit %i: at most %i in flight, each item once, started in order',
    async (count, limit, maxInFlight) => {
      const items = Array.from({ length: count }, (_, i) => `item-${i}`)
      let inFlight = 0
      let highest = 0
      const started: number[] = []
      const finished: string[] = []
      await runPool(items, limit, async (item, index) => {
        started.push(index)
        inFlight++
        highest = Math.max(highest, inFlight)
        // Later items finish sooner, so a free slot is taken out of order if it ever were.
        await sleep((count - index) * 3)
        inFlight--
        finished.push(item)
      })
      expect(highest).toBe(maxInFlight)
      expect(started).toEqual(items.map((_, i) => i))
      expect([...finished].sort()).toEqual([...items].sort())
      expect(inFlight).toBe(0)
    }
  )

  test('no items: the task never runs', async () => {
    const calls: number[] = []
    await runPool([], 3, async (_item, index) => void calls.push(index))
    expect(calls).toEqual([])
  })

  test('a slot is refilled as soon as one task ends, not when the whole batch does', async () => {
    const gates = [deferred(), deferred(), deferred()]
    const started: number[] = []
    const pool = runPool([0, 1, 2], 2, async (_item, index) => {
      started.push(index)
      await gates[index].promise
    })
    await flush()
    expect(started).toEqual([0, 1])
    gates[1].resolve()
    await flush()
    expect(started).toEqual([0, 1, 2])
    gates[0].resolve()
    gates[2].resolve()
    await pool
  })

  test.each([
    [1, 0, [0]],
    [1, 2, [0, 1, 2]],
    [2, 1, [0, 1]],
    [3, 2, [0, 1, 2]]
  ])(
    'limit %i, item %i asks to stop: started %j, and those in flight finish',
    async (limit, failing, expected) => {
      let stop = false
      const started: number[] = []
      const finished: number[] = []
      await runPool(
        [0, 1, 2, 3, 4, 5],
        limit,
        async (_item, index) => {
          started.push(index)
          if (index === failing) stop = true
          else await sleep(10)
          finished.push(index)
        },
        () => !stop
      )
      expect(started).toEqual(expected)
      expect([...finished].sort()).toEqual(expected)
    }
  )

  test('shouldStart is asked before every start', async () => {
    let asked = 0
    const started: number[] = []
    await runPool(
      ['a', 'b', 'c', 'd'],
      1,
      async (_item, index) => void started.push(index),
      () => ++asked <= 2
    )
    expect(started).toEqual([0, 1])
    expect(asked).toBe(3)
  })

  test('a task that throws rejects the pool', async () => {
    await expect(
      runPool([0, 1], 1, async index => {
        if (index === 0) throw new Error('task failed')
      })
    ).rejects.toThrow('task failed')
  })
})

describe('deferred', () => {
  test('settles only when resolved from outside, and resolving twice is harmless', async () => {
    const gate = deferred()
    expect(await settled(gate.promise)).toBe(false)
    gate.resolve()
    expect(await settled(gate.promise)).toBe(true)
    gate.resolve()
    await expect(gate.promise).resolves.toBeUndefined()
  })

  test('everyone waiting on it goes on together', async () => {
    const gate = deferred()
    const order: string[] = []
    const waiters = ['a', 'b', 'c'].map(name => gate.promise.then(() => void order.push(name)))
    await flush()
    expect(order).toEqual([])
    gate.resolve()
    await Promise.all(waiters)
    expect(order).toEqual(['a', 'b', 'c'])
  })
})
