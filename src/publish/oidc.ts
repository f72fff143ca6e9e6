/**
 * Trusted publishing (OIDC): the index's audience, an ID token for it from
 * the runner, then the exchange for a short-lived upload token. Every token
 * is handed to reporter.setSecret before anything is logged. The error
 * texts and the hints for the index's error codes are pure functions.
 */
import type { Env } from '../model/env.js'
import type { Reporter } from '../report/log.js'
import { UserError } from '../util/errors.js'
import { boundedRequest, type Bounds } from './bounded.js'

export interface HttpReply {
  readonly status: number
  readonly statusText: string
  readonly body: string
}

/** A GET or POST within the index's bounds (bounded.ts); the reply of any status. */
async function request(
  url: string,
  init: RequestInit,
  what: string,
  bounds: Bounds
): Promise<HttpReply> {
  const reply = await boundedRequest(
    url,
    { ...init, redirect: 'error' },
    bounds,
    `trusted publishing: ${what}`
  )
  return { status: reply.status, statusText: reply.statusText, body: reply.body }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** `404 Not Found`, or just `404` when the reason phrase is empty. */
const status = (reply: HttpReply) =>
  reply.statusText ? `${reply.status} ${reply.statusText}` : String(reply.status)

const snippet = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text).trim()

// ---------------------------------------------------------------- audience

/** Reads the audience from `GET {base}/_/oidc/audience`' reply, or throws why not. */
export function audienceFromReply(base: string, reply: HttpReply): string {
  const host = new URL(base).host
  if (reply.status === 403) {
    throw new UserError(`trusted publishing: ${host} has trusted publishing disabled`, {
      key: 'password',
      hint: 'set password to an API token for this index'
    })
  }
  if (reply.status === 404) {
    throw new UserError(
      `trusted publishing: ${host} does not offer trusted publishing (${base}/_/oidc/audience is not found)`,
      {
        key: 'password',
        hint: 'this index needs a password (API token); or check repository-url'
      }
    )
  }
  if (reply.status !== 200) {
    throw new UserError(`trusted publishing: ${base}/_/oidc/audience answered ${status(reply)}`, {
      key: 'repository-url',
      hint: 'the index may be down: wait and re-run'
    })
  }
  const data = parseJson(reply.body) as { audience?: unknown } | undefined
  if (typeof data?.audience !== 'string' || data.audience.trim() === '') {
    throw new UserError(
      `trusted publishing: ${base}/_/oidc/audience gave no audience (reply: ${snippet(reply.body)})`,
      {
        key: 'repository-url',
        hint: 'the index does not speak the trusted-publishing protocol; use a password (API token)'
      }
    )
  }
  return data.audience
}

export async function fetchAudience(base: string, bounds: Bounds): Promise<string> {
  const reply = await request(`${base}/_/oidc/audience`, { method: 'GET' }, 'the index', bounds)
  return audienceFromReply(base, reply)
}

// ---------------------------------------------------------------- ID token

/** Why this job cannot ask for an ID token, or undefined when it can. */
export function missingIdTokenReason(env: Env): UserError | undefined {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(
    name => !env[name]
  )
  if (missing.length === 0) return undefined
  const fork =
    env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target'
  return new UserError(
    `is empty, so trusted publishing was tried, but this job cannot get an OIDC ID token (${missing.join(' and ')} unset)`,
    {
      key: 'password',
      hint: fork
        ? 'pull requests (from forks especially) never get ID tokens: publish from a tag push, a release or workflow_dispatch instead'
        : env.GITHUB_ACTIONS
          ? 'give the publish job `permissions: id-token: write`, and register this repository and workflow as a trusted publisher on the index; or set password to an API token'
          : 'outside GitHub Actions, give an API token (TWINE_PASSWORD in the environment, or --password)'
    }
  )
}

/** Throws the reason when this job cannot get an ID token (before any request). */
function assertIdTokenService(env: Env): void {
  const missing = missingIdTokenReason(env)
  if (missing) throw missing
}

/**
 * An ID token for `audience` from the runner, through @actions/core's
 * getIDToken (which reads ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN from the
 * process environment, retries, and masks the token), within the index's
 * bounds in all; the token is a secret from the first moment.
 */
