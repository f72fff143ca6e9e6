/**
 * `publish`: in the action, this run's wheel and sdist artifacts are
 * downloaded into dist-dir; in the CLI, dist-dir (the positional argument) is
 * taken as it is. Then the release is verified and uploaded.
 */
import fs from 'node:fs'
import os from 'node:os'
import { toolsContext, type RunContext } from '../execute/context.js'
import type { Options } from '../model/options.js'
import { artifactServiceMissing, downloadDistributions } from '../publish/artifacts.js'
import { distributionsUnder } from '../publish/files.js'
import { publishAndReport, publishScope } from '../publish/publishing.js'
import { shouldPublish } from '../publish/settings.js'
import type { ToolsContext } from '../publish/tools.js'
import { UserError } from '../util/errors.js'
import type { InterruptScope } from '../util/interrupt.js'

export async function runPublish(options: Options, context: RunContext): Promise<void> {
  const tools = toolsContext(context, options.cacheDir)
  await publishScope(tools, scope => publishFromDistDir(options, context.isAction, tools, scope))
}

async function publishFromDistDir(
  options: Options,
  isAction: boolean,
  tools: ToolsContext,
  scope: InterruptScope
): Promise<void> {
  const { reporter, env } = tools
  const settings = options.publish

  if (isAction) {
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
  await publishAndReport(files, 'dist-dir', options, tools, upload, scope)
}
