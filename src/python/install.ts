/**
 * Installs missing interpreters (effects): CPython from the
 * actions/python-versions manifest into the runner tool cache (download,
 * extract, run the archive's own setup script, find it), PyPy and GraalPy
 * from the catalogue's archives checked against their sha256, and NuGet
 * CPython packages on Windows. Every download is retried; a failure names the
 * version, the arch and the URL.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as tc from '@actions/tool-cache'
import semver from 'semver'
import type { Env } from '../model/env.js'
import type { PythonLayout } from './layout.js'
import { exec } from '../util/exec.js'
import { UserError } from '../util/errors.js'
import { findCachedPython, lookupLocation, semverRange, type CachedPython } from './toolcache.js'
import { archDir, type PythonSpec } from './locations.js'

export const DEFAULT_MANIFEST_URL =
  'https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json'

/** The manifest URL; WHEELWRIGHT_PYTHON_MANIFEST_URL overrides it (mirrors, tests). */
export function manifestUrl(env: Env): string {
  return env.WHEELWRIGHT_PYTHON_MANIFEST_URL || DEFAULT_MANIFEST_URL
}

export interface ManifestFile {
  readonly filename: string
  readonly arch: string
  readonly platform: string
  readonly platform_version?: string
  readonly download_url: string
}

export interface ManifestRelease {
  readonly version: string
  readonly stable: boolean
  readonly release_url?: string
  readonly files: readonly ManifestFile[]
}

function isRelease(value: unknown): value is ManifestRelease {
  const r = value as ManifestRelease
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.version === 'string' &&
    typeof r.stable === 'boolean' &&
    Array.isArray(r.files) &&
    r.files.every(
      f =>
        typeof f?.filename === 'string' &&
        typeof f.arch === 'string' &&
        typeof f.platform === 'string' &&
        typeof f.download_url === 'string'
    )
  )
}

export interface ManifestQuery {
  readonly spec: PythonSpec
  /** The manifest's name of the OS (`linux`, `darwin`, `win32`). */
  readonly platform: string
  /** Linux: the distribution release (`24.04`); files made for another one are ignored. */
  readonly platformVersion?: string
}

/**
 * The release and file to install for a query: the newest version in the
 * range, stable releases before prereleases, with a file for the platform
 * and arch (pure).
 */
export function matchManifest(
  manifest: readonly ManifestRelease[],
  query: ManifestQuery
): { release: ManifestRelease; file: ManifestFile } | undefined {
  const range = semverRange(query.spec.version)
  const arch = archDir(query.spec)
  const platform = query.platform
  const candidates = manifest
    .filter(
      r =>
        semver.valid(r.version) && semver.satisfies(r.version, range, { includePrerelease: true })
    )
    .sort((a, b) => Number(b.stable) - Number(a.stable) || semver.rcompare(a.version, b.version))
  for (const release of candidates) {
    const file = release.files.find(
      f =>
        f.platform === platform &&
        f.arch === arch &&
        (!query.platformVersion ||
          !f.platform_version ||
          f.platform_version === query.platformVersion)
    )
    if (file) return { release, file }
  }
  return undefined
}

export interface RetryPolicy {
  readonly attempts: number
  /** The wait before the second attempt; it doubles after each failure. */
  readonly delayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, delayMs: 2000 }

export interface InstallContext {
  readonly env: Env
  readonly layout: PythonLayout
  /** The tool cache root the setup scripts install into. */
  readonly toolCache: string
  /** Scratch space for downloads; removed by the caller. */
  readonly tempDir: string
  readonly retry?: RetryPolicy
  readonly platformVersion?: string
  readonly log?: (line: string) => void
  /** Manifests fetched in this run, by URL (a failed fetch is not remembered). */
  readonly manifests?: Map<string, Promise<ManifestRelease[]>>
}

async function withRetries<T>(
  policy: RetryPolicy,
  log: (line: string) => void,
  what: string,
  attempt: (n: number) => Promise<T>
): Promise<T> {
  let last: unknown
  for (let n = 1; n <= policy.attempts; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      last = error
      if (n < policy.attempts) {
        const wait = policy.delayMs * 2 ** (n - 1)
        log(`${what}: attempt ${n} failed (${message(error)}); retrying in ${wait / 1000}s`)
        await new Promise(resolve => setTimeout(resolve, wait))
      }
    }
  }
  throw last
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.trim().split('\n').slice(-3).join(' ')
}

