/** The dirs a run writes to: directories, or creatable, and writable; symlinks followed. */
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@jest/globals'
import { checkWritableDir } from '../../src/util/dirs.js'
import { tempDir } from '../helpers/tools.js'

test.each<[string, (root: string) => void, string, RegExp | undefined]>([
  ['an existing dir', root => fs.mkdirSync(path.join(root, 'out')), 'out', undefined],
  ['a dir to create, however deep', () => undefined, 'out/a/b', undefined],
  [
    'a symlink to a dir',
    root => {
      fs.mkdirSync(path.join(root, 'real'))
      fs.symlinkSync('real', path.join(root, 'out'))
    },
    'out/wheels',
    undefined
  ],
  [
    'a file',
    root => fs.writeFileSync(path.join(root, 'out'), 'x'),
    'out',
    /output-dir: is a file, not a directory/
  ],
  [
    'a dir inside a file',
    root => fs.writeFileSync(path.join(root, 'file'), 'x'),
    'file/out',
    /output-dir: cannot be created: .*file is a file/
  ],
  [
    'a dangling symlink',
    root => fs.symlinkSync('missing/dir', path.join(root, 'out')),
    'out',
    /output-dir: is a symbolic link to missing\/dir, which does not exist/
  ],
  [
    'a dir under a dangling symlink',
    root => fs.symlinkSync('/nonexistent-ww', path.join(root, 'out')),
    'out/wheels',
    /output-dir: cannot be created: .*out is a symbolic link to \/nonexistent-ww, which does not exist/
  ],
  [
    'a symlink that loops',
    root => {
      fs.symlinkSync('b', path.join(root, 'a'))
      fs.symlinkSync('a', path.join(root, 'b'))
    },
    'a',
    /output-dir: is a symbolic link that loops/
  ],
  [
    'a dir under a symlink that loops',
    root => fs.symlinkSync('out', path.join(root, 'out')),
    'out/wheels',
    /output-dir: cannot be created: .*out is a symbolic link that loops/
  ]
])('%s', (_name, prepare, dir, refused) => {
  const root = tempDir('dirs')
  prepare(root)
  const check = () => checkWritableDir(path.join(root, dir), 'output-dir')
  if (refused) expect(check).toThrow(refused)
  else expect(check).not.toThrow()
  // Nothing is created.
  expect(fs.existsSync(path.join(root, 'out', 'a'))).toBe(false)
})
