/** A long-lived child fed through its stdin: output, its end, and how it is stopped. */
import { describe, expect, test } from '@jest/globals'
import { ChildTracker } from '../../src/util/exec.js'
import { startSession, type Session } from '../../src/util/exec-session.js'
import { processAlive } from '../../src/util/lock.js'

async function until(done: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!done() && Date.now() < deadline) await new Promise(r => setTimeout(r, 20))
  return done()
}

/** A session whose stdout and stderr are collected as bytes. */
function collected(argv: string[], children?: ChildTracker) {
  const out: Buffer[] = []
  const err: Buffer[] = []
  const session: Session = startSession(argv, {
    env: { PATH: process.env.PATH },
    onStdout: data => void out.push(data),
    onStderr: data => void err.push(data),
    children
  })
  return { session, out: () => Buffer.concat(out), err: () => Buffer.concat(err) }
}

describe('startSession', () => {
  test('what is written reaches the child; its stdout and stderr come apart, as bytes', async () => {
    const { session, out, err } = collected([
      'sh',
      '-c',
      'while IFS= read -r l; do printf "%s\\377\\n" "$l"; echo "e:$l" >&2; done'
    ])
    session.write('one\n')
    session.write('two\n')
    session.end()
    expect(await session.ended).toEqual({ code: 0, signal: null })
    expect(out().equals(Buffer.from('one\xff\ntwo\xff\n', 'latin1'))).toBe(true)
    expect(err().toString()).toBe('e:one\ne:two\n')
  })

  test('a tracked child is in its own group; kill stops it and what it started', async () => {
    const children = new ChildTracker()
    const { session, out } = collected(['sh', '-c', 'sleep 60 & echo $!; wait'], children)
    expect(children.size).toBe(1)
    await until(() => out().includes(0x0a))
    const sleeper = Number(out().toString())
    expect(processAlive(sleeper)).toBe(true)
    session.kill()
    expect(await session.ended).toMatchObject({ code: null, signal: 'SIGKILL' })
    expect(children.size).toBe(0)
    expect(await until(() => !processAlive(sleeper))).toBe(true)
  })

  test('its end is its exit: a process it left holding its pipes is not waited for', async () => {
    const started = Date.now()
    const { session, out } = collected(['sh', '-c', 'sleep 30 & echo $!; exit 3'])
    expect(await session.ended).toEqual({ code: 3, signal: null })
    expect(Date.now() - started).toBeLessThan(10_000)
    const left = Number(out().toString())
    expect(processAlive(left)).toBe(true)
    process.kill(left, 'SIGKILL')
  })

  test('a command that does not exist: the end says why, writes go nowhere', async () => {
    const { session } = collected(['no-such-command-for-a-session'])
    expect(session.write('x\n')).toBe(false)
    const end = await session.ended
    expect(end.code).toBeNull()
    expect(String(end.error)).toContain('command not found: no-such-command-for-a-session')
    expect(session.write('x\n')).toBe(false)
  })
})
