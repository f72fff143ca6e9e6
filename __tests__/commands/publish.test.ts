/**
 * `wheelwright publish` with gh-action-pypi-publish's switches and names:
 * verify-metadata, print-hash, verbose, packages-dir and user. twine is a
 * stand-in Python that records each call (argv and TWINE_USERNAME) and
 * succeeds, one upload per file; the index is a closed loopback port, so
 * listing what it already has fails at once with a warning and the upload
 * goes ahead.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { cli } from '../helpers/cli.js'
import { tempDir, writeTree } from '../helpers/tools.js'
import { writeSdist, writeWheel } from '../helpers/dists.js'

const SDIST = 'demo-1.0.tar.gz'
const WHEEL = 'demo-1.0-py3-none-any.whl'

/** A project with a dist/ of two files, and a Python that logs its calls to calls.log. */
async function setUp() {
  const dir = writeTree(tempDir('publish-cmd'), {
    'pyproject.toml': '[project]\nname = "demo"\nversion = "1.0"\n'
  })
  fs.mkdirSync(path.join(dir, 'dist'))
  await writeSdist(path.join(dir, 'dist', SDIST), { name: 'demo', version: '1.0' })
  writeWheel(path.join(dir, 'dist', WHEEL), { name: 'demo', version: '1.0' })
  const log = path.join(dir, 'calls.log')
  const python = path.join(dir, 'python')
  fs.writeFileSync(
    python,
    `#!/bin/sh\nprintf '%s ' "$@" >> '${log}'\nprintf 'user=%s\\n' "$TWINE_USERNAME" >> '${log}'\n`,
    { mode: 0o755 }
  )
  const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [])
  return { dir, python, calls }
}

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const hashes = (dir: string) =>
  [
    'sha256 of each file (sha256sum format):',
    `${sha256(path.join(dir, 'dist', SDIST))}  ${SDIST}`,
    `${sha256(path.join(dir, 'dist', WHEEL))}  ${WHEEL}`
  ].join('\n')

interface Case {
  readonly flags: string[]
  /** The twine calls, as `check|upload` and the flags of upload. */
  readonly twine: string[]
  readonly user: string
  readonly hashes: boolean
}

const CASES: readonly (readonly [string, Case])[] = [
  ['defaults', { flags: [], twine: ['check', 'upload'], user: '__token__', hashes: false }],
  [
    'verify-metadata false skips twine check',
    { flags: ['--verify-metadata=false'], twine: ['upload'], user: '__token__', hashes: false }
  ],
  [
    'print-hash prints each sha256',
    { flags: ['--print-hash'], twine: ['check', 'upload'], user: '__token__', hashes: true }
  ],
  [
    'verbose passes --verbose to twine upload',
    {
      flags: ['--verbose', 'true'],
      twine: ['check', 'upload --verbose'],
      user: '__token__',
      hashes: false
    }
  ],
  [
    'user is the username',
    { flags: ['--user', 'alice'], twine: ['check', 'upload'], user: 'alice', hashes: false }
  ]
]

describe("gh-action-pypi-publish's switches", () => {
  test.each(CASES)('%s', async (_name, c) => {
    const { dir, python, calls } = await setUp()
    const result = await cli(
      [
        'publish',
        '--packages-dir',
        'dist',
        '--repository-url',
        'http://127.0.0.1:9/legacy/',
        '--verify-tag=false',
        ...c.flags
      ],
      { WHEELWRIGHT_PUBLISH_PYTHON: python, TWINE_PASSWORD: 'pw-not-printed' },
      dir
    )
    expect(result.stderr).not.toContain('error:')
    expect(result.code).toBe(0)
    const files = [path.join(dir, 'dist', SDIST), path.join(dir, 'dist', WHEEL)]
    expect(calls()).toEqual(
      c.twine.flatMap(call => {
        const [verb, ...flags] = call.split(' ')
        if (verb === 'check') return [`-m twine check ${files.join(' ')} user=`]
        const extra = ['--non-interactive', '--disable-progress-bar', ...flags]
        return files.map(file => `-m twine upload ${extra.join(' ')} ${file} user=${c.user}`)
      })
    )
    if (c.hashes) expect(result.stderr).toContain(hashes(dir))
    else expect(result.stderr).not.toContain('sha256sum format')
    expect(result.stdout).toContain(`${WHEEL}  uploaded`)
    expect(`${result.stdout}${result.stderr}`).not.toContain('pw-not-printed')
  })
})
