/**
 * `container: auto` as cibuildwheel: the configured engine (docker by
 * default), else podman; with neither answering, the run stops before
 * anything is written, instead of building on the host with the host's glibc.
 * Fake engines on PATH play docker and podman.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { check, ROOT, runCliProcess, tempDir } from '../helpers/tools.js'

const project = path.join(ROOT, 'test', 'fixtures', 'c-ext')

/** A PATH whose docker and podman answer `info` as told (exit 0 or 1), logging each call in `calls`. */
function enginesPath(docker: 0 | 1, podman: 0 | 1, dir = tempDir('engines')): string {
  for (const [name, status] of [
    ['docker', docker],
    ['podman', podman]
  ] as const) {
    const file = path.join(dir, name)
    fs.writeFileSync(
      file,
      `#!/bin/sh\necho "${name} $*" >> "${path.join(dir, 'calls')}"\nexit ${status}\n`,
      { mode: 0o755 }
    )
  }
  return `${dir}:${process.env.PATH}`
}

describe('container: auto', () => {
  test.each([
    [0, 1, 'docker'],
    [1, 0, 'podman']
  ] as const)(
    'docker answers %s, podman answers %s: builds with %s, and says so',
    (d, p, engine) => {
      const run = runCliProcess(
        ['build', project, '--build', 'cp312-manylinux_x86_64', '--dry-run'],
        {
          PATH: enginesPath(d, p)
        }
      )
      expect(run.status).toBe(0)
      expect(run.stderr).toContain(`building in ${engine} containers`)
      const plan = JSON.parse(run.stdout)
      expect(plan.groups.map((g: { container: { engine: string } }) => g.container.engine)).toEqual(
        [engine]
      )
    }
  )

  test('neither answers: a clear error naming container, exit 2, nothing written', () => {
    const out = path.join(tempDir('no-engine'), 'wheelhouse')
    const engines = tempDir('engines')
    const run = runCliProcess(
      ['build', project, '--build', 'cp312-manylinux_x86_64', '--output-dir', out],
      { PATH: enginesPath(1, 1, engines) }
    )
    // Both were asked, docker first.
    expect(fs.readFileSync(path.join(engines, 'calls'), 'utf8')).toMatch(
      /^docker info[^\n]*\npodman info/
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /error: container: no working container engine \(got "auto"\)\. Hint: docker and podman did not answer.*container: off/
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(fs.existsSync(out)).toBe(false)
  })

  test('container: off builds on the host without asking an engine', () => {
    const engines = tempDir('engines')
    const run = runCliProcess(
      ['build', project, '--build', 'cp312-manylinux_x86_64', '--container', 'off', '--dry-run'],
      { PATH: enginesPath(1, 1, engines) }
    )
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('building on this host (linux)')
    expect(fs.existsSync(path.join(engines, 'calls'))).toBe(false)
  })

  test('a foreign arch without a QEMU handler stops before any container starts', () => {
    const out = path.join(tempDir('no-qemu'), 'wheelhouse')
    // The real podman, behind a wrapper that logs each call of this run only.
    const wrapper = tempDir('podman-calls')
    const calls = path.join(wrapper, 'calls')
    const realPodman = check(['sh', '-c', 'command -v podman']).trim()
    fs.writeFileSync(
      path.join(wrapper, 'podman'),
      `#!/bin/sh\necho "$*" >> "${calls}"\nexec "${realPodman}" "$@"\n`,
      { mode: 0o755 }
    )
    const run = runCliProcess(
      [
        'build',
        project,
        '--container-engine',
        'podman',
        '--archs',
        'aarch64',
        '--build',
        'cp312-manylinux_aarch64',
        '--output-dir',
        out
      ],
      { WHEELWRIGHT_BINFMT_DIR: tempDir('empty-binfmt'), PATH: `${wrapper}:${process.env.PATH}` }
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /error: archs: this machine cannot run aarch64 containers.*docker\/setup-qemu-action/
    )
    // Asked whether it works (so the wrapper was the podman run), never told to make or start a container.
    const asked = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : []
    expect(asked).toContainEqual(expect.stringMatching(/^info\b/))
    expect(asked.filter(call => /^(create|run|start|pull)\b/.test(call))).toEqual([])
    expect(fs.existsSync(out)).toBe(false)
  })
})
