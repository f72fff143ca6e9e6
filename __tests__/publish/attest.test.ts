/**
 * Attestations never fail a release: whatever stops them (the tools cannot
 * be installed, no ID token, Sigstore unreachable) becomes one warning.
 * The tools module is replaced through jest.unstable_mockModule (ESM).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { startOidcStandIn, type OidcStandIn } from '../../__fixtures__/standins/oidc.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { tempDir } from '../helpers/tools.js'

const attestationPython = jest.fn<() => Promise<string>>()
jest.unstable_mockModule('../../src/publish/tools.js', () => ({
  attestationPython,
  publishPython: jest.fn(),
  PUBLISH_PYTHON_OVERRIDE: 'WHEELWRIGHT_PUBLISH_PYTHON'
}))
const { makeAttestations, attestationPath, signArgv } = await import('../../src/publish/attest.js')

let oidc: OidcStandIn
// @actions/core's getIDToken reads the request URL and token from the process environment.
const saved = { ...process.env }
beforeAll(async () => {
  oidc = await startOidcStandIn()
  Object.assign(process.env, oidc.env())
})
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  await oidc.close()
})

function fakePython(script: string): string {
  const file = path.join(tempDir('fakepy'), 'python')
  fs.writeFileSync(file, `#!/bin/bash\n${script}\n`, { mode: 0o755 })
  return file
}

const request = (env: Record<string, string>, reporter = recordingReporter()) => ({
  files: ['/d/spam_ext-1.0.0.tar.gz'],
  outDir: tempDir('att'),
  tools: { env, cacheDir: '/nowhere', reporter },
  bounds: { timeoutMs: 5000, attempts: 1, backoffMs: 0 }
})

describe('makeAttestations', () => {
  test('tools that cannot be installed: a warning, no attestations', async () => {
    attestationPython.mockRejectedValueOnce(new Error('no index'))
    const reporter = recordingReporter()
    expect(await makeAttestations(request(oidc.env(), reporter))).toEqual([])
    expect(reporter.texts('warning')).toEqual([
      'attestations (PEP 740) could not be made: pypi-attestations could not be installed (no index). The files are uploaded without them; set attestations: false to stop trying'
    ])
  })

  test('no ID token for sigstore: a warning', async () => {
    attestationPython.mockResolvedValueOnce('/bin/true')
    const reporter = recordingReporter()
    expect(await makeAttestations(request({}, reporter))).toEqual([])
    expect(reporter.texts('warning')[0]).toMatch(
      /could not be made: no ID token for Sigstore \(password: is empty/
    )
  })

  test('Sigstore unreachable: the signer fails, a warning with its last line; the token went by environment', async () => {
    const seen = path.join(tempDir('seen'), 'env')
    attestationPython.mockResolvedValueOnce(
      fakePython(
        `env > ${seen}; printf '%s\\n' "$@" >> ${seen}; echo 'TUFError: Failed to refresh TUF metadata' >&2; exit 1`
      )
    )
    const reporter = recordingReporter()
    expect(await makeAttestations(request(oidc.env(), reporter))).toEqual([])
    expect(reporter.texts('warning')[0]).toContain(
      'signing through Sigstore failed (TUFError: Failed to refresh TUF metadata)'
    )
    const token = oidc.issued.at(-1) as string
    const recorded = fs.readFileSync(seen, 'utf8')
    expect(recorded).toContain(`WHEELWRIGHT_SIGSTORE_ID_TOKEN=${token}`)
    expect(
      recorded
        .split('\n')
        .filter(l => !l.startsWith('WHEELWRIGHT_SIGSTORE_ID_TOKEN='))
        .join('\n')
    ).not.toContain(token)
    expect(recorded).not.toContain(oidc.requestToken)
    expect(reporter.texts('secret')).toContain(token)
    expect(oidc.requests.at(-1)?.path).toContain('audience=sigstore')
  })

  test('a signer that writes the files: their paths are returned', async () => {
    const req = request(oidc.env())
    attestationPython.mockResolvedValueOnce(
      fakePython(
        'out="$3"; shift 3; for f in "$@"; do echo "{}" > "$out/$(basename "$f").publish.attestation"; done'
      )
    )
    expect(await makeAttestations(req)).toEqual([
      attestationPath(req.outDir, '/d/spam_ext-1.0.0.tar.gz')
    ])
  })
})

describe('argv never carries a credential', () => {
  test('attestation signing', () => {
    const argv = signArgv('/py', '/out', ['/d/a.whl'])
    expect(argv.join(' ')).not.toContain('pypi-AgEIcHlwaS5vcmcSECRET')
    expect(argv.join(' ')).not.toContain('upload.pypi.org')
  })
})
