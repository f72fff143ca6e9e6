/**
 * Which files an index already has: read from its simple index (PEP 691 JSON
 * or PEP 503 HTML). twine's own --skip-existing only works on PyPI, so
 * wheelwright checks itself, before anything is uploaded.
 */
import { boundedRequest, type Bounds } from './bounded.js'
import { projectPageUrl } from './index-url.js'

/** File name → sha256 (when the index gives one). */
export type ExistingFiles = ReadonlyMap<string, string | undefined>

const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json'

/** Parses a project page of a simple index. */
export function parseSimplePage(
  body: string,
  contentType: string
): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>()
  if (contentType.includes('json')) {
    const data = JSON.parse(body) as {
      files?: { filename?: string; hashes?: { sha256?: string } }[]
    }
    for (const file of data.files ?? []) {
      if (file.filename) files.set(file.filename, file.hashes?.sha256?.toLowerCase())
    }
    return files
  }
  const anchor = /<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>([^<]*)<\/a>/gi
  for (const match of body.matchAll(anchor)) {
    const href = decodeEntities(match[1])
    const text = decodeEntities(match[2]).trim()
    const hashAt = href.indexOf('#')
    const fragment = hashAt >= 0 ? href.slice(hashAt + 1) : ''
    const sha = /(?:^|&)sha256=([0-9a-f]{64})/i.exec(fragment)?.[1]?.toLowerCase()
    const fromHref = decodeURIComponent(
      (hashAt >= 0 ? href.slice(0, hashAt) : href).replace(/\?.*$/, '').replace(/^.*\//, '')
    )
    const name = text || fromHref
    if (name) files.set(name, sha)
  }
  return files
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
}

export interface ExistingQuery {
  readonly simpleUrl: string
  readonly project: string
  /** Basic credentials, sent only when the simple index is on the upload host. */
  readonly authorization?: string
  readonly bounds: Bounds
}

/**
 * The files of `project` on the index; an empty map for a project the index
 * does not know (404). An index that never answers throws a UserError naming
 * the URL (bounded.ts); any other refusal throws a plain Error.
 */
export async function existingFiles(query: ExistingQuery): Promise<ExistingFiles> {
  let url = projectPageUrl(query.simpleUrl, query.project)
  const origin = new URL(url).origin
  const headers: Record<string, string> = {
    Accept: `${SIMPLE_JSON}, text/html;q=0.2`
  }
  if (query.authorization) headers.Authorization = query.authorization
  // Redirects are followed on the same host only: pypiserver sends unknown
  // projects to pypi.org, whose files are not on this index.
  for (let hop = 0; hop < 5; hop++) {
    const reply = await boundedRequest(
      url,
      { headers, redirect: 'manual' },
      query.bounds,
      `listing the files of ${query.project} on the index`
    )
    if (reply.status >= 300 && reply.status < 400) {
      const location = reply.headers.get('location')
      const next = location ? new URL(location, url) : undefined
      if (!next || next.origin !== origin) return new Map()
      url = next.href
      continue
    }
    if (reply.status === 404) return new Map()
    if (reply.status < 200 || reply.status >= 300)
      throw new Error(`${url} answered ${reply.status} ${reply.statusText}`)
    return parseSimplePage(reply.body, reply.headers.get('content-type') ?? '')
  }
  throw new Error(`${url}: too many redirects`)
}
