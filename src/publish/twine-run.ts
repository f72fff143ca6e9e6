/** Runs twine check and twine upload through util/exec (argv arrays, explicit env). */
import { redactUrl } from './index-url.js'
import type { Env } from '../options/env.js'
import type { Reporter } from '../report/log.js'
import { UserError } from '../util/errors.js'
import { exec } from '../util/exec.js'
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

const basename = (p: string) => p.replace(/^.*[\\/]/, '')

/** `twine check` on every file; a failure names the files and the reason. */
export async function twineCheck(
  python: string,
  files: readonly string[],
  env: Env,
  reporter: Reporter,
  key: string
): Promise<void> {
  const result = await exec(twineCheckArgv(python, files), {
    env: toolEnv(env),
    timeoutMs: 600_000
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

/** `twine upload`; the password only travels in the child's environment. */
export async function twineUpload(
  python: string,
  files: readonly string[],
  attestations: readonly string[],
  settings: UploadSettings,
  env: Env,
  reporter: Reporter
): Promise<UploadResult> {
  const argv = twineUploadArgv(python, [...files, ...attestations], settings)
  const result = await exec(argv, {
    env: twineUploadEnv(env, settings),
    timeoutMs: 1_800_000
  })
  const output = cleanOutput(result.output)
  reporter.group(`twine upload to ${redactUrl(settings.repositoryUrl)}`, output)
  if (result.code !== 0) {
    const failure = explainUploadFailure(output)
    throw new UserError(failure.message, { key: 'repository-url', hint: failure.hint })
  }
  const skipped = new Set(skippedFiles(output))
  const names = files.map(basename)
  return {
    uploaded: names.filter(name => !skipped.has(name)),
    skipped: names.filter(name => skipped.has(name))
  }
}
