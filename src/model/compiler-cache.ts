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
