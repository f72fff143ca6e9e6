/**
 * The two dialects a step pipeline is written in: POSIX (a Linux container
 * or host, a macOS host) and Windows. A dialect owns paths and separators,
 * the venv layout, the shell that runs user commands, and the small file
 * operations of a build (fresh dirs and a project copy, the test dir, a copy,
 * the tools venv): coreutils and bash on POSIX, the build's own Python on
 * Windows.
 */
import path from 'node:path'
import type { ShellKind } from './placeholders.js'

export interface BuildDirs {
  readonly src: string
  readonly built: string
  readonly repaired: string
  readonly venv: string
  readonly testVenv: string
  readonly testCwd: string
}

export interface Dialect {
  readonly path: path.PlatformPath
  /** PATH's separator. */
  readonly pathSeparator: string
  readonly shell: ShellKind
  /** A venv's executables dir (`bin`, `Scripts`). */
  venvBin(venv: string): string
  /** An executable in a dir (`python`, `python.exe`). */
  executable(dir: string, name: string): string
  /**
   * Fresh src, built and repaired dirs, then a copy of the project into src
   * without its build/ dir (objects compiled earlier must never be reused);
   * with a core budget, the setuptools config that builds extensions in parallel.
   */
  prepare(python: string, dirs: BuildDirs, project: string, cores: string, budget: string): string[]
  /**
   * Fresh built and repaired dirs only, for a build in the project itself (a
   * container lane); with a core budget, the same setuptools config.
   */
  prepareInPlace(python: string, dirs: BuildDirs, cores: string, budget: string): string[]
  /** A fresh test venv dir and a test cwd holding the test-sources. */
  prepareTest(
    python: string,
    dirs: BuildDirs,
    project: string,
    sources: readonly string[]
  ): string[]
  /** Copies `{wheel}` into a dir (repair without a repair command). */
  copyWheel(python: string, dir: string): string[]
  /** Writes files (path, content), creating their dirs. */
  writeFiles(python: string, files: readonly (readonly [string, string])[]): string[]
  /** Creates the host tools venv with `requirements`, then touches `marker`. */
  toolsVenv(
    hostPython: string,
    dir: string,
    marker: string,
    requirements: readonly string[]
  ): string[]
}

/** The dirs of one build under its work dir. */
export function buildDirs(dialect: Dialect, workDir: string): BuildDirs {
  const join = dialect.path.join
  return {
    src: join(workDir, 'src'),
    built: join(workDir, 'built'),
    repaired: join(workDir, 'repaired'),
    venv: join(workDir, 'venv'),
    testVenv: join(workDir, 'test-venv'),
    testCwd: join(workDir, 'test-cwd')
  }
}

const POSIX_PREPARE = [
  'set -eo pipefail',
  'rm -rf -- "$1" "$2" "$3" && mkdir -p -- "$1" "$2" "$3"',
  'tar -C "$4" --exclude=./build -cf - . | tar -C "$1" -xf -',
  'if [ -n "$5" ]; then printf \'[build_ext]\\nparallel = %s\\n\' "$5" > "$6"; fi'
].join('\n')

const POSIX_PREPARE_IN_PLACE = [
  'set -e',
  'rm -rf -- "$1" "$2" && mkdir -p -- "$1" "$2"',
  'if [ -n "$3" ]; then printf \'[build_ext]\\nparallel = %s\\n\' "$3" > "$4"; fi'
].join('\n')

const POSIX_PREPARE_TEST = [
  'set -e',
  'rm -rf -- "$1" "$2" && mkdir -p -- "$2"',
  'cwd="$2" src="$3"; shift 3',
  'for item in "$@"; do mkdir -p -- "$(dirname -- "$cwd/$item")"; cp -a -- "$src/$item" "$cwd/$item"; done'
].join('\n')

const POSIX_WRITE_FILES =
  'while [ "$#" -gt 1 ]; do mkdir -p -- "$(dirname -- "$1")" && printf %s "$2" > "$1"; shift 2; done'

const POSIX_TOOLS =
  '"$1" -m venv "$2" && "$2/bin/python" -m pip install --disable-pip-version-check -q "${@:4}" && touch "$3"'

