/** The release check before an upload: one version, valid names, the tag. */
import { describe, expect, test } from '@jest/globals'
import { verifyRelease, type DistFile } from '../../src/publish/verify.js'

const WHEEL = 'spam_ext-1.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'
const WHEEL2 = 'spam_ext-1.0.0-cp312-cp312-win_amd64.whl'
const SDIST = 'spam_ext-1.0.0.tar.gz'

const file = (name: string, sha = 'a'.repeat(64)): DistFile => ({ path: `/d/${name}`, sha256: sha })
const verify = (files: DistFile[], ref?: string, verifyTag = true) =>
  verifyRelease(files, { ref, verifyTag, key: 'dist-dir' })

describe('verifyRelease accepts', () => {
  test('one version, sdists first, projects listed', () => {
    const release = verify([file(WHEEL2), file(WHEEL), file(SDIST)])
    expect(release.version).toBe('1.0.0')
    expect(release.projects).toEqual(['spam-ext'])
    expect(release.files.map(f => f.dist.filename)).toEqual([SDIST, WHEEL, WHEEL2])
    expect(release.warnings).toEqual([])
    expect(release.tag).toBeUndefined()
  })

  test.each([
    'refs/tags/v1.0',
    'refs/tags/1.0.0',
    'refs/tags/v1.0.0',
    'refs/heads/main',
    undefined
  ])('ref %j', ref => expect(() => verify([file(WHEEL), file(SDIST)], ref)).not.toThrow())

  test('a wrong tag with verify-tag: false', () => {
    expect(verify([file(WHEEL)], 'refs/tags/v9', false).tag).toBeUndefined()
  })

  test('the same file twice with identical contents is uploaded once, with a note', () => {
    const release = verify([
      file(WHEEL),
      { path: `/other/${WHEEL}`, sha256: 'a'.repeat(64) },
      file(SDIST)
    ])
    expect(release.files).toHaveLength(2)
    expect(release.notes).toEqual([
      `${WHEEL} appears twice with identical contents; uploading it once`
    ])
  })

  test('no sdist: a binary-only warning, not an error', () => {
    const release = verify([file(WHEEL)])
    expect(release.warnings).toHaveLength(1)
    expect(release.warnings[0]).toContain(
      'no sdist of spam-ext 1.0.0 among the files: this release is binary-only'
    )
  })
})

describe('verifyRelease refuses', () => {
  test.each<[string, DistFile[], string | undefined, RegExp]>([
    [
      'nothing',
      [],
      undefined,
      /^dist-dir: holds no wheels \(\.whl\) or sdists \(\.tar\.gz\); nothing to publish/
    ],
    [
      'a foreign file',
      [file(WHEEL), file('notes.whl')],
      undefined,
      /holds a file that is not a valid wheel or sdist name \(got "notes.whl"\)/
    ],
    [
      'two contents under one name',
      [file(WHEEL), { path: `/other/${WHEEL}`, sha256: 'b'.repeat(64) }],
      undefined,
      new RegExp(
        `two different files are both named ${WHEEL.replace(/\./g, '\\.')} \\(/d/.* and /other/`
      )
    ],
    [
      '.tar.gz and .zip',
      [file(SDIST), file('spam_ext-1.0.0.zip')],
      undefined,
      /spam_ext-1\.0\.0\.tar\.gz and spam_ext-1\.0\.0\.zip are the same sdist/
    ],
    [
      'two spellings of a wheel',
      [file('spam_ext-1.0-py3-none-any.whl'), file('Spam_Ext-1.0.0-py3-none-any.whl')],
      undefined,
      /are the same wheel/
    ],
    [
      'two versions',
      [file(WHEEL), file('spam_ext-1.0.1.tar.gz')],
      undefined,
      /holds more than one version: 1\.0\.0 \(.*\); 1\.0\.1 \(spam_ext-1\.0\.1\.tar\.gz\)/
    ],
    [
      'a tag of another version',
      [file(WHEEL), file(SDIST)],
      'refs/tags/v1.0.1',
      /^verify-tag: the tag "v1\.0\.1" \(version 1\.0\.1\) does not match the package version 1\.0\.0/
    ],
    [
      'a tag that is no version',
      [file(SDIST)],
      'refs/tags/latest',
      /^verify-tag: the tag "latest" is not a PEP 440 version/
    ]
  ])('%s', (_, files, ref, message) => expect(() => verify(files, ref)).toThrow(message))
})
