/**
 * The names of the platforms, and the runner a build runs on (data only). A
 * platform's name is whatever its module registers (src/platforms/index.ts);
 * nothing outside src/platforms/ compares one.
 */
export type PlatformName = string

export interface Runner {
  readonly platform: PlatformName
  /** The machine name as `platform.machine()` spells it on that OS. */
  readonly machine: string
}
