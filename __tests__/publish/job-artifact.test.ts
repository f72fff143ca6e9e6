/** The job's artifact: nothing to upload, or no artifact service, is a warning. */
import { describe, expect, test } from '@jest/globals'
import { uploadJobArtifact } from '../../src/publish/job-artifact.js'
import { recordingReporter } from '../../__fixtures__/reporter.js'
import { resolvePublishSettings } from '../helpers/options.js'

describe('the job artifact', () => {
  const settings = resolvePublishSettings(new Map(), {}, '/w')
  test('no files: nothing uploaded, a warning', async () => {
    const reporter = recordingReporter()
    const uploaded = await uploadJobArtifact({
      name: 'wheels-linux-x86_64',
      files: [],
      rootDirectory: '/w',
      settings,
      env: { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      reporter
    })
    expect(uploaded).toBe(false)
    expect(reporter.texts('warning')).toEqual([
      'no files to upload: artifact wheels-linux-x86_64 was not created'
    ])
    expect(reporter.outputs).toEqual({})
  })

  test('no artifact service: a warning, the files stay', async () => {
    const reporter = recordingReporter()
    expect(
      await uploadJobArtifact({
        name: 'n',
        files: ['/w/a.whl'],
        rootDirectory: '/w',
        settings,
        env: {},
        reporter
      })
    ).toBe(false)
    expect(reporter.texts('warning')[0]).toMatch(
      /^the artifact service is not available here \(ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL unset\): artifact n was not uploaded/
    )
  })
})
