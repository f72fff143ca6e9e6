/**
 * The public inputs: one table that action.yml, the README and the CLI flags
 * are all generated from or checked against (scripts/gen-docs.mjs, and the
 * docs test). Every input is also a CLI flag of the same name.
 */
import { UserError } from '../util/errors.js'
import { closest } from '../util/text.js'

export interface InputSpec {
  readonly name: string
  readonly description: string
  /** The effective default, as documented; action.yml leaves most empty so config can win. */
  readonly default: string
  /** The literal default in action.yml. */
  readonly actionDefault?: string
  readonly boolean?: boolean
  /** CLI-only flags are not action inputs. */
  readonly cliOnly?: boolean
}

const fromConfig = 'from config'

export const INPUTS: readonly InputSpec[] = [
  {
    name: 'command',
    default: 'build',
    actionDefault: 'build',
    description: '`build`, `plan`, `sdist` or `publish`.'
  },
  {
    name: 'package-dir',
    default: '.',
    actionDefault: '.',
    description: 'The project to build; may also be an sdist `.tar.gz`.'
  },
  {
    name: 'output-dir',
    default: 'wheelhouse',
    description: 'Where finished wheels go (`CIBW_OUTPUT_DIR` is honoured).'
  },
  {
    name: 'config-file',
    default: '{package}/pyproject.toml',
    description: 'cibuildwheel-compatible config file; `{package}` is replaced by package-dir.'
  },
  {
    name: 'platform',
    default: 'auto',
    description: '`auto`, `linux`, `macos` or `windows` (`CIBW_PLATFORM` is honoured).'
  },
  {
    name: 'archs',
    default: 'auto',
    description: 'As cibuildwheel: `auto`, `native`, `all`, `auto64`, `auto32`, or a list.'
  },
  {
    name: 'build',
    default: fromConfig,
    description: 'Identifiers to build (cibuildwheel selector: brace expansion and fnmatch).'
  },
  { name: 'skip', default: fromConfig, description: 'Identifiers to skip.' },
  { name: 'test-skip', default: fromConfig, description: 'Identifiers whose tests are skipped.' },
  {
    name: 'enable',
    default: fromConfig,
    description:
      'Extra groups: `cpython-prerelease`, `pypy`, `pypy-eol`, `graalpy`, ... or `all`; added to the config.'
  },
  {
    name: 'only',
    default: '',
    description: 'A single identifier to build (fan-out); platform and archs come from it.'
  },
  {
    name: 'group',
    default: '',
    description: 'One group name from the `plan` matrix: build only its identifiers.'
  },
  {
    name: 'python-versions',
    default: '',
    description:
      'A PEP 440 specifier such as `>=3.10` or `>=3.10,<3.13`, ANDed with `build` and `requires-python`.'
  },
  {
    name: 'build-frontend',
    default: 'build',
    description: '`build`, `build[uv]`, `pip` or `uv`, optionally `; args: ...`.'
  },
  {
    name: 'config-settings',
    default: fromConfig,
    description: 'PEP 517 config settings, `key=value` pairs.'
  },
  {
    name: 'environment',
    default: fromConfig,
    description:
      'Environment assignments for the build (`$VAR` and `$(cmd)` are evaluated where the build runs).'
  },
  {
    name: 'environment-pass',
    default: fromConfig,
    description: 'Names of runner variables passed into the Linux container.'
  },
  {
    name: 'before-all',
    default: fromConfig,
    description: 'Command run once per container (Linux) or once per job.'
  },
  { name: 'before-build', default: fromConfig, description: 'Command run before each build.' },
  {
    name: 'repair-wheel-command',
    default: 'per platform',
    description: 'Repair command; `{wheel}` and `{dest_dir}` are replaced. Empty disables repair.'
  },
  {
    name: 'test-command',
    default: fromConfig,
    description:
      'Test command, run in a fresh venv outside the project; `{project}`, `{package}` and `{wheel}` are replaced.'
  },
  {
    name: 'test-requires',
    default: fromConfig,
    description: 'Requirements installed before testing.'
  },
  {
    name: 'test-extras',
    default: fromConfig,
    description: 'Extras of the package installed for testing.'
  },
  {
    name: 'before-test',
    default: fromConfig,
    description: 'Command run in the test venv before the wheel is installed.'
  },
  {
    name: 'container-engine',
    default: 'docker',
    description: '`docker` or `podman`, optionally `; create_args: ...` as in cibuildwheel.'
  },
  {
    name: 'manylinux-image',
    default: 'manylinux_2_28',
    description:
      'A policy name (resolved to a pinned image) or a full image reference, for every arch.'
  },
  {
    name: 'musllinux-image',
    default: 'musllinux_1_2',
    description: 'A policy name or a full image reference, for every arch.'
  },
  {
    name: 'container',
    default: 'auto',
    description:
      '`auto` (Linux: the configured engine, else podman; an error when none works), `on`, or `off` (host build).'
  },
  {
    name: 'macos-deployment-target',
    default: 'per arch/Python',
    description: 'Overrides `MACOSX_DEPLOYMENT_TARGET`.'
  },
  {
    name: 'msvc-toolset',
    default: 'latest',
    description: 'MSVC toolset version for `vcvarsall.bat -vcvars_ver=`.'
  },
  {
    name: 'msvc-avoid-vcruntime140-1',
    default: 'false',
    boolean: true,
    description: 'Adds `/d2FH4-` so wheels need only VCRUNTIME140.dll.'
  },
  {
    name: 'parallel',
    default: 'auto',
    description: 'How many identifiers build at once (`auto` = CPU count, `1` = sequential).'
  },
  {
    name: 'fail-fast',
    default: 'true',
    boolean: true,
    description:
      'Stop at the first failed identifier; `false` builds the rest and fails at the end.'
  },
  {
    name: 'max-per-job',
    default: '0',
    description:
      "For `plan`: split each runner's identifiers into balanced groups of at most this many (0 = one group)."
  },
  {
    name: 'cache',
    default: 'true',
    boolean: true,
    description: 'Restore and save wheels and tool caches keyed by content.'
  },
  {
    name: 'cache-skip-tests',
    default: 'false',
    boolean: true,
    description: 'Skip the tests of wheels restored from the cache.'
  },
  {
    name: 'upload-artifact',
    default: 'true',
    boolean: true,
    description: "Upload this job's wheels (and the sdist, when built) as one artifact."
  },
  {
    name: 'artifact-name',
    default: 'wheels-{os}-{arch}[-{group}]',
    description:
      'Artifact name template (`{os}`, `{arch}`, `{group}`; `[...]` is dropped when its placeholder is empty); must be unique per job.'
  },
  {
    name: 'artifact-retention-days',
    default: 'repository setting',
    description: 'Days to keep the artifact (1-90); empty or 0 uses the repository setting.'
  },
  {
    name: 'artifact-compression-level',
    default: '0',
    description:
      'Zip level of the artifact, 0-9; 0 stores, as wheels and sdists are already compressed.'
  },
  {
    name: 'artifact-pattern',
    default: 'wheels-* sdist*',
    description:
      "`publish` in the action: this run's artifacts to download (space-separated fnmatch patterns)."
  },
  {
    name: 'dist-dir',
    default: 'dist',
    description:
      '`publish`: the directory of wheels and sdists to upload; the action downloads the artifacts into it first.'
  },
  {
    name: 'sdist',
    default: 'false',
    boolean: true,
    description: 'Also build the sdist (in `build` mode) and upload it.'
  },
  {
    name: 'publish',
    default: 'false',
    description: '`false`, `true`, or `tag` (publish only on a tag ref).'
  },
  {
    name: 'repository-url',
    default: 'https://upload.pypi.org/legacy/',
    description: 'Upload URL of any twine-compatible index.'
  },
  {
    name: 'username',
    default: '__token__',
    description: 'Index user name; `__token__` for API tokens and trusted publishing.'
  },
  {
    name: 'password',
    default: '',
    description:
      'API token (or `TWINE_PASSWORD` in the environment); empty means trusted publishing (OIDC).'
  },
  {
    name: 'skip-existing',
    default: 'false',
    boolean: true,
    description: 'Do not fail when a file is already on the index.'
  },
  {
    name: 'attestations',
    default: 'true',
    boolean: true,
    description: 'Make PEP 740 attestations when trusted publishing.'
  },
  {
    name: 'verify-tag',
    default: 'true',
    boolean: true,
    description: 'On a tag ref, refuse to publish unless the tag equals the package version.'
  },
  {
    name: 'dry-run',
    default: 'false',
    boolean: true,
    description: 'Print the full plan of steps (argv, env, container) as JSON; build nothing.'
  },
  {
    name: 'print-identifiers',
    default: 'false',
    boolean: true,
    cliOnly: true,
    description: '`plan`: print one identifier per line.'
  },
  {
    name: 'matrix',
    default: 'false',
    boolean: true,
    cliOnly: true,
    description: '`plan`: print the fan-out matrix JSON.'
  },
  {
    name: 'cache-dir',
    default: '$XDG_CACHE_HOME/wheelwright',
    cliOnly: true,
    description: 'Local wheel cache directory.'
  },
  {
    name: 'allow-empty',
    default: 'false',
    boolean: true,
    description: 'Succeed when nothing is selected (`CIBW_ALLOW_EMPTY` is honoured).'
  }
]

