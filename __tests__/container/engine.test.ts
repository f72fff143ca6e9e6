/** Asking an engine whether it works and what an image's ID is, with stand-in engines. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { engineWorks, imageId } from '../../src/container/engine.js'
import { tempDir } from '../helpers/tools.js'

/** An engine that logs its argv and answers with `body` (a shell snippet). */
function engine(body: string): { file: string; calls: () => string[] } {
  const dir = tempDir('engine')
  const file = path.join(dir, 'engine')
  const log = path.join(dir, 'calls')
  fs.writeFileSync(file, `#!/bin/sh\necho "$*" >> "${log}"\n${body}\n`, { mode: 0o755 })
  return {
    file,
    calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [])
  }
}

describe('engineWorks', () => {
  test.each([
    ['an engine that answers', 'echo "{}"; exit 0', true],
    ['a client without its daemon', 'echo "Cannot connect to the daemon" >&2; exit 1', false]
  ])('%s: %s', async (_name, body, works) => {
    const e = engine(body)
    expect(await engineWorks(e.file)).toBe(works)
    expect(e.calls()).toEqual(['info --format {{json .}}'])
  })

  test('an engine that is not installed does not work', async () => {
    expect(await engineWorks(path.join(tempDir('none'), 'no-such-engine'))).toBe(false)
  })
})

describe('imageId', () => {
  test('the ID the engine prints, trimmed', async () => {
    const e = engine('echo "sha256:abc123"')
    expect(await imageId(e.file, 'quay.io/pypa/manylinux_2_28_x86_64')).toBe('sha256:abc123')
    expect(e.calls()).toEqual(['image inspect --format {{.Id}} quay.io/pypa/manylinux_2_28_x86_64'])
  })

  test.each([
    ['an image the engine does not have', 'echo "no such image" >&2; exit 125'],
    ['an engine that is not there', null]
  ])('%s: no ID', async (_name, body) => {
    const file = body === null ? path.join(tempDir('none'), 'no-such-engine') : engine(body).file
    expect(await imageId(file, 'img')).toBeUndefined()
  })
})
