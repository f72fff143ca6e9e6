/** The sdist build: its argv carries no credential. */
import { describe, expect, test } from '@jest/globals'
import { sdistBuildArgv } from '../../src/publish/sdist.js'

describe('argv never carries a credential', () => {
  test('build --sdist', () => {
    const argv = sdistBuildArgv('/py', '/proj', '/out')
    expect(argv.join(' ')).not.toContain('pypi-AgEIcHlwaS5vcmcSECRET')
    expect(argv.join(' ')).not.toContain('upload.pypi.org')
  })
})
