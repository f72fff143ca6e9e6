/**
 * MSVC activation on Windows, as plan steps and a pure parser:
 * vswhere finds the newest Visual Studio that has the C++ tools and prints
 * its path (kept in WHEELWRIGHT_VS_PATH by the executor); then, once per
 * target arch, `vcvarsall.bat <host>_<target> && set` prints the activated
 * environment, of which the variables that changed are kept and overlaid on
 * the builds for that arch.
 */
import type { Step } from '../model/build-plan.js'

export const VS_PATH_VAR = 'WHEELWRIGHT_VS_PATH'

const VC_TOOLS = 'Microsoft.VisualStudio.Component.VC.Tools.x86.x64'
const VC_TOOLS_ARM64 = 'Microsoft.VisualStudio.Component.VC.Tools.ARM64'

/** Windows machine names (`platform.machine()`) → vcvarsall's arch words. */
const VCVARS_ARCH: Record<string, string> = {
  AMD64: 'x64',
  x86: 'x86',
  ARM64: 'arm64'
}

/** vcvarsall's argument for a host and a target machine: `x64`, `x64_x86`, `x64_arm64`, `arm64`, ... */
export function vcvarsArch(hostMachine: string, targetMachine: string): string {
  const host = VCVARS_ARCH[hostMachine] ?? 'x64'
  const target = VCVARS_ARCH[targetMachine] ?? 'x64'
  return host === target ? host : `${host}_${target}`
}

/** Case-insensitive lookup, as Windows treats variable names. */
export function getEnv(env: Readonly<Record<string, string | undefined>>, name: string) {
  const upper = name.toUpperCase()
  for (const [k, v] of Object.entries(env)) if (k.toUpperCase() === upper) return v
  return undefined
}

export function vswherePath(env: Readonly<Record<string, string | undefined>>): string {
  const programFiles = getEnv(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)'
  return `${programFiles}\\Microsoft Visual Studio\\Installer\\vswhere.exe`
}

/** The argv that prints the installation path of the newest Visual Studio with the C++ tools. */
export function vswhereArgv(
  env: Readonly<Record<string, string | undefined>>,
  hostMachine: string
): string[] {
  // An ARM64 machine may carry the ARM64-hosted tools only.
  const requires =
    hostMachine === 'ARM64'
      ? ['-requires', VC_TOOLS, VC_TOOLS_ARM64, '-requiresAny']
      : ['-requires', VC_TOOLS]
  return [
    vswherePath(env),
    '-products',
    '*',
    '-latest',
    ...requires,
    '-property',
    'installationPath'
  ]
}

/** `cmd /d /s /c "<vs>\VC\Auxiliary\Build\vcvarsall.bat" <arch> [-vcvars_ver=<toolset>] && set`. */
export function vcvarsArgv(arch: string, toolset?: string): string[] {
  const script = `"%${VS_PATH_VAR}%\\VC\\Auxiliary\\Build\\vcvarsall.bat"`
  const version = toolset ? ` -vcvars_ver=${toolset}` : ''
  return ['cmd', '/d', '/s', '/c', `${script} ${arch}${version} && set`]
}

/** The name under which the environment activated for `arch` is captured. */
export function capturedEnvName(arch: string): string {
  return `msvc-${arch}`
}

export interface ActivationInput {
  readonly hostMachine: string
  /** Target machines of the builds, e.g. AMD64, x86, ARM64. */
  readonly targets: readonly string[]
  readonly toolset?: string
  /** The environment the steps run with. */
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
}

