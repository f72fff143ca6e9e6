/**
 * An index that accepts every connection and never answers an upload: a
 * lookup (GET) gets a quick 404, as from an index that does not know the
 * project yet, and a POST is read and then left hanging. It records each
 * request; close() drops the hanging ones.
 */
import type http from 'node:http'
import { listen } from './http.js'

export interface SilentIndex {
  /** The upload URL (repository-url). */
  readonly url: string
  readonly requests: { readonly method: string; readonly path: string }[]
  close(): Promise<void>
}

export async function startSilentIndex(): Promise<SilentIndex> {
  const requests: { method: string; path: string }[] = []
  const hanging = new Set<http.ServerResponse>()
  const { origin, close } = await listen((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' })
    if (req.method === 'GET') {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
      return
    }
    req.resume()
    hanging.add(res)
  })
  return {
    url: `${origin}/legacy/`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy()
      await close()
    }
  }
}
