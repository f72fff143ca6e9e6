/** URLs derived from repository-url: the OIDC base, the simple index, project pages. */
import { describe, expect, test } from '@jest/globals'
import {
  oidcIndexBase,
  parseRepositoryUrl,
  projectPageUrl,
  pypiInstance,
  redactUrl,
  simpleIndexUrl,
  urlSecrets
} from '../../src/publish/index-url.js'

describe('URLs derived from repository-url', () => {
  test.each([
    ['https://upload.pypi.org/legacy/', 'https://pypi.org', 'https://pypi.org/simple/', 'pypi'],
    ['https://upload.pypi.org/legacy', 'https://pypi.org', 'https://pypi.org/simple/', 'pypi'],
    [
      'https://test.pypi.org/legacy/',
      'https://test.pypi.org',
      'https://test.pypi.org/simple/',
      'testpypi'
    ],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/simple/', undefined],
    [
      'https://pypi.example.com/legacy/',
      'https://pypi.example.com',
      'https://pypi.example.com/simple/',
      undefined
    ],
    [
      'https://example.com/repo/legacy',
      'https://example.com',
      'https://example.com/repo/simple/',
      undefined
    ],
    [
      'https://h.example/user/index/',
      'https://h.example',
      'https://h.example/user/index/simple/',
      undefined
    ]
  ])('%s → OIDC base %s, simple %s, %s', (url, base, simple, instance) => {
    expect(oidcIndexBase(url)).toBe(base)
    expect(simpleIndexUrl(url)).toBe(simple)
    expect(pypiInstance(url)).toBe(instance)
  })

  test.each([
    ['http://127.0.0.1:9/index/', 'http://127.0.0.1:9/index'],
    ['http://127.0.0.1:9', 'http://127.0.0.1:9']
  ])('WHEELWRIGHT_OIDC_INDEX_URL=%s (tests) wins: %s', (override, base) =>
    expect(
      oidcIndexBase('https://upload.pypi.org/legacy/', { WHEELWRIGHT_OIDC_INDEX_URL: override })
    ).toBe(base)
  )

  test.each([
    ['not a url', /repository-url: is not a URL/],
    ['ftp://upload.pypi.org/', /repository-url: must be an http\(s\) URL/]
  ])('%j is refused', (url, message) => expect(() => parseRepositoryUrl(url)).toThrow(message))

  test('project pages', () => {
    expect(projectPageUrl('https://pypi.org/simple/', 'spam-ext')).toBe(
      'https://pypi.org/simple/spam-ext/'
    )
    expect(projectPageUrl('http://h/simple', 'spam-ext')).toBe('http://h/simple/spam-ext/')
  })
})

describe('userinfo in a URL', () => {
  test.each([
    [
      'https://user:secret@example.com/legacy/',
      'https://***@example.com/legacy/',
      ['user:secret', 'secret']
    ],
    ['https://token@example.com/', 'https://***@example.com/', ['token']],
    ['https://u:p%40ss@example.com/', 'https://***@example.com/', ['u:p%40ss', 'p%40ss', 'p@ss']],
    ['https://upload.pypi.org/legacy/', 'https://upload.pypi.org/legacy/', []],
    ['not a url //u:pw@x', 'not a url //***@x', []]
  ])('%s → %s, masks %j', (url, redacted, secrets) => {
    expect(redactUrl(url)).toBe(redacted)
    expect(urlSecrets(url)).toEqual(secrets)
  })
})
