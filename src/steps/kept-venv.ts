/**
 * A host build venv kept between identifiers and runs: one per interpreter,
 * venv tool, frontend requirements and pins (the constraints' content), under
 * the cache dir. It is made once, under its marker's lock, and its marker
 * records the interpreter that made it (`sys.version`). Each build first
 * checks it: the venv's python runs, is still that interpreter, and finds the
 * frontend. A venv that fails the check is a miss: it is removed and made
 * again, never a failed build. With before-build, which may install anything
 * into the build venv, each build gets a fresh venv that finds the kept
 * frontend through a .pth file, and its installs go into the fresh one.
 */
import crypto from 'node:crypto'
import type { Step } from '../model/build-plan.js'
import type { Dialect } from './dialect.js'
import { requirementModules } from './frontend.js'
import { join as commandLine } from '../util/shlex.js'

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

/**
 * argv: marker. Compiles the venv's packages, then marks it complete,
 * recording the interpreter. Compiled once here, pip and the frontend start
 * fast in every build, even where PYTHONDONTWRITEBYTECODE keeps Python from
 * caching what it compiles (virtualenv seeds pip without bytecode).
 */
export const MARK_KEPT_VENV_PY = [
  'import compileall, re, sys, sysconfig',
  // What virtualenv seeds for older Pythons and no frontend imports: left out.
  "skip = re.compile(r'[\\\\/](setuptools|pkg_resources|wheel)[\\\\/]')",
  "compileall.compile_dir(sysconfig.get_paths()['purelib'], quiet=1, rx=skip)",
  "open(sys.argv[1], 'w').write(sys.version)"
].join('\n')

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

/**
 * argv: kept-venv. Run by a fresh venv's python: a .pth file that puts the
 * kept venv's site-packages (the same place, relative to its prefix) after
 * its own, so the frontend is found and whatever before-build installs wins.
 */
export const LINK_KEPT_VENV_PY = [
  'import os, sys, sysconfig',
  "own = sysconfig.get_paths()['purelib']",
  'kept = os.path.join(sys.argv[1], os.path.relpath(own, sys.prefix))',
  "open(os.path.join(own, '_wheelwright_frontend.pth'), 'w').write(kept + '\\n')"
].join('\n')

/** What makes the steps of a host build's venv. */
export interface BuildVenvInput {
  readonly dialect: Dialect
  /** The kept venv, or absent for a fresh venv with its own frontend. */
  readonly kept?: KeptVenv
  /** A fresh venv (before-build) that finds the kept venv's frontend. */
  readonly layered: boolean
  /** The venv the build runs in. */
  readonly buildVenv: string
  readonly requirements: readonly string[]
  readonly venvArgv: (dir: string) => string[]
  /** pip install of the requirements, with that venv's python. */
  readonly install: (python: string) => string[]
  readonly step: (
    name: string,
    argv: string[],
    extra: Partial<Pick<Step, 'creates' | 'verifies' | 'display'>>
  ) => Step
}

/**
 * The venv steps of a host build: the kept venv checked, else made (once,
 * under its marker); with `layered`, then the build's fresh venv and its link.
 */
export function buildVenvSteps(input: BuildVenvInput): Step[] {
  const { dialect, kept, step, requirements } = input
  const frontendVenv = kept?.dir ?? input.buildVenv
  const python = dialect.executable(dialect.venvBin(frontendVenv), 'python')
  const once = kept ? { creates: kept.marker } : {}
  const steps: Step[] = []
  if (kept)
    steps.push(
      step('venv-check', checkKeptVenvArgv(python, kept, requirements), {
        verifies: kept.marker,
        display: 'check the kept build venv'
      })
    )
  steps.push(
    step('venv', input.venvArgv(frontendVenv), {
      ...once,
      display: kept ? 'create the kept build venv' : 'create the build venv'
    })
  )
  if (requirements.length > 0)
    steps.push(
      step('install-frontend', input.install(python), {
        ...once,
        display: `pip install ${commandLine(requirements)}`
      })
    )
  if (kept)
    steps.push(
      step('venv-ready', markKeptVenvArgv(python, kept), {
        ...once,
        display: 'compile and keep the build venv'
      })
    )
  if (kept && input.layered) {
    const own = dialect.executable(dialect.venvBin(input.buildVenv), 'python')
    steps.push(
      step('fresh-venv', input.venvArgv(input.buildVenv), {
        display: 'create a fresh build venv for before-build'
      }),
      step('link-frontend', [own, '-c', LINK_KEPT_VENV_PY, kept.dir], {
        display: 'find the frontend of the kept build venv from it'
      })
    )
  }
  return steps
}
