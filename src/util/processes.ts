/**
 * Stopping what a step leaves behind: its process group (SIGTERM, SIGKILL
 * after a grace period), and on Linux the processes that left the group
 * (`setsid`, a double fork) but still carry the step's marker variable in
 * their environment (`/proc/<pid>/environ`). A zombie is no longer running:
 * it counts as gone (on a machine whose init does not reap, zombies stay).
 */
import fs from 'node:fs'

/** A process found still running: its pid and command line. */
export interface Leftover {
  readonly pid: number
  readonly command: string
}

/** How long a SIGKILL may take to show (the process leaves the table, or becomes a zombie). */
const KILL_WAIT_MS = 1000

const until = async (done: () => boolean, ms: number) => {
  const deadline = Date.now() + ms
  while (!done() && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20))
}

const numeric = (dir: string) => {
  try {
    return fs.readdirSync(dir).filter(name => /^\d+$/.test(name))
  } catch {
    return []
  }
}

/** `/proc/<pid>/stat`: the state letter and the process group, or undefined when gone. */
function statOf(pid: string, proc: string): { state: string; pgrp: number } | undefined {
  try {
    const stat = fs.readFileSync(`${proc}/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0], pgrp: Number(fields[2]) }
  } catch {
    return undefined
  }
}

const running = (pid: string, proc: string) => {
  const stat = statOf(pid, proc)
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X'
}

/** Whether any process of group `pgid` is still running (zombies aside, where /proc tells). */
export function groupAlive(pgid: number, proc = '/proc'): boolean {
  try {
    process.kill(-pgid, 0)
  } catch {
    return false
  }
  if (!fs.existsSync(`${proc}/self/stat`)) return true
  return numeric(proc).some(pid => {
    const stat = statOf(pid, proc)
    return stat?.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X'
  })
}

/** SIGTERM to group `pgid`, SIGKILL to what is left of it after `graceMs`. */
export async function stopGroup(pgid: number, graceMs: number): Promise<void> {
  try {
    process.kill(-pgid, 'SIGTERM')
  } catch {
    return
  }
  await until(() => !groupAlive(pgid), graceMs)
  try {
    process.kill(-pgid, 'SIGKILL')
  } catch {
    return
  }
  await until(() => !groupAlive(pgid), KILL_WAIT_MS)
}

/** The running processes (this one aside) whose environment holds `NAME=value`. */
export function processesWith(assignment: string, proc = '/proc'): Leftover[] {
  const found: Leftover[] = []
  const needle = Buffer.from(`\0${assignment}\0`)
  for (const pid of numeric(proc)) {
    if (Number(pid) === process.pid) continue
    let environ: Buffer
    try {
      environ = Buffer.concat([Buffer.alloc(1), fs.readFileSync(`${proc}/${pid}/environ`)])
    } catch {
      continue // gone meanwhile, or not ours to read
    }
    if (!environ.includes(needle) || !running(pid, proc)) continue
    let command = ''
    try {
      command = fs.readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    } catch {
      // Gone meanwhile.
    }
    found.push({ pid: Number(pid), command: command.slice(0, 120) })
  }
  return found
}

/** SIGTERM to each, SIGKILL to those still running after `graceMs`. */
export async function stopProcesses(
  leftovers: readonly Leftover[],
  graceMs: number,
  proc = '/proc'
): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    for (const { pid } of leftovers) {
      if (!running(String(pid), proc)) continue
      try {
        process.kill(pid, sig)
      } catch {
        // Gone meanwhile.
      }
    }
  }
  const gone = () => !leftovers.some(p => running(String(p.pid), proc))
  signal('SIGTERM')
  await until(gone, graceMs)
  signal('SIGKILL')
  await until(gone, KILL_WAIT_MS)
}
