/**
 * Compiler errors as annotations on the source line (gcc, clang, MSVC), in
 * the action: the problem matcher in resources/problem-matcher.json is
 * registered with `::add-matcher::` before the builds and removed after.
 *
 * A build compiles a copy of the project (a copy of the package dir in a
 * temp dir on the host, or the project copied to /project in a container), so
 * the compiler names files there, or relative to the package. The action rewrites
 * the start of each diagnostic line to the path in the workspace (the
 * package dir relative to GITHUB_WORKSPACE) rather than teaching the matcher
 * every prefix: the matcher stays a plain gcc/MSVC matcher, the file name in
 * the log is one the user can open, and the same rewrite serves host and
 * container builds. Only diagnostic lines change; commands keep their paths.
 */
import fs from 'node:fs'
import path from 'node:path'
import matcher from '../../resources/problem-matcher.json' with { type: 'json' }

export const MATCHER_OWNERS: readonly string[] = matcher.problemMatcher.map(m => m.owner)

/** The matcher's patterns, as the runner builds them. */
export const DIAGNOSTICS: readonly RegExp[] = matcher.problemMatcher.map(
  m => new RegExp(m.pattern[0].regexp)
)

/** Writes the matcher where the runner can read it; returns the workflow command that adds it. */
export function addMatcherCommand(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'wheelwright-problem-matcher.json')
  fs.writeFileSync(file, JSON.stringify(matcher, null, 2))
  return `::add-matcher::${file}`
}

export function removeMatcherCommands(): string[] {
  return MATCHER_OWNERS.map(owner => `::remove-matcher owner=${owner}::`)
}

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/

/** Where a copy of the project is, and the same dir relative to the workspace. */
export type SourceRoot = readonly [copy: string, inWorkspace: string]

/**
 * Rewrites the file at the start of a diagnostic line: a path under one of the
 * build's `roots` (the deepest that matches) becomes that root's dir in the
 * workspace; a relative one (the compiler ran in the package) is put under
 * `packagePrefix`, the package dir relative to the workspace (`''` when they
 * are the same).
 */
export function sourcePathRewriter(
  packagePrefix: string,
  roots: readonly SourceRoot[]
): (line: string) => string {
  const dirPrefix = (dir: string) =>
    dir === '' || dir === '.' ? '' : `${dir.replace(/\\/g, '/')}/`
  const to = dirPrefix(packagePrefix)
  const starts = roots
    .flatMap(([copy, inWorkspace]) => [
      [`${copy}/`, dirPrefix(inWorkspace)],
      [`${copy}\\`, dirPrefix(inWorkspace)]
    ])
    .sort((a, b) => b[0].length - a[0].length)
  return line => {
    if (!DIAGNOSTICS.some(d => d.test(line))) return line
    const start = line.length - line.trimStart().length
    const body = line.slice(start)
    const root = starts.find(([copy]) => body.startsWith(copy))
    if (root) return line.slice(0, start) + root[1] + body.slice(root[0].length)
    if (to && !ABSOLUTE.test(body)) return line.slice(0, start) + to + body
    return line
  }
}
