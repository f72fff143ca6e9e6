/**
 * The public inputs: one table that action.yml, the README (the inputs and
 * migrating tables), the CLI flags and their --help are all generated from or
 * checked against (scripts/gen-docs.mjs, and the docs test). Every input is
 * also a CLI flag of the same name, except the few marked `actionOnly`.
 */
import type { Command } from '../model/options.js'
import type { InputSpec, OtherAction } from '../model/input-spec.js'
import { platformList } from '../platforms/index.js'
import { listing } from '../util/text.js'

export type { InputSpec, OtherAction } from '../model/input-spec.js'

export interface CommandSpec {
  readonly name: Command
  /** One line for `wheelwright --help`, and the first line of the command's own help. */
  readonly summary: string
  /** The one positional argument on the command line, and the input it sets. */
  readonly argument: { readonly name: string; readonly input: string }
}

/** The commands, in the order `wheelwright --help` lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'plan',
    summary:
      'List the identifiers a build would make, one a line, or the fan-out matrix as JSON (--matrix).',
    argument: { name: 'PACKAGE_DIR', input: 'package-dir' }
  },
  {
    name: 'build',
    summary: 'Build, repair and test a wheel for every selected identifier, into output-dir.',
    argument: { name: 'PACKAGE_DIR', input: 'package-dir' }
  },
  {
    name: 'sdist',
    summary: 'Build the source distribution into output-dir.',
    argument: { name: 'PACKAGE_DIR', input: 'package-dir' }
  },
  {
    name: 'publish',
    summary:
      'Verify the wheels and sdist in DIST_DIR (one version, the tag, twine check), then upload them with twine.',
    argument: { name: 'DIST_DIR', input: 'dist-dir' }
  }
]

const ALL: readonly Command[] = ['build', 'plan', 'sdist', 'publish']
const BUILD: readonly Command[] = ['build']
/** The inputs that choose identifiers: a plan job and its build jobs take the same ones. */
const SELECTION: readonly Command[] = ['build', 'plan']
/** Publishing: the publish command, and build with `publish: true`. */
const RELEASE: readonly Command[] = ['build', 'publish']
/** Workflow artifacts: build and sdist upload one in the action. */
const ARTIFACT: readonly Command[] = ['build', 'sdist']
/** The artifact name: `plan` also reads it, to name each group's artifact in the matrix. */
const ARTIFACT_NAMES: readonly Command[] = ['build', 'sdist', 'plan']
const ARTIFACTS_ONLY_IN_ACTIONS =
  'workflow artifacts exist only in a GitHub Actions run; on the command line the files stay in output-dir'
const CIBUILDWHEEL: readonly OtherAction[] = ['pypa/cibuildwheel']
const PYPI_PUBLISH: readonly OtherAction[] = ['pypa/gh-action-pypi-publish']
const UPLOAD_ARTIFACT: readonly OtherAction[] = ['actions/upload-artifact']
/** gh-action-pypi-publish's older spellings, which v1 still reads. */
const UNDERSCORE_ONLY_IN_ACTIONS =
  "gh-action-pypi-publish's older underscore spelling is read only in the action; on the command line use the kebab-case flag"

const fromConfig = 'from config'

