/**
 * The constraints file of a build (`dependency-versions`), as cibuildwheel
 * applies it: to the tools installed for the build (the frontend, virtualenv,
 * uv) and to everything installed into the test env; not to the project's
 * build-system requirements, which its frontend resolves in isolation.
 */
import crypto from 'node:crypto'
import pins from '../../resources/constraints.json' with { type: 'json' }
import type { DependencyConstraints } from '../options/types.js'

const PINS = pins.pins as Readonly<Record<string, string>>

/** `3.12.4` or `3.12` → `3.12`. */
function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.')
}

/** The text of the constraints for a Python version, or undefined for `latest`. */
export function constraintsFor(
  constraints: DependencyConstraints,
  pythonVersion: string
): string | undefined {
  const minor = minorOf(pythonVersion)
  switch (constraints.kind) {
    case 'latest':
      return undefined
    case 'pinned':
      // The newest pins serve a Python newer than the table.
      return PINS[minor] ?? Object.values(PINS).at(-1)
    case 'file':
      return constraints.byVersion[minor] ?? constraints.content
    case 'packages':
      return `${constraints.packages.join('\n')}\n`
  }
}

/** A file name for constraints text: the same text, the same file. */
export function constraintsFileName(text: string): string {
  return `constraints-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 12)}.txt`
}
