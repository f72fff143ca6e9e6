/** `sdist`: build the source distribution, twine-check it, upload it as an artifact. */
import path from 'node:path'
import { toolsContext, type RunContext } from '../execute/context.js'
import type { Options } from '../model/options.js'
import { makeSdist } from '../publish/sdist.js'
import { expandArtifactName, checkArtifactName } from '../publish/artifacts.js'
import { requireArtifactService, uploadJobArtifact } from '../publish/job-artifact.js'
import { SDIST_ARTIFACT_NAME } from '../publish/settings.js'

/** The sdist job's artifact: `sdist` unless artifact-name was given for this step. */
function artifactName(options: Options): string {
  const settings = options.publish
  return settings.artifactNameGiven
    ? expandArtifactName(settings.artifactName, {
        os: options.platform,
        arch: options.runner.machine,
        ...(options.group ? { group: options.group } : {})
      })
    : checkArtifactName(SDIST_ARTIFACT_NAME)
}

/** `sdist` with dry-run: what it would make and upload; nothing is built or uploaded. */
function describeSdist(options: Options, context: RunContext, artifact?: string): void {
  const what = options.sdistInput
    ? `check and copy ${options.sdistInput}`
    : `run python -m build --sdist on ${options.packageDir}`
  context.reporter.result(
    `dry run: would ${what} into ${options.outputDir}` +
      (artifact ? `, then upload it as the artifact ${artifact}` : '') +
      '; nothing was built or uploaded'
  )
}

export async function runSdist(options: Options, context: RunContext): Promise<void> {
  const settings = options.publish
  const upload = context.isAction && settings.uploadArtifact
  if (options.dryRun)
    return describeSdist(options, context, upload ? artifactName(options) : undefined)
  if (upload) requireArtifactService(settings, context.env)
  const tools = toolsContext(context, options.cacheDir)
  const sdist = await makeSdist(options, tools)
  if (!context.isAction) {
    context.reporter.result(sdist)
    return
  }
  if (!settings.uploadArtifact) return
  await uploadJobArtifact({
    ...tools,
    name: artifactName(options),
    files: [sdist],
    rootDirectory: path.dirname(sdist),
    settings
  })
}
