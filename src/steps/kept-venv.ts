/**
 * A host build venv kept between identifiers and runs: one per interpreter,
 * venv tool, frontend requirements and pins (the constraints' content), under
 * the cache dir. It is made once, under its marker's lock, and its marker
 * records the interpreter that made it (`sys.version`). Each build first
 * checks it: the venv's python runs, is still that interpreter, and finds the
 * frontend. A venv that fails the check is a miss: it is removed and made
 * again, never a failed build.
 */
import crypto from 'node:crypto'
import type { Dialect } from './dialect.js'
import { requirementModules } from './frontend.js'

export interface KeptVenv {
  readonly dir: string
  /** Written last, holding the interpreter's `sys.version`. */
  readonly marker: string
}

export interface KeptVenvInput {
  /** Where kept venvs live (`<cache-dir>/venvs`). */
  readonly root: string
  readonly dialect: Dialect
  /** The interpreter the venv is made from. */
  readonly python: string
  /** The virtualenv that makes it, or absent for `python -m venv`. */
  readonly virtualenv?: string
  /** What the frontend needs installed (`build`, `build[uv]`, ...). */
  readonly requirements: readonly string[]
  /** The constraints file: its name is a hash of its content, so only the pins count. */
  readonly constraintsFile?: string
}

export function keptVenv(input: KeptVenvInput): KeptVenv {
  const { dialect } = input
  const pins = input.constraintsFile ? dialect.path.basename(input.constraintsFile) : ''
  const id = crypto
    .createHash('sha256')
    .update(JSON.stringify([input.python, input.virtualenv ?? 'venv', input.requirements, pins]))
    .digest('hex')
    .slice(0, 16)
  const dir = dialect.path.join(input.root, id)
  return { dir, marker: dialect.path.join(dir, '.wheelwright-ready') }
}

/** argv: marker modules. Exits 1, saying why, unless the venv is still what its marker says. */
export const CHECK_KEPT_VENV_PY = [
  'import importlib.util as u, sys',
  'marker, modules = sys.argv[1], [m for m in sys.argv[2].split(",") if m]',
  'made = open(marker).read()',
  'if made != sys.version: sys.exit("made by Python %s, now %s" % (made or "(unknown)", sys.version))',
  'missing = [m for m in modules if u.find_spec(m) is None]',
  'if missing: sys.exit("missing: " + ", ".join(missing))'
].join('\n')

/** argv: marker. Marks the venv complete, recording the interpreter. */
export const MARK_KEPT_VENV_PY = "import sys; open(sys.argv[1], 'w').write(sys.version)"

/** The check, run with the kept venv's python before its creating steps. */
export function checkKeptVenvArgv(
  python: string,
  venv: KeptVenv,
  requirements: readonly string[]
): string[] {
  return [python, '-c', CHECK_KEPT_VENV_PY, venv.marker, requirementModules(requirements).join(',')]
}

/** The last creating step, run with the kept venv's python. */
export function markKeptVenvArgv(python: string, venv: KeptVenv): string[] {
  return [python, '-c', MARK_KEPT_VENV_PY, venv.marker]
}
