/** The listing check of an sdist given as package-dir. */
import { describe, expect, test } from '@jest/globals'
import { parseListing, unsafeMembers } from '../../src/options/sdist-archive.js'

const LISTING = [
  'drwxr-xr-x root/root         0 2026-12-03 11:48 p-1.0/',
  'lrwxrwxrwx root/root         0 2026-12-03 11:48 p-1.0/ok -> ../p-1.0/setup.py',
  '-rw-r--r-- root/root         2 2026-12-03 11:48 p-1.0/my file.py',
  'lrwxrwxrwx root/root         0 2026-12-03 11:48 p-1.0/evil -> /etc',
  'hrw-r--r-- root/root         0 2026-12-03 11:48 p-1.0/hard link to p-1.0/my file.py',
  'crw-r--r-- 0/0             1,3 1970-01-01 00:00 p-1.0/null'
].join('\n')

describe('sdist listing', () => {
  test('parses names, types and link targets', () => {
    expect(parseListing(LISTING)).toEqual([
      { type: 'd', name: 'p-1.0/' },
      { type: 'l', name: 'p-1.0/ok', target: '../p-1.0/setup.py' },
      { type: '-', name: 'p-1.0/my file.py' },
      { type: 'l', name: 'p-1.0/evil', target: '/etc' },
      { type: 'h', name: 'p-1.0/hard', target: 'p-1.0/my file.py' },
      { type: 'c', name: 'p-1.0/null' }
    ])
  })

  test.each([
    [{ type: '-', name: 'p-1.0/setup.py' }, []],
    [{ type: 'l', name: 'p-1.0/a/b', target: '../c' }, []],
    [{ type: 'h', name: 'p-1.0/h', target: 'p-1.0/setup.py' }, []],
    [{ type: '-', name: '/etc/passwd' }, ['/etc/passwd: an absolute path']],
    [{ type: 'c', name: 'p-1.0/null' }, ['p-1.0/null: a character device, not a plain file']],
    [{ type: 'b', name: 'p-1.0/sda' }, ['p-1.0/sda: a block device, not a plain file']],
    [{ type: 'p', name: 'p-1.0/pipe' }, ['p-1.0/pipe: a fifo, not a plain file']],
    [{ type: '-', name: 'p-1.0/../../x' }, ['p-1.0/../../x: leaves the sdist through ..']],
    [{ type: 'l', name: 'p-1.0', target: '/home' }, ['p-1.0: a link at the top of the sdist']],
    [
      { type: 'l', name: 'p-1.0/e', target: '/etc' },
      ['p-1.0/e: a link to /etc, outside the sdist']
    ],
    [
      { type: 'l', name: 'p-1.0/e', target: '../../x' },
      ['p-1.0/e: a link to ../../x, outside the sdist']
    ],
    [
      { type: 'l', name: 'p-1.0/e', target: '../other-1.0/x' },
      ['p-1.0/e: a link to ../other-1.0/x, outside the sdist']
    ],
    [
      { type: 'h', name: 'p-1.0/h', target: '../etc/passwd' },
      ['p-1.0/h: a link to ../etc/passwd, outside the sdist']
    ]
  ])('%j → %j', (member, problems) => {
    expect(unsafeMembers([member])).toEqual(problems)
  })
})
