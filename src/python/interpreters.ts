/**
 * Finds the Pythons on this machine for host builds: the runner tool cache
 * (`RUNNER_TOOL_CACHE/Python/<X.Y.Z>/<arch>[-freethreaded]` with its
 * `<arch>.complete` marker), pyenv, then PATH. Each candidate is asked for its
 * version once; the first interpreter found for an identifier wins. A
 * candidate whose path names a Python version that no selected identifier
 * needs (pyenv's `3.9.18`, PATH's `pypy3.9`) is not asked: starting every
 * interpreter of a machine (PyPy takes most of a second) is the largest part
 * of a host build's start-up.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec } from '../util/exec.js'
import type { Env } from '../model/env.js'
import type { HostInterpreter } from '../model/facts.js'
import type { PythonLayout } from './layout.js'
import { cachedVersions, pythonIn } from './toolcache.js'
import { toolCacheRoot } from './locations.js'

const PROBE =
  'import json, platform, sys, sysconfig; print(json.dumps({"version": platform.python_version(), ' +
  '"implementation": sys.implementation.name, "ft": bool(sysconfig.get_config_var("Py_GIL_DISABLED")), ' +
  '"pypy": getattr(sys, "pypy_version_info", None) and "%d%d" % sys.pypy_version_info[:2]}))'

export interface Candidate {
  readonly path: string
  readonly source: 'tool-cache' | 'pyenv' | 'path'
  /** The Python version its path names (`3.12`), when it names one. */
  readonly minor?: string
}

/** `3.12` from names such as `3.12.1`, `3.13.0t`, `3.12-dev`, `python3.12`, `pypy3.10-7.3.12`. */
export function minorOfName(name: string): string | undefined {
  return /^(?:python|pypy)?(\d+\.\d+)(?![\d])/.exec(name)?.[1]
}

/**
 * Tool-cache layout: the arch directories that have a `.complete` marker,
 * newest version first, listed through @actions/tool-cache.
 */
export function toolCacheCandidates(
  toolCache: string,
  arch: string,
  layout: PythonLayout
): Candidate[] {
  const result: Candidate[] = []
  for (const flavour of [arch, `${arch}-freethreaded`]) {
    for (const version of cachedVersions(toolCache, flavour)) {
      const minor = version.split('.').slice(0, 2).join('.')
      const exe = pythonIn(path.join(toolCache, 'Python', version, flavour), layout, minor)
      if (exe) result.push({ path: exe, source: 'tool-cache', minor })
    }
  }
  return result
}

function compareVersionsDesc(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(n => Number.parseInt(n, 10) || 0)
  const pb = b.split(/[.-]/).map(n => Number.parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0)
  }
  return 0
}

export function pyenvCandidates(env: Env): Candidate[] {
  const root = env.PYENV_ROOT ?? path.join(env.HOME ?? os.homedir(), '.pyenv')
  const versions = path.join(root, 'versions')
  if (!fs.existsSync(versions)) return []
  return fs
    .readdirSync(versions)
    .sort(compareVersionsDesc)
    .map(v => ({ path: path.join(versions, v, 'bin', 'python'), minor: minorOfName(v) }))
    .filter(c => fs.existsSync(c.path))
    .map(c => ({ ...c, source: 'pyenv' as const }))
}

export function pathCandidates(env: Env): Candidate[] {
  const names = ['python3', 'pypy3', ...Array.from({ length: 8 }, (_, i) => `python3.${i + 9}`)]
  const found: Candidate[] = []
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (dir.includes(`${path.sep}.pyenv${path.sep}shims`)) continue
    for (const name of names) {
      const file = path.join(dir, name)
      if (!fs.existsSync(file)) continue
      const real = fs.realpathSync(file)
      found.push({ path: real, source: 'path', minor: minorOfName(path.basename(real)) })
    }
  }
  return found
}

/** The identifier a host interpreter builds, e.g. `cp312-manylinux_x86_64`. */
export function identifierFor(
  probe: { version: string; implementation: string; ft: boolean; pypy: string | null },
  platformTag: string
): string | undefined {
  const [major, minor] = probe.version.split('.')
  if (probe.implementation === 'cpython')
    return `cp${major}${minor}${probe.ft ? 't' : ''}-${platformTag}`
  if (probe.implementation === 'pypy') return `pp${major}${minor}-${platformTag}`
  return undefined
}

export interface DiscoverInput {
  readonly env: Env
  readonly layout: PythonLayout
  /** The platform tag part of identifiers, e.g. `manylinux_x86_64`. */
  readonly platformTag: string
  /** Tool-cache arch directory name: x64, arm64 or x86. */
  readonly toolCacheArch: string
  /** The Python versions (`3.12`) the selected identifiers need; absent: every one. */
  readonly minors?: ReadonlySet<string>
}

/** Whether a candidate is worth asking: its path names no version, or a wanted one. */
export function worthProbing(candidate: Candidate, minors?: ReadonlySet<string>): boolean {
  return !minors || candidate.minor === undefined || minors.has(candidate.minor)
}

export async function discoverInterpreters(
  input: DiscoverInput
): Promise<Map<string, HostInterpreter>> {
  const { env } = input
  const toolCache = toolCacheRoot(env)
  const candidates = [
    ...(toolCache ? toolCacheCandidates(toolCache, input.toolCacheArch, input.layout) : []),
    ...pyenvCandidates(env),
    ...pathCandidates(env)
  ]
  const unique = [...new Map(candidates.map(c => [c.path, c])).values()].filter(c =>
    worthProbing(c, input.minors)
  )
  const probes = await Promise.all(
    unique.map(async candidate => {
      const result = await exec([candidate.path, '-c', PROBE], { timeoutMs: 20000 }).catch(
        () => undefined
      )
      if (!result || result.code !== 0) return undefined
      try {
        return { candidate, probe: JSON.parse(result.stdout.trim()) }
      } catch {
        return undefined
      }
    })
  )
  const found = new Map<string, HostInterpreter>()
  for (const entry of probes) {
    if (!entry) continue
    const identifier = identifierFor(entry.probe, input.platformTag)
    if (!identifier || found.has(identifier)) continue
    found.set(identifier, {
      path: entry.candidate.path,
      version: entry.probe.version,
      implementation: entry.probe.implementation === 'pypy' ? 'pypy' : 'cpython',
      freeThreaded: entry.probe.ft
    })
  }
  return found
}
