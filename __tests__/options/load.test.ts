/** Gathering the option sources from disk: the package dir, the config file, the legacy project files. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { loadOptions } from '../../src/options/load.js'
import { UserError } from '../../src/util/errors.js'
import { tempDir, writeTree } from '../helpers/tools.js'

const runner = { platform: 'linux' as const, machine: 'x86_64' }
const PYPROJECT = '[project]\nname = "demo"\nversion = "1.0"\n'

function load(cwd: string, inputs: Record<string, string> = {}) {
  return loadOptions({ inputs: new Map(Object.entries(inputs)), env: {}, runner, cwd })
}

async function refusal(run: Promise<unknown>): Promise<UserError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`)
  return error
}

describe('the package dir', () => {
  test.each<[string, Record<string, string>, Record<string, string>, string, string, RegExp]>([
    [
      'it does not exist',
      {},
      { 'package-dir': 'missing' },
      'package-dir',
      'missing',
      /does not exist/
    ],
    [
      'it is a file but no sdist',
      { 'demo.zip': '' },
      { 'package-dir': 'demo.zip' },
      'package-dir',
      'demo.zip',
      /is a file but not an sdist/
    ],
    [
      'it holds no project file',
      { 'src/x.c': '' },
      { 'package-dir': 'src' },
      'package-dir',
      'src',
      /holds no pyproject\.toml, setup\.cfg or setup\.py/
    ],
    [
      'a config-file that does not exist',
      { 'pyproject.toml': PYPROJECT },
      { 'config-file': 'ci/wheels.toml' },
      'config-file',
      'ci/wheels.toml',
      /does not exist/
    ]
  ])('%s: refused', async (_name, files, inputs, key, value, message) => {
    const error = await refusal(load(writeTree(tempDir('load'), files), inputs))
    expect([error.key, error.value]).toEqual([key, value])
    expect(error.message).toMatch(message)
  })

  test('publish needs no project: a dir of dists will do', async () => {
    const cwd = writeTree(tempDir('load'), { 'dist/demo-1.0.tar.gz': '' })
    const options = await load(cwd, { command: 'publish', 'package-dir': 'dist' })
    expect(options.packageDir).toBe(path.join(cwd, 'dist'))
  })

  test('package-dir is resolved from the working directory, and defaults to it', async () => {
    const cwd = writeTree(tempDir('load'), { 'pyproject.toml': PYPROJECT, 'sub/setup.py': '' })
    expect((await load(cwd)).packageDir).toBe(cwd)
    const sub = await load(cwd, { 'package-dir': ' sub ' })
    expect([sub.packageDir, sub.packageInput]).toEqual([path.join(cwd, 'sub'), 'sub'])
  })
})

describe('the config sources', () => {
  test("the project's pyproject.toml gives both [tool.cibuildwheel] and [project]", async () => {
    const cwd = writeTree(tempDir('load'), {
      'pyproject.toml': `${PYPROJECT}requires-python = ">=3.11"\n[tool.cibuildwheel]\ntest-command = "pytest"\n`
    })
    const options = await load(cwd)
    expect(options.requiresPython).toBe('>=3.11')
    expect(options.configFile).toBe(path.join(cwd, 'pyproject.toml'))
    expect(options.buildOptions('cp312-manylinux_x86_64').testCommand).toBe('pytest')
  })

  test('a config-file ({package} expanded) gives the tool tables; [project] still comes from the project', async () => {
    const cwd = writeTree(tempDir('load'), {
      'pkg/pyproject.toml': `${PYPROJECT}requires-python = ">=3.12"\n[tool.cibuildwheel]\ntest-command = "from the project"\n`,
      'pkg/ci/wheels.toml': '[tool.cibuildwheel]\ntest-command = "from the config file"\n'
    })
    const options = await load(cwd, {
      'package-dir': 'pkg',
      'config-file': '{package}/ci/wheels.toml'
    })
    expect(options.configFile).toBe(path.join(cwd, 'pkg', 'ci', 'wheels.toml'))
    expect(options.buildOptions('cp312-manylinux_x86_64').testCommand).toBe('from the config file')
    expect(options.requiresPython).toBe('>=3.12')
  })

  test.each<[string, Record<string, string>, string | undefined]>([
    ['setup.cfg', { 'setup.cfg': '[options]\npython_requires = >=3.10\n' }, '>=3.10'],
    ['setup.py', { 'setup.py': 'setup(name="demo", python_requires=">=3.9")\n' }, '>=3.9'],
    [
      'setup.cfg before setup.py',
      {
        'setup.cfg': '[options]\npython_requires = >=3.10\n',
        'setup.py': 'setup(python_requires=">=3.9")\n'
      },
      '>=3.10'
    ],
    [
      '[project] before both',
      {
        'pyproject.toml': `${PYPROJECT}requires-python = ">=3.13"\n`,
        'setup.cfg': '[options]\npython_requires = >=3.10\n'
      },
      '>=3.13'
    ],
    ['none anywhere', { 'setup.py': 'setup(name="demo")\n' }, undefined]
  ])('requires-python from %s', async (_name, files, expected) => {
    const options = await load(writeTree(tempDir('load'), files))
    expect(options.requiresPython).toBe(expected)
  })

  test.each<[string, string, Record<string, string>, RegExp]>([
    [
      'invalid TOML in pyproject.toml names the file and the line',
      'pyproject.toml',
      {},
      /^pyproject\.toml: invalid TOML at line 4, column \d+/
    ],
    [
      'invalid TOML in the config-file names the input',
      'wheels.toml',
      { 'config-file': 'wheels.toml' },
      /^config-file: invalid TOML at line 4, column \d+/
    ]
  ])('%s', async (_name, file, inputs, message) => {
    const cwd = writeTree(tempDir('load'), { 'pyproject.toml': PYPROJECT })
    // The bad line is line 4 of the file in both cases.
    fs.writeFileSync(path.join(cwd, file), '[tool.cibuildwheel]\n\n\ntest-command = = "x"\n')
    const error = await refusal(load(cwd, inputs))
    expect(error.message).toMatch(message)
  })
})
