/**
 * The constraints file of a build (`dependency-versions`), as cibuildwheel
 * applies it: to the tools installed for the build (the frontend, virtualenv,
 * uv) and to everything installed into the test env; not to the project's
 * build-system requirements, which its frontend resolves in isolation.
 */
import crypto from 'node:crypto'
import pins from '../../resources/constraints.json' with { type: 'json' }
import type { DependencyConstraints } from '../model/options.js'

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

/**
 * A tool requirement at its pinned version: the lines of the oldest
 * resolution (a universal one, whose markers choose the version for any newer
 * Python), so a host tools venv is pinned whatever Python makes it. A
 * requirement the pins do not name (an `audit-requires` extra) stays as given.
 */
export function pinnedToolRequirements(requirement: string): string[] {
  const name = requirement
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-')
  const oldest = Object.values(PINS)[0] ?? ''
  const lines = oldest.split('\n').filter(line =>
    line
      .toLowerCase()
      .replace(/[-_.]+/g, '-')
      .startsWith(`${name}==`)
  )
  return /^[A-Za-z0-9._-]+$/.test(requirement) && lines.length > 0 ? lines : [requirement]
}
