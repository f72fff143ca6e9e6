/**
 * The cibuildwheel-compatible option keys: how each one is spelled in TOML,
 * how a TOML list or table becomes a string, and which sources may set it.
 * Data only; resolve.ts walks the cascade with it.
 */
import { quote } from '../util/shlex.js'
import { optionSpec, type OptionFormat, type OptionSpec } from '../model/option-spec.js'
import { cataloguedPlatforms } from '../model/catalogue.js'
import { platformList } from '../platforms/index.js'

export type { OptionFormat, OptionSpec } from '../model/option-spec.js'

const SPACE = { kind: 'list', sep: ' ' } as const
const QUOTED = { kind: 'list', sep: ' ', quoted: true } as const
const COMMANDS = { kind: 'list', sep: ' && ' } as const
const KEY_VALUE = { kind: 'shlex-table', sep: '; ', pairSep: ':', mergeable: false } as const

const spec = optionSpec

export const OPTION_SPECS: readonly OptionSpec[] = [
  spec('build', SPACE, '*', { envPlatform: false, global: true }),
  spec('skip', SPACE, '', { envPlatform: false, global: true }),
  spec('test-skip', SPACE, '', { envPlatform: false, global: true }),
  spec('enable', SPACE, '', { envPlatform: false, global: true }),
  spec('archs', SPACE, 'auto', { ignoreEmpty: true, global: true }),
  spec('audit-requires', QUOTED, 'abi3audit'),
  spec('audit-command', COMMANDS, 'abi3audit --strict --report {abi3_wheel}'),
  spec('build-frontend', KEY_VALUE, 'default', { envPlatform: false }),
  spec('config-settings', { kind: 'shlex-table', sep: ' ', pairSep: '=', mergeable: true }, ''),
  spec('dependency-versions', KEY_VALUE, 'pinned'),
  spec('environment', { kind: 'env-table' }, ''),
  spec('environment-pass', SPACE, ''),
  spec('build-verbosity', { kind: 'scalar' }, '0'),
  spec('before-all', COMMANDS, ''),
  spec('before-build', COMMANDS, ''),
  spec('xbuild-tools', QUOTED, ''),
  spec('xbuild-files', KEY_VALUE, ''),
  spec('repair-wheel-command', COMMANDS, ''),
  spec('test-command', COMMANDS, ''),
  spec('before-test', COMMANDS, ''),
  spec('test-sources', QUOTED, ''),
  spec('test-requires', QUOTED, ''),
  spec('test-extras', { kind: 'list', sep: ',' }, ''),
  spec('test-groups', SPACE, ''),
  spec('test-environment', { kind: 'env-table' }, ''),
  spec('test-runtime', KEY_VALUE, ''),
  spec('container-engine', KEY_VALUE, 'docker'),
  spec('pyodide-version', { kind: 'scalar' }, '', { envPlatform: false }),
  // The keys only one platform reads (e.g. Linux's image per arch), from its module.
  ...platformList().flatMap(p => p.options.specs ?? [])
]

export const SPECS_BY_NAME: ReadonlyMap<string, OptionSpec> = new Map(
  OPTION_SPECS.map(s => [s.name, s])
)

/** Keys that may appear in `[tool.cibuildwheel]` besides the options themselves. */
export const PLATFORM_TABLES: readonly string[] = [
  ...new Set([...platformList().map(p => p.name), ...cataloguedPlatforms().map(p => p.name)])
]
export const STRUCTURAL_KEYS: readonly string[] = ['overrides', ...PLATFORM_TABLES]

/** Our own keys, accepted in `[tool.wheelwright]`. */
export const WHEELWRIGHT_KEYS: readonly string[] = [
  'allow-empty',
  'parallel',
  'cache',
  'cache-skip-tests',
  'cache-dir',
  'compiler-cache',
  'fail-fast',
  'max-per-job',
  'python-versions',
  'container',
  // The keys only one platform reads.
  ...platformList().flatMap(p => (p.options.settings ?? []).map(s => s.name)),
  'upload-artifact',
  'artifact-name',
  'sdist',
  'publish',
  'repository-url',
  'skip-existing',
  'attestations',
  'verify-tag',
  'verify-metadata',
  'print-hash',
  'verbose',
  'index-timeout',
  'overwrite',
  'if-no-files-found'
]

export type SettingValue = string | number | boolean | SettingValue[] | { [key: string]: unknown }

/** A TOML scalar as text; a nested table or list is refused with what it is. */
function scalar(value: unknown, key: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw new FormatError(
    key,
    Array.isArray(value)
      ? 'a nested list'
      : `a nested ${typeof value === 'object' && value ? 'table' : typeof value}`
  )
}

/** Turns a TOML value into the option's string form, as cibuildwheel does. */
export function stringify(value: unknown, format: OptionFormat, key: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    if (format.kind !== 'list') throw new FormatError(key, 'a list')
    return value
      .map(v => scalar(v, key))
      .map(v => (format.quoted ? quote(v) : v))
      .join(format.sep)
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (format.kind === 'env-table')
      return entries.map(([k, v]) => `${k}="${scalar(v, key)}"`).join(' ')
    if (format.kind === 'shlex-table') {
      const pairs: string[] = []
      for (const [k, v] of entries) {
        const values = Array.isArray(v) ? v.map(item => scalar(item, key)) : [scalar(v, key)]
        for (const item of values) pairs.push(`${k}${format.pairSep}${quote(item)}`)
      }
      return pairs.join(format.sep)
    }
    throw new FormatError(key, 'a table')
  }
  throw new FormatError(key, typeof value)
}

export class FormatError extends Error {
  constructor(
    readonly key: string,
    readonly got: string
  ) {
    super(`${key} does not accept ${got}`)
  }
}

/**
 * Options that have no effect on the platforms wheelwright builds: read (as
 * cibuildwheel reads them) and, when set, reported with a warning instead of
 * being ignored without a word.
 */
export const NO_EFFECT: Readonly<Record<string, string>> = {
  'pyodide-version': 'applies only to pyodide builds',
  'xbuild-tools': 'applies only to cross builds for ios and android',
  'xbuild-files': 'applies only to cross builds for ios, android and pyodide',
  'test-runtime': 'applies only to android, ios and pyodide test runs',
  ...Object.assign({}, ...platformList().map(p => p.options.noEffect ?? {}))
}
