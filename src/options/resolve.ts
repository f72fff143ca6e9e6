/**
 * Pure resolution of every option source into one frozen `Options`:
 * action inputs / CLI flags, `[tool.cibuildwheel]` (platform tables and
 * overrides), `CIBW_*` variables and `[tool.wheelwright]`.
 */
import os from 'node:os'
import path from 'node:path'
import { satisfies as pep440Satisfies, validRange as pep440ValidRange } from '@renovatebot/pep440'
import semver from 'semver'
import { UserError } from '../util/errors.js'
import { closest, parseBoolean, words } from '../util/text.js'
import { split as shlexSplit } from '../util/shlex.js'
import { resolveOption, type CascadeSources, type InheritRule, type Override } from './cascade.js'
import type { Env } from './env.js'
import type { ProjectConfig, Table } from './pyproject.js'
import {
  OPTION_SPECS,
  PLATFORM_TABLES,
  SPECS_BY_NAME,
  STRUCTURAL_KEYS,
  WHEELWRIGHT_KEYS
} from './schema.js'
import type {
  BuildOptions,
  Command,
  ContainerEngine,
  ContainerMode,
  Frontend,
  FrontendName,
  Options,
  PublishMode
} from './types.js'
import { parseArchs } from '../plan/archs.js'
import { parsePlatformName, platformOfIdentifier, archOfIdentifier } from '../plan/identifiers.js'
import { ENABLE_GROUPS, type EnableGroup } from '../plan/selector.js'
import type { PlatformName, Runner } from '../platforms/runner.js'

export const COMMANDS: readonly Command[] = ['build', 'plan', 'sdist', 'publish']
const PYPI_UPLOAD_URL = 'https://upload.pypi.org/legacy/'

export interface ResolveInput {
  readonly inputs: ReadonlyMap<string, string>
  readonly env: Env
  readonly runner: Runner
  readonly project: ProjectConfig
  /** requires-python from setup.cfg / setup.py, when pyproject has none. */
  readonly legacyRequiresPython?: string
  readonly packageDir: string
  readonly packageInput: string
  readonly sdistInput?: string
  readonly configFile?: string
  readonly cpuCount?: number
  /** Relative paths in options (cache-dir) are taken from here. */
  readonly cwd?: string
}

function absolute(value: string | undefined, cwd = process.cwd()): string | undefined {
  return value === undefined ? undefined : path.resolve(cwd, value)
}

