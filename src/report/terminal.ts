/**
 * What the output may look like where it goes: colour, an interactive
 * terminal that can redraw a status board, and its width.
 *
 * Colour follows the common conventions, in this order: NO_COLOR (any
 * non-empty value) turns it off; FORCE_COLOR turns it on (`0` or `false`
 * turn it off); otherwise a terminal has colour, and so does a GitHub
 * Actions log, which renders ANSI colours. `TERM=dumb` is no terminal.
 */
import { createColors } from 'picocolors'
import type { Env } from '../model/env.js'

export interface Terminal {
  readonly color: boolean
  /** An interactive terminal: lines may be redrawn in place. */
  readonly tty: boolean
  readonly columns: number
}

/** A plain log: no colour, no redrawing. */
export const PLAIN: Terminal = Object.freeze({ color: false, tty: false, columns: 80 })

export function detectTerminal(
  env: Env,
  stream?: { readonly isTTY?: boolean; readonly columns?: number }
): Terminal {
  const tty = !!stream?.isTTY && env.TERM !== 'dumb'
  const force = env.FORCE_COLOR
  const color = env.NO_COLOR
    ? false
    : force
      ? !['0', 'false'].includes(force.toLowerCase())
      : tty || env.GITHUB_ACTIONS === 'true'
  return { color, tty, columns: stream?.columns || 80 }
}

export type Paint = ReturnType<typeof createColors>

/** Colour functions that colour only where the terminal has colour. */
export function paintFor(terminal: Terminal): Paint {
  return createColors(terminal.color)
}
