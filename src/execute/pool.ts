/**
 * A bounded parallel pool: runs `task(item, index)` for every item with at
 * most `limit` in flight, in order of the items. `shouldStart` is asked
 * before each start (fail-fast stops launching new work); `waitFor` lets a
 * task be held back until another one settles (abi3 reuse).
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  shouldStart: () => boolean = () => true
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length && shouldStart()) {
      const index = next++
      await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
}

/** A promise that can be resolved from outside, for "run after X" ordering. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>(r => (resolve = r))
  return { promise, resolve }
}
