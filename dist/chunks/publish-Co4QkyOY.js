import fs__default from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { p as parseDistributionName, s as sha256File, a as artifactServiceMissing, d as distributionsUnder, b as downloadDistributions } from './artifacts-jAEe4OVM.js';
import { U as UserError, e as exec, i as isUserError } from './credentials-CM7SRqvW.js';
import { a as attestationPython, t as toolEnv, p as publishPython, b as twineCheck, c as twineUpload, d as toolsContext } from './sdist--M82nRJR.js';
import { h as projectPageUrl, i as parseRepositoryUrl, o as oidcIndexBase, j as pypiInstance, s as simpleIndexUrl, k as redactUrl } from './index-url-Bq7hlpKG.js';
import { t as tagOfRef, c as checkTagMatchesVersion, s as shouldPublish } from './settings-OMS0pE_i.js';
import { v as versionKey, n as normalizeVersion } from './version-B_HjIsfq.js';
import 'node:crypto';
import './filename-cCFM2wW1.js';
import 'node:child_process';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './job-artifact-C-QCnjCV.js';

/** A GET or POST with a timeout; network failures become readable errors. */
async function request(url, init, what) {
    try {
        const response = await fetch(url, {
            ...init,
            redirect: 'error',
            signal: AbortSignal.timeout(30_000)
        });
        return {
            status: response.status,
            statusText: response.statusText,
            body: await response.text()
        };
    }
    catch (error) {
        const cause = error.cause?.message;
        throw new UserError(`trusted publishing: cannot reach ${what} (${new URL(url).origin}): ${cause ?? error.message}`, { key: 'repository-url', hint: 'check repository-url and the network' });
    }
}
function parseJson(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
/** `404 Not Found`, or just `404` when the reason phrase is empty. */
const status = (reply) => reply.statusText ? `${reply.status} ${reply.statusText}` : String(reply.status);
const snippet = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text).trim();
// ---------------------------------------------------------------- audience
/** Reads the audience from `GET {base}/_/oidc/audience`' reply, or throws why not. */
function audienceFromReply(base, reply) {
    const host = new URL(base).host;
    if (reply.status === 403) {
        throw new UserError(`trusted publishing: ${host} has trusted publishing disabled`, {
            key: 'password',
            hint: 'set password to an API token for this index'
        });
    }
    if (reply.status === 404) {
        throw new UserError(`trusted publishing: ${host} does not offer trusted publishing (${base}/_/oidc/audience is not found)`, {
            key: 'password',
            hint: 'this index needs a password (API token); or check repository-url'
        });
    }
    if (reply.status !== 200) {
        throw new UserError(`trusted publishing: ${base}/_/oidc/audience answered ${status(reply)}`, {
            key: 'repository-url',
            hint: 'the index may be down: wait and re-run'
        });
    }
    const data = parseJson(reply.body);
    if (typeof data?.audience !== 'string' || data.audience.trim() === '') {
        throw new UserError(`trusted publishing: ${base}/_/oidc/audience gave no audience (reply: ${snippet(reply.body)})`, {
            key: 'repository-url',
            hint: 'the index does not speak the trusted-publishing protocol; use a password (API token)'
        });
    }
    return data.audience;
}
async function fetchAudience(base) {
    const reply = await request(`${base}/_/oidc/audience`, { method: 'GET' }, 'the index');
    return audienceFromReply(base, reply);
}
// ---------------------------------------------------------------- ID token
/** Why this job cannot ask for an ID token, or undefined when it can. */
function missingIdTokenReason(env) {
    const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(name => !env[name]);
    if (missing.length === 0)
        return undefined;
    const fork = env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
    return new UserError(`is empty, so trusted publishing was tried, but this job cannot get an OIDC ID token (${missing.join(' and ')} unset)`, {
        key: 'password',
        hint: fork
            ? 'pull requests (from forks especially) never get ID tokens: publish from a tag push, a release or workflow_dispatch instead'
            : env.GITHUB_ACTIONS
                ? 'give the publish job `permissions: id-token: write`, and register this repository and workflow as a trusted publisher on the index; or set password to an API token'
                : 'outside GitHub Actions, give an API token (TWINE_PASSWORD in the environment, or --password)'
    });
}
/** The ID token request URL with `audience` added to the query the runner gave. */
function idTokenRequestUrl(requestUrl, audience) {
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    return url.href;
}
function idTokenFromReply(reply) {
    if (reply.status !== 200) {
        throw new UserError(`trusted publishing: the runner refused an OIDC ID token (${status(reply)}: ${snippet(reply.body)})`, {
            key: 'password',
            hint: 'give the job `permissions: id-token: write`, or set password to an API token'
        });
    }
    const data = parseJson(reply.body);
    if (typeof data?.value !== 'string' || data.value === '') {
        throw new UserError('trusted publishing: the runner answered the ID token request without a token', {
            key: 'password',
            hint: 're-run the job; if it persists, use an API token'
        });
    }
    return data.value;
}
/** Throws the reason when this job cannot get an ID token (before any request). */
function assertIdTokenService(env) {
    const missing = missingIdTokenReason(env);
    if (missing)
        throw missing;
}
/** Fetches an ID token for `audience`; the token is a secret from the first moment. */
async function fetchIdToken(env, audience, reporter) {
    assertIdTokenService(env);
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    reporter.setSecret(requestToken);
    const reply = await request(idTokenRequestUrl(env.ACTIONS_ID_TOKEN_REQUEST_URL, audience), {
        method: 'GET',
        headers: { Authorization: `bearer ${requestToken}`, Accept: 'application/json' }
    }, 'the runner ID token service');
    const token = idTokenFromReply(reply);
    reporter.setSecret(token);
    return token;
}
/** The claims of a JWT, read without verifying it (for messages only). */
function jwtClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return {};
    try {
        const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return data && typeof data === 'object' ? data : {};
    }
    catch {
        return {};
    }
}
// ---------------------------------------------------------------- token exchange
/** What to do about each error code of `/_/oidc/mint-token`. */
const MINT_ERROR_HINTS = {
    'invalid-payload': 'the index could not read the ID token: it is malformed, or comes from an issuer the index does not trust',
    'not-enabled': 'trusted publishing is turned off on this index: set password to an API token',
    'invalid-token': 'the ID token failed verification: it expired (ID tokens last minutes; re-run the job) or was made for another audience than the index expects',
    'invalid-publisher': 'no trusted publisher on the index matches this job: register one for this repository, workflow file name and environment in the project settings (Publishing)',
    'invalid-pending-publisher': 'a pending publisher matched, but a project of that name already exists: add the trusted publisher to that project instead',
    'invalid-reuse-token': 'this ID token was used before: re-run the job to get a fresh one'
};
const CLAIMS_SHOWN = [
    'sub',
    'repository',
    'repository_owner',
    'repository_owner_id',
    'workflow_ref',
    'job_workflow_ref',
    'ref',
    'environment'
];
/** The message for a refused token exchange (422 with `errors`). */
function describeMintRefusal(errors, claims) {
    const lines = errors.map(error => {
        const code = typeof error.code === 'string' ? error.code : 'unknown';
        const description = typeof error.description === 'string' ? error.description : '';
        const hint = MINT_ERROR_HINTS[code];
        return `  - ${code}: ${description}${hint ? ` → ${hint}` : ''}`;
    });
    const shown = CLAIMS_SHOWN.map(name => `${name}=${claims[name] === undefined ? 'MISSING' : String(claims[name])}`).join(', ');
    return `trusted publishing: the index refused the token exchange:\n${lines.join('\n')}\n  the ID token's claims: ${shown}\n`;
}
/** Reads the upload token from the reply to `POST {base}/_/oidc/mint-token`, or throws why not. */
function mintedTokenFromReply(base, reply, claims) {
    const data = parseJson(reply.body);
    if (reply.status === 200) {
        if (typeof data?.token === 'string' && data.token !== '')
            return data.token;
        throw new UserError('trusted publishing: the index answered the token exchange without a token', {
            key: 'repository-url',
            hint: 'the index gave an invalid response: wait and re-run, or use an API token'
        });
    }
    if (data && Array.isArray(data.errors) && data.errors.length > 0) {
        throw new UserError(describeMintRefusal(data.errors, claims), {
            key: 'password',
            hint: 'see the reasons above; the trusted-publishing troubleshooting guide of the index (https://docs.pypi.org/trusted-publishers/troubleshooting/ for PyPI) explains each'
        });
    }
    throw new UserError(`trusted publishing: ${base}/_/oidc/mint-token answered ${status(reply)}${data?.message ? ` (${String(data.message)})` : ` (${snippet(reply.body)})`}`, {
        key: 'repository-url',
        hint: 'the index may be having problems (for PyPI see https://status.python.org): wait and re-run'
    });
}
async function mintToken(base, idToken, reporter) {
    const reply = await request(`${base}/_/oidc/mint-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token: idToken })
    }, 'the index token exchange');
    const token = mintedTokenFromReply(base, reply, jwtClaims(idToken));
    reporter.setSecret(token);
    return token;
}
/** The whole flow: audience → ID token → upload token. */
async function trustedPublishingToken(base, env, reporter) {
    assertIdTokenService(env);
    const audience = await fetchAudience(base);
    const idToken = await fetchIdToken(env, audience, reporter);
    const token = await mintToken(base, idToken, reporter);
    reporter.info(`trusted publishing: exchanged an ID token (audience ${audience}) for an upload token`);
    return token;
}

/**
 * PEP 740 attestations, made when trusted publishing is in use: a second ID
 * token (audience `sigstore`), then pypi-attestations signs each file through
 * Sigstore (Fulcio certificate, Rekor entry). Anything that stops them
 * (no Sigstore access, no package index to install from) is a warning: the
 * upload goes ahead without attestations, never fails because of them.
 */
const SIGSTORE_AUDIENCE = 'sigstore';
const TOKEN_VARIABLE = 'WHEELWRIGHT_SIGSTORE_ID_TOKEN';
/** Signs argv[2:] and writes `<out>/<file name>.publish.attestation` (argv[1] is out). */
const SIGN_SCRIPT = `
import os, sys
from pathlib import Path
try:
    from pypi_attestations import Attestation, Distribution
    from sigstore.models import ClientTrustConfig
    from sigstore.oidc import IdentityToken
    from sigstore.sign import SigningContext
    out = Path(sys.argv[1])
    identity = IdentityToken(os.environ["${TOKEN_VARIABLE}"])
    config = ClientTrustConfig.production()
    config.force_tlog_version = 1
    context = SigningContext.from_trust_config(config)
    with context.signer(identity, cache=True) as signer:
        for name in sys.argv[2:]:
            attestation = Attestation.sign(signer, Distribution.from_file(Path(name)))
            target = out / (Path(name).name + ".publish.attestation")
            target.write_text(attestation.model_dump_json())
            print("attested", Path(name).name)
except Exception as error:
    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
`;
function attestationPath(outDir, file) {
    return path.join(outDir, `${path.basename(file)}.publish.attestation`);
}
function signArgv(python, outDir, files) {
    return [python, '-c', SIGN_SCRIPT, outDir, ...files];
}
function attestationWarning(reason) {
    return `attestations (PEP 740) could not be made: ${reason}. The files are uploaded without them; set attestations: false to stop trying`;
}
/** The attestation files, or none (with a warning) when they cannot be made. */
async function makeAttestations(request) {
    const { reporter } = request;
    const fail = (reason) => {
        reporter.warning(attestationWarning(reason));
        return [];
    };
    let python;
    try {
        python = await attestationPython(request.tools);
    }
    catch (error) {
        return fail(`pypi-attestations could not be installed (${error.message})`);
    }
    let token;
    try {
        token = await fetchIdToken(request.env, SIGSTORE_AUDIENCE, reporter);
    }
    catch (error) {
        return fail(`no ID token for Sigstore (${error.message})`);
    }
    fs__default.mkdirSync(request.outDir, { recursive: true });
    const result = await exec(signArgv(python, request.outDir, request.files), {
        env: { ...toolEnv(request.env), [TOKEN_VARIABLE]: token },
        timeoutMs: 300_000
    }).catch((error) => ({ code: 1, output: error.message, signal: null }));
    if (result.code !== 0) {
        const last = result.output
            .trim()
            .split('\n')
            .filter(line => line.trim() !== '')
            .pop() ?? `exit ${result.signal ?? result.code}`;
        return fail(`signing through Sigstore failed (${last.trim()})`);
    }
    const made = request.files.map(file => attestationPath(request.outDir, file));
    const missing = made.filter(file => !fs__default.existsSync(file));
    if (missing.length > 0)
        return fail(`no attestation was written for ${missing.map(f => path.basename(f)).join(', ')}`);
    reporter.info(`attestations: signed ${made.length} file${made.length === 1 ? '' : 's'} through Sigstore`);
    return made;
}

/**
 * Which files an index already has: read from its simple index (PEP 691 JSON
 * or PEP 503 HTML). twine's own --skip-existing only works on PyPI, so
 * wheelwright checks itself, before anything is uploaded.
 */
const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';
/** Parses a project page of a simple index. */
function parseSimplePage(body, contentType) {
    const files = new Map();
    if (contentType.includes('json')) {
        const data = JSON.parse(body);
        for (const file of data.files ?? []) {
            if (file.filename)
                files.set(file.filename, file.hashes?.sha256?.toLowerCase());
        }
        return files;
    }
    const anchor = /<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>([^<]*)<\/a>/gi;
    for (const match of body.matchAll(anchor)) {
        const href = decodeEntities(match[1]);
        const text = decodeEntities(match[2]).trim();
        const hashAt = href.indexOf('#');
        const fragment = hashAt >= 0 ? href.slice(hashAt + 1) : '';
        const sha = /(?:^|&)sha256=([0-9a-f]{64})/i.exec(fragment)?.[1]?.toLowerCase();
        const fromHref = decodeURIComponent((hashAt >= 0 ? href.slice(0, hashAt) : href).replace(/\?.*$/, '').replace(/^.*\//, ''));
        const name = text || fromHref;
        if (name)
            files.set(name, sha);
    }
    return files;
}
function decodeEntities(text) {
    return text
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
}
/**
 * The files of `project` on the index; an empty map for a project the index
 * does not know (404). Throws with a readable message when the index cannot
 * be asked.
 */
async function existingFiles(query) {
    let url = projectPageUrl(query.simpleUrl, query.project);
    const origin = new URL(url).origin;
    const headers = {
        Accept: `${SIMPLE_JSON}, text/html;q=0.2`
    };
    if (query.authorization)
        headers.Authorization = query.authorization;
    // Redirects are followed on the same host only: pypiserver sends unknown
    // projects to pypi.org, whose files are not on this index.
    for (let hop = 0; hop < 5; hop++) {
        let response;
        try {
            response = await fetch(url, {
                headers,
                redirect: 'manual',
                signal: AbortSignal.timeout(query.timeoutMs ?? 30000)
            });
        }
        catch (error) {
            throw new Error(`cannot reach ${url}: ${error.message}`, { cause: error });
        }
        if (response.status >= 300 && response.status < 400) {
            const location = response.headers.get('location');
            const next = location ? new URL(location, url) : undefined;
            if (!next || next.origin !== origin)
                return new Map();
            url = next.href;
            continue;
        }
        if (response.status === 404)
            return new Map();
        if (!response.ok)
            throw new Error(`${url} answered ${response.status} ${response.statusText}`);
        const body = await response.text();
        return parseSimplePage(body, response.headers.get('content-type') ?? '');
    }
    throw new Error(`${url}: too many redirects`);
}

/**
 * The checks that stand between a directory of files and the index, all
 * pure: every file is a distribution, there is one version, no distribution
 * comes twice, and on a tag ref the tag names that version. Any failure
 * throws before anything is uploaded.
 */
const basename = (p) => p.replace(/^.*[\\/]/, '');
function verifyRelease(files, { ref, verifyTag, key }) {
    if (files.length === 0) {
        throw new UserError('holds no wheels (.whl) or sdists (.tar.gz); nothing to publish', {
            key,
            hint: 'build them first (command: build / sdist), or point it at the directory that has them'
        });
    }
    const notes = [];
    const warnings = [];
    const parsed = files.map(file => {
        const dist = parseDistributionName(file.path);
        if (!dist) {
            throw new UserError('holds a file that is not a valid wheel or sdist name', {
                key,
                value: basename(file.path),
                hint: 'wheels are name-version[-build]-python-abi-platform.whl and sdists name-version.tar.gz with a PEP 440 version; remove other files'
            });
        }
        return { ...file, dist };
    });
    // The same file name twice: identical copies (one wheel in two artifacts)
    // are dropped; different contents under one name cannot both be uploaded.
    const byName = new Map();
    for (const file of parsed) {
        const seen = byName.get(file.dist.filename);
        if (!seen) {
            byName.set(file.dist.filename, file);
        }
        else if (seen.sha256 === file.sha256) {
            notes.push(`${file.dist.filename} appears twice with identical contents; uploading it once`);
        }
        else {
            throw new UserError(`two different files are both named ${file.dist.filename} (${seen.path} and ${file.path})`, {
                key,
                hint: 'each wheel and the sdist must come from exactly one job: give the jobs disjoint identifiers, and build the sdist in one job only'
            });
        }
    }
    const unique = [...byName.values()];
    // One distribution under two spellings (spam-ext vs spam_ext, .tar.gz and .zip).
    const byKey = new Map();
    for (const file of unique) {
        const seen = byKey.get(file.dist.key);
        if (seen) {
            throw new UserError(`${seen.dist.filename} and ${file.dist.filename} are the same ${file.dist.kind === 'sdist' ? 'sdist' : 'wheel'}; an index accepts only one of them`, {
                key,
                hint: file.dist.kind === 'sdist'
                    ? 'keep one sdist per release (python -m build --sdist makes the .tar.gz)'
                    : 'remove one of the two files'
            });
        }
        byKey.set(file.dist.key, file);
    }
    const versions = new Map();
    for (const file of unique) {
        const v = versionKey(file.dist.version);
        versions.set(v, [...(versions.get(v) ?? []), file]);
    }
    if (versions.size > 1) {
        const listing = [...versions.values()]
            .map(group => `${normalizeVersion(group[0].dist.version)} (${group.map(f => f.dist.filename).join(', ')})`)
            .join('; ');
        throw new UserError(`holds more than one version: ${listing}`, {
            key,
            hint: 'publish one release at a time: start from an empty directory and rebuild, or remove the files of other versions'
        });
    }
    const version = normalizeVersion(unique[0].dist.version);
    const tag = verifyTag ? tagOfRef(ref) : undefined;
    if (tag !== undefined)
        checkTagMatchesVersion(tag, version);
    const projects = [...new Set(unique.map(f => f.dist.project))].sort();
    for (const project of projects) {
        const own = unique.filter(f => f.dist.project === project);
        if (!own.some(f => f.dist.kind === 'sdist')) {
            warnings.push(`no sdist of ${project} ${version} among the files: this release is binary-only, so platforms without a wheel cannot install it. Build one with sdist: true (in one job) or command: sdist`);
        }
    }
    const ordered = [...unique].sort((a, b) => Number(a.dist.kind === 'wheel') - Number(b.dist.kind === 'wheel') ||
        a.dist.filename.localeCompare(b.dist.filename));
    return { files: ordered, version, projects, ...(tag ? { tag } : {}), notes, warnings };
}

/**
 * Publishing a set of files: verify (names, one version, no duplicates, the
 * tag), twine check, find what the index already has, get credentials (the
 * password, or trusted publishing), attestations, then twine upload. Every
 * refusal happens before the first upload.
 */
/** `<sha256>  <file name>`, as `sha256sum` prints it and `sha256sum -c` reads it. */
function hashLine(file) {
    return `${file.sha256}  ${file.dist.filename}`;
}
function basicAuth(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
async function publishRelease(request) {
    const { settings, env, reporter, key } = request;
    if (settings.password)
        reporter.setSecret(settings.password);
    parseRepositoryUrl(settings.repositoryUrl);
    const release = verifyRelease(request.files.map(file => ({ path: file, sha256: sha256File(file) })), { ref: env.GITHUB_REF, verifyTag: settings.verifyTag, key });
    for (const note of release.notes)
        reporter.info(note);
    for (const warning of release.warnings)
        reporter.warning(warning);
    reporter.info(`release ${release.projects.join(', ')} ${release.version}: ${release.files.length} file${release.files.length === 1 ? '' : 's'}` +
        (release.tag ? `, matching tag ${release.tag}` : ''));
    if (settings.printHash) {
        reporter.info(['sha256 of each file (sha256sum format):', ...release.files.map(hashLine)].join('\n'));
    }
    const python = await publishPython(request.tools);
    if (settings.verifyMetadata) {
        await twineCheck(python, release.files.map(f => f.path), env, reporter, key);
    }
    else
        reporter.info('verify-metadata: false; twine check skipped');
    if (!request.upload) {
        reporter.info(`publish: ${settings.mode} and ${env.GITHUB_REF ?? 'no ref'} is not a tag: not uploading`);
        return { version: release.version, published: [], skipped: [] };
    }
    const pending = await withoutExisting(release.files, request);
    if (pending.files.length === 0) {
        reporter.info('every file is already on the index; nothing to upload');
        return { version: release.version, published: [], skipped: pending.skipped };
    }
    let password = settings.password;
    const trusted = !password;
    if (trusted) {
        if (settings.username !== '__token__') {
            throw new UserError('is empty; trusted publishing needs username __token__', {
                key: 'password',
                hint: `give the password of ${settings.username}, or drop username to use trusted publishing`
            });
        }
        password = await trustedPublishingToken(oidcIndexBase(settings.repositoryUrl, env), env, reporter);
    }
    let attestations = [];
    const scratch = fs__default.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'ww-attest-'));
    try {
        if (trusted && settings.attestations) {
            attestations = await makeAttestations({
                files: pending.files.map(f => f.path),
                outDir: scratch,
                env,
                reporter,
                tools: request.tools
            });
        }
        else if (settings.attestations && !trusted) {
            reporter.info('attestations are made only with trusted publishing (password is set); skipped');
        }
        const result = await twineUpload(python, pending.files.map(f => f.path), attestations, {
            repositoryUrl: settings.repositoryUrl,
            username: settings.username,
            password: password,
            skipExisting: settings.skipExisting && pypiInstance(settings.repositoryUrl) !== undefined,
            attestations: attestations.length > 0,
            verbose: settings.verbose
        }, env, reporter);
        return {
            version: release.version,
            published: result.uploaded,
            skipped: [...pending.skipped, ...result.skipped]
        };
    }
    finally {
        fs__default.rmSync(scratch, { recursive: true, force: true });
    }
}
/**
 * Drops the files the index already has (skip-existing), or refuses before
 * uploading anything when it has some and skip-existing is off.
 */
async function withoutExisting(files, request) {
    const { settings, reporter } = request;
    const simpleUrl = simpleIndexUrl(settings.repositoryUrl);
    const sameHost = new URL(simpleUrl).origin === new URL(settings.repositoryUrl).origin;
    const present = new Map();
    for (const project of new Set(files.map(f => f.dist.project))) {
        try {
            const found = await existingFiles({
                simpleUrl,
                project,
                ...(sameHost && settings.password
                    ? { authorization: basicAuth(settings.username, settings.password) }
                    : {})
            });
            for (const [name, sha] of found)
                present.set(name, sha);
        }
        catch (error) {
            reporter.warning(`cannot list the files of ${project} already on the index (${error.message}); the index itself will refuse duplicates`);
        }
    }
    const already = files.filter(f => present.has(f.dist.filename));
    if (already.length === 0)
        return { files: [...files], skipped: [] };
    if (!settings.skipExisting) {
        throw new UserError(`the index already has ${already.length} of these files (${already.map(f => f.dist.filename).join(', ')}); nothing was uploaded`, {
            key: 'skip-existing',
            hint: 'files on an index can never be replaced: set skip-existing: true to make re-runs safe, or release a new version'
        });
    }
    for (const file of already) {
        const theirs = present.get(file.dist.filename);
        if (theirs && theirs !== file.sha256) {
            reporter.warning(`${file.dist.filename} is already on the index with different contents (sha256 ${theirs.slice(0, 16)}… there, ${file.sha256.slice(0, 16)}… here); skipped, the index keeps its copy`);
        }
        else {
            reporter.info(`${file.dist.filename} is already on the index; skipped`);
        }
    }
    return {
        files: files.filter(f => !present.has(f.dist.filename)),
        skipped: already.map(f => f.dist.filename)
    };
}

/**
 * `publish`: in the action, this run's wheel and sdist artifacts are
 * downloaded into dist-dir; in the CLI, dist-dir (the positional argument) is
 * taken as it is. Then the release is verified and uploaded.
 */
/** Publishes `files`, sets the `published` output and writes the summary. */
async function publishAndReport(files, key, options, context, upload) {
    const { reporter } = context;
    const result = await publishRelease({
        files,
        settings: options.publish,
        env: context.env,
        reporter,
        tools: toolsContext(options, context),
        key,
        upload
    }).catch(error => {
        // A failed check or upload is annotated as a publish error.
        throw isUserError(error) ? error.as('publish') : error;
    });
    reporter.setOutput('published', JSON.stringify(result.published));
    if (!upload)
        return;
    const rows = [
        ...result.published.map(name => [name, 'uploaded']),
        ...result.skipped.map(name => [name, 'already on the index'])
    ];
    const markdown = [
        `### wheelwright: published ${result.version} to ${redactUrl(options.publish.repositoryUrl)}`,
        '',
        '| file | result |',
        '| --- | --- |',
        ...rows.map(([name, state]) => `| ${name} | ${state} |`),
        ''
    ].join('\n');
    const plain = rows.map(([name, state]) => `${name}  ${state}`).join('\n');
    await reporter.summary(markdown, plain || 'nothing uploaded');
}
async function runPublish(options, context) {
    const { reporter, env } = context;
    const settings = options.publish;
    if (context.isAction) {
        const missing = artifactServiceMissing(env);
        if (missing) {
            reporter.warning(`${missing}: publishing what is already in ${settings.distDir}`);
        }
        else {
            const scratch = fs__default.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'ww-artifacts-'));
            try {
                const already = distributionsUnder(settings.distDir);
                const downloaded = await downloadDistributions(settings.artifactPattern, settings.distDir, scratch, reporter).catch(error => {
                    // No matching artifact, but dist-dir already has files (an earlier
                    // download-artifact step): publish those.
                    if (already.length > 0 &&
                        /no artifact of this workflow run matches/.test(String(error))) {
                        reporter.info(`no artifact matches ${settings.artifactPattern}; using the files in ${settings.distDir}`);
                        return [];
                    }
                    throw error;
                });
                reporter.info(`downloaded ${downloaded.length} file${downloaded.length === 1 ? '' : 's'} into ${settings.distDir}`);
            }
            finally {
                fs__default.rmSync(scratch, { recursive: true, force: true });
            }
        }
    }
    if (!fs__default.existsSync(settings.distDir)) {
        throw new UserError('does not exist', {
            key: 'dist-dir',
            value: settings.distDir,
            hint: 'give the directory that holds the wheels and the sdist (wheelwright publish DIST_DIR)'
        });
    }
    const files = distributionsUnder(settings.distDir);
    const upload = settings.mode === 'tag' ? shouldPublish('tag', env.GITHUB_REF) : true;
    await publishAndReport(files, 'dist-dir', options, context, upload);
}

export { publishAndReport, runPublish };
