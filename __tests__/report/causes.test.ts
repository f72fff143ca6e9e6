/** The telling lines of a failed step, from real tool output. */
import { describe, expect, test } from '@jest/globals'
import { CAUSES, tellingLines } from '../../src/report/causes.js'

const GCC = `running build_ext
building 'broken' extension
gcc -pthread -fno-strict-overflow -Wsign-compare -DNDEBUG -g -O3 -Wall -fPIC -I/tmp/venv/include -I/usr/include/python3.12 -c broken.c -o build/temp.linux-x86_64-cpython-312/broken.o
broken.c: In function ‘broken’:
broken.c:5:12: error: ‘undeclared_identifier_for_the_test’ undeclared (first use in this function)
    5 |     return undeclared_identifier_for_the_test;
      |            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
broken.c:5:12: note: each undeclared identifier is reported only once for each function it appears in
error: command '/usr/bin/gcc' failed with exit code 1

ERROR Backend subprocess exited when trying to invoke build_wheel
`

const PIP_NOT_FOUND = `Looking in indexes: https://pypi.org/simple
Collecting setuptools>=64
  Using cached setuptools-80.9.0-py3-none-any.whl (1.2 MB)
ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)
ERROR: No matching distribution found for nosuchpkg
`

const PIP_REFUSED = `Looking in indexes: http://127.0.0.1:9/simple
WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f9fc83cd550>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/nosuchpkg/
ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)
ERROR: No matching distribution found for nosuchpkg
`

const DNS = `WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2b>: Failed to establish a new connection: [Errno -2] Name or service not known')': /simple/build/
`

const TRACEBACK = `+ python -c "import spam"
Traceback (most recent call last):
  File "<string>", line 1, in <module>
ModuleNotFoundError: No module named 'spam'
`

const AUDITWHEEL = `INFO:auditwheel.main_repair:Repairing spam-1.0-cp312-cp312-linux_x86_64.whl
Traceback (most recent call last):
  File "/tools/bin/auditwheel", line 8, in <module>
    sys.exit(main())
ValueError: Cannot repair wheel, because required library "libgreeter.so.1" could not be located
`

const MSVC = `spam.c
C:\\work\\src\\spam.c(12): error C2065: 'nope': undeclared identifier
error: command 'C:\\\\Program Files\\\\Microsoft Visual Studio\\\\cl.exe' failed with exit code 2
`

const PYTEST = `tests/test_spam.py::test_add PASSED
tests/test_spam.py::test_describe FAILED
FAILED tests/test_spam.py::test_describe - AssertionError: assert 'spam(7)' == 'spam(8)'
========================= 1 failed, 1 passed in 0.05s =========================
`

const LINKER = `/usr/bin/ld: build/temp/spam.o: in function \`add':
spam.c:(.text+0x12): undefined reference to \`greeter_hello'
collect2: error: ld returned 1 exit status
`

/** pip under pypa/build on a full disk: its lines prefixed with `< `, the message wrapped. */
const FULL_DISK = `* Installing packages in isolated environment:
  - setuptools>=64
< Collecting setuptools>=64 (from -r /tmp/build-requirements.txt (line 1))
< ERROR: Could not install packages due to an OSError: [Errno 28] No space
left on device
Traceback (most recent call last):
subprocess.CalledProcessError: Command '['python', '-m', 'pip']' returned non-zero exit status 1.
`

describe('the telling lines of a failed step', () => {
  test.each([
    [
      'a gcc error, then setuptools and build',
      GCC,
      [
        'broken.c:5:12: error: ‘undeclared_identifier_for_the_test’ undeclared (first use in this function)',
        "error: command '/usr/bin/gcc' failed with exit code 1",
        'ERROR Backend subprocess exited when trying to invoke build_wheel'
      ]
    ],
    [
      'pip finds no such distribution',
      PIP_NOT_FOUND,
      [
        'ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)',
        'ERROR: No matching distribution found for nosuchpkg'
      ]
    ],
    [
      'a refused connection comes first',
      PIP_REFUSED,
      [PIP_REFUSED.split('\n')[1], ...PIP_REFUSED.split('\n').slice(2, 4)]
    ],
    ['a name that does not resolve', DNS, [DNS.trimEnd()]],
    ['the last line of a traceback', TRACEBACK, ["ModuleNotFoundError: No module named 'spam'"]],
    [
      'a repair that cannot find a library',
      AUDITWHEEL,
      [
        'ValueError: Cannot repair wheel, because required library "libgreeter.so.1" could not be located'
      ]
    ],
    [
      'MSVC',
      MSVC,
      [
        "C:\\work\\src\\spam.c(12): error C2065: 'nope': undeclared identifier",
        "error: command 'C:\\\\Program Files\\\\Microsoft Visual Studio\\\\cl.exe' failed with exit code 2"
      ]
    ],
    [
      'pytest',
      PYTEST,
      [
        "FAILED tests/test_spam.py::test_describe - AssertionError: assert 'spam(7)' == 'spam(8)'",
        '========================= 1 failed, 1 passed in 0.05s ========================='
      ]
    ],
    [
      'the linker',
      LINKER,
      [
        "spam.c:(.text+0x12): undefined reference to `greeter_hello'",
        'collect2: error: ld returned 1 exit status'
      ]
    ],
    [
      'a full disk, under the prefix of pypa/build',
      FULL_DISK,
      [
        '< ERROR: Could not install packages due to an OSError: [Errno 28] No space',
        "subprocess.CalledProcessError: Command '['python', '-m', 'pip']' returned non-zero exit status 1."
      ]
    ],
    ['colour codes are dropped', '\x1b[31mERROR: boom\x1b[0m\n', ['ERROR: boom']]
  ])('%s', (_name, output, expected) => {
    expect(tellingLines(output)).toEqual(expected)
  })

  test('without a telling line, the last ten lines', () => {
    const output = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n')
    expect(tellingLines(output)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 20}`))
  })

  test('many errors: the first ones and the last two', () => {
    const output = Array.from({ length: 20 }, (_, i) => `f.c:${i + 1}:1: error: e${i}`).join('\n')
    const telling = tellingLines(output)
    expect(telling).toHaveLength(8)
    expect(telling[0]).toBe('f.c:1:1: error: e0')
    expect(telling.slice(-2)).toEqual(['f.c:19:1: error: e18', 'f.c:20:1: error: e19'])
  })

  test('every pattern of the table picks at least one of the samples', () => {
    const samples = [
      GCC,
      PIP_NOT_FOUND,
      PIP_REFUSED,
      DNS,
      TRACEBACK,
      AUDITWHEEL,
      MSVC,
      PYTEST,
      LINKER,
      FULL_DISK
    ]
      .join('\n')
      .concat(
        '\nerror[E0425]: cannot find value `x` in this scope\n× Failed to build installable wheels\nbash: line 1: nosuchtool: command not found\n'
      )
      .split('\n')
      .map(l => l.trimStart())
    for (const cause of CAUSES)
      expect([cause.kind, samples.some(l => cause.pattern.test(l))]).toEqual([cause.kind, true])
  })
})
