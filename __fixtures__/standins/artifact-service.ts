/**
 * A loopback stand-in for GitHub's artifact service (results service v4+), as
 * @actions/artifact 6 speaks to it:
 *
 * - Twirp JSON: `POST /twirp/github.actions.results.api.v1.ArtifactService/{Method}`
 *   with `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`, whose JWT `scp` claim
 *   holds `Actions.Results:<run>:<job>`; snake_case fields; int64 as strings;
 *   Twirp errors `{code, msg}` (a duplicate name in a run is 409 already_exists).
 * - Signed blob URLs that accept Azure block-blob uploads (`PUT ...&comp=block&blockid=`,
 *   blocks in any order, then `PUT ...&comp=blocklist` with the XML list) and
 *   serve the committed bytes with their content type.
 *
 * FinalizeArtifact checks size and sha256 against the committed blob; listing is per run.
 */
import crypto from 'node:crypto'
import type http from 'node:http'
import { listen, makeJwt, readBody, sendJson } from './http.js'

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface StoredArtifact {
  id: number
  run: string
  job: string
  name: string
  mimeType: string
  expiresAt?: string
  version?: number
  blocks: Map<string, Buffer>
  blob?: Buffer
  finalized: boolean
  size?: number
  digest?: string
  createdAt?: string
  /** Names the upload URL of this (pending) artifact. */
  uploadKey: string
  uploadSig: string
  downloadSig: string
}

export interface TwirpCall {
  readonly method: string
  readonly body: Record<string, unknown>
}

export interface ArtifactStandIn {
  readonly url: string
  readonly runtimeToken: string
  readonly run: string
  readonly artifacts: StoredArtifact[]
  readonly calls: TwirpCall[]
  /** ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL for a job of this run. */
  env(job?: string): Record<string, string>
  /** A runtime token for another job of the same run. */
  tokenFor(job: string): string
  close(): Promise<void>
}

function twirpError(res: http.ServerResponse, status: number, code: string, msg: string): void {
  sendJson(res, status, { code, msg })
}