/** vswhere once, then vcvarsall once per distinct target arch. */
export function activationSteps(input: ActivationInput): Step[] {
  const base = { env: input.env, cwd: input.cwd, where: 'host' as const, phase: 'build' as const }
  const archs = [...new Set(input.targets.map(t => vcvarsArch(input.hostMachine, t)))]
  if (archs.length === 0) return []
  return [
    {
      name: 'vswhere',
      argv: vswhereArgv(input.env, input.hostMachine),
      display: 'find Visual Studio (vswhere)',
      ...base,
      stdoutVar: VS_PATH_VAR
    },
    ...archs.map((arch): Step => ({
      name: `vcvarsall-${arch}`,
      argv: vcvarsArgv(arch, input.toolset),
      display: `vcvarsall.bat ${arch}`,
      ...base,
      captureEnv: capturedEnvName(arch)
    }))
  ]
}

/** Variables whose value is a `;` list, deduplicated and merged entry by entry. */
const PATH_LIKE: ReadonlySet<string> = new Set(['PATH', 'INCLUDE', 'LIB', 'LIBPATH'])

export function isPathLike(name: string): boolean {
  return PATH_LIKE.has(name.toUpperCase())
}

function entries(value: string): string[] {
  return value.split(';').filter(e => e !== '')
}

function dedupe(list: readonly string[]): string[] {
  const seen = new Set<string>()
  return list.filter(e => {
    const key = e.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface CapturedEnvironment {
  /** Variables that vcvarsall set or changed (PATH-like ones deduplicated). */
  readonly variables: Readonly<Record<string, string>>
  /** The value before activation of each changed PATH-like variable. */
  readonly previous: Readonly<Record<string, string>>
  /** `[ERROR...]` lines: the activation failed when there is any. */
  readonly errors: readonly string[]
}

/**
 * Parses the output of `vcvarsall.bat ... && set` against the environment the
 * command started with: each `NAME=value` line is split on its first `=`,
 * names compare case-insensitively, and only new or changed variables are kept.
 * The banner lines of vcvarsall are ignored; its `[ERROR` lines are collected.
 */
export function parseActivation(
  before: Readonly<Record<string, string | undefined>>,
  output: string
): CapturedEnvironment {
  const old = new Map<string, string>()
  for (const [k, v] of Object.entries(before)) if (v !== undefined) old.set(k.toUpperCase(), v)
  const variables: Record<string, string> = {}
  const previous: Record<string, string> = {}
  const errors: string[] = []
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd()
    if (/^\[ERROR/i.test(line)) {
      if (!errors.includes(line)) errors.push(line)
      continue
    }
    const at = line.indexOf('=')
    if (at <= 0 || /^[\s*[]/.test(line)) continue
    const name = line.slice(0, at)
    let value = line.slice(at + 1)
    if (isPathLike(name)) value = dedupe(entries(value)).join(';')
    const was = old.get(name.toUpperCase())
    if (was === value) continue
    if (isPathLike(name) && was !== undefined && dedupe(entries(was)).join(';') === value) continue
    variables[name] = value
    if (isPathLike(name) && was !== undefined) previous[name.toUpperCase()] = was
  }
  return { variables, previous, errors }
}

/**
 * A step's environment with a captured activation overlaid, names compared
 * case-insensitively. A PATH-like variable keeps the entries the step put in
 * front of the environment that was activated (the build venv first), then
 * the activated value.
 */
export function applyCapturedEnvironment(
  env: Readonly<Record<string, string>>,
  captured: CapturedEnvironment
): Record<string, string> {
  const result: Record<string, string> = { ...env }
  const keyOf = (name: string) =>
    Object.keys(result).find(k => k.toUpperCase() === name.toUpperCase())
  for (const [name, value] of Object.entries(captured.variables)) {
    const key = keyOf(name)
    let merged = value
    if (key !== undefined && isPathLike(name)) {
      const activatedFrom = new Set(
        entries(captured.previous[name.toUpperCase()] ?? '').map(e => e.toLowerCase())
      )
      const own = entries(result[key]).filter(e => !activatedFrom.has(e.toLowerCase()))
      merged = dedupe([...own, ...entries(value)]).join(';')
    }
    if (key !== undefined) delete result[key]
    result[key ?? name] = merged
  }
  return result
}