/** The manifest at `url`, fetched once per `manifests` map (a failed fetch is not remembered). */
export function fetchManifest(
  url: string,
  policy: RetryPolicy = DEFAULT_RETRY,
  log: (line: string) => void = () => undefined,
  manifests = new Map<string, Promise<ManifestRelease[]>>()
): Promise<ManifestRelease[]> {
  let pending = manifests.get(url)
  if (!pending) {
    pending = downloadManifest(url, policy, log)
    manifests.set(url, pending)
    pending.catch(() => manifests.delete(url))
  }
  return pending
}

async function downloadManifest(
  url: string,
  policy: RetryPolicy,
  log: (line: string) => void
): Promise<ManifestRelease[]> {
  try {
    return await withRetries(policy, log, `manifest ${url}`, async () => {
      const response = await fetch(url)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const data: unknown = await response.json()
      if (!Array.isArray(data) || data.length === 0 || !data.every(isRelease)) {
        throw new Error('not a list of releases')
      }
      return data
    })
  } catch (error) {
    throw new UserError(`cannot read the Python versions manifest at ${url}: ${message(error)}`, {
      hint: 'check the network, or set WHEELWRIGHT_PYTHON_MANIFEST_URL to a reachable copy'
    })
  }
}

function fresh(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

async function extract(archive: string, dest: string): Promise<string> {
  if (/\.(zip|nupkg)$/.test(archive)) return tc.extractZip(archive, dest)
  return tc.extractTar(archive, dest, archive.endsWith('.bz2') ? 'xj' : 'xz')
}

async function download(url: string, dest: string): Promise<string> {
  fs.rmSync(dest, { force: true })
  return tc.downloadTool(url, dest)
}

/** Runs the setup script of an actions/python-versions archive, as setup-python does. */
async function runSetupScript(dir: string, ctx: InstallContext): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...ctx.env,
    RUNNER_TOOL_CACHE: ctx.toolCache,
    AGENT_TOOLSDIRECTORY: ctx.toolCache,
    ...ctx.layout.setupEnv(dir)
  }
  const argv = [...ctx.layout.setupScript]
  const result = await exec(argv, { cwd: dir, env, timeoutMs: 30 * 60 * 1000 })
  if (result.code !== 0) {
    throw new Error(
      `${argv.at(-1)} exited with ${result.code}: ${result.output.trim().split('\n').slice(-5).join(' | ')}`
    )
  }
}

/** Installs CPython for `spec` from the manifest into the tool cache and returns it. */
export async function installFromManifest(
  spec: PythonSpec,
  ctx: InstallContext
): Promise<CachedPython> {
  const log = ctx.log ?? (() => undefined)
  const policy = ctx.retry ?? DEFAULT_RETRY
  const url = manifestUrl(ctx.env)
  const manifest = await fetchManifest(url, policy, log, ctx.manifests)
  const match = matchManifest(manifest, {
    spec,
    platform: ctx.layout.manifestPlatform,
    platformVersion: ctx.platformVersion
  })
  const label = `Python ${spec.version} (${archDir(spec)})`
  if (!match) {
    throw new UserError(
      `${label} is not in the tool cache and not in the manifest for ${ctx.layout.manifestPlatform}`,
      {
        hint: `looked in ${lookupLocation(ctx.toolCache, spec, ctx.layout)} and ${url}; skip this identifier or use another runner`
      }
    )
  }
  const { release, file } = match
  const exact: PythonSpec = { ...spec, version: release.version }
  try {
    return await withRetries(policy, log, `${label} from ${file.download_url}`, async n => {
      const work = fresh(path.join(ctx.tempDir, `python-${release.version}-${archDir(spec)}-${n}`))
      const archive = await download(file.download_url, path.join(work, file.filename))
      const dir = await extract(archive, path.join(work, 'unpacked'))
      await runSetupScript(dir, ctx)
      const found = findCachedPython(ctx.toolCache, exact, ctx.layout)
      if (!found) throw new Error('the setup script left no complete Python in the tool cache')
      return found
    })
  } catch (error) {
    throw new UserError(
      `could not install Python ${release.version} (${archDir(spec)}) from ${file.download_url}: ${message(error)}`,
      {
        hint: `tried ${policy.attempts} times; the tool cache is ${ctx.toolCache}`
      }
    )
  }
}

