/** A host group's one-time setup steps: the tools venv and the dependency constraints files. */
import crypto from 'node:crypto'
import type { Options } from '../model/options.js'
import type { PlanFacts } from '../model/facts.js'
import type { PythonConfiguration } from '../model/catalogue.js'
import type { Build, Step } from '../model/build-plan.js'
import {
  constraintsFileName,
  constraintsFor,
  pinnedToolRequirements
} from '../steps/constraints.js'
import type { Dialect } from '../steps/dialect.js'
import { hostBaseEnv } from './host-env.js'

/** Creates the host tools venv once; skipped when it already has the tools. */
export function toolsSetupSteps(
  facts: PlanFacts,
  requirements: readonly string[],
  dialect: Dialect
): Step[] {
  // Pinned (resources/constraints.json); new pins make a new marker, so the venv is updated.
  const pinned = requirements.flatMap(pinnedToolRequirements)
  const pins = crypto.createHash('sha256').update(pinned.join('\n')).digest('hex').slice(0, 8)
  const marker = dialect.path.join(facts.toolsDir, `.ready-${requirements.join('-')}-${pins}`)
  return [
    {
      name: 'tools',
      argv: dialect.toolsVenv(facts.hostPython, facts.toolsDir, marker, pinned),
      display: `install ${requirements.join(', ')} into the tools venv`,
      env: hostBaseEnv(facts),
      cwd: facts.tempDir,
      where: 'host',
      phase: 'build',
      creates: marker
    }
  ]
}

/**
 * The constraints file of each build (`dependency-versions`) in `dir` where the
 * builds run, and the setup step that writes them (none with `latest`).
 */
export function buildConstraints(
  options: Options,
  configurations: readonly PythonConfiguration[],
  place: { readonly dir: string; readonly where: Step['where']; readonly python: string },
  dialect: Dialect,
  env: Readonly<Record<string, string>>
): { fileOf: (identifier: string) => string | undefined; setup: Step[] } {
  const files = new Map<string, string>()
  const byIdentifier = new Map<string, string>()
  for (const c of configurations) {
    const text = constraintsFor(options.buildOptions(c.identifier).dependencyConstraints, c.version)
    if (text === undefined) continue
    const file = dialect.path.join(place.dir, constraintsFileName(text))
    files.set(file, text)
    byIdentifier.set(c.identifier, file)
  }
  const setup: Step[] =
    files.size === 0
      ? []
      : [
          {
            name: 'constraints',
            argv: dialect.writeFiles(place.python, [...files]),
            display: 'write the dependency constraints',
            env,
            cwd: dialect.path.dirname(place.dir),
            where: place.where,
            phase: 'build'
          }
        ]
  return { fileOf: identifier => byIdentifier.get(identifier), setup }
}

/** What the audit of these builds needs in the tools venv (`audit-requires`), each once. */
export function auditRequirements(options: Options, identifiers: readonly string[]): string[] {
  const all = identifiers.flatMap(id => {
    const build = options.buildOptions(id)
    return build.auditCommand ? build.auditRequires : []
  })
  return [...new Set(all)]
}

/** The host tools venv for these builds: `tools` around what their audits need. */
export function hostTools(
  facts: PlanFacts,
  options: Options,
  builds: readonly Build[],
  tools: { readonly before: readonly string[]; readonly after?: readonly string[] },
  dialect: Dialect
): Step[] {
  const audit = auditRequirements(
    options,
    builds.map(b => b.identifier)
  )
  return toolsSetupSteps(facts, [...tools.before, ...audit, ...(tools.after ?? [])], dialect)
}

/** The constraints of host builds, written under the run's temp dir by the host's Python. */
export function hostConstraints(
  options: Options,
  configurations: readonly PythonConfiguration[],
  facts: PlanFacts,
  dialect: Dialect,
  env: Readonly<Record<string, string>> = hostBaseEnv(facts)
): ReturnType<typeof buildConstraints> {
  const dir = dialect.path.join(facts.tempDir, 'constraints')
  return buildConstraints(
    options,
    configurations,
    { dir, where: 'host', python: facts.hostPython },
    dialect,
    env
  )
}
