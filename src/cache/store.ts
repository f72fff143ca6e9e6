/**
 * Where cached wheels live: a local directory for the CLI
 * (`--cache-dir`, default `$XDG_CACHE_HOME/wheelwright`), or the GitHub
 * Actions cache service through @actions/cache in the action. Both store one
 * wheel per key.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface WheelStore {
  /** The cached wheel for `key` as a host path, or undefined on a miss. */
  restore(key: string): Promise<string | undefined>
  save(key: string, wheel: string): Promise<void>
}

function onlyWheel(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined
  const wheels = fs.readdirSync(dir).filter(f => f.endsWith('.whl'))
  return wheels.length === 1 ? path.join(dir, wheels[0]) : undefined
}

/** Copies `wheel` into `dir` through a temp name, so readers never see half a file. */
function storeWheel(dir: string, wheel: string): void {
  fs.mkdirSync(dir, { recursive: true })
  const temp = path.join(dir, `.${path.basename(wheel)}.${process.pid}.partial`)
  fs.copyFileSync(wheel, temp)
  fs.renameSync(temp, path.join(dir, path.basename(wheel)))
}

export class LocalWheelStore implements WheelStore {
  constructor(private readonly root: string) {}

  private dir(key: string): string {
    return path.join(this.root, 'wheels', key.slice(0, 2), key)
  }

  async restore(key: string): Promise<string | undefined> {
    return onlyWheel(this.dir(key))
  }

  async save(key: string, wheel: string): Promise<void> {
    storeWheel(this.dir(key), wheel)
  }
}

type ActionsCache = typeof import('@actions/cache')

/** The Actions cache: one entry per key, holding a directory with the wheel. */
export class ActionsWheelStore implements WheelStore {
  constructor(
    private readonly scratch: string,
    private readonly cache: ActionsCache,
    private readonly warn: (text: string) => void
  ) {}

  private dir(key: string): string {
    return path.join(this.scratch, 'wheel-cache', key)
  }

  private cacheKey(key: string): string {
    return `wheelwright-wheel-${key}`
  }

  async restore(key: string): Promise<string | undefined> {
    try {
      const hit = await this.cache.restoreCache([this.dir(key)], this.cacheKey(key))
      return hit ? onlyWheel(this.dir(key)) : undefined
    } catch (error) {
      this.warn(`wheel cache restore failed, building instead: ${(error as Error).message}`)
      return undefined
    }
  }

  async save(key: string, wheel: string): Promise<void> {
    storeWheel(this.dir(key), wheel)
    try {
      await this.cache.saveCache([this.dir(key)], this.cacheKey(key))
    } catch (error) {
      this.warn(`wheel cache save failed: ${(error as Error).message}`)
    }
  }
}
