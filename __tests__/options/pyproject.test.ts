/** pyproject.toml, setup.cfg and setup.py: the tables and requires-python. */
import { describe, expect, test } from '@jest/globals'
import {
  parsePyproject,
  setupCfgRequiresPython,
  setupPyRequiresPython
} from '../../src/options/pyproject.js'

describe('pyproject parsing', () => {
  test.each([
    ['x = ', 'line 1'],
    ['[project]\nname = "x"\n[project]\n', 'line 3'],
    ['a = "unterminated\n', 'line 1']
  ])('malformed TOML %j names the line', (text, where) => {
    expect(() => parsePyproject(text, 'pyproject.toml')).toThrow(where)
  })
  test('tables', () => {
    const parsed = parsePyproject(
      '[tool.cibuildwheel]\nbuild = "cp3*"\n[tool.wheelwright]\nparallel = 2\n[project]\nname = "x"\n[dependency-groups]\ntest = ["pytest"]\n',
      'pyproject.toml'
    )
    expect(parsed).toEqual({
      cibuildwheel: { build: 'cp3*' },
      wheelwright: { parallel: 2 },
      project: { name: 'x' },
      dependencyGroups: { test: ['pytest'] }
    })
  })
  test.each([
    [
      'a module',
      '[build-system]\nbuild-backend = "scikit_build_core.build"\n',
      'scikit_build_core.build'
    ],
    [
      'module:object, trimmed',
      '[build-system]\nbuild-backend = " setuptools.build_meta:__legacy__ "\n',
      'setuptools.build_meta:__legacy__'
    ],
    ['no [build-system]', '[project]\nname = "x"\n', undefined],
    ['no build-backend', '[build-system]\nrequires = ["setuptools"]\n', undefined],
    ['an empty one', '[build-system]\nbuild-backend = ""\n', undefined],
    ['not a string', '[build-system]\nbuild-backend = 3\n', undefined],
    ['a list', '[build-system]\nbuild-backend = ["mesonpy"]\n', undefined],
    ['[build-system] not a table', 'build-system = "mesonpy"\n', undefined]
  ])('build-backend: %s', (_name, text, backend) => {
    // Read only to know how the build compiles: a malformed one is left to the frontend to report.
    expect(parsePyproject(text, 'pyproject.toml').buildBackend).toBe(backend)
  })
})

describe('requires-python sources', () => {
  test.each([
    [
      'setup.cfg [options]',
      setupCfgRequiresPython('[metadata]\nname=x\n[options]\npython_requires = >=3.10\n'),
      '>=3.10'
    ],
    [
      'setup.cfg other section',
      setupCfgRequiresPython('[metadata]\npython_requires = >=3.10\n'),
      undefined
    ],
    [
      'setup.py literal',
      setupPyRequiresPython('setup(\n    name="x",\n    python_requires=">=3.11",\n)'),
      '>=3.11'
    ],
    ['setup.py single quotes', setupPyRequiresPython("setup(python_requires='>=3.12')"), '>=3.12'],
    ['setup.py computed value', setupPyRequiresPython('setup(python_requires=REQ)'), undefined]
  ])('%s', (_name, actual, expected) => expect(actual).toBe(expected))
})