export function resolveOptions(input: ResolveInput): Options {
  const { inputs, env, runner, project } = input
  const warnings: string[] = []
  const get = (name: string) => nonEmpty(inputs.get(name))
  const ours = (name: (typeof WHEELWRIGHT_KEYS)[number]): { value?: string; key: string } => {
    const fromInput = get(name)
    if (fromInput !== undefined) return { value: fromInput, key: name }
    const fromToml = project.wheelwright[name]
    if (fromToml === undefined) return { key: `tool.wheelwright.${name}` }
    if (typeof fromToml === 'object') {
      throw new UserError('must be a string, number or boolean', {
        key: `tool.wheelwright.${name}`,
        value: JSON.stringify(fromToml)
      })
    }
    return { value: String(fromToml), key: `tool.wheelwright.${name}` }
  }
  const bool = (name: (typeof WHEELWRIGHT_KEYS)[number], fallback: boolean) => {
    const { value, key } = ours(name)
    return value === undefined ? fallback : booleanValue(value, key)
  }

  const command = parseCommand(get('command') ?? 'build')
  const only = get('only')
  const platform = resolvePlatform(only, get('platform'), env, runner)
  if (only && get('archs')) {
    throw new UserError('cannot be combined with archs; only names one identifier', {
      key: 'only',
      value: only,
      hint: 'drop archs, or use build to select several identifiers'
    })
  }

  checkKnownKeys(project, warnings)
  const overrides = parseOverrides(project.cibuildwheel)
  const cascade: CascadeSources = {
    platform,
    config: project.cibuildwheel,
    overrides,
    env,
    inputs: expandImageInputs(inputs)
  }
  const option = (name: string, identifier?: string) => {
    const spec = SPECS_BY_NAME.get(name)
    if (!spec) throw new Error(`unknown option ${name}`)
    return resolveOption(spec, cascade, identifier)
  }

  let build = option('build') || '*'
  let skip = option('skip')
  const testSkip = option('test-skip')
  let enable = parseEnable(option('enable'), 'enable')
  let archs = parseArchs(option('archs'), platform, runner)
  if (only) {
    build = only
    skip = ''
    archs = new Set([archOfIdentifier(only)])
    enable = new Set(ENABLE_GROUPS)
  }

  const requiresPythonSource = env.CIBW_PROJECT_REQUIRES_PYTHON
    ? { text: env.CIBW_PROJECT_REQUIRES_PYTHON, key: 'CIBW_PROJECT_REQUIRES_PYTHON' }
    : typeof project.project['requires-python'] === 'string'
      ? { text: project.project['requires-python'] as string, key: 'project.requires-python' }
      : input.legacyRequiresPython
        ? { text: input.legacyRequiresPython, key: 'python_requires' }
        : undefined
  const requiresPython = requiresPythonSource ? pep440Range(requiresPythonSource) : undefined
  const pythonVersionsText = ours('python-versions')
  const pythonVersions = pythonVersionsText.value
    ? semverRange(pythonVersionsText.value, pythonVersionsText.key)
    : undefined

  const parallel = parseParallel(ours('parallel'), input.cpuCount ?? os.availableParallelism())
  const maxPerJob = positiveInt(ours('max-per-job'), 0)
  const container = parseChoice(ours('container'), ['auto', 'on', 'off'], 'auto') as ContainerMode
  const publish = parseChoice(ours('publish'), ['false', 'true', 'tag'], 'false') as PublishMode

  const engineInput = get('container-engine') ?? env.CIBW_CONTAINER_ENGINE
  if (container === 'off' && engineInput) {
    throw new UserError('conflicts with container: off', {
      key: 'container-engine',
      value: engineInput,
      hint: 'use container: on (or auto) to build in a container, or drop container-engine'
    })
  }

  const memo = new Map<string, BuildOptions>()
  const buildOptions = (identifier: string): BuildOptions => {
    let found = memo.get(identifier)
    if (!found) {
      found = Object.freeze(resolveBuildOptions(identifier, option, platform))
      memo.set(identifier, found)
    }
    return found
  }

  const options: Options = {
    command,
    packageDir: input.packageDir,
    packageInput: input.packageInput,
    sdistInput: input.sdistInput,
    configFile: input.configFile,
    outputDir: get('output-dir') ?? nonEmpty(env.CIBW_OUTPUT_DIR) ?? 'wheelhouse',
    platform,
    runner,
    archs,
    selector: {
      build,
      skip,
      enable,
      requiresPython,
      pythonVersions
    },
    build,
    skip,
    testSkip,
    enable,
    requiresPython: requiresPythonSource?.text,
    pythonVersions: pythonVersionsText.value,
    only,
    group: get('group'),
    allowEmpty: bool('allow-empty', false) || parseBoolean(env.CIBW_ALLOW_EMPTY ?? '') === true,
    parallel,
    failFast: bool('fail-fast', true),
    container,
    cache: bool('cache', true),
    cacheDir: absolute(ours('cache-dir').value, input.cwd),
    cacheSkipTests: bool('cache-skip-tests', false),
    maxPerJob,
    dryRun: booleanValue(get('dry-run') ?? 'false', 'dry-run'),
    printIdentifiers: booleanValue(get('print-identifiers') ?? 'false', 'print-identifiers'),
    matrix: booleanValue(get('matrix') ?? 'false', 'matrix'),
    macosDeploymentTarget: deploymentTarget(ours('macos-deployment-target')),
    msvcToolset: ours('msvc-toolset').value,
    msvcAvoidVcruntime1401: bool('msvc-avoid-vcruntime140-1', false),
    uploadArtifact: bool('upload-artifact', true),
    artifactName: ours('artifact-name').value ?? 'wheels-{os}-{arch}[-{group}]',
    sdist: bool('sdist', false),
    publish,
    repositoryUrl: ours('repository-url').value ?? PYPI_UPLOAD_URL,
    password: get('password'),
    skipExisting: bool('skip-existing', false),
    attestations: bool('attestations', true),
    verifyTag: bool('verify-tag', true),
    warnings,
    buildOptions
  }
  return Object.freeze(options)
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function parseCommand(value: string): Command {
  if ((COMMANDS as readonly string[]).includes(value)) return value as Command
  throw new UserError('unknown command', {
    key: 'command',
    value,
    hint: `use one of ${COMMANDS.join(', ')}`
  })
}

function resolvePlatform(
  only: string | undefined,
  platformInput: string | undefined,
  env: Env,
  runner: Runner
): PlatformName {
  if (only && platformInput && platformInput !== 'auto') {
    throw new UserError(
      'cannot be combined with platform; the platform comes from the identifier',
      {
        key: 'only',
        value: only,
        hint: 'drop platform when you give only'
      }
    )
  }
  if (only) return platformOfIdentifier(only)
  const fromInput = platformInput ? parsePlatformName(platformInput, 'platform') : 'auto'
  const fromEnv = nonEmpty(env.CIBW_PLATFORM)
  const chosen =
    fromInput !== 'auto'
      ? fromInput
      : fromEnv
        ? parsePlatformName(fromEnv, 'CIBW_PLATFORM')
        : 'auto'
  return chosen === 'auto' ? runner.platform : chosen
}

export function booleanValue(value: string, key: string): boolean {
  const parsed = parseBoolean(value)
  if (parsed === undefined) {
    throw new UserError('is not a boolean', { key, value, hint: 'use true or false' })
  }
  return parsed
}

function parseChoice(
  { value, key }: { value?: string; key: string },
  choices: string[],
  fallback: string
): string {
  if (value === undefined) return fallback
  if (choices.includes(value)) return value
  const asBoolean = parseBoolean(value)
  if (asBoolean !== undefined && choices.includes(String(asBoolean))) return String(asBoolean)
  throw new UserError('is not one of the accepted values', {
    key,
    value,
    hint: `use ${choices.join(', ')}`
  })
}

function parseParallel({ value, key }: { value?: string; key: string }, cpus: number): number {
  if (value === undefined || value === 'auto') return Math.max(1, cpus)
  return positiveInt({ value, key }, 1)
}

function positiveInt({ value, key }: { value?: string; key: string }, fallback: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UserError('must be a positive whole number', { key, value, hint: 'for example 2' })
  }
  return Number(value)
}

