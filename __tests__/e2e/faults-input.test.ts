/**
 * Bad input, as an unlucky user or an attacker writes it: every cibuildwheel
 * key and every wheelwright key with values of the wrong shape, malformed
 * environment assignments, bad flags, bad paths, hostile sdists and dist
 * dirs. Each case runs the bundled CLI and must end with its exit code and a
 * message naming the key, with no stack trace, no secret printed, nothing
 * left in TMPDIR or output-dir, the project tree untouched, and no process
 * left (see helpers/faults.ts).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from '@jest/globals'
import { OPTION_SPECS, WHEELWRIGHT_KEYS } from '../../src/options/schema.js'
import { runFaultCase, URL_SECRET, type FaultCase } from '../helpers/faults.js'
import { HOSTILE_SDISTS, writeSdist } from '../helpers/hostile-sdists.js'

const BUILD = ['build', '{project}', '--output-dir', '{out}', '--container', 'off']
const BASE = `[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "spam-ext"
version = "1.0.0"
requires-python = ">=3.9"
`
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A whole pyproject.toml: BASE and `tool`. */
const config = (
  name: string,
  tool: string,
  message: RegExp,
  extra: Partial<FaultCase> = {}
): FaultCase => ({
  name,
  argv: BUILD,
  pyproject: `${BASE}\n${tool}\n`,
  replacePyproject: true,
  code: 2,
  message,
  ...extra
})

/** Values no cibuildwheel option takes: a table of tables, a list of tables, a bare number in a list of tables. */
const WRONG_SHAPES: readonly [string, string][] = [
  ['a nested table', '{ a = { b = 1 } }'],
  ['a list of tables', '[{ a = 1 }]'],
  ['a list holding a list', '[["a"], "b"]']
]

const cibuildwheelKeys: FaultCase[] = OPTION_SPECS.flatMap(spec =>
  WRONG_SHAPES.map(([shape, value]) =>
    config(
      `[tool.cibuildwheel] ${spec.name} = ${shape}`,
      `[tool.cibuildwheel]\n${spec.name} = ${value}`,
      new RegExp(`tool\\.cibuildwheel\\.${escape(spec.name)}`)
    )
  )
)

const wheelwrightKeys: FaultCase[] = WHEELWRIGHT_KEYS.map(key =>
  config(
    `[tool.wheelwright] ${key} = a nested table`,
    `[tool.wheelwright]\n${key} = { a = { b = 1 } }`,
    new RegExp(`tool\\.wheelwright\\.${escape(key)}`)
  )
)

const overrides: FaultCase[] = [
  config(
    'overrides without select',
    '[[tool.cibuildwheel.overrides]]\ntest-command = "true"',
    /overrides.*select/
  ),
  config(
    'overrides with a nested environment',
    '[[tool.cibuildwheel.overrides]]\nselect = "cp3*"\nenvironment = { A = { b = 1 } }',
    /environment/
  ),
  config(
    'overrides setting a global option',
    '[[tool.cibuildwheel.overrides]]\nselect = "cp3*"\narchs = "x86_64"',
    /archs/
  ),
  config('overrides that is a string', '[tool.cibuildwheel]\noverrides = "x"', /overrides/),
  config(
    'a platform table that is a string',
    '[tool.cibuildwheel]\nlinux = "x"',
    /tool\.cibuildwheel\.linux/
  ),
  config(
    'config-settings nested two deep',
    '[tool.cibuildwheel]\nconfig-settings = { a = { b = { c = 1 } } }',
    /config-settings/
  ),
  config(
    'test-requires holding a table',
    '[tool.cibuildwheel]\ntest-requires = [{ a = 1 }]',
    /test-requires/
  )
]

const MALFORMED_ENVIRONMENT: readonly string[] = [
  'A=1; B=2',
  'A=1 | tee x',
  'A=1 && B=2',
  'A=1 > file',
  'bareword',
  'A="unterminated',
  'A=$(echo',
  '=1'
]

