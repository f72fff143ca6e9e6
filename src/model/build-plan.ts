/** The BuildPlan: pure data that executors run and `--dry-run` prints. */
import type { PlatformName, Runner } from './platform-names.js'
import type { CompileGroup } from './compiler-cache.js'

export type Where = 'host' | 'container'

/**
 * In a container step's env: PATH entries (`:`-separated) that the container
 * executor puts first on the image's own PATH, so an image's compiler
 * toolset (manylinux puts gcc-toolset first) stays where the image put it.
 */
export const IMAGE_PATH_PREPEND = 'WHEELWRIGHT_PATH_PREPEND'

export interface Step {
  /** What the step does: `before-build`, `build`, `repair`, `test`, ... */
  readonly name: string
  readonly argv: readonly string[]
  /**
   * What the log shows for the step: the command as the user knows it (their
   * before-build or test-command as written, `python -m build .`, `auditwheel
   * repair ...`) or what an internal step does, never its wrapper script.
   * The step's name stands in when it is absent.
   */
  readonly display?: string
  /** Variables set for this step on top of the build's environment. */
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
  readonly where: Where
  /** `build` steps are skipped when a compatible wheel is reused; `test` steps always run. */
  readonly phase: 'build' | 'test'
  /**
   * After the step, the executor looks for exactly one wheel in this directory
   * and makes it the current `{wheel}` (the built wheel, then the repaired one).
   */
  readonly collectsWheel?: string
  /** `{wheel}` in this step is the current wheel's name in this directory (e.g. its host copy). */
  readonly wheelDir?: string
  /** Run only when the current wheel is abi3 (the audit). */
  readonly onlyAbi3?: boolean
  /** Skip the step when this host path exists (one-time setup such as the tools venv). */
  readonly creates?: string
  /**
   * A check of what the steps marked `creates: <this path>` made, run only
   * when that marker exists. When it fails, the marker's directory is removed
   * and those steps make it again: a kept venv that broke is a miss, not a
   * failed build.
   */
  readonly verifies?: string
  /**
   * Group setup only: the first non-empty line of the step's stdout becomes
   * this variable in the environment of the setup steps after it (a value
   * only known at run time, such as the Visual Studio path vswhere prints).
   * The step fails when it prints nothing.
   */
  readonly stdoutVar?: string
  /**
   * Group setup only: the step prints an environment (`set` output after an
   * activation script such as vcvarsall.bat); the variables it changed compared
   * with the step's env are kept under this name for the builds whose
   * `capturedEnv` names it. `[ERROR` lines in the output fail the step.
   */
  readonly captureEnv?: string
}

export interface ContainerSpec {
  readonly engine: 'docker' | 'podman'
  readonly image: string
  readonly name: string
  readonly createArgs: readonly string[]
  /** Variables given to `create --env`; nothing else from the runner enters. */
  readonly env: Readonly<Record<string, string>>
}

export interface Build {
  readonly identifier: string
  /** The interpreter that builds it (a path where the build runs). */
  readonly python: string
  readonly version: string
  /** Build dirs of this identifier; separate per build so they can run in parallel. */
  readonly workDir: string
  /** Where the repaired wheel is left for the executor to collect. */
  readonly wheelDir: string
  /** The raw `environment` option, evaluated where the build runs before the steps. */
  readonly environment: string
  /** The raw `test-environment` option, evaluated on top of it before the test steps. */
  readonly testEnvironment?: string
  /** Static variables of every step of this build. */
  readonly env: Readonly<Record<string, string>>
  readonly steps: readonly Step[]
  /** False when the identifier is test-skipped or has no test command. */
  readonly tested: boolean
  /**
   * Why tests do not run, or run only in part, when that deserves a warning
   * (e.g. arm64 on Intel, the arm64 slice of universal2 on Intel).
   */
  readonly testWarning?: string
  /**
   * An environment captured by a setup step (`Step.captureEnv`), overlaid on
   * every step of this build before the `environment` option (MSVC activation).
   */
  readonly capturedEnv?: string
  readonly abi3Audit: boolean
  /** The builds it shares compiled objects with (see CompileGroup), when the compiler cache is on. */
  readonly compileGroup?: CompileGroup
}

/** Identifiers that run in one place: one container, or the host. */
export interface BuildGroup {
  readonly where: Where
  readonly container?: ContainerSpec
  /**
   * The lanes of one container family (the same image, engine and
   * before-all) share this key: a wheel built in one lane is reused by the
   * identifiers of the others, as it would be in one container.
   */
  readonly family?: string
  /** The builds share one project dir (a container lane's `/project`): one at a time. */
  readonly serial?: boolean
  /** Steps run once before the builds (copy-in, before-all, tool setup). */
  readonly setup: readonly Step[]
  readonly builds: readonly Build[]
  /** Steps run once after the builds, whatever happened (copy-out, removal). */
  readonly teardown: readonly Step[]
}

export interface BuildPlan {
  readonly platform: PlatformName
  readonly runner: Runner
  readonly packageDir: string
  readonly outputDir: string
  /** The run's host temp dir; removed when the run ends. */
  readonly tempDir: string
  readonly parallel: number
  readonly failFast: boolean
  readonly groups: readonly BuildGroup[]
  /** Identifiers that were selected but cannot be built here (host mode), and why. */
  readonly unavailable: readonly Unavailable[]
}

export interface Unavailable {
  readonly identifier: string
  /** `interpreter`: no such Python here; `platform`: another libc or OS. */
  readonly reason: 'interpreter' | 'platform'
}