function deploymentTarget({ value, key }: { value?: string; key: string }): string | undefined {
  if (value === undefined) return undefined
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new UserError('is not a macOS version', { key, value, hint: 'for example 11.0 or 10.13' })
  }
  return value
}

export function parseEnable(value: string, key: string): Set<EnableGroup> {
  const result = new Set<EnableGroup>()
  for (const word of words(value)) {
    if (word === 'all') return new Set(ENABLE_GROUPS)
    if (!(ENABLE_GROUPS as readonly string[]).includes(word)) {
      const suggestion = closest(word, ENABLE_GROUPS)
      throw new UserError('unknown enable group', {
        key,
        value: word,
        hint: suggestion
          ? `did you mean ${suggestion}?`
          : `valid groups are ${ENABLE_GROUPS.join(', ')}, or all`
      })
    }
    result.add(word as EnableGroup)
  }
  return result
}

function pep440Range({ text, key }: { text: string; key: string }): (version: string) => boolean {
  if (!pep440ValidRange(text)) {
    throw new UserError('is not a valid version specifier', {
      key,
      value: text,
      hint: 'use PEP 440 syntax such as ">=3.9" or ">=3.10,<3.14"'
    })
  }
  return version => pep440Satisfies(version, text)
}

function semverRange(text: string, key: string): (version: string) => boolean {
  const range = semver.validRange(text, { loose: false })
  if (range === null) {
    throw new UserError('is not a valid version range', {
      key,
      value: text,
      hint: 'use a semver range such as ">=3.10" or "3.10 - 3.13"'
    })
  }
  return version => semver.satisfies(version, range)
}

/** `manylinux-image` / `musllinux-image` inputs set the image for every arch. */
function expandImageInputs(inputs: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map<string, string>()
  for (const [name, raw] of inputs) {
    const value = nonEmpty(raw)
    if (value === undefined) continue
    if (name === 'manylinux-image' || name === 'musllinux-image') {
      const prefix = name.replace('-image', '-')
      for (const spec of OPTION_SPECS) {
        if (spec.name.startsWith(prefix) && !result.has(spec.name)) result.set(spec.name, value)
      }
    } else {
      result.set(name, value)
    }
  }
  return result
}

