/**
 * The shape of one cibuildwheel-compatible option key. The table of them is
 * options/schema.ts; a platform module adds the keys only it reads.
 */

export type OptionFormat =
  | { kind: 'scalar' }
  | { kind: 'list'; sep: string; quoted?: boolean }
  | { kind: 'env-table' }
  | { kind: 'shlex-table'; sep: string; pairSep: string; mergeable: boolean }

export interface OptionSpec {
  readonly name: string
  readonly format: OptionFormat
  /** Whether `CIBW_<NAME>_<PLATFORM>` is read. */
  readonly envPlatform: boolean
  /** An empty value falls through to the level below. */
  readonly ignoreEmpty?: boolean
  /** Global options cannot be set by `[[overrides]]`. */
  readonly global?: boolean
  /** The built-in default; a platform may have its own (Platform.optionDefaults). */
  readonly defaults: { all: string }
}

/** An option read from every source, with `all` as its built-in default. */
export function optionSpec(
  name: string,
  format: OptionFormat,
  all: string,
  extra: Partial<OptionSpec> = {}
): OptionSpec {
  return { name, format, envPlatform: true, defaults: { all }, ...extra }
}
