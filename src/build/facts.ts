/** Gathers the PlanFacts of this machine (the effects before planning). */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Options } from '../options/types.js'
import type { PlanFacts } from '../plan/facts.js'
import type { Env } from '../options/env.js'
import { exec } from '../util/exec.js'
import { UserError } from '../util/errors.js'
import { engineWorks } from '../container/engine.js'
import { discoverInterpreters } from '../python/interpreters.js'
import { provideInterpreters } from '../python/provide.js'
import { detectRunner } from '../platforms/runner.js'
import type { PythonConfiguration } from '../plan/identifiers.js'
import { toolCacheArch } from '../python/toolcache.js'

export function defaultCacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache')
  return path.join(base, 'wheelwright')
}

function platformTagFor(options: Options): string {
  const { platform, runner } = options
  switch (platform) {
    case 'linux':
      return `${hostLibc() === 'musl' ? 'musllinux' : 'manylinux'}_${runner.machine}`
    case 'macos':
      return `macosx_${runner.machine}`
    case 'windows':
      return runner.machine === 'ARM64'
        ? 'win_arm64'
        : runner.machine === 'x86'
          ? 'win32'
          : 'win_amd64'
  }
}

function hostLibc(): 'glibc' | 'musl' {
  const report = process.report?.getReport() as
    { header?: { glibcVersionRuntime?: string } } | undefined
  return report?.header?.glibcVersionRuntime ? 'glibc' : 'musl'
}

async function lastCommitTime(dir: string): Promise<string | undefined> {
  const result = await exec(['git', '-C', dir, 'log', '-1', '--format=%ct'], {
    timeoutMs: 20000
  }).catch(() => undefined)
  const value = result?.code === 0 ? result.stdout.trim() : ''
  return /^\d+$/.test(value) ? value : undefined
}

/**
 * The run's temp dir. Its path is stable for a project (so compilers that
 * record source paths give byte-identical wheels from run to run), and owned
 * through a pid file; a second concurrent run of the same project, or a dir
 * whose owner is still alive, gets a fresh random dir instead.
 */
export function acquireRunDir(tempRoot: string, packageDir: string): string {
  const key = crypto.createHash('sha256').update(packageDir).digest('hex').slice(0, 10)
  const stable = path.join(tempRoot, `wheelwright-${key}`)
  const owner = path.join(stable, '.owner')
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  if (fs.existsSync(stable)) {
    const pid = Number.parseInt(fs.existsSync(owner) ? fs.readFileSync(owner, 'utf8') : '', 10)
    if (Number.isInteger(pid) && alive(pid))
      return fs.mkdtempSync(path.join(tempRoot, 'wheelwright-'))
    fs.rmSync(stable, { recursive: true, force: true })
  }
  try {
    fs.mkdirSync(stable)
  } catch {
    return fs.mkdtempSync(path.join(tempRoot, 'wheelwright-'))
  }
  fs.writeFileSync(owner, String(process.pid))
  return stable
}

/** GitHub's hosted runner paths, for a dry run of another OS's plan on this machine. */
const HOSTED_PATHS = {
  linux: {
    temp: '/home/runner/work/_temp',
    cache: '/home/runner/.cache/wheelwright',
    path: path.posix
  },
  macos: {
    temp: '/Users/runner/work/_temp',
    cache: '/Users/runner/.cache/wheelwright',
    path: path.posix
  },
  windows: {
    temp: 'D:\\a\\_temp',
    cache: 'C:\\Users\\runneradmin\\.cache\\wheelwright',
    path: path.win32
  }
}

function simulatedRunner(options: Options) {
  return options.dryRun && options.runner.platform !== detectRunner({}).platform
    ? HOSTED_PATHS[options.runner.platform]
    : undefined
}

export async function gatherFacts(
  options: Options,
  configurations: readonly PythonConfiguration[],
  env: Env
): Promise<PlanFacts> {
  // RUNNER_OS may name another OS (a dry run of a macOS or Windows plan here):
  // then this machine's interpreters are not that runner's.
  const onThisOs =
    options.platform === options.runner.platform && options.platform === detectRunner({}).platform
  let useContainer = false
  if (options.platform === 'linux' && options.container !== 'off') {
    const engines = new Set(
      configurations.map(c => options.buildOptions(c.identifier).containerEngine.name)
    )
    const works = await Promise.all([...engines].map(engineWorks))
    const allWork = works.length > 0 && works.every(Boolean)
    if (options.container === 'on' && !allWork && !options.dryRun) {
      throw new UserError('no working container engine', {
        key: 'container',
        value: 'on',
        hint: `${[...engines].join(', ')} did not answer; install one, set container-engine, or use container: off`
      })
    }
    useContainer = options.container === 'on' || allWork
  }
  const runId = crypto.randomBytes(4).toString('hex')
  const simulated = simulatedRunner(options)
  const tempRoot = env.RUNNER_TEMP || simulated?.temp || os.tmpdir()
  const tempDir = options.dryRun
    ? (simulated?.path ?? path).join(tempRoot, `wheelwright-${runId}`)
    : acquireRunDir(tempRoot, options.packageDir)
  const discovered =
    onThisOs && !useContainer
      ? await discoverInterpreters({
          env,
          platform: options.platform,
          platformTag: platformTagFor(options),
          toolCacheArch: toolCacheArch(options.runner.machine)
        })
      : new Map()
  const cacheDir = options.cacheDir ?? simulated?.cache ?? defaultCacheDir(env)
  // macOS and Windows: every identifier's own interpreter (tool cache, archives),
  // installed when missing unless this is a dry run.
  const hostInterpreters =
    onThisOs && options.platform !== 'linux'
      ? await provideInterpreters({
          configurations,
          discovered,
          platform: options.platform,
          hostMachine: options.runner.machine,
          env,
          cacheDir,
          tempDir: path.join(tempDir, 'downloads'),
          install: !options.dryRun
        })
      : discovered
  return {
    runId,
    tempDir,
    env,
    useContainer,
    hostInterpreters,
    hostLibc: hostLibc(),
    hostPython: options.runner.platform === 'windows' ? 'python' : 'python3',
    toolsDir: (simulated?.path ?? path).join(cacheDir, 'tools'),
    containerCacheDir: path.join(cacheDir, 'container-cache'),
    cpuCount: os.availableParallelism(),
    sourceDateEpoch: await lastCommitTime(options.packageDir)
  }
}
