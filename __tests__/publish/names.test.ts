/** Distribution file names: wheel and sdist, the project name and the dedup key. */
import { describe, expect, test } from '@jest/globals'
import { normalizeProject, parseDistributionName } from '../../src/publish/names.js'

const WHEEL = 'spam_ext-1.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl'
const WHEEL2 = 'spam_ext-1.0.0-cp312-cp312-win_amd64.whl'
const SDIST = 'spam_ext-1.0.0.tar.gz'

describe('parseDistributionName', () => {
  test.each([
    [WHEEL, { kind: 'wheel', name: 'spam_ext', project: 'spam-ext', version: '1.0.0' }],
    ['Spam.Ext-1.0-1-py3-none-any.whl', { kind: 'wheel', project: 'spam-ext', version: '1.0' }],
    [SDIST, { kind: 'sdist', name: 'spam_ext', project: 'spam-ext', version: '1.0.0' }],
    [
      'spam-ext-2.0rc1.tar.gz',
      { kind: 'sdist', name: 'spam-ext', project: 'spam-ext', version: '2.0rc1' }
    ],
    ['spam_ext-1.0.0.zip', { kind: 'sdist', project: 'spam-ext' }]
  ])('%s', (name, expected) => expect(parseDistributionName(`/x/${name}`)).toMatchObject(expected))

  test.each([
    'spam.whl',
    'spam-1.0.whl',
    'spam_ext-notaversion.tar.gz',
    'spam.tar.gz',
    'README.md',
    'spam_ext-1.0.0-cp311-cp311-linux_x86_64.whl.publish.attestation'
  ])('%s is not a distribution', name => expect(parseDistributionName(name)).toBeUndefined())

  test('keys: one distribution under two spellings has one key; different tags differ', () => {
    const key = (name: string) => parseDistributionName(name)?.key
    expect(key('spam_ext-1.0.0-py3-none-any.whl')).toBe(key('Spam.Ext-1.0-py3-none-any.whl'))
    expect(key('spam_ext-1.0.0.tar.gz')).toBe(key('spam_ext-1.0.zip'))
    expect(key(WHEEL)).not.toBe(key(WHEEL2))
    expect(key('spam_ext-1.0.0-1-py3-none-any.whl')).not.toBe(
      key('spam_ext-1.0.0-py3-none-any.whl')
    )
  })

  test.each([
    ['Spam_Ext', 'spam-ext'],
    ['a.b-c__d', 'a-b-c-d'],
    ['NumPy', 'numpy']
  ])('normalizeProject(%j) = %j', (name, normal) => expect(normalizeProject(name)).toBe(normal))
})