const environments: FaultCase[] = [
  ...MALFORMED_ENVIRONMENT.map(value =>
    config(
      `environment ${JSON.stringify(value)}`,
      `[tool.cibuildwheel]\nenvironment = ${JSON.stringify(value)}`,
      /environment/
    )
  ),
  ...MALFORMED_ENVIRONMENT.slice(0, 4).map(value =>
    config(
      `test-environment ${JSON.stringify(value)}`,
      `[tool.cibuildwheel]\ntest-environment = ${JSON.stringify(value)}`,
      /test-environment/
    )
  ),
  ...MALFORMED_ENVIRONMENT.slice(0, 3).map((value): FaultCase => ({
    name: `CIBW_ENVIRONMENT ${JSON.stringify(value)}`,
    argv: BUILD,
    env: { CIBW_ENVIRONMENT: value },
    code: 2,
    message: /CIBW_ENVIRONMENT/
  })),
  {
    name: '--environment with a semicolon',
    argv: [...BUILD, '--environment', 'A=1; rm -rf /'],
    code: 2,
    message: /environment/
  }
]

const values: FaultCase[] = [
  config('malformed TOML', '[tool.cibuildwheel\nbuild = "cp3*"', /pyproject\.toml/),
  config('a key given twice', '[tool.cibuildwheel]\nbuild = "a"\nbuild = "b"', /pyproject\.toml/),
  config(
    'an unknown placeholder in repair-wheel-command',
    '[tool.cibuildwheel]\nrepair-wheel-command = "auditwheel repair -w {dest_dir} {whl}"',
    // cibuildwheel passes it to the shell as written (a legitimate command may hold braces):
    // named in a warning, then the repair fails.
    /warning: repair-wheel-command: \{whl\} is no placeholder[^]*repair/,
    { code: 1 }
  ),
  config(
    'an unknown placeholder in test-command',
    '[tool.cibuildwheel]\ntest-command = "pytest {projekt}"',
    /warning: test-command: \{projekt\} is no placeholder[^]*test/,
    { code: 1 }
  ),
  config(
    'a test-requires syntax error',
    '[tool.cibuildwheel]\ntest-requires = "pytest>="',
    /test-requires.*pytest>=/
  ),
  config('a test-extras syntax error', '[tool.cibuildwheel]\ntest-extras = "a b!"', /test-extras/),
  config(
    'an unknown build-frontend',
    '[tool.cibuildwheel]\nbuild-frontend = "poetry"',
    /build-frontend.*poetry/
  ),
  config(
    'an unknown container-engine',
    '[tool.cibuildwheel]\ncontainer-engine = "lxc"',
    /container-engine.*lxc/
  ),
  config(
    'a dependency-versions file that is missing',
    '[tool.cibuildwheel]\ndependency-versions = "file:constraints-missing.txt"',
    /dependency-versions/
  ),
  config(
    'a dependency-versions packages entry that is not a requirement',
    '[tool.cibuildwheel]\ndependency-versions = "packages: pip=="',
    /dependency-versions/
  ),
  config(
    'a build-verbosity that is a word',
    '[tool.cibuildwheel]\nbuild-verbosity = "loud"',
    /build-verbosity/
  ),
  config(
    'a build-verbosity that is not whole',
    '[tool.cibuildwheel]\nbuild-verbosity = 1.5',
    /build-verbosity/
  ),
  config(
    'an unknown enable group',
    '[tool.cibuildwheel]\nenable = ["pypy-nightly"]',
    /enable.*pypy-nightly/
  ),
  config(
    'an unknown test-groups group',
    '[tool.cibuildwheel]\ntest-groups = ["missing"]',
    /test-groups.*missing/
  ),
  config('a build selector of a retired Python', '[tool.cibuildwheel]\nbuild = "cp27-*"', /cp27/, {
    code: 4
  }),
  config(
    'a python-versions that is not PEP 440',
    '[tool.wheelwright]\npython-versions = ">=banana"',
    /python-versions/
  ),
  config('a parallel that is negative', '[tool.wheelwright]\nparallel = -2', /parallel/),
  config('a parallel that is a word', '[tool.wheelwright]\nparallel = "many"', /parallel/),
  config('a max-per-job of zero', '[tool.wheelwright]\nmax-per-job = 0', /max-per-job/),
  config('a cache that is a word', '[tool.wheelwright]\ncache = "yes please"', /cache/),
  config(
    'a container that is a word',
    '[tool.wheelwright]\ncontainer = "sometimes"',
    /tool\.wheelwright\.container.*sometimes/,
    { argv: ['build', '{project}', '--output-dir', '{out}'] }
  ),
  config('an unknown wheelwright key', '[tool.wheelwright]\nparalel = 2', /paralel/),
  {
    name: 'requires-python that is an integer',
    argv: BUILD,
    pyproject: BASE.replace('requires-python = ">=3.9"', 'requires-python = 3'),
    replacePyproject: true,
    code: 2,
    message: /requires-python/
  },
  {
    name: 'requires-python that is not a specifier',
    argv: BUILD,
    pyproject: BASE.replace('requires-python = ">=3.9"', 'requires-python = "three"'),
    replacePyproject: true,
    code: 2,
    message: /requires-python/
  },
  {
    name: 'a project name that is a table',
    argv: BUILD,
    pyproject: BASE.replace('name = "spam-ext"', 'name = { a = 1 }'),
    replacePyproject: true,
    code: 2,
    message: /project\.name|name/
  }
]

