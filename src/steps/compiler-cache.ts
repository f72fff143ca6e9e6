/**
 * The compiler cache of a build (`compiler-cache`): the variables that put
 * sccache or ccache in front of the compilers, and the wrapper around the
 * build step that checks the cache works before the build (a cache that
 * cannot run is a miss with one warning, never a failed build), wraps the
 * compilers the build uses, and prints the cache's counts after it.
 *
 * The wrapper runs with the build's own interpreter, on any OS: it reads
 * the compilers setuptools would use from sysconfig (a user's CC and CXX
 * first), so CC and CXX are wrapped, never replaced, and LDSHARED is set to
 * what it was, so links are not sent through the cache. A CMake build
 * (scikit-build-core, scikit-build, py-build-cmake) gets the compiler
 * launchers instead, which CMake reads from the environment; Rust gets
 * RUSTC_WRAPPER. Pure: paths in, argv and variables out.
 */
import type { Dialect } from './dialect.js'
import type { CompilerCacheOutcome, CompilerCacheTool } from '../model/compiler-cache.js'

/** The compiler cache of one build, as the place where it runs sees it. */
export interface CompilerCachePlan {
  readonly tool: CompilerCacheTool
  /** The cache's executable (a path, or a name looked up on PATH). */
  readonly binary: string
  /** The cache directory, shared by every build of its arch. */
  readonly dir: string
  /**
   * Directories stripped from paths before hashing (sccache's basedirs,
   * ccache's base_dir: the first one), so a source hits whatever copy of
   * the project it is compiled in.
   */
  readonly basedirs: readonly string[]
  /**
   * sccache: the server of this build alone (a socket in its work dir, or a
   * TCP port on Windows). All the servers of a run share the cache dir,
   * whose entries are written to a temp name and renamed into place.
   */
  readonly server?: { readonly socket?: string; readonly port?: number }
  /**
   * MSVC (sccache only): a dir first on the build's PATH where the wrapper puts
   * a copy of sccache named cl.exe, which setuptools then runs for cl.exe
   * (with DISTUTILS_USE_SDK, it takes cl.exe from the activated PATH).
   */
  readonly clShim?: string
  /** The largest the cache dir grows (sccache evicts the least recently used). */
  readonly maxSize: string
}

/** The line the wrapper prints after the build, with the cache's counts as JSON. */
export const STATS_PREFIX = 'wheelwright-compiler-cache-stats: '
/** The line the wrapper prints when the cache cannot run, with the reason. */
export const OFF_PREFIX = 'wheelwright-compiler-cache-off: '

/** Variables that put a cache in front of a compiler; removed when the cache is off. */
const LAUNCHERS: readonly string[] = [
  'CMAKE_C_COMPILER_LAUNCHER',
  'CMAKE_CXX_COMPILER_LAUNCHER',
  'RUSTC_WRAPPER'
]

/**
 * argv: tool binary work-dir package-dir -- build argv... Runs the build
 * with the cache in front of its compilers when a probe compile through the
 * cache works, else without it; prints one STATS or OFF line.
 */
