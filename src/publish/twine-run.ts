/**
 * Runs twine check and twine upload through util/exec (argv arrays, explicit
 * env). Each file is uploaded by its own twine run, with the index's bounds:
 * a run that gets no answer in time is stopped, and a try that failed for
 * want of an answer (or a 5xx) is tried again, unless the index turns out to
 * have the file after all.
 */
import path from 'node:path'
import { exhausted, pauseBefore, sleep, type Bounds } from './bounded.js'
import { redactUrl } from './index-url.js'
import type { Env } from '../model/env.js'
import type { Reporter } from '../report/log.js'
import { UserError } from '../util/errors.js'
import { exec, type ChildTracker } from '../util/exec.js'
import {
  cleanOutput,
  explainUploadFailure,
  skippedFiles,
  toolEnv,
  twineCheckArgv,
  twineUploadArgv,
  twineUploadEnv,
  type UploadSettings
} from './twine.js'

/** `twine check` on every file; a failure names the files and the reason. */
export async function twineCheck(
  python: string,
  files: readonly string[],
  env: Env,
  reporter: Reporter,
  key: string,
  children?: ChildTracker
): Promise<void> {
  const result = await exec(twineCheckArgv(python, files), {
    env: toolEnv(env),
    timeoutMs: 600_000,
    ...(children ? { children } : {})
  })
  const output = cleanOutput(result.output)
  reporter.group(`twine check (${files.length} file${files.length === 1 ? '' : 's'})`, output)
  if (result.code !== 0) {
    const failed = output
      .split('\n')
      .filter(line => /FAILED|ERROR/.test(line))
      .map(line => line.trim())
    throw new UserError(
      `twine check failed: ${failed.join('; ') || output.trim().split('\n').pop()}`,
      {
        key,
        hint: 'fix the package metadata (for example the readme markup or its content type) and rebuild'
      }
    )
  }
}

export interface UploadResult {
  readonly uploaded: string[]
  readonly skipped: string[]
}

export interface UploadRequest {
  readonly python: string
  readonly files: readonly string[]
  /** The attestation files of a dist (uploaded with it). */
  readonly attestationsOf: (file: string) => readonly string[]
  readonly settings: UploadSettings
  readonly env: Env
  readonly reporter: Reporter
  readonly bounds: Bounds
  /** Whether the index has this file (same contents) now: a try that seemed to fail may have landed. */
  readonly landed: (file: string) => Promise<boolean>
  readonly children?: ChildTracker
}

/** `twine upload`, one file at a time; the password only travels in the child's environment. */
export async function twineUpload(request: UploadRequest): Promise<UploadResult> {
  const { settings, reporter, bounds } = request
  const uploaded: string[] = []
  const skipped: string[] = []
  const url = redactUrl(settings.repositoryUrl)
  for (const file of request.files) {
    const name = path.basename(file)
    let reason = ''
    let done = false
    for (let attempt = 1; attempt <= bounds.attempts && !done; attempt++) {
      await sleep(pauseBefore(attempt, bounds))
      const argv = twineUploadArgv(
        request.python,
        [file, ...request.attestationsOf(file)],
        settings
      )
      const result = await exec(argv, {
        env: twineUploadEnv(request.env, settings),
        timeoutMs: bounds.timeoutMs,
        ...(request.children ? { children: request.children } : {})
      })
      const output = cleanOutput(result.output)
      const waited = `no answer within ${bounds.timeoutMs / 1000} s`
      const tries = attempt > 1 ? ` (try ${attempt} of ${bounds.attempts})` : ''
      reporter.group(
        `twine upload ${name} to ${url}${tries}`,
        result.timedOut ? `${output}\n${waited}: stopped\n` : output
      )
      if (result.code === 0) {
        ;(skippedFiles(output).includes(name) ? skipped : uploaded).push(name)
        done = true
        continue
      }
      const failure = explainUploadFailure(output)
      if (!result.timedOut && !failure.transient) {
        const already = uploaded.length > 0 ? ` (already uploaded: ${uploaded.join(', ')})` : ''
        throw new UserError(`${failure.message}${already}`, {
          key: 'repository-url',
          hint: failure.hint
        })
      }
      reason = result.timedOut ? waited : failure.message
      // The index may have taken the file and lost the answer.
      if (await request.landed(file)) {
        reporter.info(`${name} is on the index after all; not uploading it again`)
        uploaded.push(name)
        done = true
      }
    }
    if (!done) {
      const already = uploaded.length > 0 ? `; already uploaded: ${uploaded.join(', ')}` : ''
      throw exhausted(`uploading ${name}`, settings.repositoryUrl, reason, bounds, already)
    }
  }
  return { uploaded, skipped }
}