const flags: FaultCase[] = [
  { name: 'an unknown command', argv: ['bild'], code: 2, message: /bild/ },
  { name: 'no command', argv: [], code: 2, message: /usage/ },
  {
    name: 'an unknown flag',
    argv: [...BUILD, '--archz', 'x86_64'],
    code: 2,
    message: /--archz.*--archs/
  },
  { name: 'a flag without its value', argv: [...BUILD, '--archs'], code: 2, message: /--archs/ },
  ...[['--repair-wheel-command', ''], ['--repair-wheel-command=']].map((flag): FaultCase => ({
    name: `${flag.map(w => w || "''").join(' ')}: empty, so no repair (as CIBW_REPAIR_WHEEL_COMMAND=)`,
    argv: [...BUILD, '--dry-run', '--only', 'cp311-manylinux_x86_64', ...flag],
    code: 0,
    // The repair step only copies the wheel: no auditwheel anywhere in the plan.
    message: /"name": "repair",\s*"argv": \[\s*"cp",(?![^]*auditwheel repair)/
  })),
  {
    name: 'a short flag cluster with h in it',
    argv: ['build', '-hx'],
    code: 2,
    message: /-hx: unknown flag/
  },
  { name: 'a single-dash word', argv: ['build', '-dash'], code: 2, message: /-dash: unknown flag/ },
  {
    name: 'a boolean flag with a word',
    argv: [...BUILD, '--fail-fast', 'maybe'],
    code: 2,
    message: /--fail-fast.*true or false/
  },
  {
    name: 'a boolean flag = a word',
    argv: [...BUILD, '--dry-run=perhaps'],
    code: 2,
    message: /--dry-run.*true or false/
  },
  {
    name: 'too many arguments',
    argv: [...BUILD, 'extra', 'more'],
    code: 2,
    message: /too many|extra/
  },
  {
    name: '--password on the command line',
    argv: ['publish', '{root}', '--password', URL_SECRET],
    code: 2,
    message: /--password.*TWINE_PASSWORD/
  },
  {
    name: '--command given to build',
    argv: [...BUILD, '--command', 'plan'],
    code: 2,
    message: /--command/
  },
  {
    name: 'an artifact setting on the CLI',
    argv: [...BUILD, '--artifact-retention-days', '100'],
    code: 2,
    message: /--artifact-retention-days/
  },
  {
    name: 'an artifact compression level on the CLI',
    argv: [...BUILD, '--artifact-compression-level', '-1'],
    code: 2,
    message: /--artifact-compression-level/
  },
  {
    name: 'a plan flag given to build',
    argv: [...BUILD, '--matrix'],
    code: 2,
    message: /--matrix/
  },
  {
    name: 'an unknown platform',
    argv: [...BUILD, '--platform', 'beos'],
    code: 2,
    message: /platform.*beos/
  },
  {
    name: 'an unknown arch',
    argv: [...BUILD, '--archs', 'sparc'],
    code: 2,
    message: /archs.*sparc/
  },
  { name: 'a parallel of -1', argv: [...BUILD, '--parallel', '-1'], code: 2, message: /parallel/ },
  {
    name: 'a parallel of 1.5',
    argv: [...BUILD, '--parallel', '1.5'],
    code: 2,
    message: /parallel/
  },
  {
    name: 'a max-per-job that is a word',
    argv: ['plan', '{project}', '--max-per-job', 'ten'],
    code: 2,
    message: /max-per-job/
  },
  {
    name: 'an --only that is no identifier',
    argv: [...BUILD, '--only', 'cp3-linux'],
    code: 2,
    message: /only.*cp3-linux/
  },
  {
    name: 'an --only of another OS',
    argv: [...BUILD, '--only', 'cp312-win_amd64'],
    code: 2,
    message: /platform: windows wheels cannot be built on linux/
  },
  {
    name: 'an unknown group',
    argv: [...BUILD, '--group', 'nope'],
    code: 2,
    message: /group.*nope/
  },
  {
    name: 'a python-versions flag that is not PEP 440',
    argv: [...BUILD, '--python-versions', '3.1x'],
    code: 2,
    message: /python-versions/
  },
  {
    name: 'a build selector that selects nothing',
    argv: [...BUILD, '--build', 'cp399-*'],
    code: 2,
    message: /build: selector matches no identifier/
  },
  {
    name: 'a container mode that is a word',
    argv: [...BUILD, '--container', 'sideways'],
    code: 2,
    message: /container.*sideways/
  },
  {
    name: 'a container-engine with an unterminated quote',
    argv: [...BUILD, '--container-engine', 'docker; create_args: "--gpus'],
    code: 2,
    message: /container-engine/
  },
  {
    name: 'a container-engine of lxc',
    argv: [...BUILD, '--container-engine', 'lxc'],
    code: 2,
    message: /container-engine.*lxc/
  },
  {
    name: 'a missing package dir',
    argv: ['build', '{root}/missing', '--output-dir', '{out}'],
    code: 2,
    message: /missing/
  },
  {
    name: 'a package dir without a project',
    argv: ['build', '{root}/empty', '--output-dir', '{out}'],
    prepare: dirs => fs.mkdirSync(path.join(dirs.root, 'empty')),
    code: 2,
    message: /pyproject\.toml|setup\.py/
  },
  {
    name: 'a config file that is missing',
    argv: [...BUILD, '--config-file', '{root}/nope.toml'],
    code: 2,
    message: /config-file|nope\.toml/
  },
  {
    name: 'an output-dir that is a file',
    argv: BUILD,
    prepare: dirs => fs.writeFileSync(dirs.out, 'x'),
    code: 2,
    message: /output-dir/,
    outputAllowed: /.*/
  },
  {
    name: 'a cache-dir that is a file',
    argv: [...BUILD, '--cache-dir', '{root}/cachefile'],
    prepare: dirs => fs.writeFileSync(path.join(dirs.root, 'cachefile'), 'x'),
    code: 2,
    message: /cache-dir/
  },
  {
    name: 'an output-dir inside a file',
    argv: ['build', '{project}', '--output-dir', '{root}/file/wheels', '--container', 'off'],
    prepare: dirs => fs.writeFileSync(path.join(dirs.root, 'file'), 'x'),
    code: 2,
    message: /output-dir/
  },
  {
    name: 'sdist into an output-dir that is a file',
    argv: ['sdist', '{project}', '--output-dir', '{root}/sdistfile'],
    prepare: dirs => fs.writeFileSync(path.join(dirs.root, 'sdistfile'), 'x'),
    code: 2,
    message: /output-dir/
  }
]

/** Eight brace groups of ten: 10^8 patterns, which cibuildwheel (bracex) refuses past 1000. */
const HUGE_SELECTOR = `cp3${'{0,1,2,3,4,5,6,7,8,9}'.repeat(8)}-*`

/** Inputs without bound, or that lead nowhere: refused before any work, at once. */
const bounds: FaultCase[] = [
  {
    name: 'a pyproject.toml that is a symlink to /dev/zero (build --dry-run)',
    argv: [...BUILD, '--dry-run'],
    prepare: dirs => {
      fs.rmSync(path.join(dirs.project, 'pyproject.toml'))
      fs.symlinkSync('/dev/zero', path.join(dirs.project, 'pyproject.toml'))
    },
    code: 2,
    message:
      /pyproject\.toml: is a character device .*Hint: a config file is a regular file of at most 1 MiB/
  },
  {
    name: 'a config-file of 2 MiB',
    argv: [...BUILD, '--config-file', '{root}/big.toml'],
    prepare: dirs =>
      fs.writeFileSync(path.join(dirs.root, 'big.toml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`),
    code: 2,
    message: /config-file: is 2\.0 MiB, too large/
  },
  {
    name: 'a setup.py that is a fifo',
    argv: [...BUILD, '--dry-run'],
    pyproject: BASE.replace('requires-python = ">=3.9"\n', ''),
    replacePyproject: true,
    prepare: dirs => {
      fs.rmSync(path.join(dirs.project, 'setup.py'))
      const made = spawnSync('mkfifo', [path.join(dirs.project, 'setup.py')])
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`)
    },
    code: 2,
    message: /setup\.py: is a fifo/
  },
  {
    name: 'a --build selector of 10^8 expansions',
    argv: [...BUILD, '--dry-run', '--build', HUGE_SELECTOR],
    code: 2,
    message: /build: expands to more than 1000 patterns .*cibuildwheel \(bracex\) refuses/
  },
  config(
    'a skip selector of 10^8 expansions in pyproject.toml',
    `[tool.cibuildwheel]\nskip = "${HUGE_SELECTOR}"`,
    /skip: expands to more than 1000 patterns/
  ),
  config(
    'an overrides select of 10^8 expansions',
    `[[tool.cibuildwheel.overrides]]\nselect = "${HUGE_SELECTOR}"\ntest-command = "true"`,
    /tool\.cibuildwheel\.overrides\[0\]\.select: expands to more than 1000 patterns/
  ),
  {
    name: 'an output-dir that is a dangling symlink',
    argv: ['build', '{project}', '--output-dir', '{root}/wheels', '--container', 'off'],
    prepare: dirs =>
      fs.symlinkSync(path.join(dirs.root, 'gone', 'wheels'), path.join(dirs.root, 'wheels')),
    code: 2,
    message: /output-dir: is a symbolic link to .*gone\/wheels, which does not exist/
  },
  {
    name: 'an output-dir under a symlink that loops',
    argv: ['build', '{project}', '--output-dir', '{root}/loop/wheels', '--container', 'off'],
    prepare: dirs => fs.symlinkSync('loop', path.join(dirs.root, 'loop')),
    code: 2,
    message: /output-dir: .*loop is a symbolic link that loops/
  },
  {
    name: 'a cache-dir that is a dangling symlink',
    argv: [...BUILD, '--cache-dir', '{root}/cache-link'],
    prepare: dirs => fs.symlinkSync('/nonexistent-ww-cache', path.join(dirs.root, 'cache-link')),
    code: 2,
    message: /cache-dir: is a symbolic link to \/nonexistent-ww-cache, which does not exist/
  }
]

/** A dir whose `tar` is bsdtar (as on macOS and Windows runners), to put first on PATH. */
function bsdtarFirst(): string {
  const bsdtar = spawnSync('which', ['bsdtar'], { encoding: 'utf8' }).stdout.trim()
  if (!bsdtar) throw new Error('bsdtar is missing: install libarchive-tools (scripts/test-env.sh)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-bsdtar-'))
  fs.symlinkSync(bsdtar, path.join(dir, 'tar'))
  return dir
}
const BSDTAR_PATH = `${bsdtarFirst()}:${process.env.PATH ?? ''}`

const sdists: FaultCase[] = HOSTILE_SDISTS.flatMap((hostile): FaultCase[] => {
  const sdist: FaultCase = {
    name: `an sdist with ${hostile.name}`,
    argv: ['build', '{root}/spam_ext-1.0.0.tar.gz', '--output-dir', '{out}', '--container', 'off'],
    prepare: dirs =>
      writeSdist(path.join(dirs.root, 'spam_ext-1.0.0.tar.gz'), hostile, dirs.project),
    code: 2,
    message: hostile.message
  }
  return [
    sdist,
    { ...sdist, name: `${sdist.name}, bsdtar first on PATH`, env: { PATH: BSDTAR_PATH } }
  ]
})

/** A dist dir holding `files` (name → content). */
const distDir = (files: Record<string, string | Buffer>) => (dirs: { root: string }) => {
  const dist = path.join(dirs.root, 'dist')
  fs.mkdirSync(dist)
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(dist, name), content)
}
const PUBLISH = ['publish', '{root}/dist', '--publish', 'true']
/** A minimal wheel: a zip with METADATA and WHEEL. */
const ZIP_WHEEL = [
  'import sys, zipfile',
  "with zipfile.ZipFile(sys.argv[1], 'w') as z:",
  "    z.writestr('spam_ext-1.0.0.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: spam-ext\\nVersion: 1.0.0\\n')",
  "    z.writestr('spam_ext-1.0.0.dist-info/WHEEL', 'Wheel-Version: 1.0\\n')"
].join('\n')

const publish: FaultCase[] = [
  { name: 'a dist dir that is missing', argv: PUBLISH, code: 2, message: /dist/ },
  { name: 'an empty dist dir', argv: PUBLISH, prepare: distDir({}), code: 2, message: /dist/ },
  {
    name: 'a .whl that is not a zip',
    argv: PUBLISH,
    prepare: distDir({ 'spam_ext-1.0.0-cp311-cp311-manylinux_2_17_x86_64.whl': 'not a zip' }),
    code: 2,
    message: /not a (valid )?(zip|wheel)/i
  },
  {
    name: 'a file that is neither a wheel nor an sdist',
    argv: PUBLISH,
    prepare: distDir({ 'notes.txt': 'x', 'spam_ext-1.0.0.tar.gz': '' }),
    code: 2,
    message: /notes\.txt|spam_ext-1\.0\.0\.tar\.gz/
  },
  {
    name: 'a wheel with a malformed name',
    argv: PUBLISH,
    prepare: distDir({ 'spam-1.0.whl': 'x' }),
    code: 2,
    message: /spam-1\.0\.whl/
  },
  {
    name: 'a repository-url with a password in it, unreachable',
    argv: [...PUBLISH, '--repository-url', `http://user:${URL_SECRET}@127.0.0.1:9/legacy/`],
    prepare: distDir({ 'spam_ext-1.0.0-cp311-cp311-manylinux_2_17_x86_64.whl': 'not a zip' }),
    code: 2,
    message: /user:\*\*\*@127\.0\.0\.1|not a (valid )?(zip|wheel)/i
  },
  {
    name: 'a repository-url with a password in pyproject.toml, unreachable',
    argv: [...PUBLISH, '--package-dir', '{project}', '--verify-metadata', 'false'],
    pyproject: `${BASE}\n[tool.wheelwright]\nrepository-url = "http://user:${URL_SECRET}@127.0.0.1:9/legacy/"\n`,
    replacePyproject: true,
    prepare: dirs => {
      distDir({})(dirs)
      const wheel = path.join(
        dirs.root,
        'dist',
        'spam_ext-1.0.0-cp311-cp311-manylinux_2_17_x86_64.whl'
      )
      const made = spawnSync('python3', ['-c', ZIP_WHEEL, wheel])
      if (made.status !== 0) throw new Error(String(made.stderr))
    },
    code: 2,
    // The upload is tried, and the URL is shown without its password.
    message:
      /twine upload \S+ to http:\/\/\*\*\*@127\.0\.0\.1:9\/legacy\/[^]*repository-url: cannot reach the index/
  },
  {
    name: 'a repository-url that is not http',
    argv: [...PUBLISH, '--repository-url', 'ftp://example.org/'],
    prepare: distDir({}),
    code: 2,
    message: /repository-url.*ftp/
  },
  {
    name: '--user and --username that disagree',
    argv: [...PUBLISH, '--user', 'a', '--username', 'b'],
    prepare: distDir({}),
    code: 2,
    message: /user.*username|username.*user/
  },
  {
    name: 'a publish mode that is a word',
    argv: ['publish', '{root}/dist', '--publish', 'always'],
    prepare: distDir({}),
    code: 2,
    message: /publish.*always/
  }
]

/** Runs that succeed: nothing they print may hold a secret, and the project stays untouched. */
const clean: FaultCase[] = [
  {
    name: 'build --dry-run with tokens in the environment',
    argv: [...BUILD, '--dry-run'],
    env: {
      CIBW_ENVIRONMENT: 'TOKEN_COPY="$GITHUB_TOKEN"',
      PIP_INDEX_URL: `https://u:${URL_SECRET}@pypi.example/simple`
    },
    code: 0,
    message: /"identifier": "cp3\d+-manylinux_x86_64"/
  },
  {
    name: 'plan --matrix with tokens in the environment',
    argv: ['plan', '{project}', '--matrix'],
    code: 0,
    message: /include/
  },
  {
    name: 'sdist of a project: nothing is written into it',
    argv: ['sdist', '{project}', '--output-dir', '{out}'],
    code: 0,
    message: /spam_ext-1\.0\.0\.tar\.gz/,
    outputAllowed: /^spam_ext-1\.0\.0\.tar\.gz$/
  }
]

const ALL: readonly [string, readonly FaultCase[]][] = [
  ['cibuildwheel keys of the wrong shape', cibuildwheelKeys],
  ['wheelwright keys of the wrong shape', wheelwrightKeys],
  ['overrides and platform tables', overrides],
  ['environment assignments', environments],
  ['values', values],
  ['flags and paths', flags],
  ['bounds', bounds],
  ['hostile sdists', sdists],
  ['publish inputs', publish],
  ['clean runs', clean]
]

for (const [title, cases] of ALL) {
  describe(title, () => {
    test.each(cases.map(c => [c.name, c] as const))('%s', async (_name, c) => {
      await runFaultCase(c)
    })
  })
}
