/**
 * Per-identifier options: `dependency-versions` (its files read before any
 * build), `audit-command`, and whether the repair command is the built-in one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parseDependencyVersions } from '../../src/options/build-options.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'
import { tempDir, writeTree } from '../helpers/tools.js'

describe('dependency-versions', () => {
  const project = writeTree(tempDir('dv'), {
    'constraints.txt': 'build==1.0\n',
    'constraints-python312.txt': 'build==1.2\n',
    'my pins.txt': 'uv==0.5\n'
  })

  test.each([
    ['pinned', { kind: 'pinned' }],
    ['latest', { kind: 'latest' }],
    ['', { kind: 'latest' }],
    ['packages: build==1.1 "uv==0.5"', { kind: 'packages', packages: ['build==1.1', 'uv==0.5'] }]
  ])('%j', (text, expected) => {
    expect(parseDependencyVersions(text, project)).toEqual(expected)
  })

  test.each([
    ['constraints.txt'],
    ['file: constraints.txt'],
    [`file: ${path.join(project, 'constraints.txt')}`]
  ])('%j: the file, and its per-Python sibling', text => {
    expect(parseDependencyVersions(text, project)).toEqual({
      kind: 'file',
      path: path.join(project, 'constraints.txt'),
      content: 'build==1.0\n',
      byVersion: { '3.12': 'build==1.2\n' }
    })
  })

  test('a quoted path with a space', () => {
    const read = parseDependencyVersions('file: "my pins.txt"', project)
    expect(read).toMatchObject({ kind: 'file', content: 'uv==0.5\n' })
  })

  test.each([
    ['missing.txt', /dependency-versions: names a constraints file that does not exist/],
    ['file: a.txt b.txt', /dependency-versions: names one file/],
    [
      'file: constraints.txt; packages: x',
      /dependency-versions: cannot name both a file and packages/
    ]
  ])('%j is refused', (text, message) => {
    expect(() => parseDependencyVersions(text, project)).toThrow(message)
  })

  test('a directory is not a constraints file', () => {
    fs.mkdirSync(path.join(project, 'dir.txt'))
    expect(() => parseDependencyVersions('dir.txt', project)).toThrow(/does not exist/)
  })
})

describe('audit-command', () => {
  const resolve = (command: string) =>
    resolveOptions({
      inputs: new Map(),
      env: { CIBW_AUDIT_COMMAND: command },
      runner: { platform: 'linux', machine: 'x86_64' },
      project: parsePyproject('[project]\nname = "x"\nversion = "1"\n', 'pyproject.toml'),
      packageDir: '/p',
      packageInput: '.'
    }).buildOptions('cp312-manylinux_x86_64')

  test.each([
    ['abi3audit --report {abi3_wheel}', ['abi3audit --report {abi3_wheel}']],
    ['check {wheel} && abi3audit {abi3_wheel}', ['check {wheel}', 'abi3audit {abi3_wheel}']],
    ['', []]
  ])('%j → %j (split on " && ", as cibuildwheel)', (command, expected) => {
    expect(resolve(command).auditCommands).toEqual(expected)
  })

  test.each([
    ['echo hi && abi3audit {abi3_wheel}', /each command must use \{wheel\} or \{abi3_wheel\}/],
    ['x {wheel} {abi3_wheel}', /a command cannot use both \{wheel\} and \{abi3_wheel\}/]
  ])('%j is refused', (command, message) => {
    expect(() => resolve(command)).toThrow(message)
  })
})

describe('repair-wheel-command: built in or given', () => {
  const DEFAULT = 'auditwheel repair -w {dest_dir} {wheel}'
  const resolve = (toml: string, env: Record<string, string>, inputs: Record<string, string>) =>
    resolveOptions({
      inputs: new Map(Object.entries(inputs)),
      env,
      runner: { platform: 'linux', machine: 'x86_64' },
      project: parsePyproject(`[project]\nname = "x"\nversion = "1"\n${toml}`, 'pyproject.toml'),
      packageDir: '/p',
      packageInput: '.'
    }).buildOptions('cp312-manylinux_x86_64')

  test('nothing set: the platform default, built in', () => {
    expect(resolve('', {}, {})).toMatchObject({ repairCommand: DEFAULT, repairIsDefault: true })
  })

  // The same text as the default, given by the user, runs as written.
  test.each([
    ['tool.cibuildwheel', `[tool.cibuildwheel]\nrepair-wheel-command = "${DEFAULT}"`, {}, {}],
    ['its linux table', `[tool.cibuildwheel.linux]\nrepair-wheel-command = "${DEFAULT}"`, {}, {}],
    [
      'an override',
      `[[tool.cibuildwheel.overrides]]\nselect = "cp312-*"\nrepair-wheel-command = "${DEFAULT}"`,
      {},
      {}
    ],
    ['CIBW_REPAIR_WHEEL_COMMAND', '', { CIBW_REPAIR_WHEEL_COMMAND: DEFAULT }, {}],
    ['CIBW_REPAIR_WHEEL_COMMAND_LINUX', '', { CIBW_REPAIR_WHEEL_COMMAND_LINUX: DEFAULT }, {}],
    ['the input', '', {}, { 'repair-wheel-command': DEFAULT }]
  ])('given in %s: not built in', (_where, toml, env, inputs) => {
    expect(resolve(toml, env, inputs)).toMatchObject({
      repairCommand: DEFAULT,
      repairIsDefault: false
    })
  })

  test('emptied: no repair, nothing built in', () => {
    expect(resolve('', { CIBW_REPAIR_WHEEL_COMMAND: '' }, {})).toMatchObject({
      repairCommand: '',
      repairIsDefault: false
    })
  })
})
