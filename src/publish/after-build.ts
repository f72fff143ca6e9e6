/**
 * What `build` does once the wheels are in output-dir: the sdist
 * (`sdist: true`), the job's artifact (`upload-artifact`), and publishing
 * (`publish: true`, or `tag` on a tag ref) for single-job workflows.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Options } from '../model/options.js'
import type { RunOutcome } from '../report/outcome.js'
import { archOfIdentifier } from '../plan/identifiers.js'
import type { ToolsContext } from './tools.js'

/** The archs this job built, for `{arch}`: `x86_64`, or `i686-x86_64` for two. */
export function builtArchs(options: Options, outcome: Pick<RunOutcome, 'records'>): string {
  const fromBuilds = outcome.records.map(r => archOfIdentifier(r.identifier))
  const archs = fromBuilds.length > 0 ? fromBuilds : [...options.archs]
  return [...new Set(archs)].sort().join('-') || options.runner.machine
}

/** The wheels of this job in output-dir, each once. */
export function jobWheels(
  outputDir: string,
  outcome: Pick<RunOutcome, 'records' | 'wheels'>
): string[] {
  const paths = [
    ...outcome.wheels,
    ...outcome.records.filter(r => r.wheel).map(r => path.join(outputDir, r.wheel))
  ]
  return [...new Set(paths.map(p => path.resolve(p)))].filter(p => fs.existsSync(p)).sort()
}

/**
 * Returns the sdist it made, if any. `artifact`: this job uploads its
 * artifact (in the action, with upload-artifact).
 */
export async function afterBuild(
  options: Options,
  tools: ToolsContext,
  outcome: Pick<RunOutcome, 'records' | 'wheels'>,
  artifact: boolean
): Promise<string | undefined> {
  const settings = options.publish
  if (!options.sdist && !artifact && settings.mode === 'false') return undefined
  const { shouldPublish } = await import('./settings.js')
  const outputDir = options.outputDir

  let sdist: string | undefined
  if (options.sdist) {
    const { makeSdist } = await import('./sdist.js')
    sdist = await makeSdist(options, tools)
  }
  const files = [...jobWheels(outputDir, outcome), ...(sdist ? [sdist] : [])]

  if (artifact) {
    const { expandArtifactName } = await import('./artifacts.js')
    const { uploadJobArtifact } = await import('./job-artifact.js')
    const group = options.group ?? options.only
    const name = expandArtifactName(settings.artifactName, {
      os: options.platform,
      arch: builtArchs(options, outcome),
      ...(group ? { group } : {})
    })
    await uploadJobArtifact({ ...tools, name, files, rootDirectory: outputDir, settings })
  }

  if (settings.mode !== 'false') {
    if (!shouldPublish(settings.mode, tools.env.GITHUB_REF)) {
      tools.reporter.info(
        `publish: tag, and ${tools.env.GITHUB_REF ?? 'this ref'} is not a tag: not publishing`
      )
      tools.reporter.setOutput('published', '[]')
      return sdist
    }
    const { publishAndReport, publishScope } = await import('./publishing.js')
    await publishScope(tools, scope =>
      publishAndReport(files, 'output-dir', options, tools, true, scope)
    )
  }
  return sdist
}
