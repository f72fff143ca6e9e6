/**
 * Facts about the machine that planning needs but must not discover itself:
 * gathered by the build command (effects), then passed to the pure planners.
 */
import type { Env } from './env.js'

export interface HostInterpreter {
  readonly path: string
  /** `3.12.4` */
  readonly version: string
  readonly implementation: 'cpython' | 'pypy' | 'graalpy'
  readonly freeThreaded: boolean
  /** A win_arm64 build on another machine: the ARM64 import libraries (`libs`) to link with. */
  readonly importLibs?: string
}

export interface PlanFacts {
  /** Unique per run: names containers and temp dirs. */
  readonly runId: string
  /** A temp root on the host for this run. */
  readonly tempDir: string
  readonly env: Env
  /** Build in containers (Linux) or on the host. */
  readonly useContainer: boolean
  /** The engine to use instead of docker, which did not answer (`container: auto`). */
  readonly engine?: 'podman'
  /** Identifier → interpreter, for host builds. */
  readonly hostInterpreters: ReadonlyMap<string, HostInterpreter>
  /** The host C library, for which Linux identifiers a host build can make. */
  readonly hostLibc: 'glibc' | 'musl'
  /** A Python on the host that can create the tools venv. */
  readonly hostPython: string
  /** The tools venv (auditwheel, abi3audit, delocate, delvewheel) on the host. */
  readonly toolsDir: string
  /**
   * A host directory mounted into Linux containers for pip/uv download
   * caches, shared by every build and container; none when host mounts are off.
   */
  readonly containerCacheDir?: string
  /** CPU cores of the machine, for sharing them between parallel builds. */
  readonly cpuCount?: number
  /** The default SOURCE_DATE_EPOCH (last commit time), when known. */
  readonly sourceDateEpoch?: string
  /** Credential variables that environment-pass names: kept in the host steps' env. */
  readonly passed?: ReadonlySet<string>
}
