/**
 * Compiled extension files left in a project (an in-place build, a copy from
 * another machine). A container gets the whole project, so they reach the
 * build and the repair there, where they may not load or may be bundled by
 * mistake. Named after a failed build or repair as a likely cause.
 */
import fs from 'node:fs'
import path from 'node:path'

const SKIPPED: readonly string[] = [
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '.venv',
  'venv',
  '.tox',
  '.nox'
]
const COMPILED = /\.(so|pyd|dylib)$|\.so\.\d/

/** Up to `most` compiled files under `dir` (relative paths), looking at most `depth` levels down. */
export function strayObjects(dir: string, most = 5, depth = 6): string[] {
  const found: string[] = []
  const walk = (current: string, level: number) => {
    if (found.length >= most || level > depth) return
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(current, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (found.length >= most) return
      const full = path.join(current, entry.name)
      if (entry.isDirectory() && !SKIPPED.includes(entry.name)) walk(full, level + 1)
      else if (entry.isFile() && COMPILED.test(entry.name)) found.push(path.relative(dir, full))
    }
  }
  walk(dir, 0)
  return found.sort()
}

/** The warning for a failed build or repair, when the project holds compiled files. */
export function strayObjectsWarning(projectDir: string): string | undefined {
  const found = strayObjects(projectDir)
  if (found.length === 0) return undefined
  return (
    `the project holds compiled files (${found.join(', ')}); they go into the build with the project ` +
    'and may be what broke it. Hint: remove them (for example git clean -fdX) and build again'
  )
}
