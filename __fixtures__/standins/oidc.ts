/**
 * Loopback stand-ins for trusted publishing, faithful to the wire protocol:
 *
 * - the runner's ID-token service: `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=...`
 *   with `Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN` → `{"value": "<JWT>"}`;
 * - the index's `GET {index}/_/oidc/audience` → `{"audience": "..."}` and
 *   `POST {index}/_/oidc/mint-token` with `{"token": "<JWT>"}` →
 *   `{"success": true, "token": "...", "expires": ...}` or
 *   `422 {"message": "Token request failed", "errors": [{"code", "description"}]}`,
 *   checking signature, expiry, audience, reuse and the publisher as warehouse does.
 */
import crypto from 'node:crypto'
import { listen, makeJwt, readBody, sendJson } from './http.js'

export interface MintError {
  readonly code: string
  readonly description: string
}

export interface OidcBehaviour {
  /** How the index answers the audience request. */
  audienceReply: 'ok' | 'missing-field' | 403 | 404
  /** Lifetime of issued ID tokens; negative gives tokens that have already expired. */
  tokenLifetimeSeconds: number
  /** Forces the exchange to fail with these errors. */
  mintErrors?: MintError[]
  /** The repository the index's trusted publisher is registered for. */
  publisherRepository: string
  /** The token the index mints (the stand-in index's upload password). */
  mintedToken: string
  /** The audience the issued ID tokens carry, when it should differ from the index's. */
  issueAudience?: string
}

export interface OidcRequest {
  readonly method: string
  readonly path: string
  readonly authorization?: string
  readonly body?: string
}

export interface OidcStandIn {
  readonly requestUrl: string
  readonly requestToken: string
  readonly indexUrl: string
  readonly audience: string
  /** Every ID token handed out. */
  readonly issued: string[]
  readonly requests: OidcRequest[]
  behaviour: OidcBehaviour
  /** ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, GITHUB_ACTIONS, and the index override. */
  env(): Record<string, string>
  close(): Promise<void>
}

export async function startOidcStandIn(initial: Partial<OidcBehaviour> = {}): Promise<OidcStandIn> {
  const key = crypto.randomBytes(32)
  const requestToken = `runner-request-${crypto.randomBytes(12).toString('hex')}`
  const audience = 'standin-index'
  const used = new Set<string>()
  const issued: string[] = []
  const requests: OidcRequest[] = []
  const sign = (data: string) => crypto.createHmac('sha256', key).update(data).digest('base64url')
  const state: { behaviour: OidcBehaviour } = {
    behaviour: {
      audienceReply: 'ok',
      tokenLifetimeSeconds: 300,
      publisherRepository: 'octo/spam',
      mintedToken: `pypi-minted-${crypto.randomBytes(12).toString('hex')}`,
      ...initial
    }
  }

  const refuse = (res: Parameters<typeof sendJson>[0], errors: MintError[]) =>
    sendJson(res, 422, { message: 'Token request failed', errors })

  const { origin, close } = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = (await readBody(req)).toString('utf8')
    requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(body ? { body } : {})
    })
    const b = state.behaviour

    if (url.pathname === '/runner/idtoken' && req.method === 'GET') {
      const auth = req.headers.authorization ?? ''
      if (!/^bearer /i.test(auth) || auth.slice(7) !== requestToken) {
        return sendJson(res, 401, { message: 'bad request token' })
      }
      if (url.searchParams.get('api-version') !== '2.0') {
        return sendJson(res, 400, { message: 'api-version missing' })
      }
      const aud = b.issueAudience ?? url.searchParams.get('audience') ?? 'https://github.com/octo'
      const now = Math.floor(Date.now() / 1000)
      const token = makeJwt(
        {
          iss: 'https://token.actions.githubusercontent.com',
          aud,
          sub: `repo:${b.publisherRepository}:ref:refs/tags/v1.0.0`,
          repository: b.publisherRepository,
          repository_owner: b.publisherRepository.split('/')[0],
          repository_owner_id: '4242',
          workflow_ref: `${b.publisherRepository}/.github/workflows/release.yml@refs/tags/v1.0.0`,
          job_workflow_ref: `${b.publisherRepository}/.github/workflows/release.yml@refs/tags/v1.0.0`,
          ref: 'refs/tags/v1.0.0',
          environment: 'pypi',
          jti: crypto.randomUUID(),
          iat: now - 5,
          nbf: now - 5,
          exp: now + b.tokenLifetimeSeconds
        },
        sign
      )
      issued.push(token)
      return sendJson(res, 200, { count: 1, value: token })
    }

    if (url.pathname === '/index/_/oidc/audience' && req.method === 'GET') {
      if (b.audienceReply === 403)
        return sendJson(res, 403, { message: 'Trusted publishing functionality not enabled' })
      if (b.audienceReply === 404) return sendJson(res, 404, { message: 'Not Found' })
      if (b.audienceReply === 'missing-field') return sendJson(res, 200, { aud: audience })
      return sendJson(res, 200, { audience })
    }

    if (url.pathname === '/index/_/oidc/mint-token' && req.method === 'POST') {
      let token: unknown
      try {
        token = (JSON.parse(body) as { token?: unknown }).token
      } catch {
        return refuse(res, [{ code: 'invalid-payload', description: 'malformed request body' }])
      }
      if (typeof token !== 'string') {
        return refuse(res, [{ code: 'invalid-payload', description: 'token is missing' }])
      }
      if (b.mintErrors) return refuse(res, b.mintErrors)
      const [head, payload, signature] = token.split('.')
      if (!head || !payload || signature !== sign(`${head}.${payload}`)) {
        return refuse(res, [
          {
            code: 'invalid-token',
            description: 'malformed or invalid token: Signature verification failed'
          }
        ])
      }
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >
      if (Number(claims.exp) < Date.now() / 1000) {
        return refuse(res, [
          {
            code: 'invalid-token',
            description: 'malformed or invalid token: Signature has expired'
          }
        ])
      }
      if (claims.aud !== audience) {
        return refuse(res, [
          { code: 'invalid-token', description: 'malformed or invalid token: Invalid audience' }
        ])
      }
      if (used.has(String(claims.jti))) {
        return refuse(res, [
          { code: 'invalid-reuse-token', description: 'invalid token: already used' }
        ])
      }
      used.add(String(claims.jti))
      if (claims.repository !== b.publisherRepository) {
        return refuse(res, [
          {
            code: 'invalid-publisher',
            description: `valid token, but no corresponding publisher (repository ${String(claims.repository)})`
          }
        ])
      }
      return sendJson(res, 200, {
        success: true,
        token: b.mintedToken,
        expires: Math.floor(Date.now() / 1000) + 900
      })
    }
    return sendJson(res, 404, { message: `no route ${req.method} ${url.pathname}` })
  })

  const standIn: OidcStandIn = {
    requestUrl: `${origin}/runner/idtoken?api-version=2.0`,
    requestToken,
    indexUrl: `${origin}/index`,
    audience,
    issued,
    requests,
    get behaviour() {
      return state.behaviour
    },
    set behaviour(value: OidcBehaviour) {
      state.behaviour = value
    },
    env: () => ({
      GITHUB_ACTIONS: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${origin}/runner/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      WHEELWRIGHT_OIDC_INDEX_URL: `${origin}/index`
    }),
    close
  }
  return standIn
}
