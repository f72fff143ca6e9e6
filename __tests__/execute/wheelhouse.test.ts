/** The wheelhouse: abi3 reuse ordering, atomic placement in output-dir, the limited-API hint. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import {
  limitedApiHint,
  moveIntoOutput,
  placeWheel,
  reuseOrdering
} from '../../src/execute/wheelhouse.js'
import type { Build } from '../../src/model/build-plan.js'
import { EXIT, UserError } from '../../src/util/errors.js'
import { tempDir, writeTree } from '../helpers/tools.js'

/** Whether a promise has settled, once everything already queued has run. */
async function settled(promise: Promise<unknown> | undefined): Promise<boolean> {
  let done = false
  void promise?.then(() => (done = true))
  await new Promise(resolve => setImmediate(resolve))
  return done
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

/** The files of a dir, hidden ones included. */
const listing = (dir: string) => fs.readdirSync(dir).sort()

describe('reuseOrdering', () => {
  /** identifiers, and which leader each later one waits for (identifier → leader). */
  const CASES: [string, string[], Record<string, string>][] = [
    [
      'later CPythons wait for the first of their platform tag',
      [
        'cp39-manylinux_x86_64',
        'cp39-musllinux_x86_64',
        'cp310-manylinux_x86_64',
        'cp311-manylinux_x86_64',
        'cp310-musllinux_x86_64'
      ],
      {
        'cp310-manylinux_x86_64': 'cp39-manylinux_x86_64',
        'cp311-manylinux_x86_64': 'cp39-manylinux_x86_64',
        'cp310-musllinux_x86_64': 'cp39-musllinux_x86_64'
      }
    ],
    [
      'the leader is the first in plan order, not the oldest Python',
      ['cp312-manylinux_aarch64', 'cp39-manylinux_aarch64'],
      { 'cp39-manylinux_aarch64': 'cp312-manylinux_aarch64' }
    ],
    [
      'PyPy, GraalPy and free-threaded builds never wait (they cannot reuse abi3)',
      [
        'cp311-manylinux_x86_64',
        'pp311-manylinux_x86_64',
        'gp312_250-manylinux_x86_64',
        'cp313t-manylinux_x86_64',
        'cp313-manylinux_x86_64'
      ],
      { 'cp313-manylinux_x86_64': 'cp311-manylinux_x86_64' }
    ],
    [
      'Windows: one leader per platform tag',
      ['cp39-win_amd64', 'cp39-win32', 'cp310-win_amd64', 'cp310-win32', 'cp311-win_arm64'],
      { 'cp310-win_amd64': 'cp39-win_amd64', 'cp310-win32': 'cp39-win32' }
    ],
    [
      'macOS: arm64, x86_64 and universal2 are separate',
      [
        'cp39-macosx_x86_64',
        'cp39-macosx_arm64',
        'cp310-macosx_universal2',
        'cp312-macosx_arm64',
        'cp313-macosx_universal2'
      ],
      {
        'cp312-macosx_arm64': 'cp39-macosx_arm64',
        'cp313-macosx_universal2': 'cp310-macosx_universal2'
      }
    ],
    ['a single build waits for nothing', ['cp312-manylinux_x86_64'], {}]
  ]

  test.each(CASES)('%s', async (_name, identifiers, waits) => {
    const builds = identifiers.map(identifier => ({ identifier }))
    const leaders = identifiers.filter(id => !(id in waits))
    for (const leader of leaders)
      expect(reuseOrdering(builds, true).waitFor(leader)).toBeUndefined()
    // Finishing one leader releases exactly its followers.
    for (const leader of leaders) {
      const ordering = reuseOrdering(builds, true)
      const followers = Object.keys(waits)
      const pending = followers.map(id => ordering.waitFor(id))
      expect(pending.every(p => p instanceof Promise)).toBe(true)
      ordering.done(leader)
      const released = []
      for (const [i, id] of followers.entries()) if (await settled(pending[i])) released.push(id)
      expect(released).toEqual(followers.filter(id => waits[id] === leader))
    }
  })

  test('followers of one leader share its promise', () => {
    const ordering = reuseOrdering(
      ['cp39-win_amd64', 'cp310-win_amd64', 'cp311-win_amd64'].map(identifier => ({ identifier })),
      true
    )
    expect(ordering.waitFor('cp310-win_amd64')).toBe(ordering.waitFor('cp311-win_amd64'))
  })

  test('a follower finishing releases nobody; an unknown identifier is ignored', async () => {
    const ordering = reuseOrdering(
      ['cp39-win_amd64', 'cp310-win_amd64', 'cp311-win_amd64'].map(identifier => ({ identifier })),
      true
    )
    ordering.done('cp310-win_amd64')
    ordering.done('cp99-nowhere')
    expect(ordering.waitFor('cp99-nowhere')).toBeUndefined()
    expect(await settled(ordering.waitFor('cp311-win_amd64'))).toBe(false)
    ordering.done('cp39-win_amd64')
    expect(await settled(ordering.waitFor('cp311-win_amd64'))).toBe(true)
  })

  test.each([
    ['cp39-manylinux_x86_64', 'cp310-manylinux_x86_64', 'cp311-manylinux_x86_64'],
    ['cp39-win_amd64', 'cp310-win_amd64']
  ])('without the abi3 hint nobody waits: %s …', (...identifiers) => {
    const ordering = reuseOrdering(
      identifiers.map(identifier => ({ identifier })),
      false
    )
    for (const id of identifiers) expect(ordering.waitFor(id)).toBeUndefined()
    for (const id of identifiers) expect(() => ordering.done(id)).not.toThrow()
  })
})

describe('moveIntoOutput', () => {
  const WHEEL = 'spam-1.0-cp39-abi3-manylinux_2_17_x86_64.whl'

  afterEach(() => {
    jest.restoreAllMocks()
  })

  function source(content: string): string {
    return path.join(writeTree(tempDir('built'), { [WHEEL]: content }), WHEEL)
  }

  test('copies under a hidden temp name in output-dir, then renames it into place', () => {
    const wheel = source('wheel bytes')
    const out = path.join(tempDir('out'), 'nested', 'wheelhouse')
    const placed = new Set<string>()
    const realRename = fs.renameSync
    const seen: { temp: string; complete: boolean; targetExisted: boolean }[] = []
    jest.spyOn(fs, 'renameSync').mockImplementationOnce((from, to) => {
      seen.push({
        temp: String(from),
        complete: fs.readFileSync(from).toString() === 'wheel bytes',
        targetExisted: fs.existsSync(to)
      })
      realRename(from, to)
    })
    moveIntoOutput(wheel, out, placed)
    expect(seen).toHaveLength(1)
    expect(path.dirname(seen[0].temp)).toBe(out)
    expect(path.basename(seen[0].temp)).toMatch(new RegExp(`^\\.${WHEEL}\\.\\d+\\.partial$`))
    expect(seen[0]).toMatchObject({ complete: true, targetExisted: false })
    expect(listing(out)).toEqual([WHEEL])
    expect(fs.readFileSync(path.join(out, WHEEL), 'utf8')).toBe('wheel bytes')
    expect(fs.existsSync(wheel)).toBe(true)
    expect([...placed]).toEqual([WHEEL])
  })

  test.each([
    ['with other content', 'from an earlier run'],
    ['with the same content', 'wheel bytes']
  ])('a wheel of that name from an earlier run (%s) is replaced', (_name, old) => {
    const out = writeTree(tempDir('out'), { [WHEEL]: old, 'other-1.0-py3-none-any.whl': 'kept' })
    moveIntoOutput(source('wheel bytes'), out, new Set())
    expect(listing(out)).toEqual(['other-1.0-py3-none-any.whl', WHEEL])
    expect(fs.readFileSync(path.join(out, WHEEL), 'utf8')).toBe('wheel bytes')
  })

  test('a second wheel of that name in this run is refused, naming output-dir; the first stays', () => {
    const out = tempDir('out')
    const placed = new Set<string>()
    moveIntoOutput(source('first'), out, placed)
    let error: unknown
    try {
      moveIntoOutput(source('second'), out, placed)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).key).toBe('output-dir')
    expect((error as UserError).value).toBe(out)
    expect((error as UserError).exitCode).toBe(EXIT.alreadyBuilt)
    expect((error as UserError).message).toMatch(
      new RegExp(`^output-dir: ${WHEEL.replace(/\./g, '\\.')} was already built in this run`)
    )
    expect(listing(out)).toEqual([WHEEL])
    expect(fs.readFileSync(path.join(out, WHEEL), 'utf8')).toBe('first')
  })

  test('a copy that fails leaves neither the wheel nor a .partial behind', () => {
    const out = tempDir('out')
    const placed = new Set<string>()
    jest.spyOn(fs, 'copyFileSync').mockImplementationOnce((_from, to) => {
      fs.writeFileSync(to, 'half a whe')
      throw new Error('ENOSPC: no space left on device')
    })
    expect(() => moveIntoOutput(source('wheel bytes'), out, placed)).toThrow('ENOSPC')
    expect(listing(out)).toEqual([])
    expect(placed.size).toBe(0)
  })
})

