/**
 * Finds, and on a runner installs, the interpreter of every selected macOS or
 * Windows identifier (effects): the tool cache first, then what discovery
 * found on the machine, then an install (manifest, archive, NuGet, pkg).
 * Without `install` (dry-run), or without a tool cache to install into (not a
 * runner), a missing interpreter is left out: a dry run shows where it would
 * be, a build reports the identifier as unavailable.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Env } from '../options/env.js'
import type { PythonConfiguration } from '../plan/identifiers.js'
import type { HostInterpreter } from '../plan/facts.js'
import type { PlatformName } from '../platforms/runner.js'
import { UserError } from '../util/errors.js'
import { findCachedPython, pythonIn, toolCacheRoot } from './toolcache.js'
import {
  archiveDir,
  archiveExecutable,
  minorOf,
  nugetDir,
  nugetLibs,
  nugetUrl,
  placementOf
} from './locations.js'
import {
  installArchive,
  installFromManifest,
  installMacosPkg,
  type RetryPolicy
} from './install.js'

export interface ProvideInput {
  readonly configurations: readonly PythonConfiguration[]
  /** What discovery found on the machine (pyenv, PATH), keyed by identifier. */
  readonly discovered: ReadonlyMap<string, HostInterpreter>
  readonly platform: PlatformName
  readonly hostMachine: string
  readonly env: Env
  /** wheelwright's cache dir (archives, NuGet packages). */
  readonly cacheDir: string
  readonly tempDir: string
  /** Install what is missing (false for dry-run). */
  readonly install: boolean
  readonly retry?: RetryPolicy
  readonly log?: (line: string) => void
}

function implementationOf(identifier: string): HostInterpreter['implementation'] {
  return identifier.startsWith('pp') ? 'pypy' : identifier.startsWith('gp') ? 'graalpy' : 'cpython'
}

export async function provideInterpreters(
  input: ProvideInput
): Promise<Map<string, HostInterpreter>> {
  const result = new Map<string, HostInterpreter>()
  const root = toolCacheRoot(input.env)
  const ctx = {
    env: input.env,
    platform: input.platform,
    toolCache: root ?? '',
    tempDir: input.tempDir,
    retry: input.retry,
    log: input.log
  }
  for (const config of input.configurations) {
    const placement = placementOf(config, input.hostMachine)
    const { source } = placement
    const freeThreaded = /^cp\d+t-/.test(config.identifier)
    let found: { path: string; version: string } | undefined
    if (source.kind === 'archive') {
      const dir = archiveDir(input.cacheDir, source.url, input.platform)
      const exe = archiveExecutable(dir, source.implementation, input.platform)
      if (!fs.existsSync(exe) && input.install) {
        await installArchive(
          { url: source.url, sha256: source.sha256, dest: dir, label: config.identifier },
          ctx
        )
      }
      if (fs.existsSync(exe)) found = { path: exe, version: config.version }
    } else {
      const cached = root ? findCachedPython(root, source.spec, input.platform) : undefined
      const sibling = discoveredFor(input, config)
      if (cached) found = { path: cached.python, version: cached.version }
      else if (sibling) found = sibling
      else if (input.install && root) {
        found = await installCpython(config, source.spec, ctx, input.cacheDir)
      }
      // Without a tool cache (not a runner) nothing is installed: the planner
      // reports the identifier as unavailable, as for Linux host builds.
    }
    if (!found) continue
    let importLibs: string | undefined
    if (placement.crossLibs) {
      const { nugetId, version } = placement.crossLibs
      importLibs = nugetLibs(input.cacheDir, nugetId, version)
      if (!fs.existsSync(importLibs) && input.install) {
        await installArchive(
          {
            url: nugetUrl(nugetId, version),
            dest: nugetDir(input.cacheDir, nugetId, version),
            keepTop: true,
            label: `${nugetId} ${version} import libraries`
          },
          ctx
        )
      }
      if (!fs.existsSync(importLibs) && input.install) {
        throw new UserError(`the ${nugetId} ${version} package has no import libraries`, {
          hint: `expected ${importLibs}`
        })
      }
    }
    result.set(config.identifier, {
      path: found.path,
      version: found.version,
      implementation: implementationOf(config.identifier),
      freeThreaded,
      ...(importLibs ? { importLibs } : {})
    })
  }
  return result
}

/** A CPython that discovery found for this identifier (or, on macOS, for its host-arch sibling). */
function discoveredFor(
  input: ProvideInput,
  config: PythonConfiguration
): { path: string; version: string } | undefined {
  const direct = input.discovered.get(config.identifier)
  if (direct) return direct
  if (input.platform !== 'macos') return undefined
  const tag = config.identifier.slice(0, config.identifier.indexOf('-'))
  for (const [identifier, interpreter] of input.discovered) {
    if (identifier.startsWith(`${tag}-macosx_`)) return interpreter
  }
  return undefined
}

type Spec = Parameters<typeof findCachedPython>[1]
type Context = Parameters<typeof installFromManifest>[1]

async function installCpython(
  config: PythonConfiguration,
  spec: Spec,
  ctx: Context,
  cacheDir: string
): Promise<{ path: string; version: string }> {
  try {
    const installed = await installFromManifest(spec, ctx)
    return { path: installed.python, version: installed.version }
  } catch (error) {
    const fallback = await fallbackInstall(config, spec, ctx, cacheDir).catch(() => undefined)
    if (fallback) return fallback
    throw error
  }
}

/**
 * When the manifest cannot provide a version: NuGet on Windows (what
 * cibuildwheel uses), the python.org pkg on macOS CI.
 */
async function fallbackInstall(
  config: PythonConfiguration,
  spec: Spec,
  ctx: Context,
  cacheDir: string
): Promise<{ path: string; version: string } | undefined> {
  if (ctx.platform === 'windows') {
    const ids: Record<string, string> = { x64: 'python', x86: 'pythonx86', arm64: 'pythonarm64' }
    const id = `${ids[spec.arch] ?? 'python'}${spec.freeThreaded ? '-freethreaded' : ''}`
    const version = config.version.split('.').length >= 3 ? config.version : undefined
    if (!version) return undefined
    const dest = nugetDir(cacheDir, id, version)
    await installArchive(
      { url: nugetUrl(id, version), dest, keepTop: true, label: `${id} ${version}` },
      ctx
    )
    const python = pythonIn(path.join(dest, 'tools'), 'windows', minorOf(version))
    return python ? { path: python, version } : undefined
  }
  if (
    ctx.platform === 'macos' &&
    !spec.freeThreaded &&
    config.url?.endsWith('.pkg') &&
    config.sha256
  ) {
    if (ctx.env.GITHUB_ACTIONS !== 'true') return undefined
    const python = await installMacosPkg(
      { url: config.url, sha256: config.sha256, minor: spec.version },
      ctx
    )
    return { path: python, version: spec.version }
  }
  return undefined
}
