/**
 * The runner tool cache, as actions/setup-python lays it out:
 * `<root>/Python/<X.Y.Z>/<x64|arm64|x86>[-freethreaded]/` with a sibling
 * `<arch>.complete` marker. Lookups go through @actions/tool-cache (which
 * checks the marker and parses versions) and semver (which picks the newest
 * patch of a minor).
 */
import fs from 'node:fs'
import path from 'node:path'
import * as tc from '@actions/tool-cache'
import semver from 'semver'
import type { PythonLayout } from './layout.js'
import { archDir, type PythonSpec } from './locations.js'
import { withoutDebugCommands } from '../report/debug-filter.js'

/** `3.12` → `3.12.x` (prereleases of 3.12 included); an exact version stays exact. */
export function semverRange(version: string): string {
  const [major, minor, patch] = version.split('.')
  if (patch !== undefined) return semver.clean(version) ?? version
  return `>=${major}.${minor}.0-0 <${major}.${Number(minor) + 1}.0-0`
}

/** Outside a workflow, @actions/core's debug lines would spoil the CLI's stdout (JSON). */
function quiet(): boolean {
  return process.env.GITHUB_ACTIONS !== 'true'
}

/** Runs a synchronous @actions/tool-cache call against `root` (it reads the root from process.env). */
function withRoot<T>(root: string, fn: () => T): T {
  const saved = process.env.RUNNER_TOOL_CACHE
  const write = process.stdout.write
  process.env.RUNNER_TOOL_CACHE = root
  if (quiet()) process.stdout.write = withoutDebugCommands(write, process.stdout)
  try {
    return fn()
  } finally {
    process.stdout.write = write
    if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE
    else process.env.RUNNER_TOOL_CACHE = saved
  }
}

/** Versions of Python in the cache for an arch dir, those with a `.complete` marker only. */
export function cachedVersions(root: string, arch: string): string[] {
  return withRoot(root, () => tc.findAllVersions('Python', arch)).sort(semver.rcompare)
}

export interface CachedPython {
  readonly version: string
  readonly dir: string
  readonly python: string
}

/** The interpreter inside an installed tool-cache directory. */
export function pythonIn(dir: string, layout: PythonLayout, minor: string): string | undefined {
  return layout
    .interpreterNames(minor)
    .map(n => path.join(dir, n))
    .find(f => fs.existsSync(f))
}

/** The newest cached Python matching `spec`, or undefined. */
export function findCachedPython(
  root: string,
  spec: PythonSpec,
  layout: PythonLayout
): CachedPython | undefined {
  const arch = archDir(spec)
  const version = semver.maxSatisfying(cachedVersions(root, arch), semverRange(spec.version), {
    includePrerelease: true
  })
  if (!version) return undefined
  const dir = withRoot(root, () => tc.find('Python', version, arch))
  if (!dir) return undefined
  const minor = version.split('.').slice(0, 2).join('.')
  const python = pythonIn(dir, layout, minor)
  return python ? { version, dir, python } : undefined
}

/** Where a lookup for `spec` looked, for error messages. */
export function lookupLocation(root: string, spec: PythonSpec, layout: PythonLayout): string {
  return layout.path.join(
    root,
    'Python',
    `${spec.version}${spec.version.split('.').length < 3 ? '.*' : ''}`,
    archDir(spec)
  )
}
