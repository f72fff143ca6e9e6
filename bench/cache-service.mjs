// A stand-in of the Actions cache service on loopback, for the benchmark's
// two-job run: the REST protocol that @actions/cache speaks when
// ACTIONS_CACHE_URL is set (and ACTIONS_CACHE_SERVICE_V2 is not), with the
// service's rules: a lookup takes the keys in order, each an exact key, else
// the newest committed entry whose key starts with it, of the same version; a
// key can be reserved once; an entry is served only once committed. Archives
// live in `dir`. It records what it served, so the benchmark can check that
// the second job restored what the first one saved.
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

const API = '/_apis/artifactcache/'

/** Starts the stand-in; resolves with {url, env, log, close}. */
export function startCacheService(dir) {
  fs.mkdirSync(dir, { recursive: true })
  const entries = new Map() // id -> {key, version, committed, order, file, size}
  const log = []
  let nextId = 1
  let order = 0
  let base = ''

  const json = (res, status, body) => {
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(text)
  }
  const readBody = req =>
    new Promise((resolve, reject) => {
      const chunks = []
      req.on('data', c => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks)))
      req.on('error', reject)
    })

  const lookup = (keys, version) => {
    const committed = [...entries.values()].filter(e => e.committed && e.version === version)
    for (const key of keys) {
      const exact = committed.find(e => e.key === key)
      if (exact) return exact
      const newest = committed
        .filter(e => e.key.startsWith(key))
        .sort((a, b) => b.order - a.order)[0]
      if (newest) return newest
    }
    return undefined
  }

  const handle = async (req, res) => {
    const url = new URL(req.url, base)
    // The API wants the runtime token; an archive URL stands for a signed one.
    if (url.pathname.startsWith(API) && !req.headers.authorization?.startsWith('Bearer '))
      return json(res, 401, { message: 'no token' })
    if (req.method === 'GET' && url.pathname === `${API}cache`) {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean)
      const found = lookup(keys, url.searchParams.get('version'))
      log.push({ op: 'lookup', keys, hit: found?.key })
      if (!found) return json(res, 204)
      return json(res, 200, {
        cacheKey: found.key,
        scope: 'refs/heads/main',
        archiveLocation: `${base}archives/${found.id}`
      })
    }
    if (req.method === 'POST' && url.pathname === `${API}caches`) {
      const { key, version } = JSON.parse((await readBody(req)).toString('utf8'))
      if ([...entries.values()].some(e => e.key === key && e.version === version))
        return json(res, 409, { message: `Cache already exists: ${key}` })
      const id = nextId++
      const file = path.join(dir, `${id}.archive`)
      fs.writeFileSync(file, '')
      entries.set(id, { id, key, version, committed: false, file })
      return json(res, 201, { cacheId: id })
    }
    const upload = new RegExp(`^${API}caches/(\\d+)$`).exec(url.pathname)
    if (upload) {
      const entry = entries.get(Number(upload[1]))
      if (!entry || entry.committed) return json(res, 404, { message: 'no such reservation' })
      if (req.method === 'PATCH') {
        const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '')
        const body = await readBody(req)
        if (!range || Number(range[2]) - Number(range[1]) + 1 !== body.length)
          return json(res, 400, { message: `bad Content-Range: ${req.headers['content-range']}` })
        const fd = fs.openSync(entry.file, 'r+')
        fs.writeSync(fd, body, 0, body.length, Number(range[1]))
        fs.closeSync(fd)
        return json(res, 204)
      }
      if (req.method === 'POST') {
        const { size } = JSON.parse((await readBody(req)).toString('utf8'))
        const actual = fs.statSync(entry.file).size
        if (size !== actual)
          return json(res, 400, { message: `committed size ${size}, uploaded ${actual}` })
        Object.assign(entry, { committed: true, order: order++, size })
        log.push({ op: 'save', key: entry.key, bytes: size })
        return json(res, 204)
      }
    }
    const archive = /^\/archives\/(\d+)$/.exec(url.pathname)
    if (req.method === 'GET' && archive) {
      const entry = entries.get(Number(archive[1]))
      if (!entry?.committed) return json(res, 404, { message: 'no such archive' })
      log.push({ op: 'download', key: entry.key, bytes: entry.size })
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(entry.size)
      })
      return void fs.createReadStream(entry.file).pipe(res)
    }
    json(res, 404, { message: `no route: ${req.method} ${url.pathname}` })
  }

  const server = http.createServer((req, res) =>
    handle(req, res).catch(error => json(res, 500, { message: String(error) }))
  )
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${server.address().port}/`
      resolve({
        url: base,
        log,
        /** What a job's environment needs to reach this stand-in. */
        env: { ACTIONS_CACHE_URL: base, ACTIONS_RUNTIME_TOKEN: 'bench-runtime-token' },
        close: () => new Promise(done => server.close(() => done()))
      })
    })
  })
}