describe('placeWheel', () => {
  const build = (tested: boolean) => ({ identifier: 'cp312-win_amd64', tested }) as Build

  test.each([
    [
      'built and tested',
      { reused: false, cached: false, tested: true },
      true,
      { tested: 'yes' },
      true
    ],
    [
      'reused: tested, not placed again',
      { reused: true, cached: false, tested: true },
      true,
      { tested: 'yes', note: 'reused' },
      false
    ],
    [
      'from the wheel cache, tests skipped',
      { reused: false, cached: true, tested: false },
      true,
      { tested: 'skipped (cached)', note: 'cached' },
      true
    ],
    ['never tested', { reused: false, cached: false, tested: false }, false, { tested: 'no' }, true]
  ])('%s', (_name, flags, buildTested, expected, placed) => {
    const name = 'spam-1.0-cp312-cp312-win_amd64.whl'
    const dir = writeTree(tempDir('repaired'), { [name]: 'twelve bytes' })
    const out = tempDir('out')
    const record = placeWheel(
      { identifier: 'cp312-win_amd64', hostWheel: path.join(dir, name), ...flags },
      build(buildTested),
      out,
      Date.now(),
      new Set()
    )
    expect(record).toEqual({
      identifier: 'cp312-win_amd64',
      wheel: name,
      size: 12,
      sha256: sha256('twelve bytes'),
      seconds: expect.any(Number),
      ...expected
    })
    expect(listing(out)).toEqual(placed ? [name] : [])
  })
})

describe('limitedApiHint', () => {
  test.each([
    ['setuptools py_limited_api', true, { 'setup.py': 'Extension("x", py_limited_api=True)' }],
    ['the C macro', true, { 'setup.cfg': '[build_ext]\ndefine = Py_LIMITED_API=0x03090000' }],
    [
      'scikit-build-core wheel.py-api',
      true,
      { 'pyproject.toml': '[tool.scikit-build]\nwheel.py-api = "cp39"' }
    ],
    [
      'an abi3 feature',
      true,
      { 'pyproject.toml': '[tool.maturin]\nfeatures = ["pyo3/abi3-py39"]' }
    ],
    [
      'a plain extension',
      false,
      { 'setup.py': 'Extension("x", ["x.c"])', 'pyproject.toml': '[project]\nname = "x"' }
    ],
    [
      'abi3 mentioned outside the project files',
      false,
      { 'README.md': 'no abi3 here', 'setup.py': 'setup()' }
    ],
    ['no project files at all', false, {}]
  ])('%s → %s', (_name, expected, files) => {
    expect(limitedApiHint(writeTree(tempDir('proj'), files))).toBe(expected)
  })
})
