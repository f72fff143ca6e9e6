/** The version guard reads each file's own metadata and compares it with the file name. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import {
  checkMetadataMatches,
  parseCoreMetadata,
  readMetadataText,
  verifyMetadataOfFiles
} from '../../src/publish/metadata.js'
import { parseDistributionName } from '../../src/publish/names.js'
import { tempDir } from '../helpers/tools.js'
import { writeSdist, writeWheel } from '../helpers/dists.js'

const WHEEL = 'spam_ext-1.0.0-cp311-cp311-manylinux_2_28_x86_64.whl'

describe('parseCoreMetadata', () => {
  test.each([
    ['Metadata-Version: 2.1\nName: spam-ext\nVersion: 1.0.0\n\nName: body\n', 'spam-ext', '1.0.0'],
    ['name: Spam\r\nversion:  2.0 \r\n', 'Spam', '2.0'],
    ['Summary: no name\n', undefined, undefined]
  ])('%j', (text, name, version) => {
    expect(parseCoreMetadata(text)).toEqual({
      ...(name ? { name } : {}),
      ...(version ? { version } : {})
    })
  })
})

describe('checkMetadataMatches', () => {
  const dist = parseDistributionName(WHEEL)!
  test.each([
    [{ name: 'spam-ext', version: '1.0.0' }],
    [{ name: 'Spam_Ext', version: '1.0' }],
    [{ name: 'spam.ext', version: '1.0.0.0' }]
  ])('%j agrees with the file name', meta => {
    expect(checkMetadataMatches(dist, meta, 'dist-dir').name).toBe(meta.name)
  })

  test.each([
    [
      { name: 'spam-ext', version: '2.0.0' },
      'says spam-ext 2.0.0, but its file name says spam_ext 1.0.0'
    ],
    [{ name: 'eggs', version: '1.0.0' }, 'says eggs 1.0.0, but its file name says spam_ext 1.0.0'],
    [{ name: 'spam-ext', version: 'not-a-version' }, 'says spam-ext not-a-version'],
    [
      { name: 'spam-ext' },
      'is not a valid wheel: it has no readable .dist-info/METADATA with a Name and a Version'
    ],
    [undefined, 'is not a valid wheel: it has no readable .dist-info/METADATA']
  ])('%j is refused, naming the file', (meta, message) => {
    expect(() => checkMetadataMatches(dist, meta, 'dist-dir')).toThrow(`dist-dir: ${WHEEL}`)
    expect(() => checkMetadataMatches(dist, meta, 'dist-dir')).toThrow(message)
  })
})

describe('reading the files', () => {
  test('a wheel and a .tar.gz sdist', async () => {
    const dir = tempDir('meta')
    const wheel = writeWheel(path.join(dir, WHEEL), { name: 'spam-ext', version: '1.0.0' })
    const sdist = await writeSdist(path.join(dir, 'spam_ext-1.0.0.tar.gz'), {
      name: 'spam-ext',
      version: '1.0.0'
    })
    expect(parseCoreMetadata((await readMetadataText(wheel, 'wheel'))!)).toEqual({
      name: 'spam-ext',
      version: '1.0.0'
    })
    expect(parseCoreMetadata((await readMetadataText(sdist, 'sdist'))!)).toEqual({
      name: 'spam-ext',
      version: '1.0.0'
    })
    await expect(
      verifyMetadataOfFiles(
        [wheel, sdist].map(p => ({ path: p, dist: parseDistributionName(p)! })),
        'dist-dir'
      )
    ).resolves.toBeUndefined()
  })

  test('a renamed wheel (METADATA says 1.0.0, the name 2.0.0) is refused', async () => {
    const dir = tempDir('meta')
    const renamed = path.join(dir, WHEEL.replace('1.0.0', '2.0.0'))
    writeWheel(renamed, { name: 'spam-ext', version: '1.0.0' })
    await expect(
      verifyMetadataOfFiles([{ path: renamed, dist: parseDistributionName(renamed)! }], 'dist-dir')
    ).rejects.toThrow(
      `dist-dir: ${path.basename(renamed)}: its .dist-info/METADATA says spam-ext 1.0.0, but its file name says spam_ext 2.0.0; nothing was uploaded`
    )
  })

  test('files that are not archives have no metadata', async () => {
    const dir = tempDir('meta')
    for (const [name, kind] of [
      [WHEEL, 'wheel'],
      ['spam_ext-1.0.0.tar.gz', 'sdist'],
      ['spam_ext-1.0.0.zip', 'sdist']
    ] as const) {
      fs.writeFileSync(path.join(dir, name), 'not an archive')
      expect(await readMetadataText(path.join(dir, name), kind)).toBeUndefined()
    }
  })
})
