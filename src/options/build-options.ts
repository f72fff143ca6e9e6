/** The options that may differ per identifier, resolved through the cascade. */
import { checkExtras, checkRequirements } from './requirements.js'
import { UserError } from '../util/errors.js'
import { words } from '../util/text.js'
import { split as shlexSplit } from '../util/shlex.js'
import type { Platform } from '../platforms/index.js'
import type {
  BuildOptions,
  ContainerEngine,
  DependencyConstraints,
  Frontend,
  FrontendName
} from '../model/options.js'
import fs from 'node:fs'
import path from 'node:path'
import { booleanValue } from './values.js'
import { readConfigFile } from './read-config.js'
import { dependencyGroupRequirements } from './dependency-groups.js'
import type { Table } from './pyproject.js'
import { parseEnvironment } from '../steps/environment.js'

/** An environment option, refused here (before any build) when malformed. */
function checked(value: string, key: string): string {
  parseEnvironment(value, key)
  return value
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

export function resolveBuildOptions(
  identifier: string,
  option: (name: string, identifier?: string) => string,
  platform: Platform,
  packageDir: string,
  dependencyGroups: Table = {},
  builtIn: (name: string, identifier: string) => boolean = () => false
): BuildOptions {
  const get = (name: string) => option(name, identifier)
  const verbosityText = get('build-verbosity').trim() || '0'
  const verbosity = Number(verbosityText)
  if (!/^[-+]?\d+$/.test(verbosityText)) {
    throw new UserError('must be a whole number', {
      key: 'build-verbosity',
      value: get('build-verbosity'),
      hint: 'use a number from -3 to 3'
    })
  }
  const imageOption = platform.containers?.imageOption(identifier)
  const image = imageOption ? get(imageOption) : ''
  const auditCommand = get('audit-command')
  const auditCommands = auditCommand ? auditCommand.split(' && ') : []
  for (const command of auditCommands) {
    const abi3 = command.includes('{abi3_wheel}')
    const any = command.includes('{wheel}')
    if (abi3 === any) {
      throw new UserError(
        abi3
          ? 'a command cannot use both {wheel} and {abi3_wheel}'
          : 'each command must use {wheel} or {abi3_wheel}',
        {
          key: 'audit-command',
          value: command,
          hint: 'for example: abi3audit --strict --report {abi3_wheel}; join commands with " && "'
        }
      )
    }
  }
  const testRequires = shlexSplit(get('test-requires'), 'test-requires')
  checkRequirements(testRequires, 'test-requires')
  checkExtras(get('test-extras'), 'test-extras')
  return {
    identifier,
    beforeAll: get('before-all'),
    beforeBuild: get('before-build'),
    beforeTest: get('before-test'),
    repairCommand: get('repair-wheel-command'),
    repairIsDefault:
      get('repair-wheel-command') !== '' && builtIn('repair-wheel-command', identifier),
    testCommand: get('test-command'),
    auditCommand,
    auditCommands,
    auditRequires: shlexSplit(get('audit-requires'), 'audit-requires'),
    environment: checked(get('environment'), 'environment'),
    environmentPass: words(get('environment-pass')),
    testEnvironment: checked(get('test-environment'), 'test-environment'),
    configSettings: shlexSplit(get('config-settings'), 'config-settings'),
    frontend: parseFrontend(get('build-frontend')),
    testRequires: [
      ...testRequires,
      ...dependencyGroupRequirements(dependencyGroups, words(get('test-groups')))
    ],
    testExtras: get('test-extras'),
    testSources: shlexSplit(get('test-sources'), 'test-sources'),
    containerEngine: parseContainerEngine(get('container-engine') || 'docker'),
    image,
    buildVerbosity: Math.max(-3, Math.min(3, verbosity)),
    dependencyVersions: get('dependency-versions'),
    dependencyConstraints: parseDependencyVersions(get('dependency-versions'), packageDir)
  }
}

/** Reads `dependency-versions` (the files it names are read here, before any build). */
export function parseDependencyVersions(text: string, packageDir: string): DependencyConstraints {
  const value = text.trim()
  if (value === '' || value === 'latest') return { kind: 'latest' }
  if (value === 'pinned') return { kind: 'pinned' }
  let file = value
  if (/^(file|packages):/.test(value)) {
    const parsed = parseKeyValue(value, 'dependency-versions', ['file', 'packages'])
    if (parsed.file && parsed.packages) {
      throw new UserError('cannot name both a file and packages', {
        key: 'dependency-versions',
        value,
        hint: 'use file: PATH or packages: NAME==VERSION ...'
      })
    }
    if (parsed.packages) {
      checkRequirements(parsed.packages, 'dependency-versions')
      return { kind: 'packages', packages: parsed.packages }
    }
    if (!parsed.file || parsed.file.length !== 1) {
      throw new UserError('names one file', {
        key: 'dependency-versions',
        value,
        hint: 'quote a path with spaces: file: "my constraints.txt"'
      })
    }
    file = parsed.file[0]
  }
  const full = path.resolve(packageDir, file)
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) {
    throw new UserError('names a constraints file that does not exist', {
      key: 'dependency-versions',
      value: full,
      hint: 'give a path relative to the project, or pinned, latest, or packages: ...'
    })
  }
  const { dir, name, ext } = path.parse(full)
  const byVersion: Record<string, string> = {}
  for (const sibling of fs.readdirSync(dir)) {
    const match = new RegExp(
      `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-python3(\\d+)${ext.replace('.', '\\.')}$`
    ).exec(sibling)
    if (match)
      byVersion[`3.${match[1]}`] =
        readConfigFile(path.join(dir, sibling), 'dependency-versions') ?? ''
  }
  return {
    kind: 'file',
    path: full,
    content: readConfigFile(full, 'dependency-versions') ?? '',
    byVersion
  }
}
