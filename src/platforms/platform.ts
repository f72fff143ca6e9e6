/**
 * What each platform module provides. Code outside src/platforms/ reaches a
 * platform through the registry (index.ts) and this interface, and never
 * branches on a platform's name: a new platform is one new module. Members
 * are grouped by what they describe; only `plan` computes.
 */
import type path from 'node:path'
import type { Options } from '../model/options.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { PlanFacts } from '../model/facts.js'
import type { BuildGroup, Unavailable } from '../model/build-plan.js'
import type { PythonLayout } from '../python/layout.js'
import type { InstallRules } from '../python/provide.js'
import type { PlatformName, Runner } from '../model/platform-names.js'
import type { InputSpec } from '../model/input-spec.js'
import type { OptionSpec } from '../model/option-spec.js'

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

/** A platform's runners: how one is recognised, what GitHub calls it, its paths. */
export interface PlatformRunners {
  /** RUNNER_OS of its runners, lower-cased. */
  readonly os: string
  /** Node's process.platform on it. */
  readonly nodePlatform: string
  /** Node or runner arch (x64, arm64, ...) → the machine name on this OS. */
  readonly machines: Readonly<Record<string, string>>
  /** The GitHub-hosted runner label that builds `arch`. */
  label(arch: string): string
  /** The machine of that runner. */
  machine(arch: string): string
  /** Paths of GitHub's hosted runners (dry runs of its plans on another OS). */
  readonly hosted: HostedPaths
  /** Path flavour of its hosts. */
  readonly path: path.PlatformPath
  /** A Python on its runners that can create the tools venv. */
  readonly python: string
}

/** A platform's archs, as the `archs` option names them. */
export interface PlatformArchs {
  /** Every arch it builds. */
  readonly all: readonly string[]
  /** This platform's name for a common machine; null when it has none. */
  readonly synonyms: Readonly<Record<CommonMachine, string | null>>
  /** `archs: auto` on a runner whose native arch is `native`. */
  auto(native: string): string[]
  /** Its 32-bit archs. */
  readonly bits32: readonly string[]
  /** `archs: auto32` on a 64-bit native arch: the 32-bit arch it also runs. */
  readonly auto32: Readonly<Record<string, string>>
  /** The arch of a platform tag: `manylinux_x86_64` → `x86_64`. */
  ofTag(platformTag: string): string
  /** The platform tag of wheels built on a host of `machine`. */
  hostTag(machine: string, libc: 'glibc' | 'musl'): string
}

/** A platform's identifiers. */
export interface PlatformIdentifiers {
  /** Every identifier it builds, in catalogue order. */
  readonly configurations: readonly PythonConfiguration[]
  /** Whether an identifier (or an `only` value) belongs to this platform. */
  owns(identifier: string): boolean
  /** Whether a runner can build this configuration at all. */
  buildableOn(configuration: PythonConfiguration, runner: Runner): boolean
}

/** What a platform adds to the options. */
export interface PlatformOptions {
  /** Built-in option values of this platform (e.g. its repair command). */
  readonly defaults: Readonly<Record<string, string>>
  /** Options only this platform reads, as a key pattern (e.g. the Linux image keys). */
  readonly own?: RegExp
  /** Its cibuildwheel option keys, besides the common ones. */
  readonly specs?: readonly OptionSpec[]
  /** Option keys it reads and ignores, with why (a warning when one is set). */
  readonly noEffect?: Readonly<Record<string, string>>
  /** Its inputs (action inputs and CLI flags), besides the common ones. */
  readonly inputs?: readonly InputSpec[]
  /** Its keys in `[tool.wheelwright]` (each is also one of its inputs). */
  readonly settings?: readonly PlatformSetting[]
}

/** One of a platform's `[tool.wheelwright]` keys; its value is in `Options.platformSettings`. */
export interface PlatformSetting {
  readonly name: string
  /** Read as true or false (false when unset); else as text (undefined when unset). */
  readonly boolean?: boolean
  /** Refuses a bad text value with a UserError naming `key`. */
  check?(value: string, key: string): void
}

/** How a platform builds in containers. */
export interface PlatformContainers {
  /** The option that names an identifier's container image. */
  imageOption(identifier: string): string
  /** The OCI platform of an arch's images (`linux/arm64`). */
  ociPlatform(arch: string): string | undefined
  /** Whether building `arch` on a `machine` host runs under emulation (QEMU). */
  emulatedOn(arch: string, machine: string): boolean
}

/**
 * Python on a platform's hosts, as data: python/ finds and installs
 * interpreters with it (execute/facts.ts), planners place them with it.
 */
export interface PythonRules {
  readonly layout: PythonLayout
  /** How a missing interpreter is installed; absent: only those discovery finds are used. */
  readonly installs?: InstallRules
}

/**
 * What each platform gives: data, and a pure plan. Installing Pythons and
 * running steps are done by python/ and execute/ with this data.
 */
export interface Platform {
  readonly name: PlatformName
  readonly runners: PlatformRunners
  readonly archs: PlatformArchs
  readonly identifiers: PlatformIdentifiers
  readonly options: PlatformOptions
  /** How it builds in containers (unless `container: off`); absent: on its own hosts only. */
  readonly containers?: PlatformContainers
  readonly python: PythonRules
  /** Options + identifiers + facts → the groups of a BuildPlan (pure). */
  plan(
    options: Options,
    configurations: readonly PythonConfiguration[],
    facts: PlanFacts
  ): PlannedGroups
}
