/** Finding distributions on disk and hashing them. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { isDistributionFile } from './names.js'

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** Every wheel and sdist under `dir` (recursively), sorted; none when it does not exist. */
export function distributionsUnder(dir: string): string[] {
  const found: string[] = []
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && isDistributionFile(entry.name)) found.push(full)
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return found.sort()
}