export async function startArtifactStandIn(): Promise<ArtifactStandIn> {
  const run = crypto.randomUUID()
  const artifacts: StoredArtifact[] = []
  const calls: TwirpCall[] = []
  let nextId = 1000
  const tokens = new Map<string, string>()
  const tokenFor = (job: string) => {
    let token = tokens.get(job)
    if (!token) {
      token = makeJwt({
        scp: `Actions.GenericRead:${crypto.randomUUID()} Actions.Results:${run}:${job} Actions.UploadArtifacts:${run}:${job}`,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 3600
      })
      tokens.set(job, token)
    }
    return token
  }
  const idsOf = (token: string): { run: string; job: string } | undefined => {
    for (const [job, t] of tokens) if (t === token) return { run, job }
    return undefined
  }

  let origin = ''
  const served = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = await readBody(req)

    if (url.pathname.startsWith(SERVICE)) {
      if (req.method !== 'POST') return twirpError(res, 405, 'bad_route', 'POST only')
      const auth = req.headers.authorization ?? ''
      const caller = auth.startsWith('Bearer ') ? idsOf(auth.slice(7)) : undefined
      if (!caller)
        return twirpError(res, 401, 'unauthenticated', 'missing or unknown runtime token')
      if (!String(req.headers['content-type']).startsWith('application/json'))
        return twirpError(res, 415, 'malformed', 'JSON only')
      let input: Record<string, unknown>
      try {
        input = JSON.parse(body.toString('utf8')) as Record<string, unknown>
      } catch {
        return twirpError(res, 400, 'malformed', 'body is not JSON')
      }
      const method = url.pathname.slice(SERVICE.length)
      calls.push({ method, body: input })
      // Reads may name another job of the run (the ids of a listed artifact),
      // and so may a delete (overwrite sends the listed artifact's ids);
      // creating and finalizing must name the caller's own job.
      const writes = ['CreateArtifact', 'FinalizeArtifact'].includes(method)
      if (
        input.workflow_run_backend_id !== caller.run ||
        (writes && input.workflow_job_run_backend_id !== caller.job)
      ) {
        return twirpError(res, 403, 'permission_denied', 'backend ids do not match the token')
      }
      const live = artifacts.filter(a => a.run === caller.run && a.finalized)
      switch (method) {
        case 'CreateArtifact': {
          const name = String(input.name ?? '')
          if (!name) return twirpError(res, 400, 'invalid_argument', 'name is required')
          if (live.some(a => a.name === name)) {
            return twirpError(
              res,
              409,
              'already_exists',
              'an artifact with this name already exists on the workflow run'
            )
          }
          const artifact: StoredArtifact = {
            id: 0,
            run: caller.run,
            job: caller.job,
            name,
            mimeType: typeof input.mime_type === 'string' ? input.mime_type : 'application/zip',
            ...(typeof input.expires_at === 'string' ? { expiresAt: input.expires_at } : {}),
            ...(typeof input.version === 'number' ? { version: input.version } : {}),
            blocks: new Map(),
            finalized: false,
            uploadKey: crypto.randomBytes(8).toString('hex'),
            uploadSig: crypto.randomBytes(16).toString('hex'),
            downloadSig: crypto.randomBytes(16).toString('hex')
          }
          const pending = artifacts.findIndex(
            a => a.run === caller.run && a.name === name && !a.finalized
          )
          if (pending >= 0) artifacts.splice(pending, 1)
          artifacts.push(artifact)
          return sendJson(res, 200, {
            ok: true,
            signed_upload_url: `${origin}/blob/upload/${artifact.uploadKey}/${encodeURIComponent(name)}.zip?sv=2024-01-01&sig=${artifact.uploadSig}`
          })
        }
        case 'FinalizeArtifact': {
          const artifact = artifacts.find(
            a => a.run === caller.run && a.name === input.name && !a.finalized
          )
          if (!artifact)
            return twirpError(res, 404, 'not_found', 'no pending artifact of that name')
          if (!artifact.blob)
            return twirpError(res, 400, 'failed_precondition', 'blob not committed')
          const size = Number(input.size)
          const digest = `sha256:${crypto.createHash('sha256').update(artifact.blob).digest('hex')}`
          if (size !== artifact.blob.length) {
            return twirpError(
              res,
              400,
              'invalid_argument',
              `size ${size} != ${artifact.blob.length}`
            )
          }
          if (input.hash !== undefined && input.hash !== digest) {
            return twirpError(
              res,
              400,
              'invalid_argument',
              `hash ${String(input.hash)} != ${digest}`
            )
          }
          artifact.finalized = true
          artifact.id = ++nextId
          artifact.size = size
          artifact.digest = digest
          artifact.createdAt = new Date().toISOString()
          return sendJson(res, 200, { ok: true, artifact_id: String(artifact.id) })
        }
        case 'ListArtifacts': {
          const nameFilter = input.name_filter
          const idFilter = input.id_filter
          const list = live
            .filter(a => nameFilter === undefined || a.name === nameFilter)
            .filter(a => idFilter === undefined || String(a.id) === String(idFilter))
            .map(a => ({
              workflow_run_backend_id: a.run,
              workflow_job_run_backend_id: a.job,
              database_id: String(a.id),
              name: a.name,
              size: String(a.size),
              created_at: a.createdAt,
              digest: a.digest
            }))
          return sendJson(res, 200, { artifacts: list })
        }
        case 'GetSignedArtifactURL': {
          const artifact = live.find(
            a => a.name === input.name && a.job === input.workflow_job_run_backend_id
          )
          if (!artifact) return twirpError(res, 404, 'not_found', 'artifact not found')
          return sendJson(res, 200, {
            signed_url: `${origin}/blob/download/${artifact.id}/${encodeURIComponent(artifact.name)}.zip?sv=2024-01-01&sig=${artifact.downloadSig}`
          })
        }
        case 'DeleteArtifact': {
          const at = artifacts.findIndex(
            a => a.run === caller.run && a.finalized && a.name === input.name
          )
          if (at < 0) return twirpError(res, 404, 'not_found', 'artifact not found')
          const [removed] = artifacts.splice(at, 1)
          return sendJson(res, 200, { ok: true, artifact_id: String(removed.id) })
        }
        default:
          return twirpError(res, 404, 'bad_route', `no method ${method}`)
      }
    }

    const upload = /^\/blob\/upload\/([0-9a-f]+)\/[^/]+$/.exec(url.pathname)
    if (upload && req.method === 'PUT') {
      const artifact = artifacts.find(a => a.uploadKey === upload[1])
      if (!artifact || artifact.finalized || url.searchParams.get('sig') !== artifact.uploadSig) {
        res.writeHead(403, { 'Content-Type': 'application/xml' })
        return res.end(
          '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code></Error>'
        )
      }
      const headers = {
        'x-ms-request-id': crypto.randomUUID(),
        'x-ms-version': '2024-01-01',
        'x-ms-request-server-encrypted': 'true',
        Date: new Date().toUTCString()
      }
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        const id = url.searchParams.get('blockid')
        if (!id) {
          res.writeHead(400, { 'Content-Type': 'application/xml' })
          return res.end('<Error><Code>InvalidQueryParameterValue</Code></Error>')
        }
        artifact.blocks.set(id, body)
        res.writeHead(201, headers)
        return res.end()
      }
      if (comp === 'blocklist') {
        const ids = [
          ...body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)
        ].map(m => m[2])
        const missing = ids.filter(id => !artifact.blocks.has(id))
        if (missing.length > 0) {
          res.writeHead(400, { 'Content-Type': 'application/xml' })
          return res.end('<Error><Code>InvalidBlockList</Code></Error>')
        }
        artifact.blob = Buffer.concat(ids.map(id => artifact.blocks.get(id) as Buffer))
        const type = req.headers['x-ms-blob-content-type']
        if (typeof type === 'string' && type) artifact.mimeType = type
        res.writeHead(201, {
          ...headers,
          ETag: `"0x${crypto.randomBytes(8).toString('hex')}"`,
          'Last-Modified': new Date().toUTCString()
        })
        return res.end()
      }
      if (req.headers['x-ms-blob-type'] === 'BlockBlob') {
        artifact.blob = body
        res.writeHead(201, headers)
        return res.end()
      }
      res.writeHead(400, { 'Content-Type': 'application/xml' })
      return res.end('<Error><Code>InvalidQueryParameterValue</Code></Error>')
    }

    const download = /^\/blob\/download\/(\d+)\/[^/]+$/.exec(url.pathname)
    if (download && req.method === 'GET') {
      const artifact = artifacts.find(a => a.finalized && String(a.id) === download[1])
      if (!artifact?.blob || url.searchParams.get('sig') !== artifact.downloadSig) {
        res.writeHead(404, { 'Content-Type': 'application/xml' })
        return res.end('<Error><Code>BlobNotFound</Code></Error>')
      }
      res.writeHead(200, {
        'Content-Type': artifact.mimeType,
        'Content-Length': artifact.blob.length
      })
      return res.end(artifact.blob)
    }
    return twirpError(res, 404, 'bad_route', `no route ${req.method} ${url.pathname}`)
  })
  origin = served.origin
  return {
    url: `${origin}/`,
    runtimeToken: tokenFor('job-1'),
    run,
    artifacts,
    calls,
    env: (job = 'job-1') => ({
      ACTIONS_RUNTIME_TOKEN: tokenFor(job),
      ACTIONS_RESULTS_URL: `${origin}/`
    }),
    tokenFor,
    close: served.close
  }
}
