/**
 * Hostile sdists for the fault suite, crafted with Python's tarfile so that
 * members can be what tar would never write from a real tree: absolute
 * names, `..`, links out of the tree, devices.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

interface Member {
  readonly name: string
  readonly type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'fifo' | 'chardev'
  readonly target?: string
  readonly content?: string
}

export interface HostileSdist {
  readonly name: string
  readonly members?: readonly Member[]
  /** Raw bytes instead of a tar.gz. */
  readonly raw?: string
  /** Bytes cut off the end of the tar.gz. */
  readonly truncate?: number
  readonly message: RegExp
}

const TOP = 'spam_ext-1.0.0'

export const HOSTILE_SDISTS: readonly HostileSdist[] = [
  {
    name: 'an absolute member',
    members: [{ name: '/tmp/ww-evil-absolute', content: 'x' }],
    message: /package-dir: is refused.*\/tmp\/ww-evil-absolute/
  },
  {
    name: 'a member that climbs out with ..',
    members: [{ name: `${TOP}/../../ww-evil-dotdot`, content: 'x' }],
    message: /package-dir: is refused.*ww-evil-dotdot/
  },
  {
    name: 'a symbolic link to a host directory',
    members: [{ name: `${TOP}/etc`, type: 'symlink', target: '/etc' }],
    message: /package-dir: is refused.*link to \/etc/
  },
  {
    name: 'a relative symbolic link out of the tree',
    members: [{ name: `${TOP}/up`, type: 'symlink', target: '../../..' }],
    message: /package-dir: is refused.*up/
  },
  {
    name: 'a symbolic link to /etc/passwd',
    members: [{ name: `${TOP}/passwd`, type: 'symlink', target: '/etc/passwd' }],
    message: /package-dir: is refused.*passwd: a link to \/etc\/passwd, outside the sdist/
  },
  {
    name: 'a symbolic link to ../../../../etc',
    members: [{ name: `${TOP}/etc`, type: 'symlink', target: '../../../../etc' }],
    message:
      /package-dir: is refused.*etc: a link to \.\.\/\.\.\/\.\.\/\.\.\/etc, outside the sdist/
  },
  {
    name: 'a gzip stream cut short',
    members: [{ name: `${TOP}/README`, content: 'x'.repeat(4000) }],
    truncate: 40,
    message: /package-dir: could not be read in full as a \.tar\.gz/
  },
  {
    name: 'a hard link to a file outside',
    members: [{ name: `${TOP}/passwd`, type: 'hardlink', target: '/etc/passwd' }],
    message: /package-dir: is refused.*passwd/
  },
  {
    name: 'a link at the top',
    members: [{ name: TOP, type: 'symlink', target: '/tmp' }],
    message: /package-dir: is refused.*a link at the top/
  },
  {
    name: 'a device node',
    members: [{ name: `${TOP}/null`, type: 'chardev' }],
    message: /package-dir: is refused.*null/
  },
  {
    name: 'no gzip at all',
    raw: 'this is not a tarball',
    message: /package-dir.*spam_ext-1\.0\.0\.tar\.gz/
  },
  {
    name: 'no members',
    members: [],
    message: /package-dir: is not an sdist: expected one top-level directory/
  },
  {
    name: 'no pyproject.toml or setup.py',
    members: [{ name: `${TOP}/README`, content: 'hi' }],
    message: /pyproject\.toml|setup\.py/
  }
]

const WRITER = `
import io, json, sys, tarfile
spec = json.load(sys.stdin)
with tarfile.open(sys.argv[1], 'w:gz') as tar:
    for m in spec:
        info = tarfile.TarInfo(m['name'])
        # Owned as on a developer's Mac, as many uploaded sdists are.
        info.uid, info.gid, info.uname, info.gname = 501, 20, 'builder', 'staff'
        kind = m.get('type', 'file')
        data = None
        if kind == 'file':
            data = m.get('content', '').encode()
            info.size = len(data)
        elif kind == 'dir':
            info.type = tarfile.DIRTYPE
        elif kind == 'symlink':
            info.type, info.linkname = tarfile.SYMTYPE, m['target']
        elif kind == 'hardlink':
            info.type, info.linkname = tarfile.LNKTYPE, m['target']
        elif kind == 'fifo':
            info.type = tarfile.FIFOTYPE
        elif kind == 'chardev':
            info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 1, 3
        tar.addfile(info, io.BytesIO(data) if data is not None else None)
`

/** Writes `hostile` as `file`, with the project's pyproject.toml and setup.py in it. */
export function writeSdist(file: string, hostile: HostileSdist, project: string): void {
  if (hostile.raw !== undefined) {
    fs.writeFileSync(file, hostile.raw)
    return
  }
  const base: Member[] =
    hostile.members && hostile.members.length > 0 && hostile.members[0].name !== TOP
      ? ['pyproject.toml', 'setup.py'].map(name => ({
          name: `${TOP}/${name}`,
          content: fs.readFileSync(path.join(project, name), 'utf8')
        }))
      : []
  const spec = hostile.name.startsWith('no pyproject')
    ? hostile.members
    : [...base, ...(hostile.members ?? [])]
  const made = spawnSync('python3', ['-c', WRITER, file], { input: JSON.stringify(spec) })
  if (made.status !== 0) throw new Error(`could not write ${file}: ${made.stderr}`)
  if (hostile.truncate) fs.truncateSync(file, fs.statSync(file).size - hostile.truncate)
}
