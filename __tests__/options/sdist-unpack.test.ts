/** Unpacking an untrusted sdist: read whole by Python's tarfile, refused unless read in full. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { READER, unpackSdist } from '../../src/options/sdist-unpack.js'
import { writeSdist } from '../helpers/hostile-sdists.js'
import { ROOT } from '../helpers/tools.js'

const PROJECT = path.join(ROOT, 'test', 'fixtures', 'c-ext')
const TOP = 'spam_ext-1.0.0'
let dir: string
let tmp: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-unpack-'))
  tmp = path.join(dir, 'tmp')
  fs.mkdirSync(tmp)
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A good sdist's bytes (gzip of a tar of the project's two files). */
function goodSdist(name: string): string {
  const file = path.join(dir, name)
  writeSdist(
    file,
    { name: 'good', members: [{ name: `${TOP}/README`, content: 'hi' }], message: /x/ },
    PROJECT
  )
  return file
}

/** The tar inside a good sdist with its second header overwritten by junk. */
function junkHeader(file: string): void {
  const tar = zlib.gunzipSync(fs.readFileSync(file))
  const second = 512 + Math.ceil(fs.statSync(path.join(PROJECT, 'pyproject.toml')).size / 512) * 512
  tar.fill(0x41, second, second + 512)
  fs.writeFileSync(file, zlib.gzipSync(tar))
}

test('a good sdist unpacks into a temp dir of its own', async () => {
  const top = await unpackSdist(goodSdist('good.tar.gz'), 'good.tar.gz', tmp)
  expect(path.basename(top)).toBe(TOP)
  expect(top.startsWith(tmp)).toBe(true)
  expect(fs.readdirSync(top).sort()).toEqual(['README', 'pyproject.toml', 'setup.py'])
  fs.rmSync(path.dirname(top), { recursive: true })
})

describe('an archive that cannot be read in full is refused, and nothing is left', () => {
  test.each<[string, (file: string) => void, RegExp]>([
    [
      'a gzip stream cut short',
      file => fs.truncateSync(file, fs.statSync(file).size - 40),
      /could not be read in full as a \.tar\.gz: .*(EOFError|BadGzipFile|ReadError)/
    ],
    [
      'a bad CRC',
      file => {
        const bytes = fs.readFileSync(file)
        bytes[bytes.length - 8] ^= 0xff
        fs.writeFileSync(file, bytes)
      },
      /could not be read in full as a \.tar\.gz: .*CRC/
    ],
    [
      'garbage after the gzip stream',
      file => fs.appendFileSync(file, 'trailing garbage'),
      /could not be read in full as a \.tar\.gz: .*BadGzipFile/
    ],
    [
      'a header tarfile cannot read after the first member',
      junkHeader,
      /could not be read in full as a \.tar\.gz: unreadable data after 1 members/
    ]
  ])('%s', async (_name, spoil, message) => {
    const file = goodSdist('spoiled.tar.gz')
    spoil(file)
    await expect(unpackSdist(file, 'spoiled.tar.gz', tmp)).rejects.toThrow(message)
    expect(fs.readdirSync(tmp)).toEqual([])
  })
})

test.each<[string, { name: string; type: 'symlink' | 'hardlink'; target: string }]>([
  ['a symlink to /etc/passwd', { name: `${TOP}/passwd`, type: 'symlink', target: '/etc/passwd' }],
  [
    'a hard link to /etc/passwd',
    { name: `${TOP}/passwd`, type: 'hardlink', target: '/etc/passwd' }
  ],
  [
    'a symlink to ../../../../etc',
    { name: `${TOP}/etc`, type: 'symlink', target: '../../../../etc' }
  ]
])('%s is refused before anything is unpacked', async (_name, member) => {
  const file = path.join(dir, 'hostile.tar.gz')
  writeSdist(file, { name: 'hostile', members: [member], message: /x/ }, PROJECT)
  await expect(unpackSdist(file, 'hostile.tar.gz', tmp)).rejects.toThrow(
    new RegExp(`package-dir: is refused: ${member.name}: a link to ${member.target}, outside`)
  )
  expect(fs.readdirSync(tmp)).toEqual([])
})

test('the extraction refuses bytes other than those checked', () => {
  const file = goodSdist('checked.tar.gz')
  const dest = path.join(dir, 'dest')
  const done = spawnSync('python3', ['-c', READER, 'extract', file, '0'.repeat(64), dest], {
    encoding: 'utf8'
  })
  expect({ code: done.status, stderr: done.stderr }).toEqual({
    code: 3,
    stderr: 'the archive changed while it was read'
  })
  expect(fs.existsSync(dest)).toBe(false)
})
