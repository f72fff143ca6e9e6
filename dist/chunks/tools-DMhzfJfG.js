import path from 'node:path';
import { d as isCredential, U as UserError } from './selector-wT822Vb0.js';
import { l as redactUrl } from './index-url-DDV0Wi_r.js';
import { e as exec, r as run, c as CommandError } from './index-Da-eS02x.js';
import crypto from 'node:crypto';
import fs__default from 'node:fs';
import { a as acquireLock, w as waitingMessage } from './lock-Bv3Ceag5.js';

/**
 * twine, as wheelwright runs it: argv arrays that never carry a credential
 * (the password goes through TWINE_PASSWORD), the child's environment, and
 * the reading of its output (which files were skipped, why an upload failed).
 */
function twineCheckArgv(python, files) {
    return [python, '-m', 'twine', 'check', ...files];
}
function twineUploadArgv(python, files, settings) {
    return [
        python,
        '-m',
        'twine',
        'upload',
        '--non-interactive',
        '--disable-progress-bar',
        ...(settings.skipExisting ? ['--skip-existing'] : []),
        ...(settings.attestations ? ['--attestations'] : []),
        ...(settings.verbose ? ['--verbose'] : []),
        ...files
    ];
}
/** Variables a user's environment may hold that would redirect or re-credential twine. */
const TWINE_OVERRIDES = /^(TWINE_(USERNAME|PASSWORD|REPOSITORY|REPOSITORY_URL|NON_INTERACTIVE)|PYPIRC)$/;
/** The environment of a Python tool child: the runner's, without credentials. */
function toolEnv(env) {
    const result = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || isCredential(name) || TWINE_OVERRIDES.test(name))
            continue;
        result[name] = value;
    }
    return {
        ...result,
        PYTHONUNBUFFERED: '1',
        PIP_DISABLE_PIP_VERSION_CHECK: '1',
        NO_COLOR: '1',
        // rich wraps at the terminal width; keep file names on one line.
        COLUMNS: '400'
    };
}
/** twine's environment for an upload: credentials only here. */
function twineUploadEnv(env, settings) {
    return {
        ...toolEnv(env),
        TWINE_REPOSITORY_URL: settings.repositoryUrl,
        TWINE_USERNAME: settings.username,
        TWINE_PASSWORD: settings.password,
        TWINE_NON_INTERACTIVE: '1'
    };
}
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** twine's output without colour codes and rich's padding. */
function cleanOutput(text) {
    return text
        .replace(ANSI, '')
        .split('\n')
        .map(line => line.trimEnd())
        .join('\n');
}
/** The file names twine skipped because the index already had them. */
function skippedFiles(output) {
    const flat = cleanOutput(output).replace(/\s+/g, ' ');
    return [...flat.matchAll(/Skipping (\S+) because it appears to already exist/g)].map(m => m[1]);
}
/** Turns twine's failure output into one message and a hint. */
function explainUploadFailure(output) {
    const text = cleanOutput(output);
    const http = /HTTPError: (\d{3}) ([^\n]*?)(?: from (\S+))?\n/.exec(`${text}\n`);
    const detail = (() => {
        const lines = text.split('\n').map(l => l.trim());
        const at = lines.findIndex(l => l.startsWith('ERROR'));
        return at >= 0
            ? lines
                .slice(at)
                .filter(l => l !== '')
                .join(' ')
                .replace(/^ERROR\s+/, '')
            : (lines.filter(l => l !== '').pop() ?? 'twine failed');
    })();
    const status = http ? Number(http[1]) : undefined;
    const already = /already exists?|file exists|has already been uploaded/i.test(text) || status === 409;
    if (already) {
        return {
            message: `the index already has a file of this release (${detail})`,
            hint: 'files on an index cannot be replaced: set skip-existing: true to make re-runs safe, or release a new version'
        };
    }
    if (status === 401 || status === 403) {
        return {
            message: `the index refused the credentials (${detail})`,
            hint: 'check that password is an API token valid for this project (username __token__), or that the trusted publisher on the index matches this repository, workflow and environment; minted tokens expire after 15 minutes'
        };
    }
    if (status === 400) {
        return {
            message: `the index rejected an upload (${detail})`,
            hint: 'the reason is in the response above; common causes are a file that already exists (set skip-existing: true), an invalid version, or a Linux wheel without a manylinux/musllinux tag'
        };
    }
    if (status !== undefined && status >= 500) {
        return {
            message: `the index failed (${detail})`,
            hint: 'this is a server-side problem: wait and re-run with skip-existing: true',
            transient: true
        };
    }
    if (/UnsupportedConfiguration/.test(text)) {
        return {
            message: `twine refused the configuration (${detail})`,
            hint: 'twine supports --skip-existing only on PyPI and TestPyPI'
        };
    }
    if (/ConnectionError|Max retries exceeded|NewConnectionError|Name or service not known/i.test(text)) {
        return {
            message: `cannot reach the index (${detail})`,
            hint: 'check repository-url and the network',
            // Nothing listening, or a name that does not resolve: a wrong URL, not a slow index.
            transient: !/Connection refused|Name or service not known|nodename nor servname|Failed to resolve|NameResolutionError/i.test(text)
        };
    }
    return { message: `twine upload failed (${detail})`, hint: 'see the twine output above' };
}

