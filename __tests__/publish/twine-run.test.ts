/**
 * twine check and twine upload as run: a stand-in python plays twine, each
 * upload taking the next outcome of a script (uploaded, skipped, a 5xx, a
 * refusal, no answer), and logs the argv and the credentials it was given.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { twineCheck, twineUpload } from '../../src/publish/twine-run.js'
import { UserError } from '../../src/util/errors.js'
import { tempDir } from '../helpers/tools.js'

const FAKE_PYTHON = `#!/bin/sh
dir=$(dirname "$0")
[ "$1 $2" = "-m twine" ] || { echo "unexpected: $*" >&2; exit 2; }
shift 2
echo "$* | password=\${TWINE_PASSWORD:-} url=\${TWINE_REPOSITORY_URL:-}" >> "$dir/calls"
if [ "$1" = check ]; then
  shift
  for f in "$@"; do
    case "$f" in
      *bad*) echo "Checking $f: FAILED"; echo 'ERROR    \`long_description\` has syntax errors'; exit 1 ;;
      *) echo "Checking $f: PASSED" ;;
    esac
  done
  exit 0
fi
for last; do :; done
name=$(basename "$last")
outcome=$(head -n 1 "$dir/outcomes"); sed -i 1d "$dir/outcomes"
echo "Uploading distributions to $TWINE_REPOSITORY_URL"
case "$outcome" in
  ok) echo "Uploading $name"; echo "100% done" ;;
  skip) echo "Skipping $name because it appears to already exist" ;;
  500) echo "ERROR    HTTPError: 500 Internal Server Error from $TWINE_REPOSITORY_URL"; echo "         Internal Server Error"; exit 1 ;;
  403) echo "ERROR    HTTPError: 403 Forbidden from $TWINE_REPOSITORY_URL"; echo "         Invalid or non-existent authentication information."; exit 1 ;;
  hang) exec sleep 30 ;;
esac
exit 0
`

const URL = 'https://upload.example/legacy/'
const BOUNDS = { timeoutMs: 1000, attempts: 3, backoffMs: 1 }

function setup(outcomes: string[]) {
  const dir = tempDir('twine')
  const python = path.join(dir, 'python')
  fs.writeFileSync(python, FAKE_PYTHON, { mode: 0o755 })
  fs.writeFileSync(path.join(dir, 'outcomes'), outcomes.map(o => `${o}\n`).join(''))
  const calls = () =>
    fs.existsSync(path.join(dir, 'calls'))
      ? fs.readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n')
      : []
  return { python, calls }
}

function upload(
  outcomes: string[],
  options: { files?: string[]; landed?: (file: string) => boolean; timeoutMs?: number } = {}
) {
  const { python, calls } = setup(outcomes)
  const reporter = recordingReporter()
  const landedAsked: string[] = []
  const run = twineUpload({
    python,
    files: options.files ?? ['/d/spam-1.0.tar.gz', '/d/spam-1.0-py3-none-any.whl'],
    attestationsOf: file => (file.endsWith('.whl') ? [`${file}.publish.attestation`] : []),
    settings: {
      repositoryUrl: URL,
      username: '__token__',
      password: 'pypi-secret-token',
      skipExisting: true,
      attestations: true
    },
    env: { PATH: process.env.PATH ?? '', TWINE_PASSWORD: 'from-the-environment' },
    reporter,
    bounds: { ...BOUNDS, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
    landed: async file => {
      landedAsked.push(path.basename(file))
      return options.landed?.(file) ?? false
    }
  })
  return { run, calls, reporter, landedAsked }
}

const titles = (reporter: ReturnType<typeof recordingReporter>) =>
  reporter.texts('group').map(g => g.split('\n')[0])

describe('twineUpload', () => {
  test('one twine run per file, with its attestations; the password only in the environment', async () => {
    const { run, calls, reporter } = upload(['ok', 'ok'])
    expect(await run).toEqual({
      uploaded: ['spam-1.0.tar.gz', 'spam-1.0-py3-none-any.whl'],
      skipped: []
    })
    const flags = 'upload --non-interactive --disable-progress-bar --skip-existing --attestations'
    expect(calls()).toEqual([
      `${flags} /d/spam-1.0.tar.gz | password=pypi-secret-token url=${URL}`,
      `${flags} /d/spam-1.0-py3-none-any.whl /d/spam-1.0-py3-none-any.whl.publish.attestation | password=pypi-secret-token url=${URL}`
    ])
    expect(titles(reporter)).toEqual([
      `twine upload spam-1.0.tar.gz to ${URL}`,
      `twine upload spam-1.0-py3-none-any.whl to ${URL}`
    ])
  })

  test('a file the index already has is skipped', async () => {
    const { run } = upload(['skip', 'ok'])
    expect(await run).toEqual({
      uploaded: ['spam-1.0-py3-none-any.whl'],
      skipped: ['spam-1.0.tar.gz']
    })
  })

  test.each<
    [string, string[], boolean, { uploaded: string[]; tries: number; landedAsked: string[] }]
  >([
    [
      'a 500, then success on the second try',
      ['500', 'ok', 'ok'],
      false,
      {
        uploaded: ['spam-1.0.tar.gz', 'spam-1.0-py3-none-any.whl'],
        tries: 3,
        landedAsked: ['spam-1.0.tar.gz']
      }
    ],
    [
      'a 500, but the index has the file after all: not uploaded again',
      ['500', 'ok'],
      true,
      {
        uploaded: ['spam-1.0.tar.gz', 'spam-1.0-py3-none-any.whl'],
        tries: 2,
        landedAsked: ['spam-1.0.tar.gz']
      }
    ]
  ])('%s', async (_name, outcomes, landed, expected) => {
    const { run, calls, reporter, landedAsked } = upload(outcomes, {
      landed: file => landed && file.endsWith('.tar.gz')
    })
    expect((await run).uploaded).toEqual(expected.uploaded)
    expect(calls()).toHaveLength(expected.tries)
    expect(landedAsked).toEqual(expected.landedAsked)
    if (!landed)
      expect(titles(reporter)[1]).toBe(`twine upload spam-1.0.tar.gz to ${URL} (try 2 of 3)`)
    else
      expect(reporter.texts('info')).toContain(
        'spam-1.0.tar.gz is on the index after all; not uploading it again'
      )
  })

  test('a 500 on every try: an error naming the URL, the reason and the tries', async () => {
    const { run, calls } = upload(['500', '500', '500'], { files: ['/d/spam-1.0.tar.gz'] })
    const error = await run.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).key).toBe('repository-url')
    expect((error as UserError).message).toMatch(
      /^repository-url: uploading spam-1\.0\.tar\.gz: https:\/\/upload\.example\/legacy\/: the index failed \(HTTPError: 500 Internal Server Error .*\) \(3 tries\)/
    )
    expect(calls()).toHaveLength(3)
  })

  test('refused credentials stop at once, naming what was uploaded already', async () => {
    const { run, calls } = upload(['ok', '403', 'ok'])
    const error = (await run.catch((e: unknown) => e)) as UserError
    expect(error).toBeInstanceOf(UserError)
    expect(error.key).toBe('repository-url')
    expect(error.message).toMatch(
      /the index refused the credentials \(HTTPError: 403 Forbidden .*\) \(already uploaded: spam-1\.0\.tar\.gz\)/
    )
    expect(error.hint).toMatch(/API token/)
    expect(calls()).toHaveLength(2)
    // The token never reaches a message.
    expect(error.message).not.toContain('pypi-secret-token')
  })

  test('no answer in time: stopped, tried again, and then named with index-timeout', async () => {
    const { run, calls, reporter } = upload(['hang', 'hang', 'hang'], {
      files: ['/d/spam-1.0.tar.gz'],
      timeoutMs: 300
    })
    const started = Date.now()
    const error = (await run.catch((e: unknown) => e)) as UserError
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(error.key).toBe('index-timeout')
    expect(error.message).toContain('no answer within 0.3 s (3 tries)')
    expect(calls()).toHaveLength(3)
    expect(reporter.texts('group')[0]).toContain('no answer within 0.3 s: stopped')
  })
})

describe('twineCheck', () => {
  test('every file checked in one run, reported as one group', async () => {
    const { python, calls } = setup([])
    const reporter = recordingReporter()
    await twineCheck(
      python,
      ['/d/a.whl', '/d/b.tar.gz'],
      { PATH: process.env.PATH ?? '' },
      reporter,
      'sdist'
    )
    expect(calls()).toEqual(['check /d/a.whl /d/b.tar.gz | password= url='])
    expect(titles(reporter)).toEqual(['twine check (2 files)'])
  })

  test('a failure names the failed lines and the key', async () => {
    const { python } = setup([])
    const error = (await twineCheck(
      python,
      ['/d/bad-1.0.whl'],
      { PATH: process.env.PATH ?? '', TWINE_PASSWORD: 'secret-value' },
      recordingReporter(),
      'verify-metadata'
    ).catch((e: unknown) => e)) as UserError
    expect(error).toBeInstanceOf(UserError)
    expect(error.key).toBe('verify-metadata')
    expect(error.message).toMatch(
      /twine check failed: Checking \/d\/bad-1\.0\.whl: FAILED; ERROR +`long_description` has syntax errors/
    )
  })

  test('the check gets no credential of the environment', async () => {
    const { python, calls } = setup([])
    await twineCheck(
      python,
      ['/d/a.whl'],
      {
        PATH: process.env.PATH ?? '',
        TWINE_PASSWORD: 'secret-value',
        TWINE_REPOSITORY_URL: 'https://x/'
      },
      recordingReporter(),
      'sdist'
    )
    expect(calls()).toEqual(['check /d/a.whl | password= url='])
  })
})
