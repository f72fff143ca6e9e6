/** Host steps, builds and group states for the executor tests: bash scripts on temp dirs. */
import fs from 'node:fs'
import path from 'node:path'
import type { GroupState } from '../../src/execute/setup.js'
import { HostExecutor } from '../../src/execute/executor.js'
import type { Build, BuildGroup, Step } from '../../src/model/build-plan.js'
import { tempDir } from './tools.js'

/**
 * The variables of every test step. SHLVL is set because bash, started with
 * sockets as stdio (as Node starts children) and no SHLVL, reads ~/.bashrc.
 */
export const STEP_ENV: Readonly<Record<string, string>> = Object.freeze({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/',
  SHLVL: '1'
})

/** A host step running `script` with bash; `args` become "$1"... */
export function hostStep(
  name: string,
  script: string,
  cwd: string,
  extra: Partial<Step> & { args?: readonly string[] } = {}
): Step {
  const { args = [], ...rest } = extra
  return {
    name,
    argv: ['bash', '-c', script, name, ...args],
    env: STEP_ENV,
    cwd,
    where: 'host',
    phase: 'build',
    ...rest
  }
}

export function hostBuild(identifier: string, workDir: string, steps: readonly Step[]): Build {
  return {
    identifier,
    python: 'python3',
    version: '3.12',
    workDir,
    wheelDir: `${workDir}/repaired`,
    environment: '',
    env: STEP_ENV,
    steps,
    tested: true,
    abi3Audit: false
  }
}

/** A host group's state before its setup, as executePlan makes it. */
export function hostState(
  setup: readonly Step[],
  builds: readonly Build[] = [],
  executor = new HostExecutor()
): GroupState {
  const group: BuildGroup = { where: 'host', setup, builds, teardown: [] }
  return {
    group,
    host: executor,
    inside: executor,
    built: [],
    turn: Promise.resolve(),
    started: false,
    values: {},
    captured: new Map()
  }
}

/**
 * A fake container engine: `script` as an executable named `podman` in a
 * temp dir, and the engine client environment that puts it first on PATH;
 * the script may record its calls in $FAKE_ENGINE_LOG (`log`).
 */
export function fakeEngineDir(
  script: string,
  extraClientEnv: Record<string, string> = {}
): { root: string; log: string; clientEnv: NodeJS.ProcessEnv } {
  const root = tempDir('engine')
  const bin = path.join(root, 'bin')
  const log = path.join(root, 'calls')
  fs.mkdirSync(bin)
  fs.mkdirSync(log)
  fs.writeFileSync(path.join(bin, 'podman'), script, { mode: 0o755 })
  const clientEnv = {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    FAKE_ENGINE_LOG: log,
    ...extraClientEnv
  }
  return { root, log, clientEnv }
}
