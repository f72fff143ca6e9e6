/**
 * `wheelwright plan --print-identifiers` against the real
 * `cibuildwheel --print-build-identifiers` (installed from PyPI by
 * scripts/test-env.sh), config by config: same output, same order.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, test } from '@jest/globals'
import { CLI, cleanEnv, tempDir, venvTool, writeTree } from '../helpers/tools.js'

interface Case {
  name: string
  files?: Record<string, string>
  env?: Record<string, string>
  args?: string[]
}

const pyproject = (body = '', project = '') =>
  `[project]\nname = "demo"\nversion = "1.0"\n${project}\n${body}`

const CASES: Case[] = [
  { name: 'linux defaults', args: ['--platform', 'linux'] },
  {
    name: 'requires-python >=3.11',
    files: { 'pyproject.toml': pyproject('', 'requires-python = ">=3.11"') },
    args: ['--platform', 'linux']
  },
  { name: 'linux all archs', args: ['--platform', 'linux', '--archs', 'all'] },
  {
    name: 'arch list and skip musllinux',
    files: {
      'pyproject.toml': pyproject(
        '[tool.cibuildwheel]\nskip = "*-musllinux*"\narchs = ["x86_64", "i686"]'
      )
    },
    args: ['--platform', 'linux']
  },
  {
    name: 'numeric brace range',
    files: { 'pyproject.toml': pyproject('[tool.cibuildwheel]\nbuild = "cp3{9..11}-*"') },
    args: ['--platform', 'linux']
  },
  {
    name: 'enable pypy',
    files: { 'pyproject.toml': pyproject('[tool.cibuildwheel]\nenable = ["pypy"]') },
    args: ['--platform', 'linux', '--archs', 'all']
  },
  {
    name: 'enable pypy, pypy-eol, graalpy',
    files: {
      'pyproject.toml': pyproject('[tool.cibuildwheel]\nenable = ["pypy", "pypy-eol", "graalpy"]')
    },
    args: ['--platform', 'linux', '--archs', 'x86_64 aarch64']
  },
  {
    name: 'CIBW_ENABLE adds to the TOML groups',
    files: { 'pyproject.toml': pyproject('[tool.cibuildwheel]\nenable = ["graalpy"]') },
    env: { CIBW_ENABLE: 'pypy' },
    args: ['--platform', 'linux']
  },
  {
    name: 'CIBW_BUILD beats TOML build',
    files: { 'pyproject.toml': pyproject('[tool.cibuildwheel]\nbuild = "cp39-*"') },
    env: { CIBW_BUILD: 'cp312-* cp313-*' },
    args: ['--platform', 'linux']
  },
  {
    name: 'CIBW_SKIP with two patterns',
    env: { CIBW_SKIP: 'cp39-* *-musllinux_*' },
    args: ['--platform', 'linux']
  },
  {
    name: 'CIBW_BUILD_LINUX is ignored',
    env: { CIBW_BUILD_LINUX: 'cp39-*' },
    args: ['--platform', 'linux']
  },
  { name: 'macos auto (synonym of the host arch)', args: ['--platform', 'macos'] },
  { name: 'macos all archs', args: ['--platform', 'macos', '--archs', 'all'] },
  {
    name: 'macos arm64 + universal2 with pypy and graalpy',
    files: { 'pyproject.toml': pyproject('[tool.cibuildwheel]\nenable = ["pypy", "graalpy"]') },
    args: ['--platform', 'macos', '--archs', 'arm64,universal2']
  },
  {
    name: 'CIBW_ARCHS_MACOS',
    env: { CIBW_ARCHS_MACOS: 'universal2 x86_64' },
    args: ['--platform', 'macos']
  },
  { name: 'windows auto', args: ['--platform', 'windows'] },
  {
    name: 'windows all archs, all groups',
    env: { CIBW_ENABLE: 'all' },
    args: ['--platform', 'windows', '--archs', 'all']
  },
  {
    name: 'windows ARM64 with requires-python >=3.12',
    files: {
      'pyproject.toml': pyproject(
        '[tool.cibuildwheel.windows]\narchs = ["ARM64"]',
        'requires-python = ">=3.12"'
      )
    },
    args: ['--platform', 'windows']
  },
  {
    name: 'CIBW_PLATFORM=windows, native',
    env: { CIBW_PLATFORM: 'windows', CIBW_ARCHS: 'native' }
  },
  {
    name: 'setup.cfg python_requires',
    files: {
      'setup.cfg': '[metadata]\nname = demo\n\n[options]\npython_requires = >=3.12\n',
      'setup.py': 'from setuptools import setup\nsetup()\n'
    },
    args: ['--platform', 'linux']
  },
  {
    name: 'setup.py python_requires',
    files: {
      'setup.py': 'from setuptools import setup\n\nsetup(name="demo", python_requires=">=3.13")\n'
    },
    args: ['--platform', 'linux']
  },
  {
    name: 'CIBW_PROJECT_REQUIRES_PYTHON overrides pyproject',
    files: { 'pyproject.toml': pyproject('', 'requires-python = ">=3.9"') },
    env: { CIBW_PROJECT_REQUIRES_PYTHON: '>=3.10,<3.13' },
    args: ['--platform', 'linux']
  },
  {
    name: 'linux platform table archs',
    files: {
      'pyproject.toml': pyproject(
        '[tool.cibuildwheel.linux]\narchs = ["aarch64", "ppc64le"]\n[tool.cibuildwheel]\nbuild = ["cp311-*", "cp314t-*"]'
      )
    },
    args: ['--platform', 'linux']
  },
  {
    name: 'free-threaded only',
    env: { CIBW_BUILD: 'cp3??t-*' },
    args: ['--platform', 'linux', '--archs', 'all']
  },
  { name: 'auto32 on linux', args: ['--platform', 'linux', '--archs', 'auto32'] },
  { name: 'auto64 on windows', args: ['--platform', 'windows', '--archs', 'auto64'] },
  { name: 'only one identifier', args: ['--only', 'cp312-manylinux_x86_64'] },
  { name: 'only a pypy identifier (groups enabled)', args: ['--only', 'pp311-macosx_arm64'] },
  {
    name: 'compatible release specifier',
    files: { 'pyproject.toml': pyproject('', 'requires-python = "~=3.10"') },
    args: ['--platform', 'windows', '--archs', 'all']
  },
  {
    name: 'exclusion specifier',
    files: { 'pyproject.toml': pyproject('', 'requires-python = ">=3.9,!=3.11.*"') },
    args: ['--platform', 'macos']
  },
  {
    name: 'cpython-prerelease group',
    env: { CIBW_ENABLE: 'cpython-prerelease pypy-eol' },
    args: ['--platform', 'linux']
  },
  {
    name: 'empty CIBW_ARCHS falls through to the TOML value',
    files: { 'pyproject.toml': pyproject('[tool.cibuildwheel]\narchs = "i686"') },
    env: { CIBW_ARCHS: '' },
    args: ['--platform', 'linux']
  },
  {
    name: 'list build with brace lists and skip of one',
    files: {
      'pyproject.toml': pyproject(
        '[tool.cibuildwheel]\nbuild = ["cp{39,31{0,2}}-*", "pp*"]\nskip = ["cp310-win*"]\nenable = ["pypy"]'
      )
    },
    args: ['--platform', 'windows', '--archs', 'AMD64']
  }
]

function run(command: string, args: string[], cwd: string, env: Record<string, string>): string {
  return execFileSync(command, args, {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

describe('plan --print-identifiers matches cibuildwheel --print-build-identifiers', () => {
  const cibuildwheel = venvTool('cibuildwheel')
  test.each(CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const dir = writeTree(tempDir('conf'), c.files ?? { 'pyproject.toml': pyproject() })
    const env = c.env ?? {}
    const args = c.args ?? []
    const expected = run(cibuildwheel, ['--print-build-identifiers', ...args, dir], dir, env)
    const actual = run(
      process.execPath,
      [CLI, 'plan', dir, '--print-identifiers', ...args],
      dir,
      env
    )
    expect(actual).toBe(expected)
  })
})
