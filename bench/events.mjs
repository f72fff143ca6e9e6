// Runs wheelwright with `--log-format json` and reads its event stream (see
// README, "CLI"): the benchmark never reads the log that people read, so a
// change of wording cannot break it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'

/** Seconds since `start` (a process.hrtime.bigint()). */
const since = start => Number(process.hrtime.bigint() - start) / 1e9

/**
 * Runs `node cli ...args --log-format json` to its end. Resolves with the wall
 * seconds, each event with `at` (seconds after the spawn, when it arrived),
 * and stdout; rejects, with the last messages, unless it exits 0. With
 * `log`, every event line is written there too.
 */
export function runWheelwright(cli, args, { env, cwd, log } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(process.execPath, [cli, ...args, '--log-format', 'json'], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const events = []
    const strays = []
    let stdout = ''
    let partial = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', chunk => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop()
      const at = since(start)
      for (const line of lines) {
        if (!line) continue
        try {
          events.push({ ...JSON.parse(line), at })
        } catch {
          // Anything else on stderr means the stream is broken: reported below.
          strays.push(line)
        }
      }
    })
    child.on('error', reject)
    child.on('close', code => {
      const seconds = since(start)
      if (partial) strays.push(partial)
      if (log) fs.writeFileSync(log, events.map(e => JSON.stringify(e)).join('\n') + '\n')
      const tail = events
        .filter(e => ['message', 'error', 'step-output'].includes(e.event))
        .slice(-30)
        .map(e => e.text)
        .join('\n')
      if (code !== 0) reject(new Error(`wheelwright ${args.join(' ')} failed (${code})\n${tail}`))
      else if (strays.length > 0)
        reject(new Error(`wheelwright wrote lines that are no JSON events:\n${strays.join('\n')}`))
      else resolve({ seconds, events, stdout })
    })
  })
}

/** Seconds in each step, summed over the identifiers (group setup under `setup:<step>`). */
export function stepSeconds(events) {
  const sums = {}
  for (const e of events) {
    if (e.event !== 'step-finished') continue
    const name = e.identifier === 'setup' ? `setup:${e.step}` : e.step
    sums[name] = (sums[name] ?? 0) + e.ms / 1000
  }
  return sums
}

/** When (seconds after the spawn) the first build command started, as the events arrived. */
export function firstBuildStep(events) {
  return events.find(e => e.event === 'step-started' && e.step === 'build')?.at
}

/** When the last step of a build ended, as it arrived. */
export function lastStepEnd(events) {
  return events.filter(e => e.event === 'step-finished').at(-1)?.at
}

/** The wheels the run made (its `wheels` output). */
export function wheelsOf(events) {
  const output = events.find(e => e.event === 'set-output' && e.name === 'wheels')
  if (!output) throw new Error('the run gave no `wheels` output event')
  return JSON.parse(output.value)
}

/** The identifiers whose build ended well, and those that ran a given step. */
export function finishedBuilds(events) {
  return events
    .filter(e => e.event === 'build-finished' && e.identifier !== 'setup' && e.ok)
    .map(e => e.identifier)
}

/** Identifiers that ran `step`. */
export function ranStep(events, step) {
  return [
    ...new Set(
      events
        .filter(e => e.event === 'step-started' && e.step === step && e.identifier !== 'setup')
        .map(e => e.identifier)
    )
  ]
}
