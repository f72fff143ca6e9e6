/**
 * `publish`: in the action, this run's wheel and sdist artifacts are
 * downloaded into dist-dir; in the CLI, dist-dir (the positional argument) is
 * taken as it is. Then the release is verified and uploaded.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RunContext } from '../context.js'
import type { Options } from '../options/types.js'
import { artifactServiceMissing, downloadDistributions } from '../publish/artifacts.js'
import { distributionsUnder } from '../publish/files.js'
import { publishRelease } from '../publish/release.js'
import { redactUrl } from '../publish/index-url.js'
import { shouldPublish } from '../publish/settings.js'
import { toolsContext } from './sdist.js'
import { isUserError, UserError } from '../util/errors.js'

/** Publishes `files`, sets the `published` output and writes the summary. */
export async function publishAndReport(
  files: readonly string[],
  key: string,
  options: Options,
  context: RunContext,
  upload: boolean
): Promise<void> {
  const { reporter } = context
  const result = await publishRelease({
    files,
    settings: options.publish,
    env: context.env,
    reporter,
    tools: toolsContext(options, context),
    key,
    upload
  }).catch(error => {
    // A failed check or upload is annotated as a publish error.
    throw isUserError(error) ? error.as('publish') : error
  })
  reporter.setOutput('published', JSON.stringify(result.published))
  if (!upload) return
  const rows = [
    ...result.published.map(name => [name, 'uploaded']),
    ...result.skipped.map(name => [name, 'already on the index'])
  ]
  const markdown = [
    `### wheelwright: published ${result.version} to ${redactUrl(options.publish.repositoryUrl)}`,
    '',
    '| file | result |',
    '| --- | --- |',
    ...rows.map(([name, state]) => `| ${name} | ${state} |`),
    ''
  ].join('\n')
  const plain = rows.map(([name, state]) => `${name}  ${state}`).join('\n')
  await reporter.summary(markdown, plain || 'nothing uploaded')
}

export async function runPublish(options: Options, context: RunContext): Promise<void> {
  const { reporter, env } = context
  const settings = options.publish

  if (context.isAction) {
    const missing = artifactServiceMissing(env)
    if (missing) {
      reporter.warning(`${missing}: publishing what is already in ${settings.distDir}`)
    } else {
      const scratch = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'ww-artifacts-'))
      try {
        const already = distributionsUnder(settings.distDir)
        const downloaded = await downloadDistributions(
          settings.artifactPattern,
          settings.distDir,
          scratch,
          reporter
        ).catch(error => {
          // No matching artifact, but dist-dir already has files (an earlier
          // download-artifact step): publish those.
          if (
            already.length > 0 &&
            /no artifact of this workflow run matches/.test(String(error))
          ) {
            reporter.info(
              `no artifact matches ${settings.artifactPattern}; using the files in ${settings.distDir}`
            )
            return []
          }
          throw error
        })
        reporter.info(
          `downloaded ${downloaded.length} file${downloaded.length === 1 ? '' : 's'} into ${settings.distDir}`
        )
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true })
      }
    }
  }

  if (!fs.existsSync(settings.distDir)) {
    throw new UserError('does not exist', {
      key: 'dist-dir',
      value: settings.distDir,
      hint: 'give the directory that holds the wheels and the sdist (wheelwright publish DIST_DIR)'
    })
  }
  const files = distributionsUnder(settings.distDir)
  const upload = settings.mode === 'tag' ? shouldPublish('tag', env.GITHUB_REF) : true
  await publishAndReport(files, 'dist-dir', options, context, upload)
}
