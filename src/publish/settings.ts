/** When build mode publishes, and the name of an sdist job's artifact. */
import type { PublishMode } from '../model/options.js'
import { tagOfRef } from './tag.js'

export { DEFAULT_ARTIFACT_PATTERN, DEFAULT_USERNAME } from '../options/publish.js'
export const SDIST_ARTIFACT_NAME = 'sdist'

/** Whether build mode publishes: `true` always, `tag` only on a tag ref. */
export function shouldPublish(mode: PublishMode, ref: string | undefined): boolean {
  return mode === 'true' || (mode === 'tag' && tagOfRef(ref) !== undefined)
}
