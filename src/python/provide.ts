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
import type { Env } from '../model/env.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { HostInterpreter } from '../model/facts.js'
import { UserError } from '../util/errors.js'
import { findCachedPython, pythonIn } from './toolcache.js'
import type { PythonLayout } from './layout.js'
import {
  archiveDir,
  archiveExecutable,
  minorOf,
  nugetDir,
  nugetLibs,
  nugetUrl,
  placementOf,
  toolCacheRoot,
  type InterpreterRules,
  type PythonSpec,
  type ToolCacheTarget
} from './locations.js'
import {
  installArchive,
  installFromManifest,
  installMacosPkg,
  type InstallContext,
  type RetryPolicy
} from './install.js'

/** A way to install a CPython the manifest cannot provide (data; the install is done here). */
export type FallbackSource =
  /** python.org's NuGet package; `packages` maps a tool-cache arch (x64, x86, arm64) to its id. */
  | { readonly kind: 'nuget'; readonly packages: Readonly<Record<string, string>> }
  /** python.org's installer package of the catalogue entry, on a CI runner only. */
  | { readonly kind: 'installer-pkg' }

/** How a platform's missing interpreters are installed. */
export interface InstallRules {
  readonly toolCacheTarget: ToolCacheTarget
  /**
   * One interpreter serves every arch of the platform (python.org's macOS
   * builds are universal2), so a sibling identifier's interpreter will do.
   */
  readonly anyArchSibling: boolean
  readonly fallback?: FallbackSource
}

/** Python on a platform's hosts: its layout, and how missing interpreters are installed. */
export interface PythonRules {
  readonly layout: PythonLayout
  /** Absent: only the interpreters discovery finds are used (no installs). */
  readonly installs?: InstallRules
}

/** What provideInterpreters works with: the layout and the install rules together. */
export type ProvideRules = InterpreterRules & InstallRules

/** The rules provideInterpreters takes for `python`; undefined when it installs nothing. */
export function provideRules(python: PythonRules): ProvideRules | undefined {
  return python.installs && { layout: python.layout, ...python.installs }
}

export interface ProvideInput {
  readonly configurations: readonly PythonConfiguration[]
  /** What discovery found on the machine (pyenv, PATH), keyed by identifier. */
  readonly discovered: ReadonlyMap<string, HostInterpreter>
  readonly rules: ProvideRules
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
  const { layout } = input.rules
  const ctx: InstallContext = {
    env: input.env,
    layout,
    toolCache: root ?? '',
    tempDir: input.tempDir,
    retry: input.retry,
    log: input.log,
    manifests: new Map()
  }
  for (const config of input.configurations) {
    const placement = placementOf(config, input.hostMachine, input.rules.toolCacheTarget)
    const { source } = placement
    const freeThreaded = /^cp\d+t-/.test(config.identifier)
    let found: { path: string; version: string } | undefined
    if (source.kind === 'archive') {
      const dir = archiveDir(input.cacheDir, source.url, layout)
      const exe = archiveExecutable(dir, source.implementation, layout)
      if (!fs.existsSync(exe) && input.install) {
        await installArchive(
          { url: source.url, sha256: source.sha256, dest: dir, label: config.identifier },
          ctx
        )
      }
      if (fs.existsSync(exe)) found = { path: exe, version: config.version }
    } else {
      const cached = root ? findCachedPython(root, source.spec, layout) : undefined
      const sibling = discoveredFor(input, config)
      if (cached) found = { path: cached.python, version: cached.version }
      else if (sibling) found = sibling
      else if (input.install && root) {
        found = await installCpython(config, source.spec, ctx, input)
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

/**
 * A CPython that discovery found for this identifier, or, where one
 * interpreter serves every arch (anyArchSibling), for another identifier of
 * the same Python (discovery lists the host platform's identifiers only).
 */
function discoveredFor(
  input: ProvideInput,
  config: PythonConfiguration
): { path: string; version: string } | undefined {
  const direct = input.discovered.get(config.identifier)
  if (direct) return direct
  if (!input.rules.anyArchSibling) return undefined
  const tag = config.identifier.slice(0, config.identifier.indexOf('-'))
  for (const [identifier, interpreter] of input.discovered) {
    if (identifier.startsWith(`${tag}-`)) return interpreter
  }
  return undefined
}

async function installCpython(
  config: PythonConfiguration,
  spec: PythonSpec,
  ctx: InstallContext,
  input: ProvideInput
): Promise<{ path: string; version: string }> {
  try {
    const installed = await installFromManifest(spec, ctx)
    return { path: installed.python, version: installed.version }
  } catch (error) {
    const { fallback: source } = input.rules
    const install = source && FALLBACKS[source.kind]
    const fallback = await install?.(source!, config, spec, ctx, input.cacheDir).catch(
      () => undefined
    )
    if (fallback) return fallback
    throw error
  }
}

type FallbackInstall = (
  source: FallbackSource,
  config: PythonConfiguration,
  spec: PythonSpec,
  ctx: InstallContext,
  cacheDir: string
) => Promise<{ path: string; version: string } | undefined>

/** python.org's NuGet package of the version (what cibuildwheel uses on Windows). */
const nugetFallback: FallbackInstall = async (source, config, spec, ctx, cacheDir) => {
  const packages = source.kind === 'nuget' ? source.packages : {}
  const base = packages[spec.arch]
  const version = config.version.split('.').length >= 3 ? config.version : undefined
  if (!base || !version) return undefined
  const id = `${base}${spec.freeThreaded ? '-freethreaded' : ''}`
  const dest = nugetDir(cacheDir, id, version)
  await installArchive(
    { url: nugetUrl(id, version), dest, keepTop: true, label: `${id} ${version}` },
    ctx
  )
  const python = pythonIn(path.join(dest, 'tools'), ctx.layout, minorOf(version))
  return python ? { path: python, version } : undefined
}

/** python.org's installer package of the catalogue entry, on CI only. */
const installerPkgFallback: FallbackInstall = async (_source, config, spec, ctx) => {
  if (spec.freeThreaded || !config.url?.endsWith('.pkg') || !config.sha256) return undefined
  if (ctx.env.GITHUB_ACTIONS !== 'true') return undefined
  const python = await installMacosPkg(
    { url: config.url, sha256: config.sha256, minor: spec.version },
    ctx
  )
  return { path: python, version: spec.version }
}

const FALLBACKS: Readonly<Record<FallbackSource['kind'], FallbackInstall>> = {
  nuget: nugetFallback,
  'installer-pkg': installerPkgFallback
}
