/**
 * Pure resolution of every option source into one frozen `Options`:
 * action inputs / CLI flags, `[tool.cibuildwheel]` (platform tables and
 * overrides), `CIBW_*` variables and `[tool.wheelwright]`. Every value is
 * checked and every path made absolute here, before any work starts.
 */
import os from 'node:os'
import path from 'node:path'
import { UserError } from '../util/errors.js'
import { parseBoolean } from '../util/text.js'
import { optionSourcePath, resolveOption, type CascadeSources } from './cascade.js'
import type { Env } from '../model/env.js'
import type { ProjectConfig } from './pyproject.js'
import { NO_EFFECT, OPTION_SPECS, SPECS_BY_NAME, WHEELWRIGHT_KEYS } from './schema.js'
import {
  COMPILER_CACHE_MODES,
  type BuildOptions,
  type Command,
  type CompilerCacheMode,
  type ContainerMode,
  type Options
} from '../model/options.js'
import { checkAllowedArchs, parseArchs } from '../plan/archs.js'
import { parsePlatformName, platformOfIdentifier, archOfIdentifier } from '../plan/identifiers.js'
import { ENABLE_GROUPS, expandPatterns } from '../model/selector.js'
import { platformList, platformNamed, type PlatformName, type Runner } from '../platforms/index.js'
import { thisMachine } from '../platforms/runner.js'
import { resolveBuildOptions } from './build-options.js'
import { INPUTS } from './inputs.js'
import { PLACEHOLDER_VARS, unknownPlaceholders } from '../steps/placeholders.js'
import { checkConfigTables, parseOverrides } from './config-table.js'
import { locateError, type ConfigSources } from './locate.js'
import { resolvePublishOptions } from './publish.js'
import {
  booleanValue,
  nonEmpty,
  parseChoice,
  parseCompilerCache,
  parseEnable,
  parseParallel,
  pep440Range,
  positiveInt,
  pythonVersionsRange,
  type Keyed
} from './values.js'

export { booleanValue, parseEnable } from './values.js'

export const COMMANDS: readonly Command[] = ['build', 'plan', 'sdist', 'publish']

/** The options that hold shell commands, with placeholders. */
const COMMAND_OPTIONS: readonly string[] = [
  'before-all',
  'before-build',
  'repair-wheel-command',
  'before-test',
  'test-command',
  'audit-command'
]

export interface ResolveInput {
  readonly inputs: ReadonlyMap<string, string>
  readonly env: Env
  readonly runner: Runner
  /** The machine this process runs on; differs from runner in a dry run of another OS. */
  readonly machine?: Runner
  readonly project: ProjectConfig
  /** requires-python from setup.cfg / setup.py, when pyproject has none. */
  readonly legacyRequiresPython?: string
  readonly packageDir: string
  readonly packageInput: string
  readonly sdistInput?: string
  readonly configFile?: string
  readonly cpuCount?: number
  /** Relative paths in options (output-dir, cache-dir, dist-dir) are taken from here. */
  readonly cwd?: string
  /** The config files' text, so that a bad value's error names its line. */
  readonly sources?: ConfigSources
}

/** wheelwright's cache dir on this machine: `$XDG_CACHE_HOME/wheelwright` or `~/.cache/wheelwright`. */
export function defaultCacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache')
  return path.join(base, 'wheelwright')
}

/** Resolves the options; an error about a value from a config file names the file and line. */
export function resolveOptions(input: ResolveInput): Options {
  const seen: { cascade?: CascadeSources } = {}
  try {
    return resolveWith(input, seen)
  } catch (error) {
    throw locateError(error, input.sources ?? {}, seen.cascade)
  }
}

