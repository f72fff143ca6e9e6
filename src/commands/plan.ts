/** `plan`: the identifiers cibuildwheel would build, and the fan-out matrix. */
import type { RunContext } from '../context.js'
import type { Options } from '../options/types.js'
import { buildMatrix } from '../plan/matrix.js'
import { selectedConfigurations } from '../plan/select.js'

export async function runPlan(options: Options, context: RunContext): Promise<void> {
  const configurations = selectedConfigurations(options)
  const identifiers = configurations.map(c => c.identifier)
  const matrix = { include: buildMatrix(configurations, options.maxPerJob) }
  const { reporter } = context
  if (context.isAction) {
    reporter.setOutput('identifiers', JSON.stringify(identifiers))
    reporter.setOutput('matrix', JSON.stringify(matrix))
    reporter.info(`${identifiers.length} identifiers in ${matrix.include.length} groups`)
    for (const entry of matrix.include) {
      reporter.info(`${entry.group} (${entry.os}): ${entry.identifiers.join(' ')}`)
    }
    return
  }
  if (options.matrix) reporter.result(JSON.stringify(matrix))
  else if (identifiers.length > 0) reporter.result(identifiers.join('\n'))
}
