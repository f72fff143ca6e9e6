/**
 * twine, as wheelwright runs it: argv arrays that never carry a credential
 * (the password goes through TWINE_PASSWORD), the child's environment, and
 * the reading of its output (which files were skipped, why an upload failed).
 */
import { isCredential } from '../util/credentials.js'
import type { Env } from '../model/env.js'

export interface UploadSettings {
  readonly repositoryUrl: string
  readonly username: string
  readonly password: string
  /** Pass --skip-existing (only PyPI and TestPyPI accept it in twine ≥ 6.2). */
  readonly skipExisting: boolean
  /** Pass --attestations; the *.publish.attestation files are among `files`. */
  readonly attestations: boolean
  /** Pass --verbose. */
  readonly verbose?: boolean
}

export function twineCheckArgv(python: string, files: readonly string[]): string[] {
  return [python, '-m', 'twine', 'check', ...files]
}

export function twineUploadArgv(
  python: string,
  files: readonly string[],
  settings: Pick<UploadSettings, 'skipExisting' | 'attestations' | 'verbose'>
): string[] {
  return [
    python,
    '-m',
    'twine',
    'upload',
    '--non-interactive',
    '--disable-progress-bar',
    ...(settings.skipExisting ? ['--skip-existing'] : []),
    ...(settings.attestations ? ['--attestations'] : []),
    ...(settings.verbose ? ['--verbose'] : []),
    ...files
  ]
}

/** Variables a user's environment may hold that would redirect or re-credential twine. */
const TWINE_OVERRIDES =
  /^(TWINE_(USERNAME|PASSWORD|REPOSITORY|REPOSITORY_URL|NON_INTERACTIVE)|PYPIRC)$/

/** The environment of a Python tool child: the runner's, without credentials. */
export function toolEnv(env: Env): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || isCredential(name) || TWINE_OVERRIDES.test(name)) continue
    result[name] = value
  }
  return {
    ...result,
    PYTHONUNBUFFERED: '1',
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    NO_COLOR: '1',
    // rich wraps at the terminal width; keep file names on one line.
    COLUMNS: '400'
  }
}

/** twine's environment for an upload: credentials only here. */
export function twineUploadEnv(env: Env, settings: UploadSettings): Record<string, string> {
  return {
    ...toolEnv(env),
    TWINE_REPOSITORY_URL: settings.repositoryUrl,
    TWINE_USERNAME: settings.username,
    TWINE_PASSWORD: settings.password,
    TWINE_NON_INTERACTIVE: '1'
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/** twine's output without colour codes and rich's padding. */
export function cleanOutput(text: string): string {
  return text
    .replace(ANSI, '')
    .split('\n')
    .map(line => line.trimEnd())
    .join('\n')
}

/** The file names twine skipped because the index already had them. */
export function skippedFiles(output: string): string[] {
  const flat = cleanOutput(output).replace(/\s+/g, ' ')
  return [...flat.matchAll(/Skipping (\S+) because it appears to already exist/g)].map(m => m[1])
}

export interface UploadFailure {
  readonly message: string
  readonly hint: string
  /** The index failed or could not be reached: another try may succeed. */
  readonly transient?: boolean
}

/** Turns twine's failure output into one message and a hint. */
export function explainUploadFailure(output: string): UploadFailure {
  const text = cleanOutput(output)
  const http = /HTTPError: (\d{3}) ([^\n]*?)(?: from (\S+))?\n/.exec(`${text}\n`)
  const detail = (() => {
    const lines = text.split('\n').map(l => l.trim())
    const at = lines.findIndex(l => l.startsWith('ERROR'))
    return at >= 0
      ? lines
          .slice(at)
          .filter(l => l !== '')
          .join(' ')
          .replace(/^ERROR\s+/, '')
      : (lines.filter(l => l !== '').pop() ?? 'twine failed')
  })()
  const status = http ? Number(http[1]) : undefined
  const already =
    /already exists?|file exists|has already been uploaded/i.test(text) || status === 409
  if (already) {
    return {
      message: `the index already has a file of this release (${detail})`,
      hint: 'files on an index cannot be replaced: set skip-existing: true to make re-runs safe, or release a new version'
    }
  }
  if (status === 401 || status === 403) {
    return {
      message: `the index refused the credentials (${detail})`,
      hint: 'check that password is an API token valid for this project (username __token__), or that the trusted publisher on the index matches this repository, workflow and environment; minted tokens expire after 15 minutes'
    }
  }
  if (status === 400) {
    return {
      message: `the index rejected an upload (${detail})`,
      hint: 'the reason is in the response above; common causes are a file that already exists (set skip-existing: true), an invalid version, or a Linux wheel without a manylinux/musllinux tag'
    }
  }
  if (status !== undefined && status >= 500) {
    return {
      message: `the index failed (${detail})`,
      hint: 'this is a server-side problem: wait and re-run with skip-existing: true',
      transient: true
    }
  }
  if (/UnsupportedConfiguration/.test(text)) {
    return {
      message: `twine refused the configuration (${detail})`,
      hint: 'twine supports --skip-existing only on PyPI and TestPyPI'
    }
  }
  if (
    /ConnectionError|Max retries exceeded|NewConnectionError|Name or service not known/i.test(text)
  ) {
    return {
      message: `cannot reach the index (${detail})`,
      hint: 'check repository-url and the network',
      // Nothing listening, or a name that does not resolve: a wrong URL, not a slow index.
      transient:
        !/Connection refused|Name or service not known|nodename nor servname|Failed to resolve|NameResolutionError/i.test(
          text
        )
    }
  }
  return { message: `twine upload failed (${detail})`, hint: 'see the twine output above' }
}
