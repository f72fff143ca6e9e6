/**
 * Pure URL facts derived from repository-url: the index that serves the
 * trusted-publishing endpoints, the simple index that lists existing files,
 * and whether the index is PyPI or TestPyPI.
 */
import { UserError } from '../util/errors.js'
import type { Env } from '../model/env.js'

/**
 * For testing only: the base URL of the trusted-publishing endpoints
 * (`{base}/_/oidc/audience`, `{base}/_/oidc/mint-token`), when they are not
 * served by the host of repository-url (a loopback stand-in).
 */
export const OIDC_INDEX_OVERRIDE = 'WHEELWRIGHT_OIDC_INDEX_URL'

interface KnownIndex {
  readonly uploadHost: string
  readonly web: string
  readonly name: 'pypi' | 'testpypi'
}

const KNOWN: readonly KnownIndex[] = [
  { uploadHost: 'upload.pypi.org', web: 'https://pypi.org', name: 'pypi' },
  { uploadHost: 'pypi.org', web: 'https://pypi.org', name: 'pypi' },
  { uploadHost: 'test.pypi.org', web: 'https://test.pypi.org', name: 'testpypi' },
  { uploadHost: 'upload.test.pypi.org', web: 'https://test.pypi.org', name: 'testpypi' }
]

export function parseRepositoryUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UserError('is not a URL', {
      key: 'repository-url',
      value: text,
      hint: 'for example https://upload.pypi.org/legacy/ or https://test.pypi.org/legacy/'
    })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError('must be an http(s) URL', {
      key: 'repository-url',
      value: text,
      hint: 'for example https://upload.pypi.org/legacy/'
    })
  }
  return url
}

function known(url: URL): KnownIndex | undefined {
  return KNOWN.find(k => k.uploadHost === url.hostname.toLowerCase())
}

/** `pypi`, `testpypi`, or undefined for any other index. */
export function pypiInstance(repositoryUrl: string): 'pypi' | 'testpypi' | undefined {
  return known(parseRepositoryUrl(repositoryUrl))?.name
}

/**
 * Where `/_/oidc/audience` and `/_/oidc/mint-token` live, without a trailing
 * slash: https://upload.pypi.org/legacy/ → https://pypi.org; any other index
 * → the origin of its upload URL.
 */
export function oidcIndexBase(repositoryUrl: string, env: Env = {}): string {
  const override = env[OIDC_INDEX_OVERRIDE]?.trim()
  if (override) {
    try {
      return new URL(override).href.replace(/\/+$/, '')
    } catch {
      throw new UserError('is not a URL', { key: OIDC_INDEX_OVERRIDE, value: override })
    }
  }
  const url = parseRepositoryUrl(repositoryUrl)
  return known(url)?.web ?? url.origin
}

/**
 * The PEP 503 simple index that lists the files of a project: PyPI's for
 * PyPI; otherwise `simple/` next to the upload path (a trailing `legacy/`
 * is replaced), which is where pypiserver and warehouse-like indexes serve it.
 */
export function simpleIndexUrl(repositoryUrl: string): string {
  const url = parseRepositoryUrl(repositoryUrl)
  const index = known(url)
  if (index) return `${index.web}/simple/`
  let pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
  pathname = pathname.replace(/legacy\/$/, '')
  return `${url.origin}${pathname}simple/`
}

/** The URL of one project's page in a simple index. */
export function projectPageUrl(simpleUrl: string, project: string): string {
  return `${simpleUrl.replace(/\/?$/, '/')}${encodeURIComponent(project)}/`
}

/** The URL with any user and password replaced by `***`, for logs and summaries. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text)
    if (!url.username && !url.password) return text
    url.username = '***'
    url.password = ''
    return url.toString()
  } catch {
    return text.replace(/\/\/[^/@\s]*@/, '//***@')
  }
}

/** The secrets a URL carries in its userinfo (raw and decoded), to mask before logging. */
export function urlSecrets(text: string | undefined): string[] {
  const match = text ? /^[a-z][a-z0-9+.-]*:\/\/([^/@\s]*)@/i.exec(text.trim()) : null
  if (!match) return []
  const userinfo = match[1]
  const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : userinfo
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  return [...new Set([userinfo, password, decode(password)].filter(s => s.length > 0))]
}
