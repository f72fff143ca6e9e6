/**
 * The compile gate: on an empty cache the first build of a group compiles
 * alone and the others wait for its build step; a cache that holds entries,
 * or another group, never waits.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from '@jest/globals'
import { cacheDirIsEmpty, CompileGate } from '../../src/execute/compile-gate.js'

const group = (key: string, cacheDir = `/cache/${key}`) => ({ key, cacheDir })
/** Whether a promise has settled after the pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await new Promise(resolve => setImmediate(resolve))
  return done
}

describe('CompileGate', () => {
  test('empty cache: the second of a group waits for the first to end its build step, then goes on', async () => {
    const gate = new CompileGate(() => true)
    const waited: string[] = []
    const release = await gate.enter(group('a'), 'cp311', f => waited.push(`cp312 for ${f}`))
    const second = gate.enter(group('a'), 'cp312', f => waited.push(`cp312 for ${f}`))
    expect(await settled(second)).toBe(false)
    expect(waited).toEqual(['cp312 for cp311'])
    release()
    expect(await settled(second)).toBe(true)
    // Once filled, nobody waits, and releasing again changes nothing.
    release()
    expect(await settled(gate.enter(group('a'), 'cp313', () => waited.push('cp313')))).toBe(true)
    expect(waited).toEqual(['cp312 for cp311'])
  })

  test('a cache with entries: nobody waits (only what changed misses)', async () => {
    const gate = new CompileGate(() => false)
    const onWait = () => {
      throw new Error('waited')
    }
    await gate.enter(group('a'), 'cp311', onWait)
    expect(await settled(gate.enter(group('a'), 'cp312', onWait))).toBe(true)
  })

  test('the cache is looked at once per group, before its first build compiles', async () => {
    const looked: string[] = []
    const gate = new CompileGate(dir => (looked.push(dir), true))
    const release = await gate.enter(group('a'), 'cp311', () => undefined)
    const second = gate.enter(group('a'), 'cp312', () => undefined)
    release()
    await second
    await gate.enter(group('b'), 'cp311', () => undefined)
    expect(looked).toEqual(['/cache/a', '/cache/b'])
  })

  test('groups are independent: another image or arch does not wait', async () => {
    const gate = new CompileGate(() => true)
    await gate.enter(group('x86_64'), 'cp311-manylinux_x86_64', () => undefined)
    expect(await settled(gate.enter(group('i686'), 'cp311-manylinux_i686', () => undefined))).toBe(
      true
    )
  })

  test('every waiter goes on when the first releases, whether its build step passed or failed', async () => {
    const gate = new CompileGate(() => true)
    const release = await gate.enter(group('a'), 'cp310', () => undefined)
    const waiters = ['cp311', 'cp312', 'cp313'].map(id =>
      gate.enter(group('a'), id, () => undefined)
    )
    for (const w of waiters) expect(await settled(w)).toBe(false)
    release()
    for (const w of waiters) expect(await settled(w)).toBe(true)
  })
})

describe('cacheDirIsEmpty', () => {
  const roots: string[] = []
  afterEach(() => roots.splice(0).forEach(r => fs.rmSync(r, { recursive: true, force: true })))
  const tree = (files: Record<string, string | null>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-'))
    roots.push(root)
    for (const [name, content] of Object.entries(files)) {
      const target = path.join(root, name)
      if (content === null) fs.mkdirSync(target, { recursive: true })
      else {
        fs.mkdirSync(path.dirname(target), { recursive: true })
        fs.writeFileSync(target, content)
      }
    }
    return root
  }
  test.each([
    ['an empty dir', {}, true],
    ['only empty subdirs', { 'a/b': null, c: null }, true],
    ['a file at the top', { '.stats': '' }, false],
    ['an entry deep down', { 'a/b': null, '0/1/0123abcd': 'x' }, false]
  ])('%s', (_name, files, empty) => {
    expect(cacheDirIsEmpty(tree(files as Record<string, string | null>))).toBe(empty)
  })
  test('a dir that does not exist is empty', () => {
    expect(cacheDirIsEmpty(path.join(os.tmpdir(), 'gate-none', String(process.pid)))).toBe(true)
  })
})