export const WRAPPER_PY = String.raw`import json, os, re, shlex, shutil, subprocess, sys, sysconfig
tool, cache, work, package = sys.argv[1:5]
command = sys.argv[sys.argv.index('--', 5) + 1:]
env = dict(os.environ)
launchers = ${JSON.stringify(LAUNCHERS)}
def quiet(args):
    try:
        return subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        return subprocess.CompletedProcess(args, 127, str(error))
def config(name):
    value = env.get(name) or sysconfig.get_config_var(name) or ''
    return shlex.split(value) if os.name != 'nt' else value.split()
def cmake_project():
    try:
        with open(os.path.join(package, 'pyproject.toml'), encoding='utf-8') as f:
            return re.search(r'scikit[-_]build|py-build-cmake|\bcmake\b', f.read()) is not None
    except OSError:
        return False
def unwritable(folder):
    try:
        os.makedirs(folder, exist_ok=True)
        probe = os.path.join(folder, '.wheelwright-write-probe-%d' % os.getpid())
        with open(probe, 'w') as f:
            f.write('')
        os.remove(probe)
        return ''
    except OSError as error:
        return 'the cache dir %s is not writable: %s' % (folder, error)
reason = unwritable(env.get('SCCACHE_DIR') or env.get('CCACHE_DIR') or work)
if os.name == 'nt':
    cc = ['cl.exe'] if shutil.which('cl') else []
else:
    cc = config('CC') or ['cc']
if not reason and tool == 'sccache':
    started = quiet([cache, '--start-server'])
    if started.returncode != 0:
        reason = (started.stdout.strip().splitlines() or ['sccache did not start'])[-1]
if not reason and cc:
    os.makedirs(work, exist_ok=True)
    probe = os.path.join(work, 'compiler-cache-probe.c')
    with open(probe, 'w') as f:
        f.write('int wheelwright_compiler_cache_probe;\n')
    tried = quiet([cache, *cc, '-c', probe, '-o', probe + '.o'])
    if tried.returncode != 0:
        reason = '%s cannot compile with %s: %s' % (tool, ' '.join(cc), (tried.stdout.strip().splitlines() or ['no output'])[-1])
if reason:
    print('${OFF_PREFIX}' + reason, flush=True)
    for name in launchers:
        env.pop(name, None)
else:
    if tool == 'sccache':
        quiet([cache, '--zero-stats'])
    shim = env.get('WHEELWRIGHT_CL_SHIM')
    if shim and cc:
        # sccache copied as cl.exe runs as "sccache cl.exe" with the cl.exe after it on PATH.
        os.makedirs(shim, exist_ok=True)
        shutil.copy2(shutil.which(cache) or cache, os.path.join(shim, 'cl.exe'))
        print('compiler cache: cl.exe through %s (%s first on PATH)' % (tool, shim), flush=True)
    if cmake_project():
        print('compiler cache: %s through CMAKE_C_COMPILER_LAUNCHER and CMAKE_CXX_COMPILER_LAUNCHER' % tool, flush=True)
    elif cc and os.name != 'nt':
        for name in ('LDSHARED', 'LDCXXSHARED'):
            kept = env.get(name) or sysconfig.get_config_var(name)
            if kept:
                env[name] = kept
        cxx = config('CXX') or ['c++']
        env['CC'] = ' '.join(shlex.quote(a) for a in [cache, *cc])
        env['CXX'] = ' '.join(shlex.quote(a) for a in [cache, *cxx])
        print('compiler cache: CC=%s CXX=%s (LDSHARED kept)' % (env['CC'], env['CXX']), flush=True)
status = subprocess.call(command, env=env)
if not reason and tool == 'sccache':
    shown = quiet([cache, '--show-stats', '--stats-format', 'json'])
    quiet([cache, '--stop-server'])
    try:
        stats = json.loads(shown.stdout.strip().splitlines()[-1]).get('stats', {})
        kept = ('cache_hits', 'cache_misses', 'compilations', 'compiler_write_duration', 'non_cacheable_compilations', 'cache_write_errors')
        print('${STATS_PREFIX}' + json.dumps({k: stats.get(k) for k in kept}, separators=(',', ':')), flush=True)
    except (ValueError, IndexError):
        print('${OFF_PREFIX}no counts from sccache --show-stats', flush=True)
elif not reason:
    log = env.get('CCACHE_STATSLOG', '')
    counted = {'hits': 0, 'misses': 0}
    try:
        with open(log) as f:
            for line in f:
                word = line.strip()
                if word in ('direct_cache_hit', 'preprocessed_cache_hit'):
                    counted['hits'] += 1
                elif word == 'cache_miss':
                    counted['misses'] += 1
    except OSError:
        pass
    print('${STATS_PREFIX}' + json.dumps({'ccache': counted}), flush=True)
sys.exit(status)
`