function checkKnownKeys(project: ProjectConfig, warnings: string[]): void {
  const optionNames = OPTION_SPECS.map(s => s.name)
  const known = new Set([...optionNames, ...STRUCTURAL_KEYS])
  const report = (key: string, name: string, candidates: Iterable<string>) => {
    const suggestion = closest(name, candidates)
    warnings.push(
      `${key}: unknown option ${JSON.stringify(name)}, ignored` +
        (suggestion ? `. Did you mean ${JSON.stringify(suggestion)}?` : '')
    )
  }
  for (const name of Object.keys(project.cibuildwheel)) {
    if (!known.has(name)) report(`tool.cibuildwheel.${name}`, name, known)
  }
  for (const table of PLATFORM_TABLES) {
    const value = project.cibuildwheel[table]
    if (value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError('must be a table', {
        key: `tool.cibuildwheel.${table}`,
        value: String(value)
      })
    }
    for (const name of Object.keys(value as Table)) {
      if (!optionNames.includes(name))
        report(`tool.cibuildwheel.${table}.${name}`, name, optionNames)
      else if (table !== 'linux' && /^(many|musl)linux-/.test(name)) {
        throw new UserError('only applies to linux', {
          key: `tool.cibuildwheel.${table}.${name}`,
          hint: `move it to [tool.cibuildwheel.linux] or [tool.cibuildwheel]`
        })
      }
    }
  }
  const ourKeys: readonly string[] = WHEELWRIGHT_KEYS
  for (const name of Object.keys(project.wheelwright)) {
    if (!ourKeys.includes(name)) report(`tool.wheelwright.${name}`, name, ourKeys)
  }
}

const NOT_OVERRIDABLE = ['build', 'skip', 'test-skip', 'archs', 'enable', 'output-dir']

function parseOverrides(config: Table): Override[] {
  const raw = config.overrides
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    throw new UserError('must be an array of tables', {
      key: 'tool.cibuildwheel.overrides',
      hint: 'write each override as [[tool.cibuildwheel.overrides]]'
    })
  }
  return raw.map((entry, index) => {
    const key = `tool.cibuildwheel.overrides[${index}]`
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new UserError('must be a table', { key })
    }
    const { select, inherit = {}, ...options } = entry as Table
    const selectText = Array.isArray(select) ? select.map(String).join(' ') : select
    if (typeof selectText !== 'string' || selectText.trim() === '') {
      throw new UserError('needs a select pattern', {
        key: `${key}.select`,
        hint: 'add select = "cp312-*" (or a list of patterns)'
      })
    }
    for (const name of Object.keys(options)) {
      if (NOT_OVERRIDABLE.includes(name)) {
        throw new UserError('cannot be overridden per identifier', {
          key: `${key}.${name}`,
          hint: 'set it in [tool.cibuildwheel] instead'
        })
      }
      if (!SPECS_BY_NAME.has(name)) {
        const suggestion = closest(name, SPECS_BY_NAME.keys())
        throw new UserError('unknown option in override', {
          key: `${key}.${name}`,
          hint: suggestion ? `did you mean ${suggestion}?` : 'see the cibuildwheel options'
        })
      }
    }
    const rules: Record<string, InheritRule> = {}
    for (const [name, rule] of Object.entries(inherit as Table)) {
      if (rule !== 'none' && rule !== 'append' && rule !== 'prepend') {
        throw new UserError('is not an inherit rule', {
          key: `${key}.inherit.${name}`,
          value: String(rule),
          hint: 'use none, append or prepend'
        })
      }
      rules[name] = rule
    }
    return { select: selectText, inherit: rules, options }
  })
}

const FRONTENDS: readonly FrontendName[] = ['build', 'pip', 'build[uv]', 'uv']

