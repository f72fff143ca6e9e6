/**
 * What each platform module provides. Code outside src/platforms/ reaches a
 * platform through the registry (index.ts) and this interface, and never
 * branches on a platform's name: a new platform is one new module.
 */
import type path from 'node:path'
import type { Options } from '../model/options.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { HostInterpreter, PlanFacts } from '../model/facts.js'
import type { BuildGroup, Unavailable } from '../model/build-plan.js'
import type { Env } from '../model/env.js'
import type { PythonLayout } from '../python/layout.js'
import type { PlatformName, Runner } from '../model/platform-names.js'

/** The machines every platform may have a name for (the `archs` synonyms). */
export type CommonMachine = 'x86_64' | 'i686' | 'aarch64'

export interface PlannedGroups {
  readonly groups: BuildGroup[]
  readonly unavailable: Unavailable[]
}

/** GitHub's hosted runner paths of the platform (dry runs of its plans on another OS). */
export interface HostedPaths {
  readonly temp: string
  readonly cache: string
  readonly toolCache: string
}

export interface InterpreterInput {
  readonly configurations: readonly PythonConfiguration[]
  readonly env: Env
  readonly runner: Runner
  /** The platform tag of identifiers a host build makes, e.g. `manylinux_x86_64`. */
  readonly hostTag: string
  readonly cacheDir: string
  readonly tempDir: string
  /** Install what is missing (false for dry-run). */
  readonly install: boolean
}

export interface Platform {
  readonly name: PlatformName
  /** RUNNER_OS of its runners, lower-cased. */
  readonly runnerOs: string
  /** Node's process.platform on it. */
  readonly nodePlatform: string
  /** Node or runner arch (x64, arm64, ...) → the machine name on this OS. */
  readonly machines: Readonly<Record<string, string>>
  /** Every arch it builds, as the `archs` option names them. */
  readonly archs: readonly string[]
  /** This platform's name for a common machine; null when it has none. */
  readonly synonyms: Readonly<Record<CommonMachine, string | null>>
  /** `archs: auto` on a runner whose native arch is `native`. */
  autoArchs(native: string): string[]
  /** Its 32-bit archs. */
  readonly archs32: readonly string[]
  /** `archs: auto32` on a 64-bit native arch: the 32-bit arch it also runs. */
  readonly auto32: Readonly<Record<string, string>>
  /** Whether an identifier (or an `only` value) belongs to this platform. */
  ownsIdentifier(identifier: string): boolean
  /** The arch of a platform tag: `manylinux_x86_64` → `x86_64`. */
  archOfTag(platformTag: string): string
  /** The platform tag of wheels built on this host. */
  hostPlatformTag(machine: string, libc: 'glibc' | 'musl'): string
  /** Whether a runner can build this configuration at all. */
  buildableOn(configuration: PythonConfiguration, runner: Runner): boolean
  /** The GitHub-hosted runner label that builds `arch`. */
  runnerLabel(arch: string): string
  /** The machine of that runner. */
  runnerMachine(arch: string): string
  /** Whether building `arch` on a `machine` host runs under emulation (QEMU). */
  emulatedOn(arch: string, machine: string): boolean
  /** The OCI platform of an arch's images (`linux/arm64`), when it builds in containers. */
  ociPlatform(arch: string): string | undefined
  readonly hosted: HostedPaths
  /** Path flavour of its hosts. */
  readonly path: path.PlatformPath
  /** A Python on its runners that can create the tools venv. */
  readonly hostPython: string
  /** Built-in option values of this platform (e.g. its repair command). */
  readonly optionDefaults: Readonly<Record<string, string>>
  /** Options only this platform reads, as a key pattern (e.g. the Linux image keys). */
  readonly ownOptions?: RegExp
  /** The option that names an identifier's container image, when it builds in one. */
  imageOption(identifier: string): string | undefined
  /** Builds run in containers here unless `container: off`. */
  readonly containers: boolean
  readonly layout: PythonLayout
  /** Every identifier of the catalogue for this platform, in order. */
  readonly configurations: readonly PythonConfiguration[]
  /** The interpreters of a host build on this machine, found (and maybe installed). */
  interpreters(
    input: InterpreterInput,
    discovered: ReadonlyMap<string, HostInterpreter>
  ): Promise<ReadonlyMap<string, HostInterpreter>>
  /** Options + identifiers + facts → the groups of a BuildPlan (pure). */
  plan(
    options: Options,
    configurations: readonly PythonConfiguration[],
    facts: PlanFacts
  ): PlannedGroups
}
