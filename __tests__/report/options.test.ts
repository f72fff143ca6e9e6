/** The resolved options at the start of a build: aligned, the first identifier's build options, no secret. */
import { describe, expect, test } from '@jest/globals'
import { optionLines } from '../../src/report/options.js'
import { resolveOptions } from '../../src/options/resolve.js'
import { parsePyproject } from '../../src/options/pyproject.js'

const resolve = (inputs: Record<string, string>) =>
  resolveOptions({
    inputs: new Map(Object.entries(inputs)),
    env: {},
    runner: { platform: 'linux', machine: 'x86_64' },
    project: parsePyproject(
      '[project]\nname = "x"\nversion = "1"\n[tool.cibuildwheel]\nbefore-build = "echo hi"\n',
      'pyproject.toml'
    ),
    packageDir: '/w',
    packageInput: '.',
    cwd: '/w'
  })

describe('optionLines', () => {
  test('global options, then those of the first identifier', () => {
    const options = resolve({ archs: 'x86_64', parallel: '2' })
    const lines = optionLines(options, options.buildOptions('cp312-manylinux_x86_64'))
    expect(lines).toContain('  archs                 x86_64')
    expect(lines).toContain('  parallel              2')
    expect(lines).toContain('for cp312-manylinux_x86_64 (overrides may differ per identifier):')
    expect(lines).toContain('  before-build          echo hi')
    expect(lines).toContain('  test-command          (none)')
  })

  test('publishing: the URL without its userinfo, and the password only as set', () => {
    const options = resolve({
      publish: 'true',
      'repository-url': 'https://me:hunter22@example.org/legacy/',
      password: 'pypi-secret-value'
    })
    const text = optionLines(options).join('\n')
    expect(text).toContain('repository-url   https://***@example.org/legacy/')
    expect(text).toContain('password         (set)')
    expect(text).not.toContain('hunter22')
    expect(text).not.toContain('pypi-secret-value')
  })
})
