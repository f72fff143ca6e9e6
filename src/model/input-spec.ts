/**
 * The shape of one public input (an action input and a CLI flag). The table
 * of them is options/inputs.ts; a platform module adds the inputs only it reads.
 */
import type { Command } from './options.js'

/** Another action whose users come to wheelwright, for the README's migrating table. */
export type OtherAction =
  'pypa/cibuildwheel' | 'pypa/gh-action-pypi-publish' | 'actions/upload-artifact'

export interface InputSpec {
  readonly name: string
  readonly description: string
  /** The effective default, as documented; action.yml leaves most empty so config can win. */
  readonly default: string
  /** The literal default in action.yml. */
  readonly actionDefault?: string
  readonly boolean?: boolean
  /** The commands it means something to; on the CLI, any other command refuses it. */
  readonly commands: readonly Command[]
  /** CLI-only flags are not action inputs. */
  readonly cliOnly?: boolean
  /** An input of the action only, never a CLI flag: why, as the CLI's hint. */
  readonly actionOnly?: string
  /** What --help shows after the flag: `--output-dir DIR`. */
  readonly metavar?: string
  /** Another action's name for one of ours: read as that input. */
  readonly aliasOf?: string
  /** Accepted for another action's sake but does nothing here: why, as a warning. */
  readonly noEffect?: string
  /** Sets every option whose key starts with this (`manylinux-`: the image of each arch). */
  readonly setsEvery?: string
  /** The other actions that have an input of this name (the README's migrating table). */
  readonly from?: readonly OtherAction[]
}