export const INPUTS: readonly InputSpec[] = [
  {
    name: 'command',
    actionOnly:
      'the command is the first word on the command line: wheelwright build, plan, sdist or publish',
    commands: ALL,
    default: 'build',
    actionDefault: 'build',
    description: '`build`, `plan`, `sdist` or `publish`.'
  },
  {
    name: 'package-dir',
    from: CIBUILDWHEEL,
    // publish too: its pyproject.toml's [tool.wheelwright] holds repository-url and the like.
    commands: ALL,
    metavar: 'DIR',
    default: '.',
    actionDefault: '.',
    description: 'The project, the directory of its pyproject.toml; may also be an sdist `.tar.gz`.'
  },
  {
    name: 'output-dir',
    from: CIBUILDWHEEL,
    commands: ['build', 'sdist'],
    metavar: 'DIR',
    default: 'wheelhouse',
    description: 'Where finished wheels go (`CIBW_OUTPUT_DIR` is honoured).'
  },
  {
    name: 'config-file',
    from: CIBUILDWHEEL,
    commands: ALL,
    metavar: 'FILE',
    default: '{package}/pyproject.toml',
    description: 'cibuildwheel-compatible config file; `{package}` is replaced by package-dir.'
  },
  {
    name: 'platform',
    commands: SELECTION,
    metavar: 'PLATFORM',
    default: 'auto',
    description: `${listing(
      ['auto', ...platformList().map(p => p.name)].map(n => `\`${n}\``),
      'or'
    )} (\`CIBW_PLATFORM\` is honoured).`
  },
  {
    name: 'archs',
    commands: SELECTION,
    metavar: 'ARCHS',
    default: 'auto',
    description: 'As cibuildwheel: `auto`, `native`, `all`, `auto64`, `auto32`, or a list.'
  },
  {
    name: 'build',
    commands: SELECTION,
    metavar: 'SELECTOR',
    default: fromConfig,
    description: 'Identifiers to build (cibuildwheel selector: brace expansion and fnmatch).'
  },
  {
    name: 'skip',
    commands: SELECTION,
    metavar: 'SELECTOR',
    default: fromConfig,
    description: 'Identifiers to skip.'
  },
  {
    name: 'test-skip',
    commands: BUILD,
    metavar: 'SELECTOR',
    default: fromConfig,
    description: 'Identifiers whose tests are skipped.'
  },
  {
    name: 'enable',
    commands: SELECTION,
    metavar: 'GROUPS',
    default: fromConfig,
    description:
      'Extra groups: `cpython-prerelease`, `pypy`, `pypy-eol`, `graalpy`, ... or `all`; added to the config.'
  },
  {
    name: 'only',
    from: CIBUILDWHEEL,
    commands: SELECTION,
    metavar: 'IDENTIFIER',
    default: '',
    description: 'A single identifier to build (fan-out); platform and archs come from it.'
  },
  {
    name: 'group',
    commands: BUILD,
    metavar: 'GROUP',
    default: '',
    description: 'One group name from the `plan` matrix: build only its identifiers.'
  },
  {
    name: 'python-versions',
    commands: SELECTION,
    metavar: 'SPECIFIER',
    default: '',
    description:
      'A PEP 440 specifier such as `>=3.10` or `>=3.10,<3.13`, ANDed with `build` and `requires-python`.'
  },
  {
    name: 'build-frontend',
    commands: BUILD,
    metavar: 'FRONTEND',
    default: 'build',
    description: '`build`, `build[uv]`, `pip` or `uv`, optionally `; args: ...`.'
  },
  {
    name: 'config-settings',
    commands: BUILD,
    metavar: 'SETTINGS',
    default: fromConfig,
    description: 'PEP 517 config settings, `key=value` pairs.'
  },
  {
    name: 'environment',
    commands: BUILD,
    metavar: 'ASSIGNMENTS',
    default: fromConfig,
    description:
      'Environment assignments for the build (`$VAR` and `$(cmd)` are evaluated where the build runs).'
  },
  {
    name: 'environment-pass',
    commands: BUILD,
    metavar: 'NAMES',
    default: fromConfig,
    description: 'Names of runner variables passed into the Linux container.'
  },
  {
    name: 'before-all',
    commands: BUILD,
    metavar: 'COMMAND',
    default: fromConfig,
    description: 'Command run once per container (Linux) or once per job.'
  },
  {
    name: 'before-build',
    commands: BUILD,
    metavar: 'COMMAND',
    default: fromConfig,
    description: 'Command run before each build.'
  },
  {
    name: 'repair-wheel-command',
    commands: BUILD,
    metavar: 'COMMAND',
    default: 'per platform',
    description: 'Repair command; `{wheel}` and `{dest_dir}` are replaced. Empty disables repair.'
  },
  {
    name: 'test-command',
    commands: BUILD,
    metavar: 'COMMAND',
    default: fromConfig,
    description:
      'Test command, run in a fresh venv outside the project; `{project}`, `{package}` and `{wheel}` are replaced.'
  },
  {
    name: 'test-requires',
    commands: BUILD,
    metavar: 'REQUIREMENTS',
    default: fromConfig,
    description: 'Requirements installed before testing.'
  },
  {
    name: 'test-extras',
    commands: BUILD,
    metavar: 'EXTRAS',
    default: fromConfig,
    description: 'Extras of the package installed for testing.'
  },
  {
    name: 'before-test',
    commands: BUILD,
    metavar: 'COMMAND',
    default: fromConfig,
    description: 'Command run in the test venv before the wheel is installed.'
  },
  {
    name: 'container-engine',
    commands: BUILD,
    metavar: 'ENGINE',
    default: 'docker',
    description: '`docker` or `podman`, optionally `; create_args: ...` as in cibuildwheel.'
  },
  {
    name: 'container',
    commands: BUILD,
    metavar: 'MODE',
    default: 'auto',
    description:
      '`auto` (Linux: the configured engine, else podman; an error when none works), `on`, or `off` (host build).'
  },
  // The inputs only one platform reads, from its module (e.g. Linux's image policies).
  ...platformList().flatMap(p => p.options.inputs ?? []),
  {
    name: 'parallel',
    commands: BUILD,
    metavar: 'N',
    default: 'auto',
    description: 'How many identifiers build at once (`auto` = CPU count, `1` = sequential).'
  },
  {
    name: 'fail-fast',
    commands: BUILD,
    default: 'true',
    boolean: true,
    description:
      'Stop at the first failed identifier; `false` builds the rest and fails at the end.'
  },
  {
    name: 'max-per-job',
    commands: ['plan', 'build'],
    metavar: 'N',
    default: '0',
    description:
      "For `plan`: split each runner's identifiers into balanced groups of at most this many (0 = one group)."
  },
  {
    name: 'cache',
    commands: BUILD,
    default: 'true',
    boolean: true,
    description:
      'Restore and save wheels keyed by content (the wheel cache). Kept build venvs and the tools venv stay either way.'
  },
  {
    name: 'cache-skip-tests',
    commands: BUILD,
    default: 'false',
    boolean: true,
    description: 'Skip the tests of wheels restored from the cache.'
  },
  {
    name: 'compiler-cache',
    commands: BUILD,
    metavar: 'MODE',
    default: 'auto',
    description:
      'Cache compiled objects across identifiers and runs: `auto` (sccache, off with one warning when it cannot run), `sccache`, `ccache` or `off`.'
  },
  {
    name: 'upload-artifact',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    default: 'true',
    boolean: true,
    description: "Upload this job's wheels (and the sdist, when built) as one artifact."
  },
  {
    name: 'artifact-name',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT_NAMES,
    default: 'wheels-{os}-{arch}[-{group}]',
    description:
      "Artifact name template (`{os}`, `{arch}`, `{group}`; `[...]` is dropped when its placeholder is empty); must be unique per job. `plan` puts each group's name in the matrix (`artifact-name`) and refuses a matrix whose groups would share one."
  },
  {
    name: 'overwrite',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    from: UPLOAD_ARTIFACT,
    default: 'false',
    boolean: true,
    description:
      'Delete an artifact of the same name in this run before uploading (as upload-artifact); `false` fails on a name taken.'
  },
  {
    name: 'if-no-files-found',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    from: UPLOAD_ARTIFACT,
    metavar: 'MODE',
    default: 'warn',
    description:
      'When the job made no file to upload (as upload-artifact): `warn`, `error` (fail the step) or `ignore`.'
  },
  {
    name: 'artifact-retention-days',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    default: 'repository setting',
    description: 'Days to keep the artifact (1-90); empty or 0 uses the repository setting.'
  },
  {
    name: 'artifact-compression-level',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    default: '0',
    description:
      'Zip level of the artifact, 0-9; 0 stores, as wheels and sdists are already compressed.'
  },
  {
    name: 'artifact-pattern',
    actionOnly:
      'the action downloads artifacts into dist-dir; on the command line, publish takes DIST_DIR as it is',
    commands: ['publish'],
    default: 'wheels-* sdist*',
    description:
      "`publish` in the action: this run's artifacts to download (space-separated fnmatch patterns)."
  },
  {
    name: 'dist-dir',
    commands: ['publish'],
    metavar: 'DIR',
    default: 'dist',
    description:
      '`publish`: the directory of wheels and sdists to upload; the action downloads the artifacts into it first.'
  },
  {
    name: 'sdist',
    commands: BUILD,
    default: 'false',
    boolean: true,
    description: 'Also build the sdist (in `build` mode) and upload it.'
  },
  {
    name: 'publish',
    commands: RELEASE,
    metavar: 'MODE',
    default: 'false',
    description: '`false`, `true`, or `tag` (publish only on a tag ref).'
  },
  {
    name: 'repository-url',
    from: PYPI_PUBLISH,
    commands: RELEASE,
    metavar: 'URL',
    default: 'https://upload.pypi.org/legacy/',
    description: 'Upload URL of any twine-compatible index.'
  },
  {
    name: 'username',
    commands: RELEASE,
    metavar: 'NAME',
    default: '__token__',
    description: 'Index user name; `__token__` for API tokens and trusted publishing.'
  },
  {
    name: 'password',
    from: PYPI_PUBLISH,
    commands: RELEASE,
    default: '',
    description:
      'API token (or `TWINE_PASSWORD` in the environment); empty means trusted publishing (OIDC).'
  },
  {
    name: 'skip-existing',
    from: PYPI_PUBLISH,
    commands: RELEASE,
    default: 'false',
    boolean: true,
    description: 'Do not fail when a file is already on the index.'
  },
  {
    name: 'attestations',
    from: PYPI_PUBLISH,
    commands: RELEASE,
    default: 'true',
    boolean: true,
    description: 'Make PEP 740 attestations when trusted publishing.'
  },
  {
    name: 'verify-tag',
    commands: RELEASE,
    default: 'true',
    boolean: true,
    description: 'On a tag ref, refuse to publish unless the tag equals the package version.'
  },
  {
    name: 'verify-metadata',
    commands: RELEASE,
    from: PYPI_PUBLISH,
    default: 'true',
    boolean: true,
    description: 'Run `twine check` on every file before uploading; `false` skips it.'
  },
  {
    name: 'print-hash',
    commands: RELEASE,
    from: PYPI_PUBLISH,
    default: 'false',
    boolean: true,
    description: 'Print the sha256 of each file before uploading, in `sha256sum` format.'
  },
  {
    name: 'verbose',
    commands: RELEASE,
    from: PYPI_PUBLISH,
    default: 'false',
    boolean: true,
    description: 'Run `twine upload --verbose`, which shows each request and response.'
  },
  {
    name: 'index-timeout',
    commands: RELEASE,
    metavar: 'SECONDS',
    default: '120',
    description:
      'Seconds each request to the index (a lookup, a token exchange, the upload of one file) may take; it is tried 3 times in all, then the publish fails naming the URL.'
  },
  {
    name: 'dry-run',
    commands: ['build', 'sdist', 'publish'],
    default: 'false',
    boolean: true,
    description:
      '`build`: print the full plan of steps (argv, env, container) as JSON and build nothing; `sdist`: print what it would run; `publish`: run every check (the files, the tag, twine check, the index lookups) and print what would be uploaded, and where. Never uploads anything.'
  },
  {
    name: 'print-identifiers',
    commands: ['plan'],
    default: 'false',
    boolean: true,
    cliOnly: true,
    description: '`plan`: print one identifier per line.'
  },
  {
    name: 'matrix',
    commands: ['plan'],
    default: 'false',
    boolean: true,
    cliOnly: true,
    description: '`plan`: print the fan-out matrix JSON.'
  },
  {
    name: 'cache-dir',
    commands: ['build', 'sdist', 'publish'],
    metavar: 'DIR',
    default: '$XDG_CACHE_HOME/wheelwright',
    cliOnly: true,
    description: 'Local wheel cache directory.'
  },
  {
    name: 'log-format',
    commands: ALL,
    metavar: 'FORMAT',
    default: 'text',
    cliOnly: true,
    description:
      '`text`, the log to read, or `json`: one JSON object a line on stderr (each step started, its output, its end and time; messages; outputs) for scripts.'
  },
  {
    name: 'allow-empty',
    commands: BUILD,
    default: 'false',
    boolean: true,
    description: 'Succeed when nothing is selected (`CIBW_ALLOW_EMPTY` is honoured).'
  },
  // Other actions' names, so that their users can switch without renaming.
  {
    name: 'packages-dir',
    commands: ['publish'],
    metavar: 'DIR',
    aliasOf: 'dist-dir',
    from: PYPI_PUBLISH,
    default: '',
    description: "`dist-dir`, under pypa/gh-action-pypi-publish's name."
  },
  {
    name: 'user',
    commands: RELEASE,
    metavar: 'NAME',
    aliasOf: 'username',
    from: PYPI_PUBLISH,
    default: '',
    description: "`username`, under pypa/gh-action-pypi-publish's name."
  },
  // gh-action-pypi-publish v1 still reads its older underscore names, and
  // declares their defaults on them: each must be read, or a workflow that
  // only changed its `uses:` line would publish to PyPI instead of its index.
  ...(
    [
      ['repository_url', 'repository-url'],
      ['packages_dir', 'dist-dir'],
      ['verify_metadata', 'verify-metadata'],
      ['skip_existing', 'skip-existing'],
      ['print_hash', 'print-hash']
    ] as const
  ).map(([name, target]): InputSpec => ({
    name,
    commands: target === 'dist-dir' ? ['publish'] : RELEASE,
    aliasOf: target,
    actionOnly: UNDERSCORE_ONLY_IN_ACTIONS,
    from: PYPI_PUBLISH,
    // A boolean alias documents its target's default; action.yml leaves it empty.
    ...(target === 'verify-metadata'
      ? { boolean: true, default: 'true' }
      : target === 'skip-existing' || target === 'print-hash'
        ? { boolean: true, default: 'false' }
        : { default: '' }),
    description: `\`${target}\`, under pypa/gh-action-pypi-publish's older underscore name.`
  })),
  {
    name: 'name',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT_NAMES,
    aliasOf: 'artifact-name',
    from: UPLOAD_ARTIFACT,
    default: '',
    description: "`artifact-name`, under actions/upload-artifact's name."
  },
  {
    name: 'retention-days',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    aliasOf: 'artifact-retention-days',
    from: UPLOAD_ARTIFACT,
    default: '',
    description: "`artifact-retention-days`, under actions/upload-artifact's name."
  },
  {
    name: 'compression-level',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    aliasOf: 'artifact-compression-level',
    from: UPLOAD_ARTIFACT,
    default: '',
    description: "`artifact-compression-level`, under actions/upload-artifact's name."
  },
  {
    name: 'path',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    noEffect:
      'the artifact holds the wheels this job built in output-dir (and the sdist, when built), not a path given',
    from: UPLOAD_ARTIFACT,
    default: '',
    description:
      "actions/upload-artifact's files to upload; accepted with a warning, as the artifact holds this job's wheels and sdist."
  },
  {
    name: 'include-hidden-files',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    noEffect: 'the artifact holds only wheels and the sdist, never hidden files',
    from: UPLOAD_ARTIFACT,
    default: '',
    description:
      "actions/upload-artifact's hidden-file switch; accepted with a warning, as the artifact holds only distributions."
  },
  {
    name: 'archive',
    actionOnly: ARTIFACTS_ONLY_IN_ACTIONS,
    commands: ARTIFACT,
    noEffect: 'the artifact is always one zip of the wheels and the sdist',
    from: UPLOAD_ARTIFACT,
    default: '',
    description:
      "actions/upload-artifact's raw single-file upload; accepted with a warning, as the artifact is one zip."
  },
  {
    name: 'extras',
    commands: BUILD,
    metavar: 'EXTRAS',
    noEffect:
      'wheelwright installs uv itself when build-frontend is uv or build[uv], and needs no other extras',
    from: CIBUILDWHEEL,
    default: '',
    description:
      "pypa/cibuildwheel's extras of cibuildwheel itself (`uv`); accepted with a warning, as wheelwright provisions uv itself."
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
  {
    name: 'artifact-id',
    description:
      'The id of the uploaded artifact (as upload-artifact); empty when none was uploaded.'
  },
  {
    name: 'artifact-url',
    description:
      "The artifact's download URL on the run's page (as upload-artifact); empty when none was uploaded."
  },
  {
    name: 'artifact-digest',
    description: "The SHA-256 of the uploaded artifact's zip (as upload-artifact)."
  },
  { name: 'sdist', description: 'The path of the sdist, when one was built.' },
  { name: 'published', description: 'JSON array of the file names uploaded to the index.' }
]
