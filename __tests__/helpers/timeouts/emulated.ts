/** The emulated lane's timeout per test (jest.config.js: testTimeout is one for every project). */
import { jest } from '@jest/globals'

jest.setTimeout(1_200_000)
