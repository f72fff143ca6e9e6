/** Trusted publishing: audience, ID token, token exchange, against the stand-ins. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  audienceFromReply,
  describeMintRefusal,
  jwtClaims,
  MINT_ERROR_HINTS,
  mintedTokenFromReply,
  missingIdTokenReason,
  trustedPublishingToken,
  type HttpReply
} from '../../src/publish/oidc.js'
import { startOidcStandIn, type OidcStandIn } from '../../__fixtures__/standins/oidc.js'
import { makeJwt } from '../../__fixtures__/standins/http.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'

const BOUNDS = { timeoutMs: 5000, attempts: 2, backoffMs: 10 }
const BASE = 'https://pypi.org'
const reply = (status: number, body: unknown, statusText = ''): HttpReply => ({
  status,
  statusText,
  body: typeof body === 'string' ? body : JSON.stringify(body)
})

describe('audience', () => {
  test('200 {audience}', () =>
    expect(audienceFromReply(BASE, reply(200, { audience: 'pypi' }))).toBe('pypi'))

  test.each([
    [
      reply(403, { message: 'Trusted publishing functionality not enabled' }),
      /password: trusted publishing: pypi\.org has trusted publishing disabled/
    ],
    [
      reply(404, 'Not Found'),
      /pypi\.org does not offer trusted publishing \(https:\/\/pypi\.org\/_\/oidc\/audience is not found\)/
    ],
    [reply(502, '', 'Bad Gateway'), /audience answered 502 Bad Gateway/],
    [reply(200, { aud: 'x' }), /gave no audience \(reply: \{"aud":"x"\}\)/],
    [reply(200, '<html>'), /gave no audience/],
    [reply(200, { audience: '' }), /gave no audience/]
  ])('%j → %s', (r, message) => expect(() => audienceFromReply(BASE, r)).toThrow(message))
})

describe('ID token', () => {
  test.each([
    [
      {},
      /cannot get an OIDC ID token \(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN unset\).*outside GitHub Actions/
    ],
    [
      { GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'u' },
      /\(ACTIONS_ID_TOKEN_REQUEST_TOKEN unset\).*permissions: id-token: write/
    ],
    [
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request' },
      /pull requests \(from forks especially\) never get ID tokens/
    ]
  ])('missing variables %j', (env, message) =>
    expect(missingIdTokenReason(env)?.message).toMatch(message)
  )

  test('available', () =>
    expect(
      missingIdTokenReason({
        ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't'
      })
    ).toBeUndefined())

  test('claims are read without verification; garbage gives none', () => {
    expect(jwtClaims(makeJwt({ sub: 'repo:o/r', n: 1 }))).toEqual({ sub: 'repo:o/r', n: 1 })
    expect(jwtClaims('nonsense')).toEqual({})
    expect(jwtClaims('a.!!!.c')).toEqual({})
  })
})

describe('token exchange', () => {
  const claims = { sub: 'repo:o/r:ref:refs/tags/v1', repository: 'o/r', ref: 'refs/tags/v1' }

  test('200 with a token', () =>
    expect(
      mintedTokenFromReply(BASE, reply(200, { success: true, token: 'pypi-x', expires: 1 }), claims)
    ).toBe('pypi-x'))

  test.each(Object.keys(MINT_ERROR_HINTS))('422 %s: the description and the hint', code => {
    const error = (() => {
      try {
        mintedTokenFromReply(
          BASE,
          reply(422, {
            message: 'Token request failed',
            errors: [{ code, description: `because ${code}` }]
          }),
          claims
        )
      } catch (e) {
        return e as Error
      }
    })()
    expect(error?.message).toContain(`  - ${code}: because ${code} → ${MINT_ERROR_HINTS[code]}`)
    expect(error?.message).toContain(
      "the ID token's claims: sub=repo:o/r:ref:refs/tags/v1, repository=o/r, repository_owner=MISSING"
    )
    expect(error?.message).toContain('https://docs.pypi.org/trusted-publishers/troubleshooting/')
  })

  test('an unknown code is shown as given', () =>
    expect(describeMintRefusal([{ code: 'new-thing', description: 'd' }], {})).toContain(
      '  - new-thing: d\n'
    ))

  test.each([
    [reply(200, { success: true }), /answered the token exchange without a token/],
    [
      reply(503, '<html>down</html>', 'Service Unavailable'),
      /mint-token answered 503 Service Unavailable \(<html>down<\/html>\).*status\.python\.org/
    ],
    [reply(422, { message: 'odd' }), /mint-token answered 422 \(odd\)/]
  ])('%j', (r, message) => expect(() => mintedTokenFromReply(BASE, r, {})).toThrow(message))
})

describe('trustedPublishingToken against the stand-ins', () => {
  let oidc: OidcStandIn
  // @actions/core's getIDToken reads the request URL and token from the process environment.
  const saved = { ...process.env }
  beforeAll(async () => {
    oidc = await startOidcStandIn()
    Object.assign(process.env, oidc.env())
  })
  afterAll(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
    await oidc.close()
  })

  test('the runner refusing the ID token request is a clear error naming password', async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'not-the-request-token'
    try {
      await expect(
        trustedPublishingToken(
          oidc.indexUrl,
          { ...oidc.env(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-request-token' },
          recordingReporter(),
          BOUNDS
        )
      ).rejects.toThrow(
        /^password: trusted publishing: the runner gave no OIDC ID token \(Failed to get ID Token\. Error Code : 401 .*id-token: write/
      )
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = oidc.env().ACTIONS_ID_TOKEN_REQUEST_TOKEN
    }
  })

  test('every token is a secret before anything is said', async () => {
    const reporter = recordingReporter()
    const token = await trustedPublishingToken(oidc.indexUrl, oidc.env(), reporter, BOUNDS)
    expect(token).toBe(oidc.behaviour.mintedToken)
    const secrets = reporter.texts('secret')
    expect(secrets).toEqual([oidc.requestToken, oidc.issued.at(-1), token])
    const firstSay = reporter.events.findIndex(e => e.kind !== 'secret')
    expect(reporter.events.slice(0, firstSay).map(e => e.kind)).toEqual([
      'secret',
      'secret',
      'secret'
    ])
    expect(JSON.stringify(reporter.events.filter(e => e.kind !== 'secret'))).not.toContain(token)
  })

  test('an expired ID token is refused by the index with invalid-token', async () => {
    oidc.behaviour = { ...oidc.behaviour, tokenLifetimeSeconds: -30 }
    await expect(
      trustedPublishingToken(oidc.indexUrl, oidc.env(), recordingReporter(), BOUNDS)
    ).rejects.toThrow(
      /invalid-token: malformed or invalid token: Signature has expired → the ID token failed verification: it expired/
    )
  })

  test('an unreachable index', async () => {
    await expect(
      trustedPublishingToken('http://127.0.0.1:9', oidc.env(), recordingReporter(), BOUNDS)
    ).rejects.toThrow(
      'repository-url: trusted publishing: the index: http://127.0.0.1:9/_/oidc/audience: bad port (1 try)'
    )
  })
})