export const POSIX: Dialect = {
  path: path.posix,
  pathSeparator: ':',
  shell: 'bash',
  venvBin: venv => path.posix.join(venv, 'bin'),
  executable: (dir, name) => path.posix.join(dir, name),
  prepare: (_python, dirs, project, cores, budget) => [
    'bash',
    '-c',
    POSIX_PREPARE,
    'prepare',
    dirs.src,
    dirs.built,
    dirs.repaired,
    project,
    cores,
    budget
  ],
  prepareInPlace: (_python, dirs, cores, budget) => [
    'bash',
    '-c',
    POSIX_PREPARE_IN_PLACE,
    'prepare',
    dirs.built,
    dirs.repaired,
    cores,
    budget
  ],
  prepareTest: (_python, dirs, project, sources) => [
    'bash',
    '-c',
    POSIX_PREPARE_TEST,
    'test-prepare',
    dirs.testVenv,
    dirs.testCwd,
    project,
    ...sources
  ],
  copyWheel: (_python, dir) => ['cp', '--', '{wheel}', dir],
  writeFiles: (_python, files) => ['bash', '-c', POSIX_WRITE_FILES, 'write-files', ...files.flat()],
  toolsVenv: (hostPython, dir, marker, requirements) => [
    'bash',
    '-c',
    POSIX_TOOLS,
    'tools',
    hostPython,
    dir,
    marker,
    ...requirements
  ]
}

/** argv: src built repaired project. Fresh dirs, then a copy of the project (without build/). */
export const PREPARE_PY = [
  'import os, shutil, sys',
  'src, built, repaired, project = sys.argv[1:5]',
  'for d in (src, built, repaired): shutil.rmtree(d, ignore_errors=True)',
  "shutil.copytree(project, src, symlinks=True, ignore=lambda d, names: ['build'] if d == project else [])",
  'os.makedirs(built); os.makedirs(repaired)'
].join('\n')

/** argv: built repaired. Fresh dirs for a build in the project itself. */
export const PREPARE_IN_PLACE_PY = [
  'import os, shutil, sys',
  'for d in sys.argv[1:3]:',
  '    shutil.rmtree(d, ignore_errors=True)',
  '    os.makedirs(d)'
].join('\n')

/** argv: test-venv test-cwd project sources... The test dir with the test-sources copied in. */
export const PREPARE_TEST_PY = [
  'import os, shutil, sys',
  'venv, cwd, project, *items = sys.argv[1:]',
  'for d in (venv, cwd): shutil.rmtree(d, ignore_errors=True)',
  'os.makedirs(cwd)',
  'for item in items:',
  '    source, target = os.path.join(project, item), os.path.join(cwd, item)',
  '    os.makedirs(os.path.dirname(target), exist_ok=True)',
  '    (shutil.copytree if os.path.isdir(source) else shutil.copy2)(source, target)'
].join('\n')

export const COPY_PY = 'import shutil, sys; shutil.copy2(sys.argv[1], sys.argv[2])'

/** Files a build writes (write-config) with its own Python, on any OS. */
export const writeWithPython = (python: string, files: readonly (readonly [string, string])[]) => [
  python,
  '-c',
  WRITE_FILES_PY,
  ...files.flat()
]

/** argv: path content [path content ...]. */
export const WRITE_FILES_PY = [
  'import os, sys',
  'args = sys.argv[1:]',
  'for i in range(0, len(args), 2):',
  '    os.makedirs(os.path.dirname(args[i]) or ".", exist_ok=True)',
  "    open(args[i], 'w').write(args[i + 1])"
].join('\n')

/** argv: venv-dir marker requirements... Creates the tools venv, installs, touches the marker. */
export const TOOLS_PY = [
  'import os, pathlib, subprocess, sys, venv',
  'target, marker, *requirements = sys.argv[1:]',
  'venv.create(target, with_pip=True)',
  "python = os.path.join(target, 'Scripts', 'python.exe')",
  "subprocess.check_call([python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', *requirements])",
  'pathlib.Path(marker).touch()'
].join('\n')

export const WINDOWS: Dialect = {
  path: path.win32,
  pathSeparator: ';',
  shell: 'cmd',
  venvBin: venv => path.win32.join(venv, 'Scripts'),
  executable: (dir, name) => path.win32.join(dir, `${name}.exe`),
  // No core budget on Windows yet: MSVC builds take /MP from the project.
  prepare: (python, dirs, project) => [
    python,
    '-c',
    PREPARE_PY,
    dirs.src,
    dirs.built,
    dirs.repaired,
    project
  ],
  prepareInPlace: (python, dirs) => [python, '-c', PREPARE_IN_PLACE_PY, dirs.built, dirs.repaired],
  prepareTest: (python, dirs, project, sources) => [
    python,
    '-c',
    PREPARE_TEST_PY,
    dirs.testVenv,
    dirs.testCwd,
    project,
    ...sources
  ],
  copyWheel: (python, dir) => [python, '-c', COPY_PY, '{wheel}', dir],
  writeFiles: (python, files) => [python, '-c', WRITE_FILES_PY, ...files.flat()],
  toolsVenv: (hostPython, dir, marker, requirements) => [
    hostPython,
    '-c',
    TOOLS_PY,
    dir,
    marker,
    ...requirements
  ]
}
