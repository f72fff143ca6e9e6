/**
 * Compiler errors as annotations on the source line (gcc, clang, MSVC), in
 * the action: the problem matcher in resources/problem-matcher.json is
 * registered with `::add-matcher::` before the builds and removed after.
 *
 * A build compiles a copy of the project (in a temp dir, or in a container
 * under /tmp/wheelwright/<identifier>/src, copied from /project), so the
 * compiler names files there, or relative to the copy. The action rewrites
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

/**
 * Rewrites the file at the start of a diagnostic line: a path in one of the
 * build's `copies` of the project, or a relative one (the compiler ran in the
 * copy), becomes `prefix/<path in the project>`. `prefix` is the package dir
 * relative to the workspace (`''` when they are the same).
 */
export function sourcePathRewriter(
  prefix: string,
  copies: readonly string[]
): (line: string) => string {
  const to = prefix === '' || prefix === '.' ? '' : `${prefix.replace(/\\/g, '/')}/`
  const roots = copies.flatMap(c => [`${c}/`, `${c}\\`])
  return line => {
    if (!DIAGNOSTICS.some(d => d.test(line))) return line
    const start = line.length - line.trimStart().length
    const body = line.slice(start)
    const root = roots.find(r => body.startsWith(r))
    if (root) return line.slice(0, start) + to + body.slice(root.length)
    if (to && !ABSOLUTE.test(body)) return line.slice(0, start) + to + body
    return line
  }
}
