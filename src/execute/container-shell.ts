/**
 * One long-lived shell in a container, started with `<engine> exec -i
 * <container> sh -c SHELL_LOOP` and fed one step at a time (the protocol is
 * in shell-protocol.ts): a step then costs a fork in the container, not a
 * new exec session of the engine.
 *
 * A step's stdout and stderr stay apart, as with its own exec; its output is
 * passed on as it comes, and the result keeps only the end of it (as exec()
 * does), so a step that prints a lot costs no memory. When the shell ends
 * during a step (a step killed it, the engine client was stopped), the step
 * fails, its output says why, and this shell is done: the executor starts
 * another for the next step.
 */
import crypto from 'node:crypto'
import { StringDecoder } from 'node:string_decoder'
import { KEPT_CHARS, Tail, type ChildTracker, type ExecResult } from '../util/exec.js'
import { startSession, type Session, type SessionEnd } from '../util/exec-session.js'
import type { ContainerSpec } from '../model/build-plan.js'
import { READY, SHELL_LOOP, stepFrame, TrailerScanner, type StepRequest } from './shell-protocol.js'

/** One stream of the step running: its trailer scanner, decoder and kept end. */
interface Stream {
  readonly scanner: TrailerScanner
  readonly decoder: StringDecoder
  readonly kept: Tail
  trailer?: string
}

interface Running {
  readonly out: Stream
  readonly err: Stream
  readonly output: Tail
  readonly onOutput: (chunk: string) => void
  readonly finish: (result: ExecResult) => void
}

/** The argv that starts the shell in a container. */
export function shellArgv(container: ContainerSpec): string[] {
  return [
    container.engine,
    'exec',
    '-i',
    container.name,
    'sh',
    '-c',
    SHELL_LOOP,
    'wheelwright-shell'
  ]
}

export class ContainerShell {
  private running?: Running
  private end?: SessionEnd
  /** It answered with something that is not the loop's: no more steps. */
  private spoiled = false
  /** What the shell printed on stderr before it was ready (why it did not start). */
  private early = ''

  private constructor(
    private readonly container: ContainerSpec,
    private readonly session: Session
  ) {}

  /**
   * A shell in the container, once it printed that it reads steps; undefined
   * when it could not start (no `sh` in the image, an engine that cannot
   * `exec -i`), with the reason.
   */
  static async start(
    container: ContainerSpec,
    clientEnv: NodeJS.ProcessEnv,
    children?: ChildTracker,
    /** How long the shell may take to say it is ready (an emulated container is slow). */
    readyWithinMs = 60_000
  ): Promise<{ shell?: ContainerShell; reason?: string }> {
    let shell: ContainerShell | undefined = undefined
    const ready = new TrailerScanner(READY)
    let resolveReady: (ok: boolean) => void = () => undefined
    const readied = new Promise<boolean>(resolve => (resolveReady = resolve))
    const session = startSession(shellArgv(container), {
      env: clientEnv,
      children,
      onStdout: data => {
        if (!ready.done) {
          if (ready.push(data).trailer !== undefined) resolveReady(true)
        } else shell?.stdout(data)
      },
      onStderr: data => {
        if (!ready.done) {
          if (shell) shell.early = (shell.early + data.toString('utf8')).slice(-2000)
        } else shell?.stderr(data)
      }
    })
    shell = new ContainerShell(container, session)
    const started = shell
    void session.ended.then(end => {
      resolveReady(false)
      started.ended(end)
    })
    let silent = false
    const timer = setTimeout(() => {
      silent = true
      resolveReady(false)
      session.kill()
    }, readyWithinMs)
    const ok = await readied
    clearTimeout(timer)
    if (ok) {
      session.hold(false)
      return { shell }
    }
    const end = await session.ended
    if (end.error)
      return { reason: end.error instanceof Error ? end.error.message : String(end.error) }
    if (silent)
      return { reason: `${container.engine} exec -i said nothing for ${readyWithinMs / 1000} s` }
    const said = shell.early.trim().split('\n').at(-1)
    return {
      reason: `${container.engine} exec -i ended with ${end.signal ?? end.code}${said ? `: ${said}` : ''}`
    }
  }

  /** The shell still reads steps. */
  get alive(): boolean {
    return this.end === undefined && !this.spoiled
  }

  get busy(): boolean {
    return this.running !== undefined
  }

  /** Runs one step; its result is as `<engine> exec` would give it. */
  run(request: Omit<StepRequest, 'nonce'>, onOutput: (chunk: string) => void): Promise<ExecResult> {
    if (this.running || !this.alive) throw new Error('the container shell is busy or gone')
    const nonce = crypto.randomBytes(16).toString('hex')
    const stream = (): Stream => ({
      scanner: new TrailerScanner(nonce),
      decoder: new StringDecoder('utf8'),
      kept: new Tail(KEPT_CHARS)
    })
    return new Promise(resolve => {
      this.running = {
        out: stream(),
        err: stream(),
        output: new Tail(KEPT_CHARS),
        onOutput,
        finish: result => {
          this.running = undefined
          this.session.hold(false)
          resolve(result)
        }
      }
      this.session.hold(true)
      this.session.write(stepFrame({ ...request, nonce }))
    })
  }

  /** Ends the shell: it reads the end of its stdin and exits. */
  close(): void {
    this.session.end()
  }

  private stdout(data: Buffer): void {
    if (this.running) this.take(this.running, this.running.out, data)
  }

  private stderr(data: Buffer): void {
    if (this.running) this.take(this.running, this.running.err, data)
  }

  private take(running: Running, stream: Stream, data: Buffer): void {
    const scanned = stream.scanner.push(data)
    this.deliver(running, stream, stream.decoder.write(scanned.data))
    if (scanned.trailer === undefined) return
    this.deliver(running, stream, stream.decoder.end())
    stream.trailer = scanned.trailer
    if (running.out.trailer === undefined || running.err.trailer === undefined) return
    const status = /^ (\d+)$/.exec(running.out.trailer)
    if (!status) {
      // Not the loop's answer: nothing more from this shell can be trusted.
      this.spoiled = true
      this.deliver(running, running.err, this.explain('answered out of turn'))
      this.session.end()
      return running.finish(this.result(running, 1, null))
    }
    running.finish(this.result(running, Number(status[1]), null))
  }

  private deliver(running: Running, stream: Stream, text: string): void {
    if (text === '') return
    stream.kept.push(text)
    running.output.push(text)
    running.onOutput(text)
  }

  /** The shell ended: a step still running fails, and says why. */
  private ended(end: SessionEnd): void {
    this.end = end
    const running = this.running
    if (!running) return
    for (const stream of [running.out, running.err]) {
      this.deliver(running, stream, stream.decoder.write(stream.scanner.rest()))
      this.deliver(running, stream, stream.decoder.end())
    }
    const how = end.signal ? `signal ${end.signal}` : `exit ${end.code ?? '?'}`
    this.deliver(running, running.err, this.explain(`ended (${how})`))
    // Never a success: the step did not finish.
    const code = end.code === null || end.code === 0 ? 128 : end.code
    running.finish(this.result(running, code, end.signal))
  }

  private explain(what: string): string {
    return `\nwheelwright: the shell in container ${this.container.name} ${what} during this step; the next step starts a new shell\n`
  }

  private result(running: Running, code: number, signal: NodeJS.Signals | null): ExecResult {
    return {
      code,
      signal,
      stdout: running.out.kept.toString(),
      stderr: running.err.kept.toString(),
      output: running.output.toString()
    }
  }
}
