/** The names of the platforms, and the runner a build runs on (data only). */
export type PlatformName = 'linux' | 'macos' | 'windows'

export interface Runner {
  readonly platform: PlatformName
  /** The machine name as `platform.machine()` spells it on that OS. */
  readonly machine: string
}
