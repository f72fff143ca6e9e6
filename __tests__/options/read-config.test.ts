/** Config files are read bounded: regular files of at most 1 MiB, symlinks followed. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import { readConfigFile } from '../../src/options/read-config.js'
import { tempDir } from '../helpers/tools.js'

test.each<[string, (file: string) => void, string | undefined | RegExp]>([
  ['a small file', file => fs.writeFileSync(file, '[project]\n'), '[project]\n'],
  [
    'a file of exactly 1 MiB',
    file => fs.writeFileSync(file, 'x'.repeat(1024 * 1024)),
    'x'.repeat(1024 * 1024)
  ],
  ['nothing there', () => undefined, undefined],
  [
    'a symlink to a file',
    file => {
      fs.writeFileSync(`${file}.real`, 'a = 1\n')
      fs.symlinkSync(`${file}.real`, file)
    },
    'a = 1\n'
  ],
  [
    'a symlink to /dev/zero',
    file => fs.symlinkSync('/dev/zero', file),
    /pyproject\.toml: is a character device \(got ".*pyproject\.toml"\)\. Hint: a config file is a regular file of at most 1 MiB/
  ],
  ['a directory', file => fs.mkdirSync(file), /pyproject\.toml: is a directory/],
  [
    'a fifo',
    file => {
      const made = spawnSync('mkfifo', [file])
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`)
    },
    /pyproject\.toml: is a fifo/
  ],
  [
    'a file over 1 MiB',
    file => fs.writeFileSync(file, 'x'.repeat(2 * 1024 * 1024)),
    /pyproject\.toml: is 2\.0 MiB, too large/
  ],
  [
    'a dangling symlink',
    file => fs.symlinkSync('elsewhere.toml', file),
    /pyproject\.toml: is a symbolic link to elsewhere\.toml, which does not exist/
  ]
])('%s', (_name, prepare, expected) => {
  const file = path.join(tempDir('config'), 'pyproject.toml')
  prepare(file)
  const started = Date.now()
  const read = () => readConfigFile(file, 'pyproject.toml')
  if (expected instanceof RegExp) expect(read).toThrow(expected)
  else expect(read()).toEqual(expected)
  expect(Date.now() - started).toBeLessThan(1000)
})
