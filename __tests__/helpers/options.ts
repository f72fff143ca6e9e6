/** Options resolved the way the entry points resolve them, for tests that need the result. */
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'

/** The publish part of the options resolved from `given` inputs in `cwd`. */
export function resolvePublishSettings(
  given: Map<string, string>,
  env: Record<string, string>,
  cwd: string,
  password?: string
) {
  const inputs = new Map(given)
  if (password) inputs.set('password', password)
  return resolveOptions({
    inputs,
    env,
    runner: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject('[project]\nname = "x"\nversion = "1"\n', 'pyproject.toml'),
    packageDir: cwd,
    packageInput: '.',
    cwd
  }).publish
}
