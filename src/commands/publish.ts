/**
 * `publish`: in the action, this run's wheel and sdist artifacts are
 * downloaded into dist-dir; in the CLI, dist-dir (the positional argument) is
 * taken as it is. Then the release is verified and uploaded.
 */
import fs from 'node:fs'
import os from 'node:os'
import type { RunContext } from '../execute/context.js'
import type { Options } from '../model/options.js'
import { artifactServiceMissing, downloadDistributions } from '../publish/artifacts.js'
import { distributionsUnder } from '../publish/files.js'
import { publishRelease } from '../publish/release.js'
import { redactUrl } from '../publish/index-url.js'
import { shouldPublish } from '../publish/settings.js'
import { toolsContext } from './sdist.js'
import { isUserError, UserError } from '../util/errors.js'
import { withInterruptScope, type InterruptScope } from '../util/interrupt.js'

/** Publishing work that an interrupt leaves clean, saying "interrupted". */
export function publishScope<T>(
  context: RunContext,
  work: (scope: InterruptScope) => Promise<T>
): Promise<T> {
  return withInterruptScope(
    {
      say: text => context.reporter.info(text),
      flush: () => context.reporter.flush(),
      ...(context.reaper ? { reaper: context.reaper } : {}),
      what: 'publishing'
    },
    work
  )
}

/** Publishes `files`, sets the `published` output and writes the summary. */
export async function publishAndReport(
  files: readonly string[],
  key: string,
  options: Options,
  context: RunContext,
  upload: boolean,
  scope: InterruptScope
): Promise<void> {
  const { reporter } = context
  const result = await publishRelease({
    files,
    settings: options.publish,
    env: context.env,
    reporter,
    tools: toolsContext(options, context),
    key,
    upload,
    dryRun: options.dryRun,
    scope
  }).catch(error => {
    // A failed check or upload is annotated as a publish error.
    throw isUserError(error) ? error.as('publish') : error
  })
  reporter.setOutput('published', JSON.stringify(result.published))
  if (!upload) return
  const where = redactUrl(options.publish.repositoryUrl)
  if (result.wouldUpload) {
    const lines = [
      ...result.wouldUpload.map(name => [name, 'would be uploaded']),
      ...result.skipped.map(name => [name, 'already on the index'])
    ]
    await reporter.summary(
      [
        `### wheelwright: dry run, would publish ${result.version} to ${where}; nothing was uploaded`,
        '',
        '| file | result |',
        '| --- | --- |',
        ...lines.map(([name, state]) => `| ${name} | ${state} |`),
        ''
      ].join('\n'),
      lines.map(([name, state]) => `${name}  ${state}`).join('\n')
    )
    return
  }
  const rows = [
    ...result.published.map(name => [name, 'uploaded']),
    ...result.skipped.map(name => [name, 'already on the index'])
  ]
  const markdown = [
    `### wheelwright: published ${result.version} to ${where}`,
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
  await publishScope(context, scope => publishFromDistDir(options, context, scope))
}

async function publishFromDistDir(
  options: Options,
  context: RunContext,
  scope: InterruptScope
): Promise<void> {
  const { reporter, env } = context
  const settings = options.publish

  if (context.isAction) {
    const missing = artifactServiceMissing(env)
    if (missing) {
      reporter.warning(`${missing}: publishing what is already in ${settings.distDir}`)
    } else {
      const scratch = scope.tempDir(env.RUNNER_TEMP || os.tmpdir(), 'ww-artifacts-')
      const already = distributionsUnder(settings.distDir)
      const downloaded = await downloadDistributions(
        settings.artifactPattern,
        settings.distDir,
        scratch,
        reporter
      ).catch(error => {
        // No matching artifact, but dist-dir already has files (an earlier
        // download-artifact step): publish those.
        if (already.length > 0 && /no artifact of this workflow run matches/.test(String(error))) {
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
  await publishAndReport(files, 'dist-dir', options, context, upload, scope)
}
