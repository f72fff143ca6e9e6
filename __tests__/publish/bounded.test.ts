/** Bounded waits: each try times out, failures worth another try get one, and the error names the URL. */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { boundedRequest, NoAnswerError, pauseBefore, retriable } from '../../src/publish/bounded.js'
import { listen } from '../../__fixtures__/standins/http.js'

const BOUNDS = { timeoutMs: 300, attempts: 3, backoffMs: 10 }

describe('the rules', () => {
  test.each([
    [500, true],
    [503, true],
    [429, true],
    [404, false],
    [403, false],
    [200, false]
  ])('status %d is tried again: %s', (status, expected) => {
    expect(retriable(status)).toBe(expected)
  })

  test('pauses double after the first', () => {
    expect([1, 2, 3, 4].map(n => pauseBefore(n, { backoffMs: 2000 }))).toEqual([
      0, 2000, 4000, 8000
    ])
  })
})

describe('against loopback servers', () => {
  let server: Awaited<ReturnType<typeof listen>>
  const hits = new Map<string, number>()
  let silent: net.Server
  let silentPort = 0
  const sockets = new Set<net.Socket>()

  beforeAll(async () => {
    server = await listen((req, res) => {
      const seen = (hits.get(req.url ?? '') ?? 0) + 1
      hits.set(req.url ?? '', seen)
      if (req.url === '/flaky' && seen < 3) res.writeHead(503, 'Service Unavailable')
      else if (req.url === '/down') res.writeHead(502, 'Bad Gateway')
      else res.writeHead(req.url === '/missing' ? 404 : 200)
      res.end('body')
    })
    silent = net.createServer(socket => sockets.add(socket))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as net.AddressInfo).port
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await Promise.all([server.close(), new Promise(resolve => silent.close(resolve))])
  })

  test('a 503 is tried again until it answers', async () => {
    const reply = await boundedRequest(`${server.origin}/flaky`, {}, BOUNDS, 'asking')
    expect(reply.status).toBe(200)
    expect(reply.body).toBe('body')
    expect(hits.get('/flaky')).toBe(3)
  })

  test('a 404 is an answer, given at once', async () => {
    expect((await boundedRequest(`${server.origin}/missing`, {}, BOUNDS, 'asking')).status).toBe(
      404
    )
    expect(hits.get('/missing')).toBe(1)
  })

  test('a 502 on every try: the last reply', async () => {
    expect((await boundedRequest(`${server.origin}/down`, {}, BOUNDS, 'asking')).status).toBe(502)
    expect(hits.get('/down')).toBe(3)
  })

  test('no answer at all: an error within the bounds, naming the URL without its userinfo', async () => {
    const started = Date.now()
    const error = await boundedRequest(
      `http://me:secret@127.0.0.1:${silentPort}/simple/x/`,
      {},
      BOUNDS,
      'listing the files of x'
    ).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(3 * 300 + 30 + 1000)
    expect(error).toBeInstanceOf(NoAnswerError)
    expect((error as NoAnswerError).timedOut).toBe(true)
    expect((error as Error).message).toBe(
      `index-timeout: listing the files of x: http://***@127.0.0.1:${silentPort}/simple/x/: no answer within 0.3 s (3 tries). Hint: check that repository-url is the index, and the network; a slow index needs a longer index-timeout (seconds per request)`
    )
    expect((error as Error).message).not.toContain('secret')
  })

  test('nothing listening: one try, an error naming repository-url', async () => {
    const closed = net.createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as net.AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    const error = (await boundedRequest(`http://127.0.0.1:${port}/`, {}, BOUNDS, 'asking').catch(
      (e: unknown) => e
    )) as NoAnswerError
    expect(error.timedOut).toBe(false)
    expect(error.message).toContain(
      `repository-url: asking: http://127.0.0.1:${port}/: ECONNREFUSED (1 try)`
    )
  })
})
