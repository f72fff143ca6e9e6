/**
 * Reads the project's configuration files: pyproject.toml (with
 * `[tool.cibuildwheel]`, `[tool.wheelwright]` and `[project]`), setup.cfg and
 * setup.py, only as far as wheelwright needs them. Pure parsing; reading the
 * files happens in project.ts.
 */
import { parse, TomlError } from 'smol-toml'
import { UserError } from '../util/errors.js'

export type Table = Record<string, unknown>

export interface ProjectConfig {
  /** `[tool.cibuildwheel]`, or `{}`. */
  readonly cibuildwheel: Table
  /** `[tool.wheelwright]`, or `{}`. */
  readonly wheelwright: Table
  /** `[project]`, or `{}`. */
  readonly project: Table
  /** `[dependency-groups]` (PEP 735), or `{}`. */
  readonly dependencyGroups?: Table
  /**
   * `[build-system] build-backend` when it is a string. Only read to know how
   * the build compiles (see model/compiler-cache.ts); the build frontend
   * reports a malformed `[build-system]` itself.
   */
  readonly buildBackend?: string
}

/** `file`, when given, is where a syntax error is located. */
export function parsePyproject(text: string, fileLabel: string, file?: string): ProjectConfig {
  let document: Table
  try {
    document = parse(text) as Table
  } catch (error) {
    if (error instanceof TomlError) {
      const first = error.message.split('\n')[0]
      throw new UserError(`invalid TOML at line ${error.line}, column ${error.column}: ${first}`, {
        key: fileLabel,
        hint: 'fix the syntax of the file',
        ...(file ? { location: { file, line: error.line } } : {})
      })
    }
    throw error
  }
  const tool = asTable(document.tool, `${fileLabel}: [tool]`)
  return {
    cibuildwheel: asTable(tool.cibuildwheel, 'tool.cibuildwheel'),
    wheelwright: asTable(tool.wheelwright, 'tool.wheelwright'),
    project: asTable(document.project, 'project'),
    dependencyGroups: asTable(document['dependency-groups'], 'dependency-groups'),
    ...buildBackendOf(document['build-system'])
  }
}

function buildBackendOf(buildSystem: unknown): { buildBackend?: string } {
  if (!buildSystem || typeof buildSystem !== 'object' || Array.isArray(buildSystem)) return {}
  const backend = (buildSystem as Table)['build-backend']
  return typeof backend === 'string' && backend.trim() ? { buildBackend: backend.trim() } : {}
}

function asTable(value: unknown, key: string): Table {
  if (value === undefined) return {}
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Table
  throw new UserError('must be a table', { key, value: String(value) })
}

/** `python_requires` from setup.cfg's `[options]` section. */
export function setupCfgRequiresPython(text: string): string | undefined {
  let section = ''
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    const header = /^\[(.+)\]$/.exec(line)
    if (header) {
      section = header[1].trim()
      continue
    }
    const entry = /^python_requires\s*[=:]\s*(.*)$/.exec(line)
    if (section === 'options' && entry) return entry[1].trim() || undefined
  }
  return undefined
}

/**
 * `python_requires="..."` passed to a top-level `setup()` call in setup.py
 * (or one under `if __name__ == "__main__":`), when it is a string literal.
 * cibuildwheel reads the AST; a literal keyword argument is what it accepts
 * too, so a scan for the literal keyword gives the same answer without a
 * Python parser.
 */
export function setupPyRequiresPython(text: string): string | undefined {
  const match = /(?:^|[\s,(])python_requires\s*=\s*(?:'([^'\n]*)'|"([^"\n]*)")/m.exec(text)
  if (!match) return undefined
  return (match[1] ?? match[2]) || undefined
}
