/**
 * An sdist given as package-dir is untrusted input. It is read by Python's
 * `tarfile` (the parser pip and cibuildwheel use), never by the text of a
 * `tar` listing, which differs between GNU tar and bsdtar. Its members are
 * then checked: no absolute member, no `..`, no link that points outside the
 * sdist's own directory, no link at the top, and nothing but files, dirs and
 * links (no device, fifo or socket). Pure: the reader's JSON in, refusals out;
 * `sdist-unpack.ts` runs the reader.
 */

/** One member of the archive, as tarfile read it. */
export interface Member {
  /** `-` file, `d` dir, `l` symlink, `h` hard link, `c`/`b` device, `p` fifo, `?` other. */
  readonly type: string
  readonly name: string
  /** A link's target, as stored. */
  readonly target?: string
}

/** What the reader reports of a whole archive. */
export interface Listing {
  /** sha256 of the bytes read: the extraction reads the same bytes or refuses. */
  readonly sha256: string
  readonly members: readonly Member[]
  /** What tarfile's `data` filter refuses, in its own words. */
  readonly filtered: readonly string[]
}

/** The reader's JSON, checked for shape (a reader that says anything else is refused). */
export function parseListing(text: string): Listing {
  const listing = JSON.parse(text) as Listing
  if (
    typeof listing?.sha256 !== 'string' ||
    !Array.isArray(listing.members) ||
    !Array.isArray(listing.filtered) ||
    !listing.members.every(m => typeof m?.name === 'string' && typeof m.type === 'string')
  ) {
    throw new Error('the archive reader printed an unexpected listing')
  }
  return listing
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

/** Every refusal of a listing: ours, then the data filter's for members we let pass. */
export function refusals(listing: Listing): string[] {
  const ours = unsafeMembers(listing.members)
  return ours.length > 0 ? ours : [...listing.filtered]
}