export async function fetchIdToken(
  env: Env,
  audience: string,
  reporter: Reporter,
  bounds: Bounds
): Promise<string> {
  assertIdTokenService(env)
  reporter.setSecret(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN as string)
  const { getIDToken } = await import('@actions/core')
  const limit = bounds.timeoutMs * bounds.attempts
  let timer: NodeJS.Timeout | undefined
  let token: string
  try {
    token = await Promise.race([
      getIDToken(audience),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${limit / 1000} s`)), limit)
        timer.unref()
      })
    ])
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ').replace(/^Error message: /, '')
    throw new UserError(`trusted publishing: the runner gave no OIDC ID token (${reason.trim()})`, {
      key: 'password',
      hint: 'give the job `permissions: id-token: write`, or set password to an API token'
    })
  } finally {
    if (timer) clearTimeout(timer)
  }
  reporter.setSecret(token)
  return token
}

/** The claims of a JWT, read without verifying it (for messages only). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1]
  if (!payload) return {}
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

// ---------------------------------------------------------------- token exchange

/** What to do about each error code of `/_/oidc/mint-token`. */
export const MINT_ERROR_HINTS: Readonly<Record<string, string>> = {
  'invalid-payload':
    'the index could not read the ID token: it is malformed, or comes from an issuer the index does not trust',
  'not-enabled': 'trusted publishing is turned off on this index: set password to an API token',
  'invalid-token':
    'the ID token failed verification: it expired (ID tokens last minutes; re-run the job) or was made for another audience than the index expects',
  'invalid-publisher':
    'no trusted publisher on the index matches this job: register one for this repository, workflow file name and environment in the project settings (Publishing)',
  'invalid-pending-publisher':
    'a pending publisher matched, but a project of that name already exists: add the trusted publisher to that project instead',
  'invalid-reuse-token': 'this ID token was used before: re-run the job to get a fresh one'
}

const CLAIMS_SHOWN: readonly string[] = [
  'sub',
  'repository',
  'repository_owner',
  'repository_owner_id',
  'workflow_ref',
  'job_workflow_ref',
  'ref',
  'environment'
]

/** The message for a refused token exchange (422 with `errors`). */
export function describeMintRefusal(
  errors: readonly { code?: unknown; description?: unknown }[],
  claims: Record<string, unknown>
): string {
  const lines = errors.map(error => {
    const code = typeof error.code === 'string' ? error.code : 'unknown'
    const description = typeof error.description === 'string' ? error.description : ''
    const hint = MINT_ERROR_HINTS[code]
    return `  - ${code}: ${description}${hint ? ` → ${hint}` : ''}`
  })
  const shown = CLAIMS_SHOWN.map(
    name => `${name}=${claims[name] === undefined ? 'MISSING' : String(claims[name])}`
  ).join(', ')
  return `trusted publishing: the index refused the token exchange:\n${lines.join('\n')}\n  the ID token's claims: ${shown}\n`
}

/** Reads the upload token from the reply to `POST {base}/_/oidc/mint-token`, or throws why not. */
export function mintedTokenFromReply(
  base: string,
  reply: HttpReply,
  claims: Record<string, unknown>
): string {
  const data = parseJson(reply.body) as
    { token?: unknown; success?: unknown; errors?: unknown; message?: unknown } | undefined
  if (reply.status === 200) {
    if (typeof data?.token === 'string' && data.token !== '') return data.token
    throw new UserError(
      'trusted publishing: the index answered the token exchange without a token',
      {
        key: 'repository-url',
        hint: 'the index gave an invalid response: wait and re-run, or use an API token'
      }
    )
  }
  if (data && Array.isArray(data.errors) && data.errors.length > 0) {
    throw new UserError(describeMintRefusal(data.errors as { code?: unknown }[], claims), {
      key: 'password',
      hint: 'see the reasons above; the trusted-publishing troubleshooting guide of the index (https://docs.pypi.org/trusted-publishers/troubleshooting/ for PyPI) explains each'
    })
  }
  throw new UserError(
    `trusted publishing: ${base}/_/oidc/mint-token answered ${status(reply)}${data?.message ? ` (${String(data.message)})` : ` (${snippet(reply.body)})`}`,
    {
      key: 'repository-url',
      hint: 'the index may be having problems (for PyPI see https://status.python.org): wait and re-run'
    }
  )
}

export async function mintToken(
  base: string,
  idToken: string,
  reporter: Reporter,
  bounds: Bounds
): Promise<string> {
  const reply = await request(
    `${base}/_/oidc/mint-token`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token: idToken })
    },
    'the index token exchange',
    bounds
  )
  const token = mintedTokenFromReply(base, reply, jwtClaims(idToken))
  reporter.setSecret(token)
  return token
}

/** The whole flow: audience → ID token → upload token. */
export async function trustedPublishingToken(
  base: string,
  env: Env,
  reporter: Reporter,
  bounds: Bounds
): Promise<string> {
  assertIdTokenService(env)
  const audience = await fetchAudience(base, bounds)
  const idToken = await fetchIdToken(env, audience, reporter, bounds)
  const token = await mintToken(base, idToken, reporter, bounds)
  reporter.info(
    `trusted publishing: exchanged an ID token (audience ${audience}) for an upload token`
  )
  return token
}
