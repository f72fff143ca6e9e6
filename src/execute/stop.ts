/**
 * How a run stops on SIGINT or SIGTERM: SIGTERM to every child's process
 * group, SIGKILL after a grace period, then the run's cleanup, the log
 * written out, and exit 130 (143 for SIGTERM). No new build starts meanwhile.
 */
import type { LiveOutput } from '../report/live.js'
import type { Reporter } from '../report/log.js'
import type { ChildTracker } from '../util/exec.js'
import { stopAndExit } from '../util/interrupt.js'

/** Grace period between SIGTERM and SIGKILL for the children of a stopped run. */
const STOP_GRACE_MS = 3000

export interface StopSettings {
  readonly children: ChildTracker
  readonly live: LiveOutput
  readonly reporter: Reporter
  /** Removes what the run made (containers, its temp dir), once its children are gone. */
  readonly cleanUp: () => void
}

export interface SignalWatch {
  /** The signal that is stopping the run, once one came. */
  received(): NodeJS.Signals | undefined
  /** The run is over: signals are no longer this run's. */
  dispose(): void
}

export function stopOnSignals(settings: StopSettings): SignalWatch {
  const { children, live, reporter } = settings
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    received = signal
    live.flush()
    reporter.warning(`received ${signal}: stopping builds and removing containers`)
    const cleanUp = () => {
      settings.cleanUp()
      live.flush()
      live.close()
    }
    // Everything printed reaches the pipe or file before the process ends.
    stopAndExit(signal, children, STOP_GRACE_MS, cleanUp, () => reporter.flush())
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return {
    received: () => received,
    dispose() {
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
    }
  }
}