/**
 * Bounded waits for every request to an index: each try has a timeout
 * (`index-timeout`), a try that gets no answer, a network error, a 5xx or a
 * 429 is tried again after a short pause, and after the last try the error
 * names the URL (its userinfo masked) and the input that sets the timeout.
 * An index that accepts the connection and never answers cannot hold a
 * release job for ever.
 */
const INDEX_ATTEMPTS = 3;
function indexBounds(timeoutSeconds, backoffMs = 2000) {
    return { timeoutMs: timeoutSeconds * 1000, attempts: INDEX_ATTEMPTS, backoffMs };
}
/** Whether a reply is worth another try: the index is overloaded or failing. */
function retriable(status) {
    return status === 429 || status >= 500;
}
/** The pause before try `n` (1-based; none before the first). */
function pauseBefore(attempt, bounds) {
    return attempt <= 1 ? 0 : bounds.backoffMs * 2 ** (attempt - 2);
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Why a try failed without an answer, in words, and whether another try may get one. */
function noAnswer(error, timeoutMs) {
    const name = error.name;
    if (name === 'TimeoutError' || name === 'AbortError')
        return { reason: `no answer within ${timeoutMs / 1000} s`, again: true };
    const cause = error.cause;
    const reason = cause?.code ?? cause?.message ?? error.message;
    // Nothing listens there, or the name does not resolve: a wrong URL, not a slow index.
    return { reason, again: !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|bad port|Invalid URL/i.test(reason) };
}
/** No answer from the index after the last try; `timedOut` when it never answered in time. */
class NoAnswerError extends UserError {
    timedOut;
    constructor(message, details, timedOut) {
        super(message, details);
        this.timedOut = timedOut;
    }
}
/** The error after the last try, naming the URL without its userinfo. */
function exhausted(what, url, reason, bounds, after = '', tries = bounds.attempts) {
    const count = tries === 1 ? '1 try' : `${tries} tries`;
    const timedOut = reason.startsWith('no answer within');
    return new NoAnswerError(`${what}: ${redactUrl(url)}: ${reason} (${count})${after}`, {
        key: timedOut ? 'index-timeout' : 'repository-url',
        hint: timedOut
            ? 'check that repository-url is the index, and the network; a slow index needs a longer index-timeout (seconds per request)'
            : 'check repository-url and the network'
    }, timedOut);
}
/**
 * fetch refuses a URL with userinfo: it travels as a Basic Authorization
 * header instead (unless the request has its own).
 */
function withoutUserinfo(url, init) {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password)
        return [url, init];
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    parsed.username = '';
    parsed.password = '';
    const headers = new Headers(init.headers);
    if (!headers.has('authorization'))
        headers.set('authorization', `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
    return [parsed.href, { ...init, headers }];
}
/**
 * One HTTP request, tried up to `bounds.attempts` times. Returns the last
 * reply that came back (any status), or throws when none came back in time.
 */
async function boundedRequest(url, init, bounds, what) {
    let reason = 'no answer';
    let last;
    let attempt = 1;
    for (; attempt <= bounds.attempts; attempt++) {
        await sleep(pauseBefore(attempt, bounds));
        try {
            const [plain, withAuth] = withoutUserinfo(url, init);
            const response = await fetch(plain, {
                ...withAuth,
                signal: AbortSignal.timeout(bounds.timeoutMs)
            });
            const reply = {
                status: response.status,
                statusText: response.statusText,
                headers: response.headers,
                body: await response.text()
            };
            if (!retriable(reply.status))
                return reply;
            last = reply;
            reason = `${reply.status} ${reply.statusText}`.trim();
        }
        catch (error) {
            last = undefined;
            const failed = noAnswer(error, bounds.timeoutMs);
            reason = failed.reason;
            if (!failed.again)
                break;
        }
    }
    if (last)
        return last;
    throw exhausted(what, url, reason, bounds, '', Math.min(attempt, bounds.attempts));
}

/**
 * Runs twine check and twine upload through util/exec (argv arrays, explicit
 * env). Each file is uploaded by its own twine run, with the index's bounds:
 * a run that gets no answer in time is stopped, and a try that failed for
 * want of an answer (or a 5xx) is tried again, unless the index turns out to
 * have the file after all.
 */
/** `twine check` on every file; a failure names the files and the reason. */
async function twineCheck(python, files, env, reporter, key, children) {
    const result = await exec(twineCheckArgv(python, files), {
        env: toolEnv(env),
        timeoutMs: 600_000,
        ...(children ? { children } : {})
    });
    const output = cleanOutput(result.output);
    reporter.group(`twine check (${files.length} file${files.length === 1 ? '' : 's'})`, output);
    if (result.code !== 0) {
        const failed = output
            .split('\n')
            .filter(line => /FAILED|ERROR/.test(line))
            .map(line => line.trim());
        throw new UserError(`twine check failed: ${failed.join('; ') || output.trim().split('\n').pop()}`, {
            key,
            hint: 'fix the package metadata (for example the readme markup or its content type) and rebuild'
        });
    }
}
/** `twine upload`, one file at a time; the password only travels in the child's environment. */
async function twineUpload(request) {
    const { settings, reporter, bounds } = request;
    const uploaded = [];
    const skipped = [];
    const url = redactUrl(settings.repositoryUrl);
    for (const file of request.files) {
        const name = path.basename(file);
        let reason = '';
        let done = false;
        for (let attempt = 1; attempt <= bounds.attempts && !done; attempt++) {
            await sleep(pauseBefore(attempt, bounds));
            const argv = twineUploadArgv(request.python, [file, ...request.attestationsOf(file)], settings);
            const result = await exec(argv, {
                env: twineUploadEnv(request.env, settings),
                timeoutMs: bounds.timeoutMs,
                ...(request.children ? { children: request.children } : {})
            });
            const output = cleanOutput(result.output);
            const waited = `no answer within ${bounds.timeoutMs / 1000} s`;
            const tries = attempt > 1 ? ` (try ${attempt} of ${bounds.attempts})` : '';
            reporter.group(`twine upload ${name} to ${url}${tries}`, result.timedOut ? `${output}\n${waited}: stopped\n` : output);
            if (result.code === 0) {
                (skippedFiles(output).includes(name) ? skipped : uploaded).push(name);
                done = true;
                continue;
            }
            const failure = explainUploadFailure(output);
            if (!result.timedOut && !failure.transient) {
                const already = uploaded.length > 0 ? ` (already uploaded: ${uploaded.join(', ')})` : '';
                throw new UserError(`${failure.message}${already}`, {
                    key: 'repository-url',
                    hint: failure.hint
                });
            }
            reason = result.timedOut ? waited : failure.message;
            // The index may have taken the file and lost the answer.
            if (await request.landed(file)) {
                reporter.info(`${name} is on the index after all; not uploading it again`);
                uploaded.push(name);
                done = true;
            }
        }
        if (!done) {
            const already = uploaded.length > 0 ? `; already uploaded: ${uploaded.join(', ')}` : '';
            throw exhausted(`uploading ${name}`, settings.repositoryUrl, reason, bounds, already);
        }
    }
    return { uploaded, skipped };
}

/**
 * The Python that runs `build` and `twine` (and, for attestations,
 * `pypi-attestations`): small venvs under the cache dir, made once and
 * reused, next to the build tools venv (`<cache-dir>/tools`). A marker file
 * records that the requirements were installed; a lock (util/lock.ts) keeps two
 * wheelwright processes from installing into one venv at the same time.
 */
/**
 * A Python that already has `build` and `twine`; wheelwright then installs
 * nothing. Meant for offline machines and for the test suite.
 */
const PUBLISH_PYTHON_OVERRIDE = 'WHEELWRIGHT_PUBLISH_PYTHON';
const PUBLISH_REQUIREMENTS = ['build>=1.2', 'twine>=6.1'];
const ATTEST_REQUIREMENTS = [
    'pypi-attestations>=0.0.29,<0.1',
    'sigstore>=4.1,<5'
];
function venvPython(dir, platform = process.platform) {
    return platform === 'win32'
        ? path.join(dir, 'Scripts', 'python.exe')
        : path.join(dir, 'bin', 'python');
}
/** The Python with build and twine. */
async function publishPython(context) {
    const override = context.env[PUBLISH_PYTHON_OVERRIDE]?.trim();
    if (override)
        return override;
    return ensureVenv(path.join(context.cacheDir, 'tools'), 'publish', PUBLISH_REQUIREMENTS, context);
}
/** The Python with pypi-attestations (its own venv: sigstore brings many packages). */
async function attestationPython(context) {
    return ensureVenv(path.join(context.cacheDir, 'attestation-tools'), 'attest', ATTEST_REQUIREMENTS, context);
}
async function ensureVenv(dir, label, requirements, context) {
    const platform = context.platform ?? process.platform;
    const python = venvPython(dir, platform);
    const digest = crypto.createHash('sha256').update(requirements.join('\n')).digest('hex');
    const marker = path.join(dir, `.ready-${label}-${digest.slice(0, 12)}`);
    if (fs__default.existsSync(marker) && fs__default.existsSync(python))
        return python;
    fs__default.mkdirSync(path.dirname(dir), { recursive: true });
    const release = await acquireLock(`${dir}.lock`, {
        onWait: owner => context.reporter.info(waitingMessage(dir, owner))
    });
    try {
        if (fs__default.existsSync(marker) && fs__default.existsSync(python))
            return python;
        const env = toolEnv(context.env);
        context.reporter.info(`installing ${requirements.join(', ')} into ${dir}`);
        if (!fs__default.existsSync(python)) {
            const host = platform === 'win32' ? 'python' : 'python3';
            await run([host, '-m', 'venv', dir], { env, timeoutMs: 300_000 });
        }
        await run([python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', ...requirements], { env, timeoutMs: 600_000 });
        fs__default.writeFileSync(marker, `${requirements.join('\n')}\n`);
        return python;
    }
    catch (error) {
        const detail = error instanceof CommandError ? error.message : error.message || String(error);
        throw new UserError(`could not install ${requirements.join(', ')} into ${dir}: ${detail}`, {
            hint: `check access to PyPI, or set ${PUBLISH_PYTHON_OVERRIDE} to a Python that has build and twine`
        });
    }
    finally {
        release();
    }
}

export { NoAnswerError as N, twineCheck as a, boundedRequest as b, attestationPython as c, twineUpload as d, indexBounds as i, publishPython as p, toolEnv as t };
