/**
 * The compiler cache in the results: each build's hits and misses and the
 * time they saved, the job's totals, and the one warning of a run whose
 * cache could not run. A hit saves what a miss costs to compile: the build's
 * own average, or the job's when the build had no miss.
 */
import type { CompilerCacheOutcome } from '../model/compiler-cache.js'
import type { Reporter } from './log.js'

/** One build's counts, as the summary and the events carry them. */
export interface CompilerCacheCounts {
  readonly tool: string
  readonly hits: number
  readonly misses: number
  /** Estimated; absent when no compile time was measured in the job. */
  readonly savedSeconds?: number
}

type Counted = Extract<CompilerCacheOutcome, { hits: number }>

const counted = (o: CompilerCacheOutcome | undefined): o is Counted => !!o && 'hits' in o

/** The average compile time of a miss over the whole job (weighted by misses). */
export function jobMissSeconds(
  outcomes: readonly (CompilerCacheOutcome | undefined)[]
): number | undefined {
  let misses = 0
  let seconds = 0
  for (const o of outcomes) {
    if (!counted(o) || o.missSeconds === undefined || o.misses === 0) continue
    misses += o.misses
    seconds += o.missSeconds * o.misses
  }
  return misses > 0 ? seconds / misses : undefined
}

/** A build's counts with the time its hits saved. */
export function countsOf(
  outcome: CompilerCacheOutcome | undefined,
  jobAverage: number | undefined
): CompilerCacheCounts | undefined {
  if (!counted(outcome)) return undefined
  const perMiss = outcome.misses > 0 && outcome.missSeconds ? outcome.missSeconds : jobAverage
  return {
    tool: outcome.tool,
    hits: outcome.hits,
    misses: outcome.misses,
    ...(perMiss !== undefined ? { savedSeconds: round(outcome.hits * perMiss) } : {})
  }
}

const round = (n: number) => Math.round(n * 10) / 10

/** `12 hits, 3 misses, 4.1 s saved`. */
export function countsText(counts: CompilerCacheCounts): string {
  // Time saved only when a hit saved some: "0 hits, 5 misses, 0.0 s saved" says nothing.
  const saved =
    counts.savedSeconds !== undefined && counts.hits > 0
      ? `, ${counts.savedSeconds.toFixed(1)} s saved`
      : ''
  return `${counts.hits} hit${counts.hits === 1 ? '' : 's'}, ${counts.misses} miss${counts.misses === 1 ? '' : 'es'}${saved}`
}

/** The job's totals, when any build counted. */
export function jobCounts(
  all: readonly (CompilerCacheCounts | undefined)[]
): CompilerCacheCounts | undefined {
  const present = all.filter((c): c is CompilerCacheCounts => !!c)
  if (present.length === 0) return undefined
  const saved = present.filter(c => c.savedSeconds !== undefined)
  return {
    tool: [...new Set(present.map(c => c.tool))].join('+'),
    hits: present.reduce((n, c) => n + c.hits, 0),
    misses: present.reduce((n, c) => n + c.misses, 0),
    ...(saved.length > 0
      ? { savedSeconds: round(saved.reduce((n, c) => n + c.savedSeconds!, 0)) }
      : {})
  }
}

/** The one warning of a run in which the cache was off for some builds; undefined when none. */
export function offWarning(
  offs: readonly { readonly identifier: string; readonly reason: string }[]
): string | undefined {
  if (offs.length === 0) return undefined
  const reasons = [...new Set(offs.map(o => o.reason))]
  return (
    `compiler cache off for ${offs.map(o => o.identifier).join(', ')} (the builds went on without it): ` +
    reasons.join('; ')
  )
}

/**
 * The records with their compiler cache counts (a hit saves the job's average
 * miss when the build had none); the job's totals as an event, and one
 * warning for the builds whose cache was off.
 */
export function withCompilerCache<
  R extends { readonly identifier: string; readonly compilerCache?: CompilerCacheCounts }
>(
  records: readonly R[],
  outcomes: ReadonlyMap<string, CompilerCacheOutcome>,
  reporter: Pick<Reporter, 'event' | 'warning'>
): R[] {
  const average = jobMissSeconds([...outcomes.values()])
  const result = records.map(r => {
    const counts = countsOf(outcomes.get(r.identifier), average)
    return counts ? { ...r, compilerCache: counts } : r
  })
  const total = jobCounts(result.map(r => r.compilerCache))
  if (total) reporter.event?.({ event: 'compiler-cache', ...total })
  const offs = [...outcomes].flatMap(([identifier, o]) =>
    'off' in o ? [{ identifier, reason: o.off }] : []
  )
  const warning = offWarning(offs)
  if (warning) reporter.warning(warning)
  return result
}
