/**
 * A real index for the publish tests: pypiserver (from the tools venv) on
 * 127.0.0.1 at a free port, uploads protected by an htpasswd file made with
 * passlib. Passwords reach passlib on stdin, never in an argv.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { tempDir, venvTool } from '../../__tests__/helpers/tools.js'

export interface IndexServer {
  /** The upload URL (repository-url). */
  readonly url: string
  /** The simple index for pip (`--index-url`). */
  readonly simple: string
  readonly packagesDir: string
  /** File names the server holds. */
  files(): string[]
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const HTPASSWD_SCRIPT = `
import json, sys
from passlib.apache import HtpasswdFile
users = json.load(sys.stdin)
file = HtpasswdFile(sys.argv[1], new=True)
for name, password in users.items():
    file.set_password(name, password)
file.save()
`

export async function startPypiServer(users: Record<string, string>): Promise<IndexServer> {
  const dir = tempDir('pypiserver')
  const packagesDir = path.join(dir, 'packages')
  fs.mkdirSync(packagesDir)
  const htpasswd = path.join(dir, 'htpasswd')
  const made = spawnSync(venvTool('python'), ['-c', HTPASSWD_SCRIPT, htpasswd], {
    input: JSON.stringify(users),
    encoding: 'utf8'
  })
  if (made.status !== 0) throw new Error(`passlib could not write ${htpasswd}: ${made.stderr}`)

  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    const child: ChildProcess = spawn(
      venvTool('pypi-server'),
      [
        'run',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--passwords',
        htpasswd,
        '--authenticate',
        'update',
        '--disable-fallback',
        '--server',
        'wsgiref',
        packagesDir
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    let log = ''
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    const url = `http://127.0.0.1:${port}/`
    const deadline = Date.now() + 20_000
    let ready = false
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const response = await fetch(`${url}simple/`)
        if (response.ok) {
          ready = true
          break
        }
      } catch {
        // not listening yet
      }
      await new Promise(resolve => setTimeout(resolve, 150))
    }
    if (!ready) {
      child.kill('SIGKILL')
      if (attempt < 2) continue
      throw new Error(`pypiserver did not start on ${url}:\n${log}`)
    }
    return {
      url,
      simple: `${url}simple/`,
      packagesDir,
      files: () => fs.readdirSync(packagesDir).sort(),
      close: () =>
        new Promise<void>(resolve => {
          if (child.exitCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        })
    }
  }
}
