/** Directories a run will write to, checked before any work starts. */
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from './errors.js'

/**
 * Refuses `dir` unless it is a directory, or can be created as one, and is
 * writable. Nothing is created here.
 */
export function checkWritableDir(dir: string, key: string): void {
  let probe = dir
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe)
  if (!fs.statSync(probe).isDirectory()) {
    throw new UserError(
      probe === dir ? 'is a file, not a directory' : `cannot be created: ${probe} is a file`,
      { key, value: dir, hint: 'give the path of a directory' }
    )
  }
  try {
    fs.accessSync(probe, fs.constants.W_OK)
  } catch {
    throw new UserError('is not writable', {
      key,
      value: dir,
      hint: `${probe} does not let this user write; choose another directory`
    })
  }
}
