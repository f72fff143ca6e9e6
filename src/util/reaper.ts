/**
 * What a run leaves behind if it is killed outright (SIGKILL, an OOM kill):
 * its children's process groups, its containers, its temp dirs. A small
 * watcher process, in a session of its own and deaf to SIGINT/SIGTERM/SIGHUP,
 * is told of each as it appears and goes; when its stdin closes (this
 * process ended, however) it stops the groups still listed (SIGTERM, then
 * SIGKILL after a grace period), runs the cleanups still listed (e.g.
 * `podman rm --force`), and removes the dirs. A run that ends normally has
 * dropped everything by then, so the watcher exits at once.
 *
 * Messages go over the watcher's stdin, never argv, as a cleanup's
 * environment may be sensitive. The watcher is this same Node binary.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { Writable } from 'node:stream'

const WATCHER = `
const { spawnSync } = require('child_process')
const fs = require('fs')
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {})
const groups = new Set(), markers = new Map(), cleanups = new Map(), dirs = new Map()
const grace = Number(process.argv[1]) || 3000
let buffer = '', reaping = false
const handle = m => {
  if (m.watch) groups.add(m.watch)
  if (m.watch && m.marker) markers.set(m.watch, m.marker)
  if (m.unwatch) groups.delete(m.unwatch)
  if (m.unwatch) markers.delete(m.unwatch)
  if (m.cleanup) cleanups.set(m.cleanup, m)
  if (m.drop) cleanups.delete(m.drop)
  if (m.remove) dirs.set(m.remove, String(m.pid))
  if (m.keep) dirs.delete(m.keep)
}
const signal = sig => {
  for (const g of [...groups]) {
    try { process.kill(-g, sig) } catch { groups.delete(g) }
  }
}
// The processes that left their group but carry a step's marker (Linux).
const killMarked = () => {
  if (markers.size === 0) return
  let pids = []
  try { pids = fs.readdirSync('/proc').filter(p => /^\\d+$/.test(p)) } catch {}
  const wanted = [...markers.values()].map(m => '\\0' + m + '\\0')
  for (const pid of pids) {
    let environ
    try { environ = '\\0' + fs.readFileSync('/proc/' + pid + '/environ', 'latin1') } catch { continue }
    if (wanted.some(w => environ.includes(w))) try { process.kill(Number(pid), 'SIGKILL') } catch {}
  }
}
const reap = () => {
  if (reaping) return
  reaping = true
  signal('SIGTERM')
  const deadline = Date.now() + grace
  const poll = setInterval(() => {
    signal(0)
    if (groups.size > 0 && Date.now() < deadline) return
    clearInterval(poll)
    signal('SIGKILL')
    killMarked()
    for (const c of cleanups.values())
      spawnSync(c.argv[0], c.argv.slice(1), { stdio: 'ignore', env: c.env, timeout: 60000 })
    for (const [d, pid] of dirs) {
      // A dir a new run has taken over (its .owner names that run) is not ours to remove.
      let owner
      try { owner = fs.readFileSync(d + '/.owner', 'utf8').trim() } catch {}
      if (owner === undefined || owner === pid) fs.rmSync(d, { recursive: true, force: true })
    }
    process.exit(0)
  }, 50)
}
process.stdin.setEncoding('utf8')
process.stdin.on('data', data => {
  buffer += data
  for (let i = buffer.indexOf('\\n'); i >= 0; i = buffer.indexOf('\\n')) {
    try { handle(JSON.parse(buffer.slice(0, i))) } catch {}
    buffer = buffer.slice(i + 1)
  }
})
process.stdin.on('end', reap)
process.stdin.on('error', reap)
`

type Message =
  | { watch: number; marker?: string }
  | { unwatch: number }
  | { cleanup: string; argv: readonly string[]; env: NodeJS.ProcessEnv }
  | { drop: string }
  | { remove: string; pid: number }
  | { keep: string }

/** The watcher of one wheelwright process; started on first use. */
export class Reaper {
  private child?: ChildProcess

  constructor(private readonly graceMs = 3000) {}

  private send(message: Message): void {
    if (process.platform === 'win32') return
    if (!this.child) {
      this.child = spawn(process.execPath, ['-e', WATCHER, String(this.graceMs)], {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore']
      })
      this.child.on('error', () => undefined)
      this.child.stdin!.on('error', () => undefined)
      // Neither the watcher nor its pipe keeps this process alive.
      this.child.unref()
      ;(this.child.stdin as Writable & { unref?: () => void }).unref?.()
    }
    this.child.stdin!.write(`${JSON.stringify(message)}\n`)
  }

  /**
   * The process group `pgid` is stopped if this process dies first, and on
   * Linux so are the processes whose environment holds `marker` (NAME=value),
   * the ones that left the group.
   */
  watch(pgid: number, marker?: string): void {
    this.send(marker ? { watch: pgid, marker } : { watch: pgid })
  }

  unwatch(pgid: number): void {
    this.send({ unwatch: pgid })
  }

  /** `argv` runs (with `env`) if this process dies before `drop(id)`. */
  cleanup(id: string, argv: readonly string[], env: NodeJS.ProcessEnv): void {
    this.send({ cleanup: id, argv, env })
  }

  drop(id: string): void {
    this.send({ drop: id })
  }

  /**
   * `dir` is removed if this process dies before `keep(dir)`, unless its
   * `.owner` file then names another process (a run that took it over).
   */
  remove(dir: string): void {
    this.send({ remove: dir, pid: process.pid })
  }

  keep(dir: string): void {
    this.send({ keep: dir })
  }

  /** This process is done: the watcher cleans up what is still listed, and exits. */
  close(): void {
    this.child?.stdin?.end()
    this.child = undefined
  }

  /** The pid of the watcher, once started (for tests). */
  get pid(): number | undefined {
    return this.child?.pid
  }
}
