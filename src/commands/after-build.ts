/**
 * What `build` does once the wheels are in output-dir: the sdist
 * (`sdist: true`), the job's artifact (`upload-artifact`), and publishing
 * (`publish: true`, or `tag` on a tag ref) for single-job workflows.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { RunContext } from '../execute/context.js'
import type { Options } from '../model/options.js'
import type { BuildOutcome } from '../execute/run.js'
import { archOfIdentifier } from '../plan/identifiers.js'

/** The archs this job built, for `{arch}`: `x86_64`, or `i686-x86_64` for two. */
export function builtArchs(options: Options, outcome: Pick<BuildOutcome, 'records'>): string {
  const fromBuilds = outcome.records.map(r => archOfIdentifier(r.identifier))
  const archs = fromBuilds.length > 0 ? fromBuilds : [...options.archs]
  return [...new Set(archs)].sort().join('-') || options.runner.machine
}

/** The wheels of this job in output-dir, each once. */
export function jobWheels(
  outputDir: string,
  outcome: Pick<BuildOutcome, 'records' | 'wheels'>
): string[] {
  const paths = [
    ...outcome.wheels,
    ...outcome.records.filter(r => r.wheel).map(r => path.join(outputDir, r.wheel))
  ]
  return [...new Set(paths.map(p => path.resolve(p)))].filter(p => fs.existsSync(p)).sort()
}

/** Returns the sdist it made, if any. */
export async function afterBuild(
  options: Options,
  context: RunContext,
  outcome: Pick<BuildOutcome, 'records' | 'wheels'>
): Promise<string | undefined> {
  const settings = options.publish
  const wantArtifact = settings.uploadArtifact && context.isAction
  if (!options.sdist && !wantArtifact && settings.mode === 'false') return undefined
  const { shouldPublish } = await import('../publish/settings.js')
  const outputDir = options.outputDir

  let sdist: string | undefined
  if (options.sdist) {
    const { makeSdist } = await import('./sdist.js')
    sdist = await makeSdist(options, context)
  }
  const files = [...jobWheels(outputDir, outcome), ...(sdist ? [sdist] : [])]

  if (wantArtifact) {
    const { expandArtifactName } = await import('../publish/artifacts.js')
    const { uploadJobArtifact } = await import('../publish/job-artifact.js')
    const group = options.group ?? options.only
    const name = expandArtifactName(settings.artifactName, {
      os: options.platform,
      arch: builtArchs(options, outcome),
      ...(group ? { group } : {})
    })
    await uploadJobArtifact({
      name,
      files,
      rootDirectory: outputDir,
      settings,
      env: context.env,
      reporter: context.reporter
    })
  }

  if (settings.mode !== 'false') {
    if (!shouldPublish(settings.mode, context.env.GITHUB_REF)) {
      context.reporter.info(
        `publish: tag, and ${context.env.GITHUB_REF ?? 'this ref'} is not a tag: not publishing`
      )
      context.reporter.setOutput('published', '[]')
      return sdist
    }
    const { publishAndReport, publishScope } = await import('./publish.js')
    await publishScope(context, scope =>
      publishAndReport(files, 'output-dir', options, context, true, scope)
    )
  }
  return sdist
}
