/**
 * PEP 740 attestations, made when trusted publishing is in use: a second ID
 * token (audience `sigstore`), then pypi-attestations signs each file through
 * Sigstore (Fulcio certificate, Rekor entry). Anything that stops them
 * (no Sigstore access, no package index to install from) is a warning: the
 * upload goes ahead without attestations, never fails because of them.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Env } from '../model/env.js'
import type { Reporter } from '../report/log.js'
import { exec, type ChildTracker } from '../util/exec.js'
import type { Bounds } from './bounded.js'
import { fetchIdToken } from './oidc.js'
import { attestationPython, type ToolsContext } from './tools.js'
import { toolEnv } from './twine.js'

export const SIGSTORE_AUDIENCE = 'sigstore'
const TOKEN_VARIABLE = 'WHEELWRIGHT_SIGSTORE_ID_TOKEN'

/** Signs argv[2:] and writes `<out>/<file name>.publish.attestation` (argv[1] is out). */
const SIGN_SCRIPT = `
import os, sys
from pathlib import Path
try:
    from pypi_attestations import Attestation, Distribution
    from sigstore.models import ClientTrustConfig
    from sigstore.oidc import IdentityToken
    from sigstore.sign import SigningContext
    out = Path(sys.argv[1])
    identity = IdentityToken(os.environ["${TOKEN_VARIABLE}"])
    config = ClientTrustConfig.production()
    config.force_tlog_version = 1
    context = SigningContext.from_trust_config(config)
    with context.signer(identity, cache=True) as signer:
        for name in sys.argv[2:]:
            attestation = Attestation.sign(signer, Distribution.from_file(Path(name)))
            target = out / (Path(name).name + ".publish.attestation")
            target.write_text(attestation.model_dump_json())
            print("attested", Path(name).name)
except Exception as error:
    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
`

export function attestationPath(outDir: string, file: string): string {
  return path.join(outDir, `${path.basename(file)}.publish.attestation`)
}

export function signArgv(python: string, outDir: string, files: readonly string[]): string[] {
  return [python, '-c', SIGN_SCRIPT, outDir, ...files]
}

export function attestationWarning(reason: string): string {
  return `attestations (PEP 740) could not be made: ${reason}. The files are uploaded without them; set attestations: false to stop trying`
}

export interface AttestRequest {
  readonly files: readonly string[]
  readonly outDir: string
  readonly env: Env
  readonly reporter: Reporter
  readonly tools: ToolsContext
  readonly bounds: Bounds
  readonly children?: ChildTracker
}

/** The attestation files, or none (with a warning) when they cannot be made. */
export async function makeAttestations(request: AttestRequest): Promise<string[]> {
  const { reporter } = request
  const fail = (reason: string): string[] => {
    reporter.warning(attestationWarning(reason))
    return []
  }
  let python: string
  try {
    python = await attestationPython(request.tools)
  } catch (error) {
    return fail(`pypi-attestations could not be installed (${(error as Error).message})`)
  }
  let token: string
  try {
    token = await fetchIdToken(request.env, SIGSTORE_AUDIENCE, reporter, request.bounds)
  } catch (error) {
    return fail(`no ID token for Sigstore (${(error as Error).message})`)
  }
  fs.mkdirSync(request.outDir, { recursive: true })
  const result = await exec(signArgv(python, request.outDir, request.files), {
    env: { ...toolEnv(request.env), [TOKEN_VARIABLE]: token },
    timeoutMs: 300_000,
    ...(request.children ? { children: request.children } : {})
  }).catch((error: Error) => ({ code: 1, output: error.message, signal: null }))
  if (result.code !== 0) {
    const last =
      result.output
        .trim()
        .split('\n')
        .filter(line => line.trim() !== '')
        .pop() ?? `exit ${result.signal ?? result.code}`
    return fail(`signing through Sigstore failed (${last.trim()})`)
  }
  const made = request.files.map(file => attestationPath(request.outDir, file))
  const missing = made.filter(file => !fs.existsSync(file))
  if (missing.length > 0)
    return fail(`no attestation was written for ${missing.map(f => path.basename(f)).join(', ')}`)
  reporter.info(
    `attestations: signed ${made.length} file${made.length === 1 ? '' : 's'} through Sigstore`
  )
  return made
}
