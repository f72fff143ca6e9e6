/**
 * Gathers the option sources from disk (the effects), then resolves them with
 * the pure resolveOptions. An sdist given as package-dir is unpacked first.
 */
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../util/errors.js'
import { locateError, type ConfigSource } from './locate.js'
import { unpackSdist } from './sdist-unpack.js'
import { readConfigFile } from './read-config.js'
import type { Env } from '../model/env.js'
import {
  parsePyproject,
  setupCfgRequiresPython,
  setupPyRequiresPython,
  type ProjectConfig
} from './pyproject.js'
import { resolveOptions } from './resolve.js'
import type { Options } from '../model/options.js'
import type { Runner } from '../platforms/runner.js'

export interface LoadInput {
  readonly inputs: ReadonlyMap<string, string>
  readonly env: Env
  readonly runner: Runner
  readonly cwd: string
}

const PROJECT_FILES: readonly string[] = ['pyproject.toml', 'setup.cfg', 'setup.py']

/** Parses a config file; an error in it names the file and, where known, the line. */
function parseConfig(source: ConfigSource, label: string): ProjectConfig {
  try {
    return parsePyproject(source.text, label, source.file)
  } catch (error) {
    throw locateError(error, { tool: source, project: source })
  }
}

export async function loadOptions({ inputs, env, runner, cwd }: LoadInput): Promise<Options> {
  const packageInput = inputs.get('package-dir')?.trim() || '.'
  const packagePath = path.resolve(cwd, packageInput)
  const command = inputs.get('command')?.trim() || 'build'
  let packageDir = packagePath
  let sdistInput: string | undefined
  const stat = fs.statSync(packagePath, { throwIfNoEntry: false })
  if (!stat) {
    throw new UserError('does not exist', {
      key: 'package-dir',
      value: packageInput,
      hint: 'point it at the directory holding pyproject.toml (or setup.py), or at an sdist .tar.gz'
    })
  }
  if (stat.isFile()) {
    if (!packagePath.endsWith('.tar.gz')) {
      throw new UserError('is a file but not an sdist', {
        key: 'package-dir',
        value: packageInput,
        hint: 'give a project directory or a source distribution ending in .tar.gz'
      })
    }
    sdistInput = packagePath
    packageDir = await unpackSdist(packagePath, packageInput)
  } else if (
    command !== 'publish' &&
    !PROJECT_FILES.some(f => fs.existsSync(path.join(packageDir, f)))
  ) {
    throw new UserError('holds no pyproject.toml, setup.cfg or setup.py', {
      key: 'package-dir',
      value: packageInput,
      hint: 'point it at the root of the Python project'
    })
  }

  // An unpacked sdist is removed on any error from here on (and by main when the command ends).
  try {
    const configInput = inputs.get('config-file')?.trim()
    const configFile = configInput
      ? path.resolve(cwd, configInput.replaceAll('{package}', packageDir))
      : path.join(packageDir, 'pyproject.toml')
    let config: ProjectConfig = { cibuildwheel: {}, wheelwright: {}, project: {} }
    const sources: { tool?: ConfigSource; project?: ConfigSource } = {}
    const toolText = readConfigFile(configFile, configInput ? 'config-file' : 'pyproject.toml')
    if (toolText !== undefined) {
      sources.tool = { file: configFile, text: toolText }
      config = parseConfig(sources.tool, configInput ? 'config-file' : 'pyproject.toml')
    } else if (configInput) {
      throw new UserError('does not exist', {
        key: 'config-file',
        value: configInput,
        hint: 'check the path'
      })
    }
    const projectToml = path.join(packageDir, 'pyproject.toml')
    const projectText =
      projectToml === configFile ? undefined : readConfigFile(projectToml, 'pyproject.toml')
    if (projectToml === configFile) sources.project = sources.tool
    else if (projectText === undefined) {
      // The build backend is the project's own, never a separate config file's.
      const { buildBackend: _ignored, ...rest } = config
      config = rest
    } else {
      sources.project = { file: projectToml, text: projectText }
      const own = parseConfig(sources.project, 'pyproject.toml')
      config = {
        ...config,
        project: own.project,
        dependencyGroups: own.dependencyGroups,
        buildBackend: own.buildBackend
      }
    }

    let legacyRequiresPython: string | undefined
    if (typeof config.project['requires-python'] !== 'string') {
      const read = (name: string) => readConfigFile(path.join(packageDir, name), name)
      const cfg = read('setup.cfg')
      const py = read('setup.py')
      legacyRequiresPython =
        (cfg !== undefined ? setupCfgRequiresPython(cfg) : undefined) ??
        (py !== undefined ? setupPyRequiresPython(py) : undefined)
    }

    return resolveOptions({
      inputs,
      env,
      runner,
      project: config,
      legacyRequiresPython,
      packageDir,
      packageInput,
      sdistInput,
      configFile: sources.tool ? configFile : undefined,
      cwd,
      sources
    })
  } catch (error) {
    if (sdistInput) fs.rmSync(path.dirname(packageDir), { recursive: true, force: true })
    throw error
  }
}
