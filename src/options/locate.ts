/**
 * Where in pyproject.toml a configuration problem was written, for the
 * action's annotation (`file=pyproject.toml,line=12`). The TOML parser gives
 * values, not positions, so a small scanner reads the file's table headers
 * (`[tool.cibuildwheel.linux]`, `[[tool.cibuildwheel.overrides]]`) and key
 * lines (`archs = ...`, `linux.archs = ...`), skipping what is inside strings,
 * multi-line strings and arrays, and notes the line of every dotted key.
 */
import { isUserError, type SourceLocation } from '../util/errors.js'
import { optionSourcePath, type CascadeSources } from './cascade.js'
import { SPECS_BY_NAME } from './schema.js'

/** `tool."cibuildwheel".linux` → ['tool', 'cibuildwheel', 'linux']. */
function keyParts(text: string): string[] {
  const parts: string[] = []
  const part = /\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|$)/y
  let match: RegExpExecArray | null
  while (part.lastIndex < text.length && (match = part.exec(text))) {
    const raw = match[1]
    parts.push(/^["']/.test(raw) ? raw.slice(1, -1) : raw)
  }
  return parts
}

/** `tool.cibuildwheel.overrides[1].select` → ['tool', 'cibuildwheel', 'overrides', '[1]', 'select']. */
function pathParts(key: string): string[] {
  return key.split('.').flatMap(part => {
    const indexed = /^(.+?)\[(\d+)\]$/.exec(part)
    return indexed ? [indexed[1], `[${indexed[2]}]`] : [part]
  })
}

interface ScanState {
  /** Open brackets of a value that goes on over lines. */
  depth: number
  /** An open multi-line string's quotes. */
  string?: '"""' | "'''"
}

/** Reads one line of values, updating what stays open after it; returns the line without its comment. */
function scanLine(line: string, state: ScanState): string {
  let i = 0
  while (i < line.length) {
    if (state.string) {
      const end = line.indexOf(state.string, i)
      if (end < 0) return line
      i = end + 3
      state.string = undefined
      continue
    }
    const c = line[i]
    if (c === '#') return line.slice(0, i)
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      state.string = line.slice(i, i + 3) as ScanState['string']
      i += 3
    } else if (c === '"' || c === "'") {
      i++
      while (i < line.length && line[i] !== c) i += c === '"' && line[i] === '\\' ? 2 : 1
      i++
    } else {
      if (c === '[' || c === '{') state.depth++
      if (c === ']' || c === '}') state.depth = Math.max(0, state.depth - 1)
      i++
    }
  }
  return line
}

/** The line (from 1) of every table and key that the text writes, by dotted path. */
export function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>()
  const note = (path: readonly string[], line: number) => {
    for (let n = 1; n <= path.length; n++) {
      const key = path.slice(0, n).join('.')
      if (!lines.has(key)) lines.set(key, line)
    }
  }
  const arrays = new Map<string, number>()
  const state: ScanState = { depth: 0 }
  let table: string[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const topLevel = state.depth === 0 && !state.string
    const line = scanLine(raw, state).trim()
    if (!topLevel || line === '') return
    const arrayTable = /^\[\[(.+)\]\]$/.exec(line)
    const plainTable = arrayTable ? null : /^\[(.+)\]$/.exec(line)
    if (arrayTable) {
      const name = keyParts(arrayTable[1])
      const count = arrays.get(name.join('.')) ?? 0
      arrays.set(name.join('.'), count + 1)
      table = [...name, `[${count}]`]
      state.depth = 0
      note(table, index + 1)
    } else if (plainTable) {
      table = keyParts(plainTable[1])
      state.depth = 0
      note(table, index + 1)
    } else {
      const key = /^((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/.exec(line)
      if (key) note([...table, ...keyParts(key[1])], index + 1)
    }
  })
  return lines
}

/**
 * The line of a dotted `key` in the text, or of the nearest enclosing key
 * written on a line of its own (an inline table such as `linux = { ... }`).
 */
export function keyLine(text: string, key: string): number | undefined {
  const lines = keyLines(text)
  const parts = pathParts(key)
  for (let n = parts.length; n >= 2; n--) {
    const line = lines.get(parts.slice(0, n).join('.'))
    if (line !== undefined) return line
  }
  return undefined
}

/** A config file's path and text. */
export interface ConfigSource {
  readonly file: string
  readonly text: string
}

/** The config files a value may come from: `[tool.*]` from one, `[project]` from the project's. */
export interface ConfigSources {
  readonly tool?: ConfigSource
  readonly project?: ConfigSource
}

/**
 * The error placed at the line of the key it names, when that key was read
 * from a config file: a `tool.*` or `project.*` key, or an option whose
 * value came from `[tool.cibuildwheel]` (its platform table or an override).
 * Anything else (an input, a CIBW_* variable) is returned as it is.
 */
export function locateError(
  error: unknown,
  sources: ConfigSources,
  cascade?: CascadeSources,
  identifier?: string
): unknown {
  if (!isUserError(error) || error.location || !error.key) return error
  const spec = SPECS_BY_NAME.get(error.key)
  const key = spec && cascade ? optionSourcePath(spec, cascade, identifier, error.value) : error.key
  const source = key?.startsWith('tool.')
    ? sources.tool
    : key?.startsWith('project.')
      ? sources.project
      : undefined
  // A value from a CIBW_* variable: the error names the variable.
  if (key && !source && key !== error.key && /^CIBW_/.test(key)) return error.from(key)
  if (!key || !source) return error
  const line = keyLine(source.text, key)
  const location: SourceLocation = { file: source.file, ...(line ? { line } : {}) }
  return error.at(location)
}
