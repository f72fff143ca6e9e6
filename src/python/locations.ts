/**
 * Where the interpreter of a macOS or Windows identifier comes from, and
 * where it ends up (pure): CPython from the runner tool cache (installed from
 * the actions/python-versions manifest when missing), PyPy and GraalPy from
 * the catalogue's archive (url + sha256) unpacked into our cache, and, for a
 * win_arm64 build on another Windows machine, the ARM64 import libraries
 * from the `pythonarm64` NuGet package. The planners use the same paths for
 * `--dry-run` on a machine that has not installed anything.
 */
import path from 'node:path'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { Env } from '../model/env.js'
import type { PythonLayout } from './layout.js'

/** Tool-cache arch directory names of machine names. */
const ARCH_DIRS: Record<string, string> = {
  x86_64: 'x64',
  AMD64: 'x64',
  aarch64: 'arm64',
  arm64: 'arm64',
  ARM64: 'arm64',
  i686: 'x86',
  x86: 'x86'
}

export function toolCacheArch(machine: string): string {
  return ARCH_DIRS[machine] ?? machine
}

/** The tool cache root: AGENT_TOOLSDIRECTORY wins, as in setup-python. */
export function toolCacheRoot(env: Env): string | undefined {
  return env.AGENT_TOOLSDIRECTORY || env.RUNNER_TOOL_CACHE || undefined
}

export interface PythonSpec {
  /** `3.12` (any patch) or an exact `3.12.10`. */
  readonly version: string
  /** Tool-cache arch: x64, arm64 or x86. */
  readonly arch: string
  readonly freeThreaded: boolean
}

export function archDir(spec: Pick<PythonSpec, 'arch' | 'freeThreaded'>): string {
  return spec.freeThreaded ? `${spec.arch}-freethreaded` : spec.arch
}

export type InterpreterSource =
  | { readonly kind: 'tool-cache'; readonly spec: PythonSpec }
  | {
      readonly kind: 'archive'
      readonly implementation: 'pypy' | 'graalpy'
      readonly url: string
      readonly sha256: string
    }

export interface Placement {
  /** How the interpreter that runs the build is found or installed. */
  readonly source: InterpreterSource
  /** A win_arm64 build on a non-ARM64 machine: the target's import libraries. */
  readonly crossLibs?: { readonly nugetId: string; readonly version: string }
}

export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.')
}

/**
 * A platform's answer to "which tool-cache arch serves this identifier on a
 * runner of `hostMachine`", plus the target's import libraries when the build
 * crosses to another arch.
 */
export type ToolCacheTarget = (
  config: PythonConfiguration,
  hostMachine: string
) => { readonly machine: string; readonly crossLibs?: Placement['crossLibs'] }

/** How a platform finds interpreters: its layout and its tool-cache rule. */
export interface InterpreterRules {
  readonly layout: PythonLayout
  readonly toolCacheTarget: ToolCacheTarget
}

/** Where a configuration's interpreter comes from on a runner whose machine is `hostMachine`. */
export function placementOf(
  config: PythonConfiguration,
  hostMachine: string,
  toolCacheTarget: ToolCacheTarget
): Placement {
  const id = config.identifier
  if (/^(pp|gp)/.test(id)) {
    if (!config.url || !config.sha256) {
      throw new Error(`catalogue entry ${id} has no archive url/sha256`)
    }
    return {
      source: {
        kind: 'archive',
        implementation: id.startsWith('pp') ? 'pypy' : 'graalpy',
        url: config.url,
        sha256: config.sha256
      }
    }
  }
  const freeThreaded = /^cp\d+t-/.test(id)
  const version = minorOf(config.version)
  const target = toolCacheTarget(config, hostMachine)
  return {
    source: {
      kind: 'tool-cache',
      spec: { version, arch: toolCacheArch(target.machine), freeThreaded }
    },
    ...(target.crossLibs ? { crossLibs: target.crossLibs } : {})
  }
}

/** The name of an archive without its extension: the directory it is unpacked to. */
export function archiveStem(url: string): string {
  const file = url.slice(url.lastIndexOf('/') + 1)
  return file.replace(/\.(zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/, '')
}

/** Where an archive interpreter is unpacked (its single top directory stripped). */
export function archiveDir(cacheDir: string, url: string, layout: PythonLayout): string {
  return layout.path.join(cacheDir, 'interpreters', archiveStem(url))
}

/** The executable inside an unpacked PyPy or GraalPy. */
export function archiveExecutable(
  dir: string,
  implementation: 'pypy' | 'graalpy',
  layout: PythonLayout
): string {
  return implementation === 'pypy' ? layout.pypyExecutable(dir) : layout.graalpyExecutable(dir)
}

export function nugetDir(cacheDir: string, nugetId: string, version: string): string {
  return path.win32.join(cacheDir, 'nuget-cpython', `${nugetId}.${version}`)
}

export function nugetUrl(nugetId: string, version: string): string {
  const id = nugetId.toLowerCase()
  return `https://api.nuget.org/v3-flatcontainer/${id}/${version}/${id}.${version}.nupkg`
}

/** The import libraries (`python3XY.lib`) of an unpacked NuGet Python. */
export function nugetLibs(cacheDir: string, nugetId: string, version: string): string {
  return path.win32.join(nugetDir(cacheDir, nugetId, version), 'tools', 'libs')
}

/**
 * The tool-cache interpreter path for a spec, for a plan made before
 * anything is installed (the newest patch is only known by looking).
 */
export function expectedToolCachePython(
  root: string,
  spec: PythonSpec,
  patchVersion: string,
  layout: PythonLayout
): string {
  const dir = layout.path.join(root, 'Python', patchVersion, archDir(spec))
  return layout.toolCacheInterpreter(dir, spec.version, spec.freeThreaded)
}

/** The full version a catalogue entry names (`3.12.10` from a python.org URL, or its version). */
export function catalogueFullVersion(config: PythonConfiguration): string {
  if (config.version.split('.').length >= 3) return config.version
  const fromUrl = config.url ? /python-(\d+\.\d+\.\d+)/.exec(config.url)?.[1] : undefined
  return fromUrl ?? config.version
}

export interface ExpectedInterpreter {
  readonly path: string
  readonly version: string
  readonly importLibs?: string
}

/** Where the interpreter of `config` would be once provided, for plans made without it. */
export function expectedInterpreter(
  config: PythonConfiguration,
  hostMachine: string,
  toolCacheRoot: string,
  cacheDir: string,
  rules: InterpreterRules
): ExpectedInterpreter {
  const placement = placementOf(config, hostMachine, rules.toolCacheTarget)
  const { source } = placement
  const { layout } = rules
  if (source.kind === 'archive') {
    const dir = archiveDir(cacheDir, source.url, layout)
    return {
      path: archiveExecutable(dir, source.implementation, layout),
      version: config.version
    }
  }
  const version = catalogueFullVersion(config)
  return {
    path: expectedToolCachePython(toolCacheRoot, source.spec, version, layout),
    version,
    ...(placement.crossLibs
      ? {
          importLibs: nugetLibs(cacheDir, placement.crossLibs.nugetId, placement.crossLibs.version)
        }
      : {})
  }
}
