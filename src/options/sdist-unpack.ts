/**
 * Unpacks an sdist given as package-dir (untrusted) into a temp dir: the
 * host's Python reads it whole with tarfile, the members are checked
 * (sdist-archive.ts), and the same reader extracts the same bytes with the
 * `data` filter. Nothing else (no `tar`, whose listing differs between GNU
 * tar and bsdtar) reads the archive, so the check and the extraction cannot
 * disagree; an archive that cannot be read in full is refused.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exec, type ExecResult } from '../util/exec.js'
import { UserError } from '../util/errors.js'
import { parseListing, refusals, type Listing } from './sdist-archive.js'

/**
 * The reader, run with the host's Python: `list ARCHIVE` prints a Listing as
 * JSON; `extract ARCHIVE SHA256 DEST` unpacks with the `data` filter, only if
 * the archive's bytes still hash to SHA256. The archive is read whole, into
 * memory, and to its end (a truncated gzip stream, a bad CRC or trailing
 * garbage is an error): anything it cannot read in full is refused (exit 3).
 */
export const READER = `
import gzip, hashlib, io, json, os, sys, tarfile, zlib
if not hasattr(tarfile, 'data_filter'):
    sys.stderr.write('this Python (%s) has no tarfile data filter; Python 3.9.17, 3.10.12, 3.11.4, 3.12 or later has it' % sys.version.split()[0])
    sys.exit(4)
mode, archive = sys.argv[1], sys.argv[2]
KINDS = [('isreg', '-'), ('isdir', 'd'), ('issym', 'l'), ('islnk', 'h'), ('ischr', 'c'), ('isblk', 'b'), ('isfifo', 'p')]
def kind(m):
    return next((code for test, code in KINDS if getattr(m, test)()), '?')
def only_zeros(stream):
    # To the end of the gzip stream, whose CRC and length are checked there.
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return True
        if chunk.strip(bytes(1)):
            return False
def fail(text):
    sys.stderr.write(text)
    sys.exit(3)
try:
    with open(archive, 'rb') as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if mode == 'extract' and digest != sys.argv[3]:
        fail('the archive changed while it was read')
    try:
        tar = tarfile.open(fileobj=io.BytesIO(data), mode='r:gz', errorlevel=2)
    except tarfile.ReadError:
        # An archive of no members at all is readable, and refused later as no sdist.
        if not only_zeros(gzip.GzipFile(fileobj=io.BytesIO(data))):
            raise
        tar = None
    members = tar.getmembers() if tar else []
    # tarfile stops at a header it cannot read: whatever follows the last member must be padding.
    if tar:
        tar.fileobj.seek(tar.offset)
        if not only_zeros(tar.fileobj):
            fail('unreadable data after %d members (offset %d)' % (len(members), tar.offset))
    if mode == 'list':
        filtered = []
        for m in members:
            try:
                tarfile.data_filter(m, os.path.join(os.sep, 'sdist-check'))
            except tarfile.FilterError as e:
                filtered.append(str(e))
        json.dump({'sha256': digest, 'filtered': filtered, 'members': [
            {'name': m.name, 'type': kind(m), **({'target': m.linkname} if m.issym() or m.islnk() else {})}
            for m in members]}, sys.stdout)
    elif tar:
        tar.extractall(sys.argv[4], members=members, filter='data')
except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as e:
    fail('%s: %s' % (type(e).__name__, e))
`

/** The Python of this machine that reads archives (as the tools venv is made with). */
export const hostPython = (platform: string = process.platform) =>
  platform === 'win32' ? 'python' : 'python3'

const HINT = 'build the sdist with `python -m build --sdist`'

async function read(args: readonly string[], label: string): Promise<ExecResult> {
  const python = hostPython()
  const result = await exec([python, '-c', READER, ...args], {
    capture: true,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' }
  }).catch((error: unknown) => {
    throw new UserError(`cannot be read: ${python} was not found`, {
      key: 'package-dir',
      value: label,
      hint: `an sdist is read with Python's tarfile; put ${python} on PATH (${(error as Error).message})`
    })
  })
  if (result.code === 4) {
    throw new UserError(`cannot be read safely: ${result.stderr.trim()}`, {
      key: 'package-dir',
      value: label,
      hint: `put a newer ${python} first on PATH`
    })
  }
  if (result.code !== 0) {
    throw new UserError(
      `could not be read in full as a .tar.gz: ${result.stderr.trim().split('\n').pop()}`,
      { key: 'package-dir', value: label, hint: HINT }
    )
  }
  return result
}

/** Unpacks an sdist into a temp dir (under `tempRoot`) and returns its single top-level directory. */
export async function unpackSdist(
  file: string,
  label: string,
  tempRoot = os.tmpdir()
): Promise<string> {
  let listing: Listing
  const listed = await read(['list', file], label)
  try {
    listing = parseListing(listed.stdout)
  } catch (error) {
    throw new UserError(`could not be read: ${(error as Error).message}`, {
      key: 'package-dir',
      value: label,
      hint: HINT
    })
  }
  const problems = refusals(listing)
  if (problems.length > 0) {
    throw new UserError(`is refused: ${problems.slice(0, 5).join('; ')}`, {
      key: 'package-dir',
      value: label,
      hint: 'an sdist holds one directory of plain files; build it with `python -m build --sdist`'
    })
  }
  const dest = fs.mkdtempSync(path.join(tempRoot, 'wheelwright-sdist-'))
  try {
    await read(['extract', file, listing.sha256, dest], label)
    const entries = fs.readdirSync(dest)
    if (entries.length !== 1 || !fs.lstatSync(path.join(dest, entries[0])).isDirectory()) {
      throw new UserError('is not an sdist: expected one top-level directory', {
        key: 'package-dir',
        value: label
      })
    }
    const top = path.join(dest, entries[0])
    if (!['pyproject.toml', 'setup.py'].some(name => fs.existsSync(path.join(top, name)))) {
      throw new UserError(`is not an sdist: ${entries[0]} has no pyproject.toml or setup.py`, {
        key: 'package-dir',
        value: label,
        hint: HINT
      })
    }
    return top
  } catch (error) {
    fs.rmSync(dest, { recursive: true, force: true })
    throw error
  }
}
