/**
 * Publishing a set of files as the commands do: in a scope that an interrupt
 * leaves clean, then the `published` output and the summary table.
 */
import type { Options } from '../model/options.js'
import { isUserError } from '../util/errors.js'
import { withInterruptScope, type InterruptScope } from '../util/interrupt.js'
import { redactUrl } from './index-url.js'
import { publishRelease } from './release.js'
import type { ToolsContext } from './tools.js'

/** Publishing work that an interrupt leaves clean, saying "interrupted". */
export function publishScope<T>(
  tools: ToolsContext,
  work: (scope: InterruptScope) => Promise<T>
): Promise<T> {
  return withInterruptScope(
    {
      say: text => tools.reporter.info(text),
      flush: () => tools.reporter.flush(),
      ...(tools.reaper ? { reaper: tools.reaper } : {}),
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
  tools: ToolsContext,
  upload: boolean,
  scope: InterruptScope
): Promise<void> {
  const { reporter } = tools
  const result = await publishRelease({
    ...tools,
    files,
    settings: options.publish,
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
