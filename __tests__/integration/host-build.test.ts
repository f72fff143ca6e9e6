/**
 * Real host builds (container: off) with this machine's interpreters:
 * auditwheel repair, tests in fresh venvs, parallel vs sequential, failures,
 * abi3 reuse, an in-tree shared library, and a pure-Python project.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  check,
  hostCPythons,
  installAndRun,
  ROOT,
  runCliProcess,
  tempDir,
  wheelsIn
} from '../helpers/tools.js'

const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name)
const cpythons = hostCPythons()
const pythonFor = (tag: string) => {
  const versions = fs.readdirSync(path.join(process.env.HOME ?? '', '.pyenv', 'versions'))
  const version = versions.find(v => v.startsWith(`3.${tag.slice(3)}.`))
  return path.join(
    process.env.HOME ?? '',
    '.pyenv',
    'versions',
    version ?? 'missing',
    'bin',
    'python'
  )
}

function copyFixture(name: string): string {
  const dest = path.join(tempDir('fixture'), name)
  fs.cpSync(fixture(name), dest, { recursive: true })
  return dest
}

describe('host builds', () => {
  test('the machine has at least two CPythons to build with', () => {
    expect(cpythons.length).toBeGreaterThanOrEqual(2)
  })

  test('one wheel per CPython, repaired and tested; parallel=1 and parallel=2 give identical bytes', () => {
    const build = cpythons.map(t => `${t}-manylinux_x86_64`).join(' ')
    const env = { SOURCE_DATE_EPOCH: '1700000000' }
    const parallel = tempDir('out-par')
    const first = runCliProcess(
      [
        'build',
        fixture('c-ext'),
        '--container',
        'off',
        '--cache=false',
        '--build',
        build,
        '--parallel',
        '2',
        '--output-dir',
        parallel
      ],
      env
    )
    expect(first.stderr).not.toContain('error:')
    expect(first.status).toBe(0)
    const wheels = wheelsIn(parallel)
    expect(wheels).toHaveLength(cpythons.length)
    for (const tag of cpythons) {
      expect(
        wheels.some(w => w.includes(`-${tag}-${tag}-`) && /manylinux_\d+_\d+_x86_64/.test(w))
      ).toBe(true)
    }
    // The summary table lists every identifier with its wheel and test result.
    for (const tag of cpythons)
      expect(first.stdout).toMatch(
        new RegExp(`${tag}-manylinux_x86_64\\s+spam_ext-1\\.0\\.0-${tag}.*\\s+yes`)
      )
    // Several at once, each line prefixed with its identifier.
    expect(first.stdout + first.stderr).toMatch(
      /\n\[cp3\d+-manylinux_x86_64\] ▸ build: python -m build /
    )

    const subset = cpythons.slice(-4)
    const sequential = tempDir('out-seq')
    const second = runCliProcess(
      [
        'build',
        fixture('c-ext'),
        '--container',
        'off',
        '--cache=false',
        '--build',
        subset.map(t => `${t}-manylinux_x86_64`).join(' '),
        '--parallel',
        '1',
        '--output-dir',
        sequential
      ],
      env
    )
    expect(second.status).toBe(0)
    const sequentialWheels = wheelsIn(sequential)
    expect(sequentialWheels).toEqual(
      wheels.filter(w => subset.some(t => w.includes(`-${t}-${t}-`)))
    )
    for (const name of sequentialWheels) {
      expect(
        fs
          .readFileSync(path.join(sequential, name))
          .equals(fs.readFileSync(path.join(parallel, name)))
      ).toBe(true)
    }
    // Installs and imports outside the build tree.
    const newest = cpythons.at(-1)!
    const wheel = path.join(
      parallel,
      wheels.find(w => w.includes(`-${newest}-`))!
    )
    expect(
      installAndRun(pythonFor(newest), [wheel], 'import spam; print(spam.add(40, 2))').trim()
    ).toBe('42')
  })

  test('a compile error names the identifier and the compiler message', () => {
    const out = tempDir('out-fail')
    const run = runCliProcess([
      'build',
      fixture('failing'),
      '--container',
      'off',
      '--cache=false',
      '--only',
      `${cpythons[0]}-manylinux_x86_64`,
      '--output-dir',
      out
    ])
    expect(run.status).not.toBe(0)
    expect(run.stdout + run.stderr).toContain(
      `error: 1 build failed: ${cpythons[0]}-manylinux_x86_64`
    )
    expect(run.stdout + run.stderr).toContain('undeclared_identifier_for_the_test')
    expect(wheelsIn(out)).toEqual([])
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([])
  })

  test('fail-fast false builds the rest, lists every failure, and leaves no partial file', () => {
    const project = copyFixture('c-ext')
    const broken = cpythons[1]
    fs.appendFileSync(
      path.join(project, 'src', 'spam.c'),
      '\n#ifdef WHEELWRIGHT_BREAK\n#error deliberately broken for this identifier\n#endif\n'
    )
    fs.appendFileSync(
      path.join(project, 'pyproject.toml'),
      `\n[[tool.cibuildwheel.overrides]]\nselect = "${broken}-*"\nenvironment = { CFLAGS = "-DWHEELWRIGHT_BREAK" }\n`
    )
    const out = tempDir('out-nofail')
    const ids = cpythons.slice(0, 3).map(t => `${t}-manylinux_x86_64`)
    const run = runCliProcess([
      'build',
      project,
      '--container',
      'off',
      '--cache=false',
      '--build',
      ids.join(' '),
      '--fail-fast=false',
      '--parallel',
      '2',
      '--output-dir',
      out
    ])
    expect(run.status).not.toBe(0)
    expect(run.stdout + run.stderr).toContain(`1 build failed: ${broken}-manylinux_x86_64`)
    expect(run.stdout + run.stderr).toContain('deliberately broken for this identifier')
    const expected = cpythons.slice(0, 3).filter(t => t !== broken)
    expect(wheelsIn(out).map(w => w.split('-')[2])).toEqual(expected.sort())
    expect(fs.readdirSync(out).filter(f => !f.endsWith('.whl'))).toEqual([])
  })

  test('abi3: built once on the oldest CPython, then tested on the others', () => {
    const out = tempDir('out-abi3')
    const ids = cpythons.map(t => `${t}-manylinux_x86_64`)
    const run = runCliProcess([
      'build',
      fixture('abi3-ext'),
      '--container',
      'off',
      '--cache=false',
      '--build',
      ids.join(' '),
      '--output-dir',
      out
    ])
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(wheelsIn(out)).toHaveLength(1)
    expect(wheelsIn(out)[0]).toMatch(/^limited_ext-1\.0\.0-cp39-abi3-manylinux.*_x86_64\.whl$/)
    expect(run.stdout + run.stderr).toContain('Found previously built wheel')
    for (const id of ids.slice(1))
      expect(run.stdout).toMatch(new RegExp(`${id}\\s+limited_ext.*\\(reused\\).*yes`))
    expect(run.stdout + run.stderr).toMatch(/audit/)
  })

  test('an in-tree shared library is grafted by auditwheel and imports once the build tree is gone', () => {
    const out = tempDir('out-shared')
    const tag = cpythons.at(-1)!
    const run = runCliProcess([
      'build',
      fixture('shared-lib'),
      '--container',
      'off',
      '--cache=false',
      '--only',
      `${tag}-manylinux_x86_64`,
      '--output-dir',
      out
    ])
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    const [wheel] = wheelsIn(out)
    const listing = check([pythonFor(tag), '-m', 'zipfile', '-l', path.join(out, wheel)])
    expect(listing).toMatch(/greeter\.libs\/libgreet[-.\w]*\.so/)
    // The library was linked from the build tree (its rpath); that tree is gone now.
    const tree = /(\/\S+\/build\/cp3\d+-manylinux_x86_64)\/src/.exec(run.stdout + run.stderr)
    expect(tree).not.toBeNull()
    expect(fs.existsSync(tree![1])).toBe(false)
    expect(
      installAndRun(
        pythonFor(tag),
        [path.join(out, wheel)],
        'import greeter; print(greeter.greet())'
      ).trim()
    ).toBe('hello from libgreet')
  })

  test('a pure-Python project gets a clear error', () => {
    const out = tempDir('out-pure')
    const run = runCliProcess([
      'build',
      fixture('pure'),
      '--container',
      'off',
      '--cache=false',
      '--only',
      `${cpythons[0]}-manylinux_x86_64`,
      '--output-dir',
      out
    ])
    expect(run.status).not.toBe(0)
    expect(run.stdout + run.stderr).toContain(
      'built a pure-Python wheel (purepkg-1.0.0-py3-none-any.whl) for a native identifier'
    )
    expect(wheelsIn(out)).toEqual([])
  })

  test('environment assignments are evaluated where the build runs', () => {
    const project = copyFixture('c-ext')
    fs.appendFileSync(
      path.join(project, 'pyproject.toml'),
      '\n[tool.cibuildwheel.linux]\nenvironment = { MARK = "$(echo evaluated)-$CIBUILDWHEEL" }\ntest-command = "test \\"$MARK\\" = evaluated-1"\n'
    )
    const out = tempDir('out-env')
    const run = runCliProcess([
      'build',
      project,
      '--container',
      'off',
      '--cache=false',
      '--only',
      `${cpythons[0]}-manylinux_x86_64`,
      '--output-dir',
      out
    ])
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(run.stdout + run.stderr).toContain('environment: MARK')
  })
})

describe('other frontends and missing interpreters', () => {
  test.each(['pip', 'build[uv]'])('the %s frontend builds and repairs', frontend => {
    const out = tempDir('out-frontend')
    const tag = cpythons.at(-1)!
    const run = runCliProcess([
      'build',
      fixture('c-ext'),
      '--container',
      'off',
      '--cache=false',
      '--only',
      `${tag}-manylinux_x86_64`,
      '--build-frontend',
      frontend,
      '--output-dir',
      out
    ])
    expect(run.stderr).not.toContain('error:')
    expect(run.status).toBe(0)
    expect(wheelsIn(out)).toHaveLength(1)
    expect(wheelsIn(out)[0]).toMatch(/manylinux_\d+_\d+_x86_64/)
  })

  test('an explicit identifier without an interpreter here is an error', () => {
    const missing = ['cp315', 'cp314', 'cp39'].find(t => !cpythons.includes(t))!
    const run = runCliProcess([
      'build',
      fixture('c-ext'),
      '--container',
      'off',
      '--cache=false',
      '--only',
      `${missing}-manylinux_x86_64`,
      '--output-dir',
      tempDir('out-missing')
    ])
    expect(run.status).not.toBe(0)
    expect(run.stdout + run.stderr).toContain(
      `error: only: no interpreter on this machine for ${missing}-manylinux_x86_64`
    )
  })
})
