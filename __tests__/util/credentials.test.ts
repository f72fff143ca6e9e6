/** Credentials by name and by pattern; which values are masked. */
import { describe, expect, test } from '@jest/globals'
import { isCredential, secretValues } from '../../src/util/credentials.js'

describe('isCredential', () => {
  test.each([
    'PYPI_API_TOKEN',
    'pypi_api_token',
    'CARGO_REGISTRY_TOKEN',
    'DB_PASSWORD',
    'AWS_SECRET',
    'OPENAI_API_KEY',
    'MY_API_KEY_2',
    'GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'TWINE_PASSWORD',
    'INPUT_PASSWORD',
    'INPUT_ANYTHING'
  ])('%s is one', name => expect(isCredential(name)).toBe(true))

  test.each(['PATH', 'HOME', 'TOKENIZER_PATH', 'SECRETS_DIR', 'CIBW_BUILD', 'PASSWORD_HINT_FILE'])(
    '%s is not',
    name => expect(isCredential(name)).toBe(false)
  )
})

describe('secretValues', () => {
  test('credential values long enough to be tokens, not inputs or service URLs', () => {
    expect(
      secretValues({
        PYPI_API_TOKEN: 'pypi-abcdefgh',
        SHORT_TOKEN: 'yes',
        INPUT_PASSWORD: 'pw-12345678',
        'INPUT_REPOSITORY-URL': 'https://upload.pypi.org/legacy/',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/',
        ACTIONS_RUNTIME_TOKEN: 'eyJhbGciOi.x.y',
        PATH: '/usr/bin:/bin'
      }).sort()
    ).toEqual(['eyJhbGciOi.x.y', 'pw-12345678', 'pypi-abcdefgh'])
  })
})
