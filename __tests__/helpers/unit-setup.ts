/**
 * Once per unit run: puts the directory of the interpreter that `python3` runs
 * first on PATH, so that the many short Python children of the unit tests
 * start it directly instead of through a version manager's shim (pyenv's
 * costs 0.4 s a call). The interpreter is the same one either way.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

export default function setup(): void {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8'
  })
  const executable = found.status === 0 ? found.stdout.trim() : ''
  if (!executable) return
  const dir = path.dirname(executable)
  const PATH = process.env.PATH ?? ''
  if (PATH.split(path.delimiter)[0] !== dir) process.env.PATH = [dir, PATH].join(path.delimiter)
}
