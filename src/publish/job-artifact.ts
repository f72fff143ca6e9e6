/** Uploads one job's distributions as its artifact, or says why it did not. */
import path from 'node:path'
import type { Env } from '../options/env.js'
import type { Reporter } from '../report/log.js'
import { artifactServiceMissing, uploadFiles } from './artifacts.js'
import type { PublishOptions } from '../options/types.js'

export interface JobArtifactRequest {
  readonly name: string
  readonly files: readonly string[]
  readonly rootDirectory: string
  readonly settings: PublishOptions
  readonly env: Env
  readonly reporter: Reporter
}

/** True when the artifact was uploaded (and the artifact-name output set). */
export async function uploadJobArtifact(request: JobArtifactRequest): Promise<boolean> {
  const { reporter, name, files } = request
  if (files.length === 0) {
    reporter.warning(`no files to upload: artifact ${name} was not created`)
    return false
  }
  const missing = artifactServiceMissing(request.env)
  if (missing) {
    reporter.warning(
      `${missing}: artifact ${name} was not uploaded; the files stay in ${request.rootDirectory}`
    )
    return false
  }
  const result = await uploadFiles({
    name,
    files,
    rootDirectory: request.rootDirectory,
    retentionDays: request.settings.retentionDays,
    compressionLevel: request.settings.compressionLevel
  })
  reporter.setOutput('artifact-name', name)
  reporter.info(
    `artifact ${name}: ${files.map(f => path.basename(f)).join(', ')} (${result.size ?? '?'} bytes, id ${result.id ?? '?'})`
  )
  return true
}
