/**
 * The publish tools venv: made once under the cache dir and reused, or a
 * given Python. A stand-in python3 on PATH makes the "venv", whose python
 * logs what pip is asked to install.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import {
  PUBLISH_PYTHON_OVERRIDE,
  PUBLISH_REQUIREMENTS,
  publishPython,
  venvPython
} from '../../src/publish/tools.js'
import { UserError } from '../../src/util/errors.js'
import { tempDir } from '../helpers/tools.js'

/** A PATH whose python3 makes venvs whose python logs its argv (and fails pip when told). */
function standIn(pipFails = false) {
  const bin = tempDir('host-bin')
  const log = path.join(bin, 'calls')
  const venvPy = `#!/bin/sh\necho "venv-python $*" >> "${log}"\n${pipFails ? 'echo "ERROR: No matching distribution found for twine>=6.1" >&2; exit 1' : 'exit 0'}\n`
  fs.writeFileSync(
    path.join(bin, 'python3'),
    `#!/bin/sh\necho "python3 $*" >> "${log}"\n[ "$1 $2" = "-m venv" ] || exit 2\nmkdir -p "$3/bin"\ncat > "$3/bin/python" <<'PY'\n${venvPy}PY\nchmod +x "$3/bin/python"\n`,
    { mode: 0o755 }
  )
  const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [])
  return { PATH: `${bin}:/usr/bin:/bin`, calls, log }
}

describe('publishPython', () => {
  test('a given Python is used as it is: nothing is installed', async () => {
    const host = standIn()
    const python = await publishPython({
      env: { PATH: host.PATH, [PUBLISH_PYTHON_OVERRIDE]: ' /opt/py/bin/python ' },
      cacheDir: tempDir('cache'),
      reporter: recordingReporter()
    })
    expect(python).toBe('/opt/py/bin/python')
    expect(host.calls()).toEqual([])
  })

  test('made once under <cache-dir>/tools, then reused without a call', async () => {
    const host = standIn()
    const cacheDir = tempDir('cache')
    const reporter = recordingReporter()
    const context = { env: { PATH: host.PATH }, cacheDir, reporter }
    const dir = path.join(cacheDir, 'tools')
    expect(await publishPython(context)).toBe(path.join(dir, 'bin', 'python'))
    expect(host.calls()).toEqual([
      `python3 -m venv ${dir}`,
      `venv-python -m pip install --disable-pip-version-check -q ${PUBLISH_REQUIREMENTS.join(' ')}`
    ])
    expect(reporter.texts('info')).toEqual([`installing build>=1.2, twine>=6.1 into ${dir}`])
    expect(fs.readdirSync(dir).filter(f => f.startsWith('.ready-publish-'))).toHaveLength(1)
    // Reused: no second call.
    fs.rmSync(host.log)
    expect(await publishPython(context)).toBe(path.join(dir, 'bin', 'python'))
    expect(host.calls()).toEqual([])
  })

  test('a venv without its marker (an install that stopped) is filled again, not made again', async () => {
    const host = standIn()
    const cacheDir = tempDir('cache')
    const context = { env: { PATH: host.PATH }, cacheDir, reporter: recordingReporter() }
    await publishPython(context)
    const dir = path.join(cacheDir, 'tools')
    for (const f of fs.readdirSync(dir).filter(n => n.startsWith('.ready-')))
      fs.rmSync(path.join(dir, f))
    fs.rmSync(host.log)
    await publishPython(context)
    expect(host.calls()).toEqual([
      `venv-python -m pip install --disable-pip-version-check -q ${PUBLISH_REQUIREMENTS.join(' ')}`
    ])
  })

  test('a failed install names what, where and why, with the way around it; no marker is left', async () => {
    const host = standIn(true)
    const cacheDir = tempDir('cache')
    const error = (await publishPython({
      env: { PATH: host.PATH },
      cacheDir,
      reporter: recordingReporter()
    }).catch((e: unknown) => e)) as UserError
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(
      new RegExp(
        `^could not install build>=1\\.2, twine>=6\\.1 into ${path.join(cacheDir, 'tools')}: .*No matching distribution found`,
        's'
      )
    )
    expect(error.hint).toContain(PUBLISH_PYTHON_OVERRIDE)
    expect(
      fs.readdirSync(path.join(cacheDir, 'tools')).filter(f => f.startsWith('.ready-'))
    ).toEqual([])
  })
})

test.each<[NodeJS.Platform, string]>([
  ['linux', '/c/tools/bin/python'],
  ['darwin', '/c/tools/bin/python'],
  ['win32', path.join('/c/tools', 'Scripts', 'python.exe')]
])('venvPython on %s', (platform, expected) => {
  expect(venvPython('/c/tools', platform)).toBe(expected)
})
