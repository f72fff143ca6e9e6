/** twine: argv without credentials, the child environment, reading its output. */
import { describe, expect, test } from '@jest/globals'
import {
  cleanOutput,
  explainUploadFailure,
  skippedFiles,
  toolEnv,
  twineCheckArgv,
  twineUploadArgv,
  twineUploadEnv
} from '../../src/publish/twine.js'

const SECRET = 'pypi-AgEIcHlwaS5vcmcSECRET'
const settings = {
  repositoryUrl: 'https://upload.pypi.org/legacy/',
  username: '__token__',
  password: SECRET,
  skipExisting: true,
  attestations: true
}
const pad = (text: string) => `${text}${' '.repeat(300)}`

describe('argv never carries a credential', () => {
  test.each([
    ['twine check', twineCheckArgv('/py', ['/d/a.whl'])],
    ['twine upload', twineUploadArgv('/py', ['/d/a.whl', '/t/a.whl.publish.attestation'], settings)]
  ])('%s', (_, argv) => {
    expect(argv.join(' ')).not.toContain(SECRET)
    expect(argv.join(' ')).not.toContain('upload.pypi.org')
  })

  test('upload flags', () => {
    expect(
      twineUploadArgv('/py', ['/d/a.whl'], { skipExisting: false, attestations: false })
    ).toEqual([
      '/py',
      '-m',
      'twine',
      'upload',
      '--non-interactive',
      '--disable-progress-bar',
      '/d/a.whl'
    ])
    expect(twineUploadArgv('/py', ['/d/a.whl'], settings).slice(6, 8)).toEqual([
      '--skip-existing',
      '--attestations'
    ])
    expect(twineUploadArgv('/py', ['/d/a.whl'], { ...settings, verbose: true }).slice(6)).toEqual([
      '--skip-existing',
      '--attestations',
      '--verbose',
      '/d/a.whl'
    ])
  })
})

describe('the child environment', () => {
  const runner = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt',
    INPUT_PASSWORD: 'ip',
    GITHUB_TOKEN: 'gt',
    TWINE_PASSWORD: 'old',
    TWINE_USERNAME: 'someone',
    TWINE_REPOSITORY: 'testpypi',
    PYPIRC: '/x',
    TWINE_CERT: '/ca.pem'
  }

  test('tools get no credentials and no twine redirection', () => {
    const env = toolEnv(runner)
    expect(Object.keys(env).sort()).toEqual(
      [
        'COLUMNS',
        'HOME',
        'NO_COLOR',
        'PATH',
        'PIP_DISABLE_PIP_VERSION_CHECK',
        'PYTHONUNBUFFERED',
        'TWINE_CERT'
      ].sort()
    )
  })

  test('twine upload gets exactly its own credentials', () => {
    const env = twineUploadEnv(runner, settings)
    expect(env).toMatchObject({
      TWINE_REPOSITORY_URL: 'https://upload.pypi.org/legacy/',
      TWINE_USERNAME: '__token__',
      TWINE_PASSWORD: SECRET,
      TWINE_NON_INTERACTIVE: '1'
    })
    for (const name of [
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'INPUT_PASSWORD',
      'GITHUB_TOKEN',
      'TWINE_REPOSITORY',
      'PYPIRC'
    ])
      expect(env).not.toHaveProperty(name)
  })
})

describe('reading twine output', () => {
  const skipped = [
    'Uploading distributions to https://upload.pypi.org/legacy/',
    pad(
      '\x1b[33mWARNING \x1b[0m Skipping spam_ext-1.0.0.tar.gz because it appears to already exist'
    ),
    'Uploading spam_ext-1.0.0-cp311-cp311-manylinux1_x86_64.whl',
    pad('\x1b[33mWARNING \x1b[0m Skipping spam_ext-1.0.0-cp312-cp312-win_amd64.whl because it'),
    '         appears to already exist'
  ].join('\n')

  test('skipped files, through colour codes, padding and wrapping', () =>
    expect(skippedFiles(skipped)).toEqual([
      'spam_ext-1.0.0.tar.gz',
      'spam_ext-1.0.0-cp312-cp312-win_amd64.whl'
    ]))

  test('cleanOutput drops colour codes and trailing padding', () =>
    expect(cleanOutput(pad('\x1b[31mERROR   \x1b[0m HTTPError: 403'))).toBe(
      'ERROR    HTTPError: 403'
    ))

  const failure = (lines: string[]) => lines.map(pad).join('\n')
  test.each([
    [
      '403',
      failure([
        'Uploading spam.whl',
        '\x1b[33mWARNING \x1b[0m Error during upload. Retry with the --verbose option for more details.',
        '\x1b[31mERROR   \x1b[0m HTTPError: 403 Forbidden from http://127.0.0.1:1/',
        '         Forbidden'
      ]),
      'the index refused the credentials (HTTPError: 403 Forbidden from http://127.0.0.1:1/ Forbidden)',
      /API token valid for this project/
    ],
    [
      '400 File already exists',
      failure([
        'ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/',
        "         File already exists ('spam.whl')"
      ]),
      "the index already has a file of this release (HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/ File already exists ('spam.whl'))",
      /skip-existing: true/
    ],
    [
      '409',
      failure(['ERROR    HTTPError: 409 Conflict from http://x/']),
      'the index already has a file',
      /skip-existing/
    ],
    [
      'plain 400',
      failure(['ERROR    HTTPError: 400 Bad Request from http://x/', '         Bad Request']),
      'the index rejected an upload',
      /manylinux/
    ],
    [
      '500',
      failure(['ERROR    HTTPError: 503 Service Unavailable from http://x/']),
      'the index failed',
      /server-side/
    ],
    [
      'unsupported',
      failure([
        "ERROR    UnsupportedConfiguration: The configured repository 'http://x/' does not have support for the following features: --skip-existing"
      ]),
      'twine refused the configuration',
      /only on PyPI and TestPyPI/
    ],
    [
      'network',
      failure(['ERROR    ConnectionError: HTTPConnectionPool(host=x): Max retries exceeded']),
      'cannot reach the index',
      /repository-url/
    ],
    ['other', 'something odd\n', 'twine upload failed (something odd)', /twine output/]
  ])('%s', (_, output, message, hint) => {
    const explained = explainUploadFailure(output)
    expect(explained.message).toContain(message)
    expect(explained.hint).toMatch(hint)
  })
})

describe('which upload failures are worth another try', () => {
  test.each([
    ['HTTPError: 503 Service Unavailable from http://x/\n', true],
    [
      "ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection'))\n",
      true
    ],
    [
      'ConnectionError: HTTPConnectionPool(host=127.0.0.1, port=9): Max retries exceeded (Caused by NewConnectionError: [Errno 111] Connection refused)\n',
      false
    ],
    ['HTTPError: 403 Forbidden from http://x/\n', false],
    ['HTTPError: 400 Bad Request from http://x/\nFile already exists\n', false]
  ])('%j → %s', (output, transient) => {
    expect(explainUploadFailure(output).transient ?? false).toBe(transient)
  })
})
