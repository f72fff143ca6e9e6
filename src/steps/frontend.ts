/** Each build frontend (pip, build, build[uv], uv): its argv, what it needs installed, and the step that installs it into an interpreter where missing. */
import type { Frontend } from '../model/options.js'

export interface FrontendCall {
  readonly python: string
  readonly packageDir: string
  readonly outDir: string
  readonly configSettings: readonly string[]
  readonly verbosity: number
  /** uv's executable, for the uv frontends. */
  readonly uv?: string
}

function verbosityFlags(verbosity: number, pip: boolean): string[] {
  if (verbosity > 0)
    return pip
      ? Array(verbosity).fill('-v')
      : verbosity >= 3
        ? ['-vv']
        : verbosity >= 2
          ? ['-v']
          : []
  if (verbosity < 0) return Array(-verbosity).fill('-q')
  return []
}

export function frontendArgv(frontend: Frontend, call: FrontendCall): string[] {
  const settings = (flag: string) => call.configSettings.map(s => `${flag}${s}`)
  switch (frontend.name) {
    case 'pip':
      return [
        call.python,
        '-m',
        'pip',
        'wheel',
        call.packageDir,
        `--wheel-dir=${call.outDir}`,
        '--no-deps',
        ...settings('--config-settings='),
        ...verbosityFlags(call.verbosity, true),
        ...frontend.args
      ]
    case 'build':
    case 'build[uv]':
      return [
        call.python,
        '-m',
        'build',
        call.packageDir,
        '--wheel',
        `--outdir=${call.outDir}`,
        ...(frontend.name === 'build[uv]' ? ['--installer=uv'] : []),
        ...settings('-C'),
        ...verbosityFlags(call.verbosity, false),
        ...frontend.args
      ]
    case 'uv':
      return [
        call.uv ?? 'uv',
        'build',
        '--wheel',
        `--out-dir=${call.outDir}`,
        `--python=${call.python}`,
        ...settings('--config-setting='),
        ...verbosityFlags(call.verbosity, false),
        ...frontend.args,
        call.packageDir
      ]
  }
}

/** What must be installed in the build venv for the frontend to run. */
export function frontendRequirements(frontend: Frontend): string[] {
  switch (frontend.name) {
    case 'build':
      return ['build']
    case 'build[uv]':
      return ['build[uv]']
    case 'pip':
      return []
    case 'uv':
      return ['uv']
  }
}

/** The importable modules that show requirements are installed (`build[uv]` → build, uv). */
export function requirementModules(requirements: readonly string[]): string[] {
  const modules = requirements.flatMap(r => {
    const [name, extras] = r.split(/[[\]]/)
    return [name, ...(extras ? extras.split(',') : [])]
  })
  return [...new Set(modules.map(m => m.trim().replaceAll('-', '_')).filter(Boolean))]
}

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
