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
