/**
 * macOS plans (coarse): one host group, the POSIX pipeline with the runner's
 * interpreters. Deployment targets, cross-arch flags and delocate come in
 * with the macOS work.
 */
import path from 'node:path'
import type { Options } from '../options/types.js'
import type { PythonConfiguration } from '../plan/identifiers.js'
import type { PlanFacts } from '../plan/facts.js'
import type { Build, BuildGroup, Unavailable } from '../plan/types.js'
import { pipelineSteps, pipelineDirs } from '../build/pipeline.js'
import { baseBuildEnv, hostBaseEnv, isTested, toolsSetupSteps } from './common.js'

export function planMacos(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts
): { groups: BuildGroup[]; unavailable: Unavailable[] } {
  const toolsBin = path.posix.join(facts.toolsDir, 'bin')
  const builds = configurations.map((c): Build => {
    const build = options.buildOptions(c.identifier)
    const python = facts.hostInterpreters.get(c.identifier)?.path ?? `python${c.version}`
    const workDir = path.posix.join(facts.tempDir, 'build', c.identifier)
    const tested = isTested(options, build)
    const baseEnv = { ...hostBaseEnv(facts), ...baseBuildEnv(c.identifier) }
    return {
      identifier: c.identifier,
      python,
      version: c.version,
      workDir,
      wheelDir: pipelineDirs(workDir).repaired,
      environment: build.environment,
      env: baseEnv,
      steps: pipelineSteps({
        options: build,
        python,
        projectDir: options.packageDir,
        workDir,
        where: 'host',
        tested,
        baseEnv,
        pathTail: `${toolsBin}:${facts.env.PATH ?? '/usr/bin:/bin'}`
      }),
      tested,
      abi3Audit: !!build.auditCommand
    }
  })
  const setup = toolsSetupSteps(facts, ['delocate', 'abi3audit'])
  return {
    groups: builds.length ? [{ where: 'host', setup, builds, teardown: [] }] : [],
    unavailable: []
  }
}