/** Parses cibuildwheel's `name; key: value …` strings. */
function parseKeyValue(
  text: string,
  key: string,
  fields: readonly string[]
): { name: string[]; [field: string]: string[] } {
  const result: { name: string[]; [field: string]: string[] } = { name: [] }
  text.split(';').forEach((part, index) => {
    const tokens = shlexSplit(part, key)
    if (tokens.length === 0) return
    const colon = tokens[0].indexOf(':')
    if (colon >= 0) {
      const field = tokens[0].slice(0, colon)
      if (field !== 'name' && !fields.includes(field)) {
        throw new UserError(`unknown field ${JSON.stringify(field)}`, {
          key,
          value: text,
          hint: `fields are ${fields.join(', ')}`
        })
      }
      const first = tokens[0].slice(colon + 1)
      result[field] = [...(result[field] ?? []), ...(first ? [first] : []), ...tokens.slice(1)]
    } else if (index === 0) {
      result.name = tokens
    } else {
      throw new UserError('has a value without a field name', {
        key,
        value: text,
        hint: 'write it as "name; field: value"'
      })
    }
  })
  return result
}

function parseFrontend(text: string): Frontend {
  if (!text || text === 'default') return { name: 'build', args: [] }
  const parsed = parseKeyValue(text, 'build-frontend', ['args'])
  const name = parsed.name.join(' ')
  if (!(FRONTENDS as readonly string[]).includes(name)) {
    throw new UserError('unknown build frontend', {
      key: 'build-frontend',
      value: name,
      hint: `use ${FRONTENDS.join(', ')}`
    })
  }
  return { name: name as FrontendName, args: parsed.args ?? [] }
}

function parseContainerEngine(text: string): ContainerEngine {
  const parsed = parseKeyValue(text, 'container-engine', [
    'create_args',
    'create-args',
    'disable_host_mount',
    'disable-host-mount'
  ])
  const name = parsed.name.join(' ')
  if (name !== 'docker' && name !== 'podman') {
    throw new UserError('unknown container engine', {
      key: 'container-engine',
      value: name,
      hint: 'use docker or podman'
    })
  }
  const createArgs = parsed.create_args ?? parsed['create-args'] ?? []
  const disable = parsed.disable_host_mount ?? parsed['disable-host-mount'] ?? []
  return {
    name,
    createArgs,
    disableHostMount:
      disable.length > 0 && booleanValue(disable[disable.length - 1], 'container-engine')
  }
}

function resolveBuildOptions(
  identifier: string,
  option: (name: string, identifier?: string) => string,
  platform: PlatformName
): BuildOptions {
  const get = (name: string) => option(name, identifier)
  const verbosity = Number.parseInt(get('build-verbosity') || '0', 10)
  if (Number.isNaN(verbosity)) {
    throw new UserError('must be a whole number', {
      key: 'build-verbosity',
      value: get('build-verbosity'),
      hint: 'use a number from -3 to 3'
    })
  }
  let image = ''
  if (platform === 'linux') {
    const arch = archOfIdentifier(identifier)
    const family = identifier.includes('musllinux') ? 'musllinux' : 'manylinux'
    image = get(`${family}-${arch}-image`)
  }
  for (const name of ['audit-command']) {
    const value = get(name)
    for (const command of value.split('&&')) {
      if (command.trim() && !/\{(abi3_)?wheel\}/.test(command)) {
        throw new UserError('each command must use {wheel} or {abi3_wheel}', {
          key: name,
          value,
          hint: 'for example: abi3audit --strict --report {abi3_wheel}'
        })
      }
    }
  }
  return {
    identifier,
    beforeAll: get('before-all'),
    beforeBuild: get('before-build'),
    beforeTest: get('before-test'),
    repairCommand: get('repair-wheel-command'),
    testCommand: get('test-command'),
    auditCommand: get('audit-command'),
    auditRequires: shlexSplit(get('audit-requires'), 'audit-requires'),
    environment: get('environment'),
    environmentPass: words(get('environment-pass')),
    testEnvironment: get('test-environment'),
    configSettings: shlexSplit(get('config-settings'), 'config-settings'),
    frontend: parseFrontend(get('build-frontend')),
    testRequires: shlexSplit(get('test-requires'), 'test-requires'),
    testExtras: get('test-extras'),
    testSources: shlexSplit(get('test-sources'), 'test-sources'),
    containerEngine: parseContainerEngine(get('container-engine') || 'docker'),
    image,
    buildVerbosity: Math.max(-3, Math.min(3, verbosity)),
    dependencyVersions: get('dependency-versions')
  }
}
