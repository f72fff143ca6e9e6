/** The files an index already has: PEP 503 and PEP 691 pages, against a loopback index. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existingFiles, parseSimplePage } from '../../src/publish/existing.js'

const BOUNDS = { timeoutMs: 5000, attempts: 2, backoffMs: 10 }
import { listen } from '../../__fixtures__/standins/http.js'

describe('parseSimplePage', () => {
  test('PEP 503 HTML (pypiserver), with and without hashes', () => {
    const html = `<html><body><h1>Links for spam-ext</h1>
      <a href="../../packages/spam_ext-1.0.0.tar.gz#sha256=${'AB'.repeat(32)}">spam_ext-1.0.0.tar.gz</a><br>
      <a href="/packages/spam_ext-1.0.0-py3-none-any.whl" data-requires-python="&gt;=3.9">spam_ext-1.0.0-py3-none-any.whl</a>
      <a href="https://files.example/x/spam_ext-0.9.tar.gz#md5=00"></a></body></html>`
    expect([...parseSimplePage(html, 'text/html; charset=utf-8')]).toEqual([
      ['spam_ext-1.0.0.tar.gz', 'ab'.repeat(32)],
      ['spam_ext-1.0.0-py3-none-any.whl', undefined],
      ['spam_ext-0.9.tar.gz', undefined]
    ])
  })

  test('PEP 691 JSON', () => {
    const json = JSON.stringify({
      meta: { 'api-version': '1.1' },
      name: 'spam-ext',
      files: [
        { filename: 'spam_ext-1.0.0.tar.gz', url: 'x', hashes: { sha256: 'CD'.repeat(32) } },
        { filename: 'b.whl', hashes: {} }
      ]
    })
    expect([...parseSimplePage(json, 'application/vnd.pypi.simple.v1+json')]).toEqual([
      ['spam_ext-1.0.0.tar.gz', 'cd'.repeat(32)],
      ['b.whl', undefined]
    ])
  })
})

describe('existingFiles (against a loopback index)', () => {
  let server: Awaited<ReturnType<typeof listen>>
  const seen: { path: string; auth?: string; accept?: string }[] = []
  beforeAll(async () => {
    server = await listen((req, res) => {
      seen.push({
        path: req.url ?? '',
        auth: req.headers.authorization,
        accept: req.headers.accept
      })
      if (req.url === '/simple/spam-ext/') {
        res.writeHead(200, { 'Content-Type': 'text/html' })
        return res.end(
          '<a href="/p/spam_ext-1.0.0.tar.gz#sha256=' +
            '0'.repeat(64) +
            '">spam_ext-1.0.0.tar.gz</a>'
        )
      }
      if (req.url === '/simple/moved/') {
        res.writeHead(303, { Location: '/simple/spam-ext/' })
        return res.end()
      }
      if (req.url === '/simple/elsewhere/') {
        res.writeHead(303, { Location: 'https://pypi.org/simple/elsewhere/' })
        return res.end()
      }
      if (req.url === '/simple/broken/') {
        res.writeHead(500)
        return res.end()
      }
      res.writeHead(404)
      res.end()
    })
  })
  afterAll(() => server.close())

  test('lists the files, asking for JSON first and sending credentials when given', async () => {
    const files = await existingFiles({
      simpleUrl: `${server.origin}/simple/`,
      project: 'spam-ext',
      authorization: 'Basic eDp5',
      bounds: BOUNDS
    })
    expect([...files.keys()]).toEqual(['spam_ext-1.0.0.tar.gz'])
    expect(seen.at(-1)).toMatchObject({
      auth: 'Basic eDp5',
      accept: 'application/vnd.pypi.simple.v1+json, text/html;q=0.2'
    })
  })

  test.each([
    ['unknown', []],
    ['moved', ['spam_ext-1.0.0.tar.gz']],
    ['elsewhere', []]
  ])(
    'project %s (404, same-host redirect, redirect to another host) → %j',
    async (project, names) => {
      const files = await existingFiles({
        simpleUrl: `${server.origin}/simple/`,
        project,
        bounds: BOUNDS
      })
      expect([...files.keys()]).toEqual(names)
    }
  )

  test('a failing index is tried again, then an error the caller can report', async () => {
    const before = seen.length
    await expect(
      existingFiles({ simpleUrl: `${server.origin}/simple/`, project: 'broken', bounds: BOUNDS })
    ).rejects.toThrow(/answered 500/)
    expect(seen.length - before).toBe(BOUNDS.attempts)
  })
})
