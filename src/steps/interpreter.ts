/**
 * Where a build uses the interpreter itself, without a venv (a container, as
 * cibuildwheel): the check that `python` on PATH is this build's.
 */
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
