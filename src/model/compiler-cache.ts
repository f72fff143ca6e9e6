/** The vocabulary of the compiler cache that planning, running and reporting share. */

export type CompilerCacheTool = 'sccache' | 'ccache'

/** What a build's compiler cache did: its counts, or why it was off. */
export type CompilerCacheOutcome =
  | {
      readonly tool: CompilerCacheTool
      readonly hits: number
      readonly misses: number
      /** Seconds the misses took to compile, on average (sccache only). */
      readonly missSeconds?: number
    }
  | { readonly off: string }

/**
 * Builds whose compilers see the same flags, so that the objects of sources
 * that do not include Python are the same for each of them. On an empty
 * cache the first of a group to reach its build step compiles alone: the
 * others of the group wait for it, then hit, rather than compile the same
 * sources at the same time and miss.
 */
export interface CompileGroup {
  /** Builds with the same key compile the same objects. */
  readonly key: string
  /** The cache dir on the machine that runs wheelwright, to tell an empty cache. */
  readonly cacheDir: string
}

/**
 * Build backends that choose the compile flags themselves (CMake, meson,
 * cargo), so a source that does not include Python compiles the same for
 * every interpreter of a toolchain. setuptools and distutils compile with each
 * interpreter's own CFLAGS, which differ between Python versions (3.12 moved
 * from -fwrapv to -fno-strict-overflow, 3.10 adds -Wno-unused-result); a
 * backend not listed here is taken to do the same.
 */
const SHARED_FLAG_BACKENDS: ReadonlySet<string> = new Set([
  'scikit_build_core.build',
  'mesonpy',
  'maturin',
  'py_build_cmake.build'
])

/** Whether a `build-backend` (`module` or `module:object`) compiles with flags of its own. */
export function backendSharesObjects(backend: string | undefined): boolean {
  if (!backend) return false
  return SHARED_FLAG_BACKENDS.has(backend.split(':')[0].trim())
}