export const OUTPUTS: readonly { name: string; description: string }[] = [
  { name: 'wheels', description: 'JSON array of the paths of the wheels built by this job.' },
  { name: 'wheelhouse', description: 'The output directory.' },
  { name: 'identifiers', description: 'JSON array of the selected identifiers.' },
  {
    name: 'matrix',
    description: 'From `plan`: the fan-out matrix JSON, for `strategy.matrix` through `fromJSON`.'
  },
  { name: 'artifact-name', description: 'The name of the uploaded artifact.' },
  { name: 'sdist', description: 'The path of the sdist, when one was built.' },
  { name: 'published', description: 'JSON array of the file names uploaded to the index.' }
]

const BY_NAME: ReadonlyMap<string, InputSpec> = new Map(INPUTS.map(i => [i.name, i]))

export interface ParsedArgs {
  readonly command?: string
  readonly positional?: string
  readonly inputs: Map<string, string>
  readonly help: boolean
  readonly version: boolean
  /** Print the stack trace of an unexpected error. */
  readonly debug: boolean
}

/**
 * CLI argv → inputs. `--name value`, `--name=value`; booleans also take a bare
 * `--name` (true) and `--name true|false`; `--no-name` is not accepted.
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const inputs = new Map<string, string>()
  const positionals: string[] = []
  /** The boolean flag right before each positional, if any (`--fail-fast maybe`). */
  const afterBoolean = new Map<number, string>()
  let help = false
  let version = false
  let debug = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    if (arg === '--version') {
      version = true
      continue
    }
    if (arg === '--debug') {
      debug = true
      continue
    }
    if (!arg.startsWith('--') || arg === '--') {
      const previous = argv[i - 1]?.startsWith('--') ? argv[i - 1].slice(2) : undefined
      if (previous && BY_NAME.get(previous)?.boolean) afterBoolean.set(positionals.length, previous)
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    const spec = BY_NAME.get(name)
    if (!spec) {
      const suggestion = closest(name, BY_NAME.keys())
      throw new UserError('unknown flag', {
        key: `--${name}`,
        hint: suggestion ? `did you mean --${suggestion}?` : 'see wheelwright --help'
      })
    }
    if (name === 'password') {
      // Never echo the value: it would be a secret in this error, too.
      throw new UserError(
        'is refused on the command line, where every user of the machine can read it (ps)',
        {
          key: '--password',
          hint: 'set TWINE_PASSWORD in the environment instead'
        }
      )
    }
    let value: string
    if (eq >= 0) value = arg.slice(eq + 1)
    else if (spec.boolean)
      value = argv[i + 1] === 'true' || argv[i + 1] === 'false' ? argv[++i] : 'true'
    else {
      if (i + 1 >= argv.length) {
        throw new UserError('needs a value', { key: `--${name}`, hint: `write --${name} VALUE` })
      }
      value = argv[++i]
    }
    if (spec.boolean && !['true', 'false'].includes(value)) {
      throw new UserError('takes true or false', {
        key: `--${name}`,
        value,
        hint: `write --${name} or --${name}=false`
      })
    }
    inputs.set(name, value)
  }
  if (positionals.length > 2) {
    const flag = [...afterBoolean].find(([index]) => index >= 2)
    if (flag) {
      throw new UserError('takes true or false', {
        key: `--${flag[1]}`,
        value: positionals[flag[0]],
        hint: `write --${flag[1]}, --${flag[1]}=true or --${flag[1]}=false`
      })
    }
    throw new UserError('too many arguments', {
      value: positionals.slice(2).join(' '),
      hint: 'usage: wheelwright <command> [PACKAGE_DIR] [--flags]'
    })
  }
  const [command, positional] = positionals
  return { command, positional, inputs, help, version, debug }
}

/** Action inputs from INPUT_* variables, as @actions/core reads them. */
export function readActionInputs(getInput: (name: string) => string): Map<string, string> {
  const inputs = new Map<string, string>()
  for (const spec of INPUTS) {
    if (spec.cliOnly) continue
    const value = getInput(spec.name)
    if (value !== '') inputs.set(spec.name, value)
  }
  return inputs
}