/** The variables of a build step with this cache. */
export function compilerCacheEnv(
  plan: CompilerCachePlan,
  dialect: Dialect,
  workDir: string
): Record<string, string> {
  const launchers = Object.fromEntries(LAUNCHERS.map(name => [name, plan.binary]))
  const shim: Record<string, string> = plan.clShim ? { WHEELWRIGHT_CL_SHIM: plan.clShim } : {}
  if (plan.tool === 'ccache') {
    return {
      ...launchers,
      CCACHE_DIR: plan.dir,
      ...(plan.basedirs[0] ? { CCACHE_BASEDIR: plan.basedirs[0] } : {}),
      CCACHE_NOHASHDIR: '1',
      CCACHE_MAXSIZE: plan.maxSize,
      CCACHE_STATSLOG: dialect.path.join(workDir, 'ccache-stats.log')
    }
  }
  return {
    ...launchers,
    ...shim,
    SCCACHE_DIR: plan.dir,
    SCCACHE_CACHE_SIZE: plan.maxSize,
    SCCACHE_BASEDIRS: plan.basedirs.join(dialect.pathSeparator),
    // The server stops after the build; a run killed outright leaves it for a minute at most.
    SCCACHE_IDLE_TIMEOUT: '60',
    ...(plan.server?.socket ? { SCCACHE_SERVER_UDS: plan.server.socket } : {}),
    ...(plan.server?.port ? { SCCACHE_SERVER_PORT: String(plan.server.port) } : {})
  }
}

/** The build step's argv run through the wrapper, with the build's interpreter. */
export function wrapWithCompilerCache(
  argv: readonly string[],
  plan: CompilerCachePlan,
  python: string,
  workDir: string,
  packageDir: string
): string[] {
  return [python, '-c', WRAPPER_PY, plan.tool, plan.binary, workDir, packageDir, '--', ...argv]
}

/** The build step with the cache in front of its compilers: argv, display and env (as given without a cache). */
export function cachedBuildStep(
  plan: CompilerCachePlan | undefined,
  build: {
    readonly argv: string[]
    readonly display: string
    readonly env: Readonly<Record<string, string>>
    readonly python: string
    readonly workDir: string
    readonly packageDir: string
    readonly dialect: Dialect
  }
): { argv: string[]; display: string; env: Readonly<Record<string, string>> } {
  if (!plan) return { argv: build.argv, display: build.display, env: build.env }
  return {
    argv: wrapWithCompilerCache(build.argv, plan, build.python, build.workDir, build.packageDir),
    // The command as the user knows it; the wrapper says what it wrapped in the step's output.
    display: build.display,
    env: {
      ...build.env,
      ...compilerCacheEnv(plan, build.dialect, build.workDir),
      ...(plan.clShim
        ? {
            PATH: [plan.clShim, build.env.PATH].filter(Boolean).join(build.dialect.pathSeparator),
            DISTUTILS_USE_SDK: '1',
            MSSdk: '1'
          }
        : {})
    }
  }
}

function sum(counts: unknown): number {
  if (!counts || typeof counts !== 'object') return 0
  return Object.values(counts as Record<string, unknown>).reduce<number>(
    (total, n) => total + (typeof n === 'number' ? n : 0),
    0
  )
}

function seconds(duration: unknown): number {
  const d = duration as { secs?: unknown; nanos?: unknown } | undefined
  return typeof d?.secs === 'number' && typeof d.nanos === 'number' ? d.secs + d.nanos / 1e9 : 0
}

/** The wrapper's last STATS or OFF line in a build's output; undefined when it printed none. */
export function parseCompilerCacheOutput(output: string): CompilerCacheOutcome | undefined {
  const lines = output.split(/\r?\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]
    if (line.startsWith(OFF_PREFIX)) return { off: line.slice(OFF_PREFIX.length).trim() }
    if (!line.startsWith(STATS_PREFIX)) continue
    let parsed: Record<string, unknown>
    try {
      parsed = JSON.parse(line.slice(STATS_PREFIX.length)) as Record<string, unknown>
    } catch {
      return { off: 'unreadable counts from the compiler cache' }
    }
    const ccache = parsed.ccache as { hits?: unknown; misses?: unknown } | undefined
    if (ccache) {
      return {
        tool: 'ccache',
        hits: typeof ccache.hits === 'number' ? ccache.hits : 0,
        misses: typeof ccache.misses === 'number' ? ccache.misses : 0
      }
    }
    const hits = sum((parsed.cache_hits as { counts?: unknown } | undefined)?.counts)
    const misses = sum((parsed.cache_misses as { counts?: unknown } | undefined)?.counts)
    const compiled = typeof parsed.compilations === 'number' ? parsed.compilations : 0
    const compileTime = seconds(parsed.compiler_write_duration)
    return {
      tool: 'sccache',
      hits,
      misses,
      ...(compiled > 0 && compileTime > 0 ? { missSeconds: compileTime / compiled } : {})
    }
  }
  return undefined
}
