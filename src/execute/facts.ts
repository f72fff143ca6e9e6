/** Gathers the PlanFacts of this machine (the effects before planning). */
import { processAlive } from '../util/lock.js'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Options } from '../model/options.js'
import type { PlanFacts } from '../model/facts.js'
import type { Env } from '../model/env.js'
import { isCredential } from '../util/credentials.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import { exec } from '../util/exec.js'
import { UserError } from '../util/errors.js'
import { engineWorks } from '../container/engine.js'
import { checkEmulation } from '../container/emulation.js'
import { discoverInterpreters } from '../python/interpreters.js'
import { toolCacheArch } from '../python/locations.js'
import { provideInterpreters, provideRules } from '../python/provide.js'
import { platformNamed } from '../platforms/index.js'
import { thisMachine } from '../platforms/runner.js'

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
  if (fs.existsSync(stable)) {
    const pid = Number.parseInt(fs.existsSync(owner) ? fs.readFileSync(owner, 'utf8') : '', 10)
    if (Number.isInteger(pid) && processAlive(pid))
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

export async function gatherFacts(
  options: Options,
  configurations: readonly PythonConfiguration[],
  env: Env
): Promise<PlanFacts> {
  const platform = platformNamed(options.platform)
  // RUNNER_OS may name another OS (a dry run of a macOS or Windows plan here):
  // then this machine's interpreters are not that runner's.
  const onThisOs =
    options.platform === options.runner.platform && options.platform === thisMachine().platform
  const { useContainer, engine } = await containerMode(options, configurations)
  if (useContainer && !options.dryRun) {
    const archs = [...new Set(configurations.map(c => c.arch))]
    checkEmulation(
      archs.filter(arch => platform.containers?.emulatedOn(arch, options.runner.machine)),
      env.WHEELWRIGHT_BINFMT_DIR || undefined
    )
  }
  const runId = crypto.randomBytes(4).toString('hex')
  // A dry run of another OS's plan uses the paths of that OS's hosted runner.
  const runnerPlatform = platformNamed(options.runner.platform)
  const hostPath = options.simulated ? runnerPlatform.runners.path : path
  const tempRoot =
    env.RUNNER_TEMP || (options.simulated ? runnerPlatform.runners.hosted.temp : os.tmpdir())
  const tempDir = options.dryRun
    ? hostPath.join(tempRoot, `wheelwright-${runId}`)
    : acquireRunDir(tempRoot, options.packageDir)
  const libc = hostLibc()
  const hostTag = platform.archs.hostTag(options.runner.machine, libc)
  const discovered =
    onThisOs && !useContainer
      ? await discoverInterpreters({
          env,
          layout: platform.python.layout,
          platformTag: hostTag,
          toolCacheArch: toolCacheArch(options.runner.machine),
          minors: new Set(configurations.map(c => c.version.split('.').slice(0, 2).join('.')))
        })
      : new Map()
  // What discovery found, and on this OS what the platform's rules find or install besides.
  const rules = provideRules(platform.python)
  const hostInterpreters =
    onThisOs && rules
      ? await provideInterpreters({
          configurations,
          discovered,
          rules,
          hostMachine: options.runner.machine,
          env,
          cacheDir: options.cacheDir,
          tempDir: path.join(tempDir, 'downloads'),
          install: !options.dryRun
        })
      : discovered
  return {
    runId,
    tempDir,
    env,
    useContainer,
    ...(engine ? { engine } : {}),
    hostInterpreters,
    hostLibc: libc,
    hostPython: runnerPlatform.runners.python,
    toolsDir: hostPath.join(options.cacheDir, 'tools'),
    containerCacheDir: path.join(options.cacheDir, 'container-cache'),
    cpuCount: os.availableParallelism(),
    sourceDateEpoch: await lastCommitTime(options.packageDir),
    passed: passedCredentials(options, configurations)
  }
}

/** The credential variables some identifier's environment-pass names (each is warned about). */
export function passedCredentials(
  options: Pick<Options, 'buildOptions'>,
  configurations: readonly Pick<PythonConfiguration, 'identifier'>[]
): Set<string> {
  return new Set(
    configurations
      .flatMap(c => options.buildOptions(c.identifier).environmentPass)
      .filter(isCredential)
  )
}

/**
 * Whether this run builds in containers, and with which engine. As
 * cibuildwheel: on a platform that builds in containers, `auto` and `on`
 * need a working engine: the configured one, else podman when docker (the
 * default) does not answer. With none, the run stops here, unless it is a
 * dry run; `container: off` builds on the host.
 */
async function containerMode(
  options: Options,
  configurations: readonly PythonConfiguration[]
): Promise<{ useContainer: boolean; engine?: 'podman' }> {
  if (!platformNamed(options.platform).containers || options.container === 'off')
    return { useContainer: false }
  const engines = [
    ...new Set(configurations.map(c => options.buildOptions(c.identifier).containerEngine.name))
  ]
  const works = await Promise.all(engines.map(engineWorks))
  if (works.length > 0 && works.every(Boolean)) return { useContainer: true }
  const fallback =
    engines.every(e => e === 'docker') && (await engineWorks('podman')) ? 'podman' : undefined
  if (fallback) return { useContainer: true, engine: fallback }
  if (options.dryRun) return { useContainer: true }
  throw new UserError('no working container engine', {
    key: 'container',
    value: options.container,
    hint: `${[...engines, 'podman'].filter((e, i, all) => all.indexOf(e) === i).join(' and ')} did not answer; start one (or set container-engine), or set container: off to build on this host`
  })
}
