/** The resolved, frozen options every command works from. */
import type { PlatformName, Runner } from './platform-names.js'
import type { BuildSelectorConfig, EnableGroup } from './selector.js'

export type Command = 'build' | 'plan' | 'sdist' | 'publish'
export type FrontendName = 'build' | 'pip' | 'build[uv]' | 'uv'
export type ContainerMode = 'auto' | 'on' | 'off'
/** Which compiler cache wraps the compilers of a build. */
export type CompilerCacheMode = 'auto' | 'sccache' | 'ccache' | 'off'
export const COMPILER_CACHE_MODES: readonly CompilerCacheMode[] = [
  'auto',
  'sccache',
  'ccache',
  'off'
]
export type PublishMode = 'false' | 'true' | 'tag'
export type IfNoFilesFound = 'warn' | 'error' | 'ignore'

export interface Frontend {
  readonly name: FrontendName
  readonly args: readonly string[]
}

export interface ContainerEngine {
  readonly name: 'docker' | 'podman'
  readonly createArgs: readonly string[]
  readonly disableHostMount: boolean
}

/** Options that may differ per identifier (platform tables, overrides). */
export interface BuildOptions {
  readonly identifier: string
  readonly beforeAll: string
  readonly beforeBuild: string
  readonly beforeTest: string
  readonly repairCommand: string
  /**
   * The repair command is the platform's built-in one: no config table,
   * variable, input or flag set it. A platform may then run it its own way
   * (Linux host builds: see platforms/linux-repair.ts); a command the user
   * gave, even the same text, runs as written.
   */
  readonly repairIsDefault: boolean
  readonly testCommand: string
  readonly auditCommand: string
  /**
   * The audit commands (`audit-command` split on ` && `, as cibuildwheel): one
   * with `{abi3_wheel}` runs on abi3 wheels only, one with `{wheel}` on every wheel.
   */
  readonly auditCommands: readonly string[]
  readonly auditRequires: readonly string[]
  readonly environment: string
  readonly environmentPass: readonly string[]
  readonly testEnvironment: string
  readonly configSettings: readonly string[]
  readonly frontend: Frontend
  readonly testRequires: readonly string[]
  readonly testExtras: string
  readonly testSources: readonly string[]
  readonly containerEngine: ContainerEngine
  /** The policy name or image reference for this identifier's image (Linux). */
  readonly image: string
  readonly buildVerbosity: number
  readonly dependencyVersions: string
  /** `dependency-versions`, read: what the tools and the test env are constrained to. */
  readonly dependencyConstraints: DependencyConstraints
}

/**
 * `pinned`: wheelwright's own pins (resources/constraints.json); `latest`:
 * none; a file (`file: path` or a bare path; a sibling `<stem>-python3XY<ext>`
 * wins for that Python, as in cibuildwheel); or `packages: a==1 b==2`.
 */
export type DependencyConstraints =
  | { readonly kind: 'pinned' }
  | { readonly kind: 'latest' }
  | {
      readonly kind: 'file'
      readonly path: string
      readonly content: string
      /** `3.12` → the content of its own file, when there is one. */
      readonly byVersion: Readonly<Record<string, string>>
    }
  | { readonly kind: 'packages'; readonly packages: readonly string[] }

/** Publishing and artifacts: what `publish`, `sdist` and build's upload steps need. */
export interface PublishOptions {
  /** `false`, `true`, or `tag` (only on a tag ref). */
  readonly mode: PublishMode
  readonly repositoryUrl: string
  /** The username for a password (API token) upload: `__token__` by default. */
  readonly username: string
  /** The password (API token), from the password input or TWINE_PASSWORD. */
  readonly password?: string
  readonly skipExisting: boolean
  readonly attestations: boolean
  readonly verifyTag: boolean
  /** Run twine check before uploading. */
  readonly verifyMetadata: boolean
  /** Print the sha256 of each file before uploading. */
  readonly printHash: boolean
  /** twine upload --verbose. */
  readonly verbose: boolean
  /** Seconds each request to the index (a lookup, the upload of one file) may take per try. */
  readonly indexTimeoutSeconds: number
  /** Absolute dist-dir. */
  readonly distDir: string
  readonly artifactPattern: string
  readonly uploadArtifact: boolean
  /** Delete an artifact of the same name in this run before uploading. */
  readonly overwrite: boolean
  /** When the job made no file to upload. */
  readonly ifNoFilesFound: IfNoFilesFound
  /** The artifact name template. */
  readonly artifactName: string
  /** Whether artifact-name was given (an sdist job's artifact is `sdist` otherwise). */
  readonly artifactNameGiven: boolean
  /** Undefined: the repository's default. */
  readonly retentionDays?: number
  readonly compressionLevel: number
}

/** Options of the whole run, the same for every identifier. */
export interface GlobalOptions {
  readonly command: Command
  /** Absolute path of the package to build (an unpacked sdist when one was given). */
  readonly packageDir: string
  /**
   * The project that holds it, as cibuildwheel's `{project}`: the working
   * directory when package-dir is inside it, else package-dir itself (and an
   * unpacked sdist is its own project). A container gets all of it.
   */
  readonly projectDir: string
  /** The package-dir as the user gave it. */
  readonly packageInput: string
  readonly sdistInput?: string
  readonly configFile?: string
  /** Absolute output-dir. */
  readonly outputDir: string
  readonly platform: PlatformName
  readonly runner: Runner
  /** A dry run of another OS's plan: paths are that OS's hosted runner's. */
  readonly simulated: boolean
  /** Validated for `platform`. */
  readonly archs: ReadonlySet<string>
  readonly selector: BuildSelectorConfig
  readonly build: string
  readonly skip: string
  readonly testSkip: string
  readonly enable: ReadonlySet<EnableGroup>
  readonly requiresPython?: string
  readonly pythonVersions?: string
  readonly only?: string
  readonly group?: string
  readonly allowEmpty: boolean
  readonly parallel: number
  readonly failFast: boolean
  readonly container: ContainerMode
  readonly cache: boolean
  /** Absolute: the cache-dir given, or the default for this runner. */
  readonly cacheDir: string
  readonly cacheSkipTests: boolean
  /** `auto`: sccache when it runs, else off with one warning. */
  readonly compilerCache: CompilerCacheMode
  /** The project's `[build-system] build-backend`, when it names one. */
  readonly buildBackend?: string
  readonly maxPerJob: number
  readonly dryRun: boolean
  readonly printIdentifiers: boolean
  readonly matrix: boolean
  /**
   * The values of the platforms' own `[tool.wheelwright]` keys (and inputs),
   * by key, as each platform declares them (e.g. `macos-deployment-target`).
   */
  readonly platformSettings: Readonly<Record<string, string | boolean | undefined>>
  /** Also build the sdist (build command). */
  readonly sdist: boolean
}

export interface Options extends GlobalOptions {
  readonly publish: PublishOptions
  /** Non-fatal findings (unknown keys, unused skip patterns), reported by main. */
  readonly warnings: readonly string[]
  readonly buildOptions: (identifier: string) => BuildOptions
}
