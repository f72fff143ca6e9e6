/**
 * The run context: what a command needs besides its options. The entry
 * points (main.ts) make it; commands and the executor only read it.
 */
import type { Env } from '../model/env.js'
import type { Reporter } from '../report/log.js'
import type { Reaper } from '../util/reaper.js'
import type { ToolsContext } from '../publish/tools.js'

export interface RunContext {
  readonly env: Env
  readonly reporter: Reporter
  /** Running as the GitHub Action (outputs, artifacts) rather than the CLI. */
  readonly isAction: boolean
  /** Cleans up after this process if it is killed; absent in tests that do not need it. */
  readonly reaper?: Reaper
}

/** The run as the release layer takes it, with the cache dir of the options. */
export function toolsContext(context: RunContext, cacheDir: string): ToolsContext {
  return {
    env: context.env,
    reporter: context.reporter,
    cacheDir,
    ...(context.reaper ? { reaper: context.reaper } : {})
  }
}
