/** docker/podman, driven through argv arrays only. */
import { exec } from '../util/exec.js'

/** True when the engine answers (a client with no daemon does not). */
export async function engineWorks(engine: string): Promise<boolean> {
  const result = await exec([engine, 'info', '--format', '{{json .}}'], { timeoutMs: 30000 }).catch(
    () => undefined
  )
  return result?.code === 0
}

/** The image's ID (content digest), part of the wheel cache key. */
export async function imageId(engine: string, image: string): Promise<string | undefined> {
  const result = await exec([engine, 'image', 'inspect', '--format', '{{.Id}}', image], {
    timeoutMs: 30000
  }).catch(() => undefined)
  return result?.code === 0 ? result.stdout.trim() : undefined
}
