/**
 * The Python that runs `build` and `twine` (and, for attestations,
 * `pypi-attestations`): small venvs under the cache dir, made once and
 * reused, next to the build tools venv (`<cache-dir>/tools`). A marker file
 * records that the requirements were installed; a lock (util/lock.ts) keeps two
 * wheelwright processes from installing into one venv at the same time.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Env } from '../model/env.js'
import type { Reporter } from '../report/log.js'
import type { Reaper } from '../util/reaper.js'
import { UserError } from '../util/errors.js'
import { CommandError, run } from '../util/exec.js'
import { toolEnv } from './twine.js'
import { acquireLock, waitingMessage } from '../util/lock.js'

/**
 * A Python that already has `build` and `twine`; wheelwright then installs
 * nothing. Meant for offline machines and for the test suite.
 */
export const PUBLISH_PYTHON_OVERRIDE = 'WHEELWRIGHT_PUBLISH_PYTHON'

export const PUBLISH_REQUIREMENTS: readonly string[] = ['build>=1.2', 'twine>=6.1']
export const ATTEST_REQUIREMENTS: readonly string[] = [
  'pypi-attestations>=0.0.29,<0.1',
  'sigstore>=4.1,<5'
]

/**
 * What the release layer takes from the run, made once by a command
 * (context.ts): the variables, the reporter, the cache dir that holds the
 * tool venvs, and the watcher that cleans up if the process is killed. Each
 * request of this layer extends it rather than copying its fields.
 */
export interface ToolsContext {
  readonly env: Env
  readonly cacheDir: string
  readonly reporter: Reporter
  readonly reaper?: Reaper
  readonly platform?: NodeJS.Platform
}

export function venvPython(dir: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32'
    ? path.join(dir, 'Scripts', 'python.exe')
    : path.join(dir, 'bin', 'python')
}

/** The Python with build and twine. */
export async function publishPython(context: ToolsContext): Promise<string> {
  const override = context.env[PUBLISH_PYTHON_OVERRIDE]?.trim()
  if (override) return override
  return ensureVenv(path.join(context.cacheDir, 'tools'), 'publish', PUBLISH_REQUIREMENTS, context)
}

/** The Python with pypi-attestations (its own venv: sigstore brings many packages). */
export async function attestationPython(context: ToolsContext): Promise<string> {
  return ensureVenv(
    path.join(context.cacheDir, 'attestation-tools'),
    'attest',
    ATTEST_REQUIREMENTS,
    context
  )
}

async function ensureVenv(
  dir: string,
  label: string,
  requirements: readonly string[],
  context: ToolsContext
): Promise<string> {
  const platform = context.platform ?? process.platform
  const python = venvPython(dir, platform)
  const digest = crypto.createHash('sha256').update(requirements.join('\n')).digest('hex')
  const marker = path.join(dir, `.ready-${label}-${digest.slice(0, 12)}`)
  if (fs.existsSync(marker) && fs.existsSync(python)) return python
  fs.mkdirSync(path.dirname(dir), { recursive: true })
  const release = await acquireLock(`${dir}.lock`, {
    onWait: owner => context.reporter.info(waitingMessage(dir, owner))
  })
  try {
    if (fs.existsSync(marker) && fs.existsSync(python)) return python
    const env = toolEnv(context.env)
    context.reporter.info(`installing ${requirements.join(', ')} into ${dir}`)
    if (!fs.existsSync(python)) {
      const host = platform === 'win32' ? 'python' : 'python3'
      await run([host, '-m', 'venv', dir], { env, timeoutMs: 300_000 })
    }
    await run(
      [python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...requirements],
      { env, timeoutMs: 600_000 }
    )
    fs.writeFileSync(marker, `${requirements.join('\n')}\n`)
    return python
  } catch (error) {
    const detail =
      error instanceof CommandError ? error.message : (error as Error).message || String(error)
    throw new UserError(`could not install ${requirements.join(', ')} into ${dir}: ${detail}`, {
      hint: `check access to PyPI, or set ${PUBLISH_PYTHON_OVERRIDE} to a Python that has build and twine`
    })
  } finally {
    release()
  }
}
