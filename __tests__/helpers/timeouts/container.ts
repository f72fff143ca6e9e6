/** The container lane's timeout per test (jest.config.js: testTimeout is one for every project). */
import { jest } from '@jest/globals'

jest.setTimeout(600_000)