function resolveWith(input: ResolveInput, seen: { cascade?: CascadeSources }): Options {
  const { inputs, env, runner, project } = input
  const cwd = input.cwd ?? process.cwd()
  const warnings: string[] = []
  const get = (name: string) => nonEmpty(inputs.get(name))
  const ours = (name: (typeof WHEELWRIGHT_KEYS)[number]): Keyed => {
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

  checkConfigTables(project)
  const overrides = parseOverrides(project.cibuildwheel)
  const cascade: CascadeSources = {
    platform,
    platformDefaults: platformNamed(platform).options.defaults,
    config: project.cibuildwheel,
    overrides,
    env,
    inputs: expandImageInputs(inputs)
  }
  seen.cascade = cascade
  const option = (name: string, identifier?: string) => {
    const spec = SPECS_BY_NAME.get(name)
    if (!spec) throw new Error(`unknown option ${name}`)
    return resolveOption(spec, cascade, identifier)
  }

  for (const [name, reason] of Object.entries(NO_EFFECT)) {
    const spec = SPECS_BY_NAME.get(name)!
    const value = option(name)
    if (value !== spec.defaults.all && !(name === 'xbuild-tools' && value === '\u0000'))
      warnings.push(`${name}: ${reason}; ignored on ${platform} (got ${JSON.stringify(value)})`)
  }

  for (const name of COMMAND_OPTIONS) {
    const unknown = unknownPlaceholders(option(name))
    if (unknown.length > 0)
      warnings.push(
        `${name}: ${unknown.map(u => `{${u}}`).join(', ')} is no placeholder and reaches the shell as written ` +
          `(placeholders: ${Object.keys(PLACEHOLDER_VARS)
            .map(p => `{${p}}`)
            .join(', ')})`
      )
  }

  let build = option('build') || '*'
  let skip = option('skip')
  const testSkip = option('test-skip')
  // Bounded before anything matches them.
  for (const [name, value] of [
    ['build', build],
    ['skip', skip],
    ['test-skip', testSkip]
  ])
    expandPatterns(value, name)
  let enable = parseEnable(option('enable'), 'enable')
  let archs = parseArchs(option('archs'), platform, runner)
  if (only) {
    build = only
    skip = ''
    archs = new Set([archOfIdentifier(only)])
    enable = new Set(ENABLE_GROUPS)
  } else {
    checkAllowedArchs(archs, platform)
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
    ? pythonVersionsRange(pythonVersionsText.value, pythonVersionsText.key)
    : undefined

  const parallel = parseParallel(ours('parallel'), input.cpuCount ?? os.availableParallelism())
  const maxPerJob = positiveInt(ours('max-per-job'), 0)
  const container = parseChoice(ours('container'), ['auto', 'on', 'off'], 'auto') as ContainerMode
  const dryRun = booleanValue(get('dry-run') ?? 'false', 'dry-run')
  const simulated = dryRun && runner.platform !== (input.machine ?? thisMachine()).platform
  const cacheGiven = ours('cache-dir').value
  const cacheDir = cacheGiven
    ? path.resolve(cwd, cacheGiven)
    : simulated
      ? platformNamed(runner.platform).runners.hosted.cache
      : defaultCacheDir(env)

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
      try {
        found = Object.freeze(
          resolveBuildOptions(
            identifier,
            option,
            platformNamed(platform),
            input.packageDir,
            project.dependencyGroups,
            (name, id) => optionSourcePath(SPECS_BY_NAME.get(name)!, cascade, id) === 'default'
          )
        )
      } catch (error) {
        throw locateError(error, input.sources ?? {}, cascade, identifier)
      }
      memo.set(identifier, found)
    }
    return found
  }

  const options: Options = {
    command,
    packageDir: input.packageDir,
    projectDir: projectOf(input.packageDir, cwd, !!input.sdistInput),
    packageInput: input.packageInput,
    sdistInput: input.sdistInput,
    configFile: input.configFile,
    outputDir: path.resolve(
      cwd,
      get('output-dir') ?? nonEmpty(env.CIBW_OUTPUT_DIR) ?? 'wheelhouse'
    ),
    platform,
    runner,
    simulated,
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
    cacheDir,
    cacheSkipTests: bool('cache-skip-tests', false),
    compilerCache: parseCompilerCache(
      ours('compiler-cache'),
      COMPILER_CACHE_MODES
    ) as CompilerCacheMode,
    ...(project.buildBackend ? { buildBackend: project.buildBackend } : {}),
    maxPerJob,
    dryRun,
    printIdentifiers: booleanValue(get('print-identifiers') ?? 'false', 'print-identifiers'),
    matrix: booleanValue(get('matrix') ?? 'false', 'matrix'),
    platformSettings: Object.fromEntries(
      platformList()
        .flatMap(p => p.options.settings ?? [])
        .map(setting => {
          if (setting.boolean) return [setting.name, bool(setting.name, false)]
          const { value, key } = ours(setting.name)
          if (value !== undefined) setting.check?.(value, key)
          return [setting.name, value]
        })
    ),
    sdist: bool('sdist', false),
    publish: resolvePublishOptions({
      input: get,
      ours: name => ours(name as (typeof WHEELWRIGHT_KEYS)[number]),
      bool: (name, fallback) => bool(name as (typeof WHEELWRIGHT_KEYS)[number], fallback),
      env,
      cwd
    }),
    warnings,
    buildOptions
  }
  return Object.freeze(options)
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

/** An input that sets several options (`manylinux-image`: the image of every arch) sets each. */
function expandImageInputs(inputs: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map<string, string>()
  for (const [name, raw] of inputs) {
    const prefix = INPUTS.find(input => input.name === name)?.setsEvery
    if (prefix !== undefined) {
      const value = nonEmpty(raw)
      if (value === undefined) continue
      for (const spec of OPTION_SPECS) {
        if (spec.name.startsWith(prefix) && !result.has(spec.name)) result.set(spec.name, value)
      }
    } else {
      // A value given empty (`--repair-wheel-command ''`) means empty, as in
      // CIBW_* and TOML. The action never passes one: an empty input is unset.
      result.set(name, raw.trim())
    }
  }
  return result
}

/** cibuildwheel's project: the working directory, when it holds the package. */
function projectOf(packageDir: string, cwd: string, fromSdist: boolean): string {
  if (fromSdist) return packageDir
  const relative = path.relative(cwd, packageDir)
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  return inside ? path.resolve(cwd) : packageDir
}
