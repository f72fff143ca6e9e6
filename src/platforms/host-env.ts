/** The variables of host steps: the runner's (credentials left out), cibuildwheel's, PATH. */
import path from 'node:path'
import type { PlanFacts } from '../model/facts.js'
import { isCredential } from '../util/credentials.js'
import type { PipelineInput } from '../steps/pipeline.js'

export function baseBuildEnv(identifier: string): Record<string, string> {
  return {
    CIBUILDWHEEL: '1',
    CIBUILDWHEEL_BUILD_IDENTIFIER: identifier,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_ROOT_USER_ACTION: 'ignore'
  }
}

/** The runner's environment minus anything that carries a credential (unless environment-pass names it). */
export function hostBaseEnv(facts: PlanFacts): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [k, v] of Object.entries(facts.env)) {
    if (v === undefined || (isCredential(k) && !facts.passed?.has(k))) continue
    result[k] = v
  }
  const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch
  if (sde) result.SOURCE_DATE_EPOCH = sde
  return result
}

/** The audit on the host copy of a POSIX build's wheel, with the tools venv on PATH. */
export function hostAudit(facts: PlanFacts, hostWheelDir: string): PipelineInput['audit'] {
  const env = hostBaseEnv(facts)
  return {
    wheelDir: hostWheelDir,
    env: () => ({
      ...env,
      PATH: `${path.join(facts.toolsDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`
    }),
    cwd: facts.tempDir
  }
}

/** PATH after a POSIX host build's venv: the tools venv, then the runner's PATH. */
export function posixPathTail(facts: PlanFacts): string {
  return `${path.join(facts.toolsDir, 'bin')}:${facts.env.PATH ?? '/usr/bin:/bin'}`
}
