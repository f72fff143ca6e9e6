/**
 * The wheelhouse: the order that lets later builds reuse an abi3 wheel, and
 * the atomic placement of each finished wheel into output-dir.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Build } from '../model/build-plan.js'
import type { BuildRecord } from '../report/summary.js'
import { EXIT, UserError } from '../util/errors.js'
import type { IdentifierResult } from './identifier.js'
import { deferred } from './pool.js'

/** Places a finished wheel in output-dir (unless reused) and describes it for the summary. */
export function placeWheel(
  result: IdentifierResult,
  build: Build,
  outputDir: string,
  started: number,
  placed: Set<string>
): BuildRecord {
  const name = path.basename(result.hostWheel)
  const data = fs.readFileSync(result.hostWheel)
  const sha256 = crypto.createHash('sha256').update(data).digest('hex')
  if (!result.reused) moveIntoOutput(result.hostWheel, outputDir, placed)
  return {
    identifier: build.identifier,
    wheel: name,
    size: data.length,
    sha256,
    seconds: (Date.now() - started) / 1000,
    tested: result.tested ? 'yes' : build.tested ? 'skipped (cached)' : 'no',
    ...(result.reused ? { note: 'reused' } : result.cached ? { note: 'cached' } : {})
  }
}

/**
 * Copies into output-dir under a temp name, then renames over any wheel of
 * the same name from an earlier run (as cibuildwheel replaces them): never a
 * partial wheel. Two wheels of one name in this run (`placed`) are refused.
 */
export function moveIntoOutput(source: string, outputDir: string, placed: Set<string>): void {
  const name = path.basename(source)
  if (placed.has(name)) {
    throw new UserError(`${name} was already built in this run`, {
      key: 'output-dir',
      value: outputDir,
      hint: 'two identifiers produced the same wheel; check build and skip',
      exitCode: EXIT.alreadyBuilt
    })
  }
  const target = path.join(outputDir, name)
  fs.mkdirSync(outputDir, { recursive: true })
  const temp = path.join(outputDir, `.${name}.${process.pid}.partial`)
  try {
    fs.copyFileSync(source, temp)
    fs.renameSync(temp, target)
    placed.add(name)
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/** Whether the project looks like it builds abi3 wheels (then reuse beats parallelism). */
export function limitedApiHint(packageDir: string): boolean {
  for (const file of ['pyproject.toml', 'setup.cfg', 'setup.py']) {
    const full = path.join(packageDir, file)
    if (
      fs.existsSync(full) &&
      /py_limited_api|py-api|Py_LIMITED_API|abi3/.test(fs.readFileSync(full, 'utf8'))
    )
      return true
  }
  return false
}

export interface ReuseOrdering {
  /** Settles when `identifier` may start. */
  waitFor(identifier: string): Promise<void> | undefined
  /** `identifier` has finished (built or failed). */
  done(identifier: string): void
}

/**
 * When abi3 is likely, each later CPython of a platform waits for the first
 * one of that platform, so it can reuse its wheel instead of building again.
 */
export function reuseOrdering(
  builds: readonly Pick<Build, 'identifier'>[],
  enabled: boolean
): ReuseOrdering {
  const waitFor = new Map<string, ReturnType<typeof deferred>>()
  const leads = new Map<string, ReturnType<typeof deferred>>()
  if (enabled) {
    const first = new Map<string, ReturnType<typeof deferred>>()
    for (const build of builds) {
      if (!/^cp\d+-/.test(build.identifier)) continue
      const platform = build.identifier.slice(build.identifier.indexOf('-') + 1)
      const leader = first.get(platform)
      if (leader) waitFor.set(build.identifier, leader)
      else {
        const done = deferred()
        first.set(platform, done)
        leads.set(build.identifier, done)
      }
    }
  }
  return {
    waitFor: identifier => waitFor.get(identifier)?.promise,
    done: identifier => leads.get(identifier)?.resolve()
  }
}
