/**
 * How an OS lays out a Python installation: the path flavour, where the
 * interpreter sits in an installed CPython, PyPy or GraalPy, how the
 * actions/python-versions setup script runs, and the manifest's name for the
 * OS. Each platform module holds its own (posixLayout makes a POSIX one); the
 * python/ modules take it as data and never ask which OS they are on.
 */
import path from 'node:path'

export interface PythonLayout {
  readonly path: path.PlatformPath
  /** The platform name in the actions/python-versions manifest. */
  readonly manifestPlatform: string
  /** Candidate interpreter paths, relative to an installed CPython dir, best first. */
  interpreterNames(minor: string): string[]
  /** The interpreter a tool-cache install of `version` will have (plans made before installing). */
  toolCacheInterpreter(dir: string, minor: string, freeThreaded: boolean): string
  pypyExecutable(dir: string): string
  graalpyExecutable(dir: string): string
  /** The argv that runs the setup script of an actions/python-versions archive. */
  readonly setupScript: readonly string[]
  /** Extra variables for that script, in the unpacked archive `dir`. */
  setupEnv(dir: string): Record<string, string>
}

const posix = path.posix

/** The layout of a POSIX OS: `bin/python3`, a `setup.sh` installer, `manifestPlatform` in the manifest. */
export function posixLayout(
  manifestPlatform: string,
  setupEnv: PythonLayout['setupEnv']
): PythonLayout {
  return {
    path: posix,
    manifestPlatform,
    interpreterNames: (minor: string) => [
      'bin/python3',
      'bin/python',
      `bin/python${minor}`,
      `bin/python${minor}t`
    ],
    toolCacheInterpreter: (dir: string, minor: string, freeThreaded: boolean) =>
      posix.join(dir, 'bin', freeThreaded ? `python${minor}t` : 'python3'),
    pypyExecutable: (dir: string) => posix.join(dir, 'bin', 'pypy3'),
    graalpyExecutable: (dir: string) => posix.join(dir, 'bin', 'graalpy'),
    setupScript: ['bash', './setup.sh'],
    setupEnv
  }
}
