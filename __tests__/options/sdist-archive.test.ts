/** The member check of an sdist given as package-dir. */
import { describe, expect, test } from '@jest/globals'
import { parseListing, refusals, unsafeMembers } from '../../src/options/sdist-archive.js'

const LISTING = JSON.stringify({
  sha256: 'ab'.repeat(32),
  filtered: ["'p-1.0/evil' is a link to an absolute path"],
  members: [
    { name: 'p-1.0', type: 'd' },
    { name: 'p-1.0/ok', type: 'l', target: '../p-1.0/setup.py' },
    { name: 'p-1.0/my file.py', type: '-' }
  ]
})

describe('sdist listing', () => {
  test("parses the reader's members and the data filter's refusals", () => {
    expect(parseListing(LISTING)).toEqual({
      sha256: 'ab'.repeat(32),
      filtered: ["'p-1.0/evil' is a link to an absolute path"],
      members: [
        { type: 'd', name: 'p-1.0' },
        { type: 'l', name: 'p-1.0/ok', target: '../p-1.0/setup.py' },
        { type: '-', name: 'p-1.0/my file.py' }
      ]
    })
  })

  test.each(['', 'null', '{}', '{"sha256":"x","filtered":[],"members":[{"type":"-"}]}'])(
    'refuses a listing of another shape: %j',
    text => {
      expect(() => parseListing(text)).toThrow()
    }
  )

  test("the data filter's refusals count when ours find nothing", () => {
    const listing = parseListing(LISTING)
    expect(refusals(listing)).toEqual(["'p-1.0/evil' is a link to an absolute path"])
    expect(refusals({ ...listing, members: [{ name: '/x', type: '-' }] })).toEqual([
      '/x: an absolute path'
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
