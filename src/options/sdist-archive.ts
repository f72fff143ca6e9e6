/**
 * An sdist given as package-dir is untrusted input. Before it is unpacked,
 * its listing (`tar -tvz`, in the C locale) is checked: no absolute member,
 * no `..`, no link that points outside the sdist's own directory, no link
 * at the top, and nothing but files, dirs and links (no device, fifo or
 * socket). Pure: listing in, refusals out.
 */

/** One member of a `tar -tv` listing. */
export interface Member {
  /** `-` file, `d` dir, `l` symlink, `h` hard link, ... */
  readonly type: string
  readonly name: string
  /** A link's target, as stored. */
  readonly target?: string
}

/** Parses GNU tar's verbose listing (C locale). */
export function parseListing(listing: string): Member[] {
  const members: Member[] = []
  for (const line of listing.split('\n')) {
    // The size column of a device is `major,minor`.
    const match = /^(\S)\S*\s+\S+\s+(?:\d+|\d+,\s*\d+)\s+\S+\s+\S+\s(.*)$/.exec(line)
    if (!match) continue
    const [, type, rest] = match
    const arrow =
      type === 'l' ? rest.indexOf(' -> ') : type === 'h' ? rest.indexOf(' link to ') : -1
    if (arrow < 0) members.push({ type, name: rest })
    else
      members.push({
        type,
        name: rest.slice(0, arrow),
        target: rest.slice(arrow + (type === 'l' ? 4 : 9))
      })
  }
  return members
}

const PLAIN_TYPES: readonly string[] = ['-', 'd', 'l', 'h']
const SPECIAL_TYPES: Readonly<Record<string, string>> = {
  c: 'character device',
  b: 'block device',
  p: 'fifo',
  s: 'socket'
}

const parts = (name: string) => name.split('/').filter(p => p !== '' && p !== '.')

/** Why each unsafe member is refused (empty when the archive is safe to unpack). */
export function unsafeMembers(members: readonly Member[]): string[] {
  const problems: string[] = []
  for (const m of members) {
    const name = parts(m.name)
    if (m.name.startsWith('/')) problems.push(`${m.name}: an absolute path`)
    else if (!PLAIN_TYPES.includes(m.type))
      problems.push(`${m.name}: a ${SPECIAL_TYPES[m.type] ?? 'special file'}, not a plain file`)
    else if (name.includes('..')) problems.push(`${m.name}: leaves the sdist through ..`)
    else if (m.target !== undefined && name.length <= 1)
      problems.push(`${m.name}: a link at the top of the sdist`)
    else if (m.target !== undefined) {
      const base = m.type === 'l' ? name.slice(0, -1) : []
      const resolved: string[] = []
      let outside = m.target.startsWith('/')
      for (const part of [...base, ...parts(m.target)]) {
        if (part === '..') {
          if (resolved.pop() === undefined) outside = true
        } else resolved.push(part)
      }
      // A link must stay inside the sdist's own top directory.
      if (outside || resolved[0] !== name[0])
        problems.push(`${m.name}: a link to ${m.target}, outside the sdist`)
    }
  }
  return problems
}