function sha256Of(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** The single top directory of an unpacked archive, or the directory itself. */
function topDirectory(dir: string): string {
  const children = fs.readdirSync(dir)
  const only = children.length === 1 ? path.join(dir, children[0]) : undefined
  return only && fs.statSync(only).isDirectory() ? only : dir
}

export interface ArchiveRequest {
  readonly url: string
  /** Checked before unpacking when given. */
  readonly sha256?: string
  /** Where the archive's contents end up (its single top directory stripped). */
  readonly dest: string
  /** Keep the archive's top directory instead of stripping it (NuGet packages have none). */
  readonly keepTop?: boolean
  readonly label: string
}

/** Downloads, checks and unpacks an archive into `dest` (atomically); a no-op when present. */
export async function installArchive(
  request: ArchiveRequest,
  ctx: InstallContext
): Promise<string> {
  if (fs.existsSync(request.dest)) return request.dest
  const log = ctx.log ?? (() => undefined)
  const policy = ctx.retry ?? DEFAULT_RETRY
  const name = request.url.slice(request.url.lastIndexOf('/') + 1).replace(/\.nupkg$/, '.zip')
  try {
    return await withRetries(policy, log, `${request.label} from ${request.url}`, async n => {
      const work = fresh(
        path.join(ctx.tempDir, `archive-${crypto.randomBytes(4).toString('hex')}-${n}`)
      )
      const archive = await download(request.url, path.join(work, name))
      if (request.sha256) {
        const actual = sha256Of(archive)
        if (actual !== request.sha256.toLowerCase()) {
          throw new Error(`sha256 mismatch: expected ${request.sha256}, got ${actual}`)
        }
      }
      const unpacked = await extract(archive, path.join(work, 'unpacked'))
      const content = request.keepTop ? unpacked : topDirectory(unpacked)
      fs.mkdirSync(path.dirname(request.dest), { recursive: true })
      const staging = `${request.dest}.partial-${process.pid}`
      fs.rmSync(staging, { recursive: true, force: true })
      fs.renameSync(content, staging)
      try {
        fs.renameSync(staging, request.dest)
      } catch (error) {
        // Another run installed the same thing meanwhile: theirs is as good as ours.
        if (!fs.existsSync(request.dest)) throw error
        fs.rmSync(staging, { recursive: true, force: true })
      }
      fs.rmSync(work, { recursive: true, force: true })
      return request.dest
    })
  } catch (error) {
    throw new UserError(
      `could not install ${request.label} from ${request.url}: ${message(error)}`,
      {
        hint: `tried ${policy.attempts} times; it unpacks to ${request.dest}`
      }
    )
  }
}

/**
 * Installs a python.org macOS `.pkg` (after its sha256 check) with
 * `sudo installer`, as cibuildwheel does on CI; returns the framework's python3.
 */
export async function installMacosPkg(
  request: { url: string; sha256: string; minor: string },
  ctx: InstallContext
): Promise<string> {
  const python = `/Library/Frameworks/Python.framework/Versions/${request.minor}/bin/python3`
  if (fs.existsSync(python)) return python
  const dest = path.join(ctx.tempDir, `pkg-${request.minor}`)
  const log = ctx.log ?? (() => undefined)
  const policy = ctx.retry ?? DEFAULT_RETRY
  const file = path.join(dest, request.url.slice(request.url.lastIndexOf('/') + 1))
  try {
    await withRetries(policy, log, `Python ${request.minor} from ${request.url}`, async () => {
      fresh(dest)
      await download(request.url, file)
      const actual = sha256Of(file)
      if (actual !== request.sha256)
        throw new Error(`sha256 mismatch: expected ${request.sha256}, got ${actual}`)
    })
  } catch (error) {
    throw new UserError(
      `could not download Python ${request.minor} from ${request.url}: ${message(error)}`
    )
  }
  const result = await exec(['sudo', 'installer', '-pkg', file, '-target', '/'], {
    env: { ...ctx.env }
  })
  if (result.code !== 0 || !fs.existsSync(python)) {
    throw new UserError(`installing ${request.url} failed (exit ${result.code})`, {
      hint: result.output.trim().split('\n').slice(-3).join(' | ')
    })
  }
  return python
}
