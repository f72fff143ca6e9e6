import path from 'node:path';
import { b as acquireLock, w as waitingMessage, d as checkWritableDir } from './filename-cCFM2wW1.js';
import crypto from 'node:crypto';
import fs__default from 'node:fs';
import os from 'node:os';
import { f as isCredential, e as exec, U as UserError, k as run, m as CommandError } from './credentials-CM7SRqvW.js';
import { k as redactUrl } from './index-url-Bq7hlpKG.js';
import { e as expandArtifactName, c as checkArtifactName } from './artifacts-jAEe4OVM.js';
import { uploadJobArtifact } from './job-artifact-C-QCnjCV.js';
import { S as SDIST_ARTIFACT_NAME } from './settings-OMS0pE_i.js';

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
            hint: 'this is a server-side problem: wait and re-run with skip-existing: true'
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
            hint: 'check repository-url and the network'
        };
    }
    return { message: `twine upload failed (${detail})`, hint: 'see the twine output above' };
}

/** Runs twine check and twine upload through util/exec (argv arrays, explicit env). */
const basename = (p) => p.replace(/^.*[\\/]/, '');
/** `twine check` on every file; a failure names the files and the reason. */
async function twineCheck(python, files, env, reporter, key) {
    const result = await exec(twineCheckArgv(python, files), {
        env: toolEnv(env),
        timeoutMs: 600_000
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
/** `twine upload`; the password only travels in the child's environment. */
async function twineUpload(python, files, attestations, settings, env, reporter) {
    const argv = twineUploadArgv(python, [...files, ...attestations], settings);
    const result = await exec(argv, {
        env: twineUploadEnv(env, settings),
        timeoutMs: 1_800_000
    });
    const output = cleanOutput(result.output);
    reporter.group(`twine upload to ${redactUrl(settings.repositoryUrl)}`, output);
    if (result.code !== 0) {
        const failure = explainUploadFailure(output);
        throw new UserError(failure.message, { key: 'repository-url', hint: failure.hint });
    }
    const skipped = new Set(skippedFiles(output));
    const names = files.map(basename);
    return {
        uploaded: names.filter(name => !skipped.has(name)),
        skipped: names.filter(name => skipped.has(name))
    };
}

/**
 * The sdist: `python -m build --sdist` of a copy of the project (the build
 * writes `*.egg-info`, which must never land in the user's tree) into a
 * scratch dir, `twine check`, then an atomic move into output-dir (never
 * silently replacing a different file).
 */
function sdistBuildArgv(python, packageDir, outDir) {
    return [python, '-m', 'build', '--sdist', '--outdir', outDir, packageDir];
}
/** Builds (or takes) the sdist and returns its path in output-dir. */
async function buildSdist(request) {
    const { reporter } = request;
    const scratch = fs__default.mkdtempSync(path.join(request.env.RUNNER_TEMP || os.tmpdir(), 'ww-sdist-'));
    try {
        let built;
        if (request.sdistInput) {
            built = path.join(scratch, path.basename(request.sdistInput));
            fs__default.copyFileSync(request.sdistInput, built);
        }
        else {
            const started = Date.now();
            const copy = copyProject(request.packageDir, path.join(scratch, 'project'), request.outputDir);
            const result = await exec(sdistBuildArgv(request.python, copy, scratch), {
                env: toolEnv(request.env),
                cwd: copy,
                timeoutMs: 1_800_000
            });
            reporter.group(`sdist: python -m build --sdist (${((Date.now() - started) / 1000).toFixed(1)} s)`, result.output);
            if (result.code !== 0) {
                const tail = result.output.trimEnd().split('\n').slice(-15).join('\n');
                throw new UserError(`python -m build --sdist failed:\n${tail}\n`, {
                    key: 'package-dir',
                    value: request.packageDir,
                    hint: 'run `python -m build --sdist` in the project to see the whole error'
                });
            }
            const made = fs__default
                .readdirSync(scratch)
                .filter(f => f.endsWith('.tar.gz') && fs__default.statSync(path.join(scratch, f)).isFile());
            if (made.length !== 1) {
                throw new UserError(`python -m build --sdist made ${made.length} .tar.gz files`, {
                    key: 'package-dir',
                    value: request.packageDir
                });
            }
            built = path.join(scratch, made[0]);
        }
        await twineCheck(request.python, [built], request.env, reporter, 'sdist');
        return placeFile(built, request.outputDir);
    }
    finally {
        fs__default.rmSync(scratch, { recursive: true, force: true });
    }
}
/** Top-level folders of build output and tool state, left out of the copy. */
const NOT_COPIED = new Set([
    'build',
    'dist',
    'wheelhouse',
    '.tox',
    '.nox',
    '.venv',
    'venv',
    'node_modules',
    '__pycache__'
]);
/** Copies the project (with its .git, which setuptools-scm reads) without build output. */
function copyProject(project, dest, outputDir) {
    fs__default.cpSync(project, dest, {
        recursive: true,
        verbatimSymlinks: true,
        filter: source => {
            const relative = path.relative(project, source);
            if (relative === '')
                return true;
            if (path.resolve(source) === path.resolve(outputDir))
                return false;
            return !(path.dirname(relative) === '.' && NOT_COPIED.has(relative));
        }
    });
    return dest;
}
function sha256(file) {
    return crypto.createHash('sha256').update(fs__default.readFileSync(file)).digest('hex');
}
/**
 * Moves `file` into `dir` atomically (copy to a temp name there, then rename).
 * An identical file already there is kept; a different one is an error.
 */
function placeFile(file, dir) {
    fs__default.mkdirSync(dir, { recursive: true });
    const dest = path.join(dir, path.basename(file));
    if (fs__default.existsSync(dest)) {
        if (sha256(dest) === sha256(file))
            return dest;
        throw new UserError(`already holds a different ${path.basename(file)}`, {
            key: 'output-dir',
            value: dir,
            hint: 'remove the old file (or use an empty output-dir) so that the new one is not confused with it'
        });
    }
    const temp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
    fs__default.copyFileSync(file, temp);
    fs__default.renameSync(temp, dest);
    return dest;
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

/** `sdist`: build the source distribution, twine-check it, upload it as an artifact. */
function toolsContext(options, context) {
    return {
        env: context.env,
        cacheDir: options.cacheDir,
        reporter: context.reporter
    };
}
/** Builds the sdist into output-dir and returns its path; sets the `sdist` output. */
async function makeSdist(options, context) {
    checkWritableDir(options.outputDir, 'output-dir');
    const tools = toolsContext(options, context);
    const python = await publishPython(tools);
    const sdist = await buildSdist({
        packageDir: options.packageDir,
        ...(options.sdistInput ? { sdistInput: options.sdistInput } : {}),
        outputDir: options.outputDir,
        python,
        env: context.env,
        reporter: context.reporter
    });
    context.reporter.setOutput('sdist', sdist);
    context.reporter.info(`sdist: ${sdist}`);
    return sdist;
}
async function runSdist(options, context) {
    const settings = options.publish;
    const sdist = await makeSdist(options, context);
    if (!context.isAction) {
        context.reporter.result(sdist);
        return;
    }
    if (!settings.uploadArtifact)
        return;
    // The artifact is `sdist` unless artifact-name was given for this step.
    const name = settings.artifactNameGiven
        ? expandArtifactName(settings.artifactName, {
            os: options.platform,
            arch: options.runner.machine,
            ...(options.group ? { group: options.group } : {})
        })
        : checkArtifactName(SDIST_ARTIFACT_NAME);
    await uploadJobArtifact({
        name,
        files: [sdist],
        rootDirectory: path.dirname(sdist),
        settings,
        env: context.env,
        reporter: context.reporter
    });
}

var sdist = /*#__PURE__*/Object.freeze({
    __proto__: null,
    makeSdist: makeSdist,
    runSdist: runSdist,
    toolsContext: toolsContext
});

export { attestationPython as a, twineCheck as b, twineUpload as c, toolsContext as d, publishPython as p, sdist as s, toolEnv as t };
