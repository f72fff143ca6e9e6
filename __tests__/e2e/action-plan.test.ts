/** The bundled action, spawned with a runner's environment, for `command: plan`. */
import { describe, expect, test } from '@jest/globals'
import { runAction } from '../helpers/action.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('node dist/index.js with command: plan', () => {
  test('writes identifiers and matrix to GITHUB_OUTPUT', () => {
    const workspace = writeTree(tempDir('ws'), {
      'pyproject.toml':
        '[project]\nname = "demo"\nversion = "1"\nrequires-python = ">=3.12"\n[tool.cibuildwheel]\nskip = "*-musllinux*"\n'
    })
    const run = runAction(
      { command: 'plan', archs: 'x86_64 aarch64', 'max-per-job': '3' },
      {},
      { workspace }
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const identifiers = JSON.parse(run.outputs.identifiers) as string[]
    expect(identifiers).toEqual([
      'cp312-manylinux_x86_64',
      'cp313-manylinux_x86_64',
      'cp314-manylinux_x86_64',
      'cp314t-manylinux_x86_64',
      'cp315-manylinux_x86_64',
      'cp315t-manylinux_x86_64',
      'cp312-manylinux_aarch64',
      'cp313-manylinux_aarch64',
      'cp314-manylinux_aarch64',
      'cp314t-manylinux_aarch64',
      'cp315-manylinux_aarch64',
      'cp315t-manylinux_aarch64'
    ])
    const matrix = JSON.parse(run.outputs.matrix)
    expect(
      matrix.include.map((e: { os: string; group: string; identifiers: string[] }) => [
        e.os,
        e.group,
        e.identifiers.length
      ])
    ).toEqual([
      ['ubuntu-latest', 'manylinux_x86_64-1', 3],
      ['ubuntu-latest', 'manylinux_x86_64-2', 3],
      ['ubuntu-24.04-arm', 'manylinux_aarch64-1', 3],
      ['ubuntu-24.04-arm', 'manylinux_aarch64-2', 3]
    ])
    expect(matrix.include[0]).toMatchObject({ platform: 'linux', archs: 'x86_64' })
  })

  test('a user error fails the step with an annotation and no stack trace', () => {
    const workspace = writeTree(tempDir('ws'), {
      'pyproject.toml': '[project]\nname = "demo"\nversion = "1"\n'
    })
    const run = runAction({ command: 'plan', archs: 'sparc' }, {}, { workspace })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error title=wheelwright%3A configuration error::archs: unknown architecture'
    )
    expect(run.stdout).not.toMatch(/\n\s+at /)
  })

  test.each([
    [
      { 'dry-run': 'true', 'upload-artifact': 'false' },
      0,
      [
        '::warning::dry-run: has no effect with command: plan (it is read by build, sdist or publish); ignored',
        '::warning::upload-artifact: has no effect with command: plan (it is read by build or sdist); ignored'
      ]
    ],
    [{ extras: 'uv' }, 0, ['::warning::extras: wheelwright installs uv itself']],
    [
      { 'fail-fast': 'maybe' },
      1,
      [
        '::error title=wheelwright%3A configuration error::fail-fast: takes true or false (got "maybe")'
      ]
    ]
  ])('with %j: exit %d', (inputs, status, lines) => {
    const workspace = writeTree(tempDir('ws'), {
      'pyproject.toml': '[project]\nname = "demo"\nversion = "1"\n'
    })
    const run = runAction({ command: 'plan', ...inputs }, {}, { workspace })
    expect(run.status).toBe(status)
    for (const line of lines) expect(run.stdout).toContain(line)
  })
})
