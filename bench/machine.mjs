// What the benchmark records about where and when it ran, and how busy the
// machine was (it may be shared, so ratios are measured side by side).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'

export const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** The share of all cores busy over the next `ms` milliseconds (from /proc/stat; 0 elsewhere). */
export async function busyShare(ms = 1000) {
  if (!fs.existsSync('/proc/stat')) return 0
  const sample = () => {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
    const n = fields.map(Number)
    return { idle: n[3] + n[4], total: n.reduce((a, b) => a + b, 0) }
  }
  const a = sample()
  await sleep(ms)
  const b = sample()
  return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total)
}

/**
 * Waits (up to `seconds`) until other work on the machine leaves the cores
 * mostly idle, so that it does not land on one side of a comparison only.
 * Returns the share that was busy just before the run.
 */
export async function settle(seconds) {
  let busy = await busyShare()
  for (let waited = 0; busy > 0.2 && waited < seconds; waited += 4) {
    await sleep(3000)
    busy = await busyShare()
  }
  return busy
}

/** The machine: CPU, cores, memory, OS and Node.js. */
export function machineInfo() {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version
  }
}

/** The commit measured, and whether the tree had changes to what the bench runs. */
export function commitInfo(root) {
  const git = args => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' })
  const head = git(['rev-parse', '--short=12', 'HEAD'])
  if (head.status !== 0) return { commit: 'unknown', dirty: false }
  const measured = ['src', 'dist', 'bench', 'resources', ':(exclude)bench/results.json']
  const changes = git(['status', '--porcelain', '--', ...measured])
  return { commit: head.stdout.trim(), dirty: changes.stdout.trim() !== '' }
}

const CLOCK_TICKS = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  return Number(result.stdout.trim()) || 100
})()

/**
 * CPU seconds so far: of this process's waited-for descendants (`own`:
 * /proc/self/stat cutime and cstime; a child's descendants count once it has
 * waited for them), and all the machine's busy time (`busy`: /proc/stat).
 * Undefined where there is no /proc.
 */
export function cpuSnapshot() {
  if (!fs.existsSync('/proc/self/stat')) return undefined
  const stat = fs.readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
  const own = (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS
  const [, ...cpu] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const n = cpu.map(Number)
  const busy = (n.reduce((a, b) => a + b, 0) - n[3] - n[4]) / CLOCK_TICKS
  return { own, busy }
}

/**
 * What a run between two snapshots used: the CPU seconds of its process tree,
 * and the share of the machine's cores that other work kept busy meanwhile.
 */
export function cpuBetween(before, after, wallSeconds) {
  if (!before || !after) return { cpuSeconds: undefined, othersShare: undefined }
  const cpuSeconds = after.own - before.own
  const others = Math.max(0, after.busy - before.busy - cpuSeconds)
  return { cpuSeconds, othersShare: others / (wallSeconds * os.availableParallelism()) }
}
