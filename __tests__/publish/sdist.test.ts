/**
 * The sdist: built by `python -m build --sdist` from a copy of the project,
 * checked by twine, then placed in output-dir. A stand-in python plays build
 * and twine: its build writes what it was given (the copy's files, the
 * environment's credentials) into the "sdist", and an egg-info into the tree
 * it builds, as setuptools does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { buildSdist, placeFile, sdistBuildArgv } from '../../src/publish/sdist.js'
import { UserError } from '../../src/util/errors.js'
import { tempDir, writeTree } from '../helpers/tools.js'

const FAKE_PYTHON = `#!/bin/sh
if [ "$1 $2" = "-m build" ]; then
  out=$5 project=$6
  case "$FAKE_BUILD" in
    fail) printf 'running egg_info\\nerror: invalid command bdist\\n'; exit 1 ;;
    none) exit 0 ;;
  esac
  mkdir -p "$project/demo.egg-info"
  {
    (cd "$project" && find . -mindepth 1 | sort)
    echo "argv: $*"
    echo "credentials: \${TWINE_PASSWORD:-}\${PYPI_API_TOKEN:-}"
  } > "$out/demo-1.0.tar.gz"
  if [ "$FAKE_BUILD" = two ]; then cp "$out/demo-1.0.tar.gz" "$out/demo-1.0.post1.tar.gz"; fi
  echo "Successfully built demo-1.0.tar.gz"
  exit 0
fi
if [ "$1 $2 $3" = "-m twine check" ]; then
  shift 3
  for f in "$@"; do
    if [ "$FAKE_TWINE" = fail ]; then
      echo "Checking $f: FAILED"
      echo 'ERROR    \`long_description\` has syntax errors in markup'
      exit 1
    fi
    echo "Checking $f: PASSED"
  done
  exit 0
fi
echo "unexpected: $*" >&2
exit 2
`

interface Setup {
  readonly python: string
  readonly project: string
  readonly output: string
  readonly temp: string
}

function setup(): Setup {
  const root = tempDir('sdist')
  const python = path.join(root, 'python')
  fs.writeFileSync(python, FAKE_PYTHON, { mode: 0o755 })
  const project = writeTree(path.join(root, 'project'), {
    'pyproject.toml': '[project]\nname = "demo"\nversion = "1.0"\n',
    'src/demo/__init__.py': '',
    'src/demo/build/keep.txt': 'a nested build folder is source',
    '.git/HEAD': 'ref: refs/heads/main\n',
    'build/lib/old.so': 'build output',
    'dist/old.tar.gz': 'an earlier sdist',
    'wheelhouse/old.whl': 'an earlier wheel',
    'node_modules/x/index.js': '',
    '.venv/bin/python': '',
    'out/stale.txt': 'inside output-dir'
  })
  const temp = path.join(root, 'runner-temp')
  fs.mkdirSync(temp)
  return { python, project, output: path.join(project, 'out'), temp }
}

function request(s: Setup, env: Record<string, string> = {}, sdistInput?: string) {
  const reporter = recordingReporter()
  return {
    reporter,
    request: {
      packageDir: s.project,
      ...(sdistInput ? { sdistInput } : {}),
      outputDir: s.output,
      python: s.python,
      env: { PATH: process.env.PATH ?? '', RUNNER_TEMP: s.temp, ...env },
      reporter
    }
  }
}

test('the build argv: build --sdist of the project into the out dir, nothing else', () => {
  expect(sdistBuildArgv('/py/bin/python', '/work/proj', '/tmp/out')).toEqual([
    '/py/bin/python',
    '-m',
    'build',
    '--sdist',
    '--outdir',
    '/tmp/out',
    '/work/proj'
  ])
})

describe('buildSdist', () => {
  test('builds a copy without build output, leaves the tree as it was, and places the sdist', async () => {
    const s = setup()
    const before = fs.readdirSync(s.project).sort()
    const { request: r, reporter } = request(s)
    const placed = await buildSdist(r)
    expect(placed).toBe(path.join(s.output, 'demo-1.0.tar.gz'))
    const listing = fs.readFileSync(placed, 'utf8').split('\n')
    expect(listing).toEqual(
      expect.arrayContaining([
        './.git/HEAD',
        './pyproject.toml',
        './src/demo/__init__.py',
        './src/demo/build/keep.txt'
      ])
    )
    for (const left of [
      './build',
      './dist',
      './wheelhouse',
      './node_modules',
      './.venv',
      './out'
    ]) {
      expect(listing).not.toContain(left)
    }
    // The egg-info went into the copy, never into the user's tree.
    expect(fs.readdirSync(s.project).sort()).toEqual(before)
    // The scratch dir under RUNNER_TEMP is gone.
    expect(fs.readdirSync(s.temp)).toEqual([])
    expect(reporter.texts('group').map(g => g.split('\n')[0])).toEqual([
      expect.stringMatching(/^sdist: python -m build --sdist \(\d+\.\d s\)$/),
      'twine check (1 file)'
    ])
  })

  test('the build gets no credential of the environment', async () => {
    const s = setup()
    const { request: r } = request(s, {
      TWINE_PASSWORD: 'pypi-AgEIcHlwaS5vcmc-secret',
      PYPI_API_TOKEN: 'pypi-another-secret'
    })
    const text = fs.readFileSync(await buildSdist(r), 'utf8')
    expect(text).toContain('credentials: \n')
    expect(text).not.toContain('secret')
  })

  test.each([
    [
      'a failed build',
      { FAKE_BUILD: 'fail' },
      'package-dir',
      /^package-dir: python -m build --sdist failed:\nrunning egg_info\nerror: invalid command bdist\n/
    ],
    [
      'a build that makes no sdist',
      { FAKE_BUILD: 'none' },
      'package-dir',
      /made 0 \.tar\.gz files/
    ],
    ['a build that makes two', { FAKE_BUILD: 'two' }, 'package-dir', /made 2 \.tar\.gz files/],
    [
      'a failed twine check',
      { FAKE_TWINE: 'fail' },
      'sdist',
      /twine check failed: Checking .*demo-1\.0\.tar\.gz: FAILED; ERROR +`long_description` has syntax errors/
    ]
  ])(
    '%s: an error naming the key, nothing placed, no scratch left',
    async (_name, env, key, message) => {
      const s = setup()
      const { request: r } = request(s, env)
      const error = await buildSdist(r).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).key).toBe(key)
      expect((error as UserError).message).toMatch(message)
      expect(fs.readdirSync(s.output)).toEqual(['stale.txt'])
      expect(fs.readdirSync(s.temp)).toEqual([])
    }
  )

  test('an sdist given as package-dir is checked and copied, not rebuilt', async () => {
    const s = setup()
    const given = path.join(tempDir('given'), 'demo-2.0.tar.gz')
    fs.writeFileSync(given, 'the given sdist')
    // A build would fail: it must not run.
    const { request: r, reporter } = request(s, { FAKE_BUILD: 'fail' }, given)
    const placed = await buildSdist(r)
    expect(placed).toBe(path.join(s.output, 'demo-2.0.tar.gz'))
    expect(fs.readFileSync(placed, 'utf8')).toBe('the given sdist')
    expect(fs.existsSync(given)).toBe(true)
    expect(reporter.texts('group').map(g => g.split('\n')[0])).toEqual(['twine check (1 file)'])
  })
})

describe('placeFile', () => {
  test.each([
    ['an empty output-dir', undefined, 'new', 'new'],
    ['the same file already there', 'same', 'same', 'same'],
    [
      'a different file already there',
      'old',
      'new',
      /^output-dir: already holds a different demo-1\.0\.tar\.gz/
    ]
  ])('%s', (_name, existing, content, outcome) => {
    const dir = path.join(tempDir('place'), 'out')
    const file = path.join(tempDir('made'), 'demo-1.0.tar.gz')
    fs.writeFileSync(file, content)
    if (existing !== undefined) writeTree(dir, { 'demo-1.0.tar.gz': existing })
    if (outcome instanceof RegExp) {
      expect(() => placeFile(file, dir)).toThrow(outcome)
      expect(fs.readFileSync(path.join(dir, 'demo-1.0.tar.gz'), 'utf8')).toBe(existing)
    } else {
      expect(placeFile(file, dir)).toBe(path.join(dir, 'demo-1.0.tar.gz'))
      expect(fs.readFileSync(path.join(dir, 'demo-1.0.tar.gz'), 'utf8')).toBe(outcome)
    }
    // No temp name is left beside it.
    expect(fs.readdirSync(dir)).toEqual(['demo-1.0.tar.gz'])
  })
})
