/**
 * Steps on the interpreter itself, where a build uses it without a venv (a
 * container, as cibuildwheel): install what is missing, and check that
 * `python` on PATH is this build's.
 */
import { requirementModules } from './frontend.js'

/**
 * argv: python modules requirements... Installs the requirements into the
 * interpreter unless every module (comma-separated) is importable already.
 */
export const ENSURE_INSTALLED = [
  'python="$1" modules="$2"; shift 2',
  '"$python" -c \'import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in sys.argv[1].split(",")))\' "$modules" && exit 0',
  'exec "$python" -m pip install --disable-pip-version-check -q "$@"'
].join('\n')

export function ensureInstalled(
  python: string,
  requirements: readonly string[],
  constraints: readonly string[]
): string[] {
  const modules = requirementModules(requirements).join(',')
  return [
    'bash',
    '-c',
    ENSURE_INSTALLED,
    'ensure',
    python,
    modules,
    ...constraints,
    ...requirements
  ]
}

/** argv: python. Fails, saying why, unless `python` on PATH is that one. */
export const CHECK_PYTHON = [
  'found=$(command -v python || true)',
  '[ "$found" = "$1" ] && exit 0',
  'echo "python on PATH is ${found:-missing}, not this build\'s $1: the environment option puts another python first on PATH. Hint: add your entries after \\$PATH (PATH=\\$PATH:/my/bin)" >&2',
  'exit 1'
].join('\n')

export function checkPythonArgv(python: string): string[] {
  return ['bash', '-c', CHECK_PYTHON, 'check-python', python]
}
