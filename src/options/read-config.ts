/**
 * Reads a config file (pyproject.toml, a config-file, setup.cfg, setup.py, a
 * constraints file) before any work, bounded: it must be a regular file,
 * symlinks followed, of at most 1 MiB. A link to /dev/zero or a fifo (git can
 * store either) is refused at once, never read, and a file that grows while
 * it is read is cut off at the limit and refused.
 */
import fs from 'node:fs'
import { UserError } from '../util/errors.js'

export const CONFIG_FILE_LIMIT = 1024 * 1024

const KINDS: readonly [(stat: fs.Stats) => boolean, string][] = [
  [s => s.isDirectory(), 'a directory'],
  [s => s.isCharacterDevice(), 'a character device'],
  [s => s.isBlockDevice(), 'a block device'],
  [s => s.isFIFO(), 'a fifo'],
  [s => s.isSocket(), 'a socket']
]

const refuse = (what: string, key: string, file: string) =>
  new UserError(what, {
    key,
    value: file,
    hint: `a config file is a regular file of at most ${CONFIG_FILE_LIMIT / 1024 / 1024} MiB`
  })

/**
 * The text of `file`; undefined when nothing is there (a dangling symlink is
 * an error). `key` names the input or file in errors.
 */
export function readConfigFile(file: string, key: string): string | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat) {
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink())
      throw refuse(
        `is a symbolic link to ${fs.readlinkSync(file)}, which does not exist`,
        key,
        file
      )
    return undefined
  }
  const checked = (s: fs.Stats) => {
    const kind = KINDS.find(([test]) => test(s))?.[1]
    if (kind || !s.isFile()) throw refuse(`is ${kind ?? 'not a regular file'}`, key, file)
    if (s.size > CONFIG_FILE_LIMIT)
      throw refuse(`is ${(s.size / 1024 / 1024).toFixed(1)} MiB, too large`, key, file)
  }
  checked(stat)
  // Non-blocking: what was checked may have been swapped for a fifo meanwhile.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  try {
    checked(fs.fstatSync(fd))
    const buffer = Buffer.alloc(CONFIG_FILE_LIMIT + 1)
    let length = 0
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = fs.readSync(fd, buffer, length, buffer.length - length, null)
    if (length > CONFIG_FILE_LIMIT) throw refuse('grew past the size limit while read', key, file)
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    fs.closeSync(fd)
  }
}
