/** Small pieces shared by the loopback stand-ins: listen on 127.0.0.1:0, read bodies, reply. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => unknown
): Promise<{ server: http.Server; origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch(error => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ code: 'internal', msg: String(error) }))
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text)
  })
  res.end(text)
}

/** An unsigned (alg none) or HMAC-signed JWT. */
export function makeJwt(payload: Record<string, unknown>, sign?: (data: string) => string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const head = part({ alg: sign ? 'HS256' : 'none', typ: 'JWT' })
  const body = part(payload)
  return `${head}.${body}.${sign ? sign(`${head}.${body}`) : ''}`
}
