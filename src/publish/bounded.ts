/**
 * Bounded waits for every request to an index: each try has a timeout
 * (`index-timeout`), a try that gets no answer, a network error, a 5xx or a
 * 429 is tried again after a short pause, and after the last try the error
 * names the URL (its userinfo masked) and the input that sets the timeout.
 * An index that accepts the connection and never answers cannot hold a
 * release job for ever.
 */
import { UserError } from '../util/errors.js'
import { redactUrl } from './index-url.js'

export interface Bounds {
  /** Of each try. */
  readonly timeoutMs: number
  /** Tries in all (at least 1). */
  readonly attempts: number
  /** Pause before the second try; doubled before each further one. */
  readonly backoffMs: number
}

export const INDEX_ATTEMPTS = 3

export function indexBounds(timeoutSeconds: number, backoffMs = 2000): Bounds {
  return { timeoutMs: timeoutSeconds * 1000, attempts: INDEX_ATTEMPTS, backoffMs }
}

export interface Reply {
  readonly status: number
  readonly statusText: string
  readonly headers: Headers
  readonly body: string
}

/** Whether a reply is worth another try: the index is overloaded or failing. */
export function retriable(status: number): boolean {
  return status === 429 || status >= 500
}

/** The pause before try `n` (1-based; none before the first). */
export function pauseBefore(attempt: number, bounds: Pick<Bounds, 'backoffMs'>): number {
  return attempt <= 1 ? 0 : bounds.backoffMs * 2 ** (attempt - 2)
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Why a try failed without an answer, in words, and whether another try may get one. */
function noAnswer(error: unknown, timeoutMs: number): { reason: string; again: boolean } {
  const name = (error as { name?: string }).name
  if (name === 'TimeoutError' || name === 'AbortError')
    return { reason: `no answer within ${timeoutMs / 1000} s`, again: true }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const reason = cause?.code ?? cause?.message ?? (error as Error).message
  // Nothing listens there, or the name does not resolve: a wrong URL, not a slow index.
  return { reason, again: !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|bad port|Invalid URL/i.test(reason) }
}

/** No answer from the index after the last try; `timedOut` when it never answered in time. */
export class NoAnswerError extends UserError {
  constructor(
    message: string,
    details: ConstructorParameters<typeof UserError>[1],
    readonly timedOut: boolean
  ) {
    super(message, details)
  }
}

/** The error after the last try, naming the URL without its userinfo. */
export function exhausted(
  what: string,
  url: string,
  reason: string,
  bounds: Bounds,
  after = '',
  tries = bounds.attempts
): NoAnswerError {
  const count = tries === 1 ? '1 try' : `${tries} tries`
  const timedOut = reason.startsWith('no answer within')
  return new NoAnswerError(
    `${what}: ${redactUrl(url)}: ${reason} (${count})${after}`,
    {
      key: timedOut ? 'index-timeout' : 'repository-url',
      hint: timedOut
        ? 'check that repository-url is the index, and the network; a slow index needs a longer index-timeout (seconds per request)'
        : 'check repository-url and the network'
    },
    timedOut
  )
}

/**
 * fetch refuses a URL with userinfo: it travels as a Basic Authorization
 * header instead (unless the request has its own).
 */
export function withoutUserinfo(url: string, init: RequestInit): [string, RequestInit] {
  const parsed = new URL(url)
  if (!parsed.username && !parsed.password) return [url, init]
  const user = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  parsed.username = ''
  parsed.password = ''
  const headers = new Headers(init.headers)
  if (!headers.has('authorization'))
    headers.set('authorization', `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`)
  return [parsed.href, { ...init, headers }]
}

/**
 * One HTTP request, tried up to `bounds.attempts` times. Returns the last
 * reply that came back (any status), or throws when none came back in time.
 */
export async function boundedRequest(
  url: string,
  init: RequestInit,
  bounds: Bounds,
  what: string
): Promise<Reply> {
  let reason = 'no answer'
  let last: Reply | undefined
  let attempt = 1
  for (; attempt <= bounds.attempts; attempt++) {
    await sleep(pauseBefore(attempt, bounds))
    try {
      const [plain, withAuth] = withoutUserinfo(url, init)
      const response = await fetch(plain, {
        ...withAuth,
        signal: AbortSignal.timeout(bounds.timeoutMs)
      })
      const reply = {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body: await response.text()
      }
      if (!retriable(reply.status)) return reply
      last = reply
      reason = `${reply.status} ${reply.statusText}`.trim()
    } catch (error) {
      last = undefined
      const failed = noAnswer(error, bounds.timeoutMs)
      reason = failed.reason
      if (!failed.again) break
    }
  }
  if (last) return last
  throw exhausted(what, url, reason, bounds, '', Math.min(attempt, bounds.attempts))
}
