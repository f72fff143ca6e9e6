import { U as UserError, i as isUserError } from './selector-wT822Vb0.js';
import { w as withInterruptScope } from './interrupt-FJeqM1js.js';
import { i as projectPageUrl, j as parseRepositoryUrl, o as oidcIndexBase, k as pypiInstance, l as redactUrl, s as simpleIndexUrl } from './index-url-DDV0Wi_r.js';
import os from 'node:os';
import fs__default from 'node:fs';
import path from 'node:path';
import { e as exec } from './index-Da-eS02x.js';
import { b as boundedRequest, c as attestationPython, t as toolEnv, i as indexBounds, p as publishPython, a as twineCheck, d as twineUpload, N as NoAnswerError } from './tools-DMhzfJfG.js';
import { n as normalizeProject, p as parseDistributionName, s as sha256File } from './files-dg-71lIr.js';
import { createGunzip } from 'node:zlib';
import { createRequire } from 'module';
import { r as requireTarStream } from './index-BmlZbbp_.js';
import { v as versionKey, n as normalizeVersion } from './version-B18YtENW.js';
import { t as tagOfRef, c as checkTagMatchesVersion } from './tag-BZk1Qlxj.js';
import './version-DsHt9dgB.js';
import 'node:child_process';
import 'node:crypto';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './lock-Bv3Ceag5.js';
import './filename-CvnRmlht.js';
import 'events';

/** A GET or POST within the index's bounds (bounded.ts); the reply of any status. */
async function request(url, init, what, bounds) {
    const reply = await boundedRequest(url, { ...init, redirect: 'error' }, bounds, `trusted publishing: ${what}`);
    return { status: reply.status, statusText: reply.statusText, body: reply.body };
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
async function fetchAudience(base, bounds) {
    const reply = await request(`${base}/_/oidc/audience`, { method: 'GET' }, 'the index', bounds);
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
/** Throws the reason when this job cannot get an ID token (before any request). */
function assertIdTokenService(env) {
    const missing = missingIdTokenReason(env);
    if (missing)
        throw missing;
}
/**
 * An ID token for `audience` from the runner, through @actions/core's
 * getIDToken (which reads ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN from the
 * process environment, retries, and masks the token), within the index's
 * bounds in all; the token is a secret from the first moment.
 */
async function fetchIdToken(env, audience, reporter, bounds) {
    assertIdTokenService(env);
    reporter.setSecret(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const { getIDToken } = await import('./core-ORKXprpS.js').then(function (n) { return n.k; });
    const limit = bounds.timeoutMs * bounds.attempts;
    let timer;
    let token;
    try {
        token = await Promise.race([
            getIDToken(audience),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${limit / 1000} s`)), limit);
                timer.unref();
            })
        ]);
    }
    catch (error) {
        const reason = error.message.replace(/\s+/g, ' ').replace(/^Error message: /, '');
        throw new UserError(`trusted publishing: the runner gave no OIDC ID token (${reason.trim()})`, {
            key: 'password',
            hint: 'give the job `permissions: id-token: write`, or set password to an API token'
        });
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
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
async function mintToken(base, idToken, reporter, bounds) {
    const reply = await request(`${base}/_/oidc/mint-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token: idToken })
    }, 'the index token exchange', bounds);
    const token = mintedTokenFromReply(base, reply, jwtClaims(idToken));
    reporter.setSecret(token);
    return token;
}
/** The whole flow: audience → ID token → upload token. */
async function trustedPublishingToken(base, env, reporter, bounds) {
    assertIdTokenService(env);
    const audience = await fetchAudience(base, bounds);
    const idToken = await fetchIdToken(env, audience, reporter, bounds);
    const token = await mintToken(base, idToken, reporter, bounds);
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
    const { env, reporter } = request.tools;
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
        token = await fetchIdToken(env, SIGSTORE_AUDIENCE, reporter, request.bounds);
    }
    catch (error) {
        return fail(`no ID token for Sigstore (${error.message})`);
    }
    fs__default.mkdirSync(request.outDir, { recursive: true });
    const result = await exec(signArgv(python, request.outDir, request.files), {
        env: { ...toolEnv(env), [TOKEN_VARIABLE]: token },
        timeoutMs: 300_000,
        ...(request.children ? { children: request.children } : {})
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
 * does not know (404). An index that never answers throws a UserError naming
 * the URL (bounded.ts); any other refusal throws a plain Error.
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
        const reply = await boundedRequest(url, { headers, redirect: 'manual' }, query.bounds, `listing the files of ${query.project} on the index`);
        if (reply.status >= 300 && reply.status < 400) {
            const location = reply.headers.get('location');
            const next = location ? new URL(location, url) : undefined;
            if (!next || next.origin !== origin)
                return new Map();
            url = next.href;
            continue;
        }
        if (reply.status === 404)
            return new Map();
        if (reply.status < 200 || reply.status >= 300)
            throw new Error(`${url} answered ${reply.status} ${reply.statusText}`);
        return parseSimplePage(reply.body, reply.headers.get('content-type') ?? '');
    }
    throw new Error(`${url}: too many redirects`);
}

var require$1 = createRequire('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var Worker;
var isMarkedAsUntransferable;
try {
    (_a = require$1('worker_threads'), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// code length index map
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0), fd = _b.b; _b.r;
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// create huffman tree from u8 "map": index -> code length for code index
// mb (max bits) must be at most 15
// TODO: optimize/split up?
var hMap = (function (cd, mb, r) {
    var s = cd.length;
    // index
    var i = 0;
    // u16 "map": index -> # of codes with bit length = index
    var l = new u16(mb);
    // length of cd must be 288 (total # of codes)
    for (; i < s; ++i) {
        if (cd[i])
            ++l[cd[i] - 1];
    }
    // u16 "map": index -> minimum code for bit length = index
    var le = new u16(mb);
    for (i = 1; i < mb; ++i) {
        le[i] = (le[i - 1] + l[i - 1]) << 1;
    }
    var co;
    if (r) {
        // u16 "map": index -> number of actual bits, symbol for code
        co = new u16(1 << mb);
        // bits to remove for reverser
        var rvb = 15 - mb;
        for (i = 0; i < s; ++i) {
            // ignore 0 lengths
            if (cd[i]) {
                // num encoding both symbol and bits read
                var sv = (i << 4) | cd[i];
                // free bits
                var r_1 = mb - cd[i];
                // start value
                var v = le[cd[i] - 1]++ << r_1;
                // m is end value
                for (var m = v | ((1 << r_1) - 1); v <= m; ++v) {
                    // every 16 bit value starting with the code yields the same result
                    co[rev[v] >> rvb] = sv;
                }
            }
        }
    }
    else {
        co = new u16(s);
        for (i = 0; i < s; ++i) {
            if (cd[i]) {
                co[i] = rev[le[cd[i] - 1]++] >> (15 - cd[i]);
            }
        }
    }
    return co;
});
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// fixed length map
var flrm = /*#__PURE__*/ hMap(flt, 9, 1);
// fixed distance map
var fdrm = /*#__PURE__*/ hMap(fdt, 5, 1);
// find max of array
var max = function (a) {
    var m = a[0];
    for (var i = 1; i < a.length; ++i) {
        if (a[i] > m)
            m = a[i];
    }
    return m;
};
// read d, starting at bit p and mask with m
var bits = function (d, p, m) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
// read d, starting at bit p continuing for at least 16 bits
var bits16 = function (d, p) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7));
};
// get end of byte
var shft = function (p) { return ((p + 7) / 8) | 0; };
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// expands raw DEFLATE data
var inflt = function (dat, st, buf, dict) {
    // source length       dict length
    var sl = dat.length, dl = dict ? dict.length : 0;
    if (!sl || st.f && !st.l)
        return buf || new u8(0);
    var noBuf = !buf;
    // have to estimate size
    var resize = noBuf || st.i != 2;
    // no state
    var noSt = st.i;
    // Assumes roughly 33% compression ratio average
    if (noBuf)
        buf = new u8(sl * 3);
    // ensure buffer can fit at least l elements
    var cbuf = function (l) {
        var bl = buf.length;
        // need to increase size to fit
        if (l > bl) {
            // Double or set to necessary, whichever is greater
            var nbuf = new u8(Math.max(bl * 2, l));
            nbuf.set(buf);
            buf = nbuf;
        }
    };
    //  last chunk         bitpos           bytes
    var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
    // total bits
    var tbts = sl * 8;
    do {
        if (!lm) {
            // BFINAL - this is only 1 when last chunk is next
            final = bits(dat, pos, 1);
            // type: 0 = no compression, 1 = fixed huffman, 2 = dynamic huffman
            var type = bits(dat, pos + 1, 3);
            pos += 3;
            if (!type) {
                // go to end of byte boundary
                var s = shft(pos) + 4, l = dat[s - 4] | (dat[s - 3] << 8), t = s + l;
                if (t > sl) {
                    if (noSt)
                        err(0);
                    break;
                }
                // ensure size
                if (resize)
                    cbuf(bt + l);
                // Copy over uncompressed data
                buf.set(dat.subarray(s, t), bt);
                // Get new bitpos, update byte count
                st.b = bt += l, st.p = pos = t * 8, st.f = final;
                continue;
            }
            else if (type == 1)
                lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
            else if (type == 2) {
                //  literal                            lengths
                var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
                var tl = hLit + bits(dat, pos + 5, 31) + 1;
                pos += 14;
                // length+distance tree
                var ldt = new u8(tl);
                // code length tree
                var clt = new u8(19);
                for (var i = 0; i < hcLen; ++i) {
                    // use index map to get real code
                    clt[clim[i]] = bits(dat, pos + i * 3, 7);
                }
                pos += hcLen * 3;
                // code lengths bits
                var clb = max(clt), clbmsk = (1 << clb) - 1;
                // code lengths map
                var clm = hMap(clt, clb, 1);
                for (var i = 0; i < tl;) {
                    var r = clm[bits(dat, pos, clbmsk)];
                    // bits read
                    pos += r & 15;
                    // symbol
                    var s = r >> 4;
                    // code length to copy
                    if (s < 16) {
                        ldt[i++] = s;
                    }
                    else {
                        //  copy   count
                        var c = 0, n = 0;
                        if (s == 16)
                            n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
                        else if (s == 17)
                            n = 3 + bits(dat, pos, 7), pos += 3;
                        else if (s == 18)
                            n = 11 + bits(dat, pos, 127), pos += 7;
                        while (n--)
                            ldt[i++] = c;
                    }
                }
                //    length tree                 distance tree
                var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
                // max length bits
                lbt = max(lt);
                // max dist bits
                dbt = max(dt);
                lm = hMap(lt, lbt, 1);
                dm = hMap(dt, dbt, 1);
            }
            else
                err(1);
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
        }
        // Make sure the buffer can hold this + the largest possible addition
        // Maximum chunk size (practically, theoretically infinite) is 2^17
        if (resize)
            cbuf(bt + 131072);
        var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
        var lpos = pos;
        for (;; lpos = pos) {
            // bits read, code
            var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
            pos += c & 15;
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
            if (!c)
                err(2);
            if (sym < 256)
                buf[bt++] = sym;
            else if (sym == 256) {
                lpos = pos, lm = null;
                break;
            }
            else {
                var add = sym - 254;
                // no extra bits needed if less
                if (sym > 264) {
                    // index
                    var i = sym - 257, b = fleb[i];
                    add = bits(dat, pos, (1 << b) - 1) + fl[i];
                    pos += b;
                }
                // dist
                var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
                if (!d)
                    err(3);
                pos += d & 15;
                var dt = fd[dsym];
                if (dsym > 3) {
                    var b = fdeb[dsym];
                    dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
                }
                if (pos > tbts) {
                    if (noSt)
                        err(0);
                    break;
                }
                if (resize)
                    cbuf(bt + 131072);
                var end = bt + add;
                if (bt < dt) {
                    var shift = dl - dt, dend = Math.min(dt, end);
                    if (shift + bt < 0)
                        err(3);
                    for (; bt < dend; ++bt)
                        buf[bt] = dict[shift + bt];
                }
                for (; bt < end; ++bt)
                    buf[bt] = buf[bt - dt];
            }
        }
        st.l = lm, st.p = lpos, st.b = bt, st.f = final;
        if (lm)
            final = 1, st.m = lbt, st.d = dm, st.n = dbt;
    } while (!final);
    // don't reallocate for streams or user buffers
    return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
// empty
var et = /*#__PURE__*/ new u8(0);
// read 2 bytes
var b2 = function (d, b) { return d[b] | (d[b + 1] << 8); };
// read 4 bytes
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read 8 bytes
var b8 = function (d, b) { return b4(d, b) + (b4(d, b + 4) * 4294967296); };
function inflateSync(data, opts) {
    return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(dat, latin1) {
    if (latin1) {
        var r = '';
        for (var i = 0; i < dat.length; i += 16384)
            r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
        return r;
    }
    else if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}
// skip local zip header
var slzh = function (d, b) { return b + 30 + b2(d, b + 26) + b2(d, b + 28); };
// read zip header
var zh = function (d, b, z) {
    var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
    var _a = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a[0], su = _a[1], off = _a[2];
    return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
// read zip64 header sizes
var z64hs = function (d, b, l, z, sc, su, off) {
    var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
    var nf = nsc + nsu + noff;
    if (z && nf) {
        for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
            if (b2(d, b) == 1) {
                return [
                    nsc ? b8(d, b + 4 + 8 * nsu) : sc,
                    nsu ? b8(d, b + 4) : su,
                    noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
                    1
                ];
            }
        }
        // z == 2 for unknown whether or not zip64
        if (z < 2)
            err(13);
    }
    return [sc, su, off, 0];
};
/**
 * Synchronously decompresses a ZIP archive. Prefer using `unzip` for better
 * performance with more than one file.
 * @param data The raw compressed ZIP file
 * @param opts The ZIP extraction options
 * @returns The decompressed files
 */
function unzipSync(data, opts) {
    var files = {};
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558)
            err(13);
    }
    var c = b2(data, e + 8);
    if (!c)
        return {};
    var o = b4(data, e + 16);
    var z = b4(data, e - 20) == 0x7064B50;
    if (z) {
        var ze = b4(data, e - 12);
        z = b4(data, ze) == 0x6064B50;
        if (z) {
            c = b4(data, ze + 32);
            o = b4(data, ze + 48);
        }
    }
    var fltr = opts && opts.filter;
    for (var i = 0; i < c; ++i) {
        var _a = zh(data, o, z), c_2 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
        o = no;
        if (!fltr || fltr({
            name: fn,
            size: sc,
            originalSize: su,
            compression: c_2
        })) {
            if (!c_2)
                files[fn] = slc(data, b, b + sc);
            else if (c_2 == 8)
                files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
            else
                err(14, 'unknown compression type ' + c_2);
        }
    }
    return files;
}

var tarStreamExports = requireTarStream();

/**
 * The version guard's reading of the files themselves: the core metadata
 * (`Name`, `Version`) of each wheel (`*.dist-info/METADATA`) and sdist
 * (`<name>-<version>/PKG-INFO`), and the pure check that it agrees with the
 * file name. A renamed file is refused before the first upload, naming it:
 * an index keys a release on the name, so the wrong file would be published
 * as that version, for ever.
 */
/** `Name` and `Version` of an RFC 822 metadata file (the headers before the first blank line). */
function parseCoreMetadata(text) {
    const result = {};
    for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
        if (line.trim() === '')
            break;
        const match = /^(Name|Version):\s*(.*?)\s*$/i.exec(line);
        if (!match)
            continue;
        const field = match[1].toLowerCase();
        result[field] ??= match[2];
    }
    return result;
}
const METADATA_IN_WHEEL = /^[^/]+\.dist-info\/METADATA$/;
const PKG_INFO_IN_SDIST = /^[^/]+\/PKG-INFO$/;
/** The one member of a zip whose name matches `pattern`, as text. */
function zipMember(file, pattern) {
    let entries;
    try {
        entries = unzipSync(fs__default.readFileSync(file), { filter: entry => pattern.test(entry.name) });
    }
    catch {
        return undefined;
    }
    const names = Object.keys(entries);
    return names.length === 1 ? Buffer.from(entries[names[0]]).toString('utf8') : undefined;
}
/** PKG-INFO of a .tar.gz sdist, read as a stream (only that member is kept). */
function tarSdistMetadata(file) {
    return new Promise(resolve => {
        const found = [];
        const tar = tarStreamExports.extract();
        tar.on('entry', (header, stream, next) => {
            const chunks = [];
            const wanted = header.type === 'file' && PKG_INFO_IN_SDIST.test(header.name);
            stream.on('data', (chunk) => {
                if (wanted)
                    chunks.push(chunk);
            });
            stream.on('end', () => {
                if (wanted)
                    found.push(Buffer.concat(chunks).toString('utf8'));
                next();
            });
            stream.resume();
        });
        tar.on('finish', () => resolve(found.length === 1 ? found[0] : undefined));
        tar.on('error', () => resolve(undefined));
        const gunzip = createGunzip();
        gunzip.on('error', () => resolve(undefined));
        const source = fs__default.createReadStream(file);
        source.on('error', () => resolve(undefined));
        source.pipe(gunzip).pipe(tar);
    });
}
/** The metadata text of a wheel or sdist, or undefined when the file has none that can be read. */
async function readMetadataText(file, kind) {
    if (kind === 'wheel')
        return zipMember(file, METADATA_IN_WHEEL);
    return file.endsWith('.zip') ? zipMember(file, PKG_INFO_IN_SDIST) : tarSdistMetadata(file);
}
const where = (kind) => kind === 'wheel' ? '.dist-info/METADATA' : 'PKG-INFO';
/**
 * Throws unless the metadata names the project and version of the file name.
 * `key` is the input that named the files.
 */
function checkMetadataMatches(dist, metadata, key) {
    if (!metadata?.name || !metadata.version) {
        throw new UserError(`${dist.filename} is not a valid ${dist.kind}: it has no readable ${where(dist.kind)} with a Name and a Version; nothing was uploaded`, {
            key,
            hint: 'the file is damaged or not a distribution: rebuild it (python -m build, or wheelwright build / sdist)'
        });
    }
    const nameAgrees = normalizeProject(metadata.name) === dist.project;
    const versionAgrees = versionKey(metadata.version) !== undefined &&
        versionKey(metadata.version) === versionKey(dist.version);
    if (!nameAgrees || !versionAgrees) {
        throw new UserError(`${dist.filename}: its ${where(dist.kind)} says ${metadata.name} ${metadata.version}, but its file name says ${dist.name} ${dist.version}; nothing was uploaded`, {
            key,
            hint: 'a renamed file would be published under a name and version that are not its own, and an index never takes a file name back: rebuild the distribution with the version set in the project instead of renaming it'
        });
    }
    return { name: metadata.name, version: normalizeVersion(metadata.version) ?? metadata.version };
}
/** Reads and checks every file's metadata; the first disagreement throws, naming the file. */
async function verifyMetadataOfFiles(files, key) {
    for (const file of files) {
        const text = await readMetadataText(file.path, file.dist.kind);
        checkMetadataMatches({ ...file.dist, filename: path.basename(file.path) }, text === undefined ? undefined : parseCoreMetadata(text), key);
    }
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
 * tag), the metadata inside each file against its name, twine check, find
 * what the index already has, get credentials (the password, or trusted
 * publishing), attestations, then twine upload, one file at a time within
 * the index's bounds. Every refusal happens before the first upload. A dry
 * run does every check and says what it would upload, and where.
 */
/** `<sha256>  <file name>`, as `sha256sum` prints it and `sha256sum -c` reads it. */
function hashLine(file) {
    return `${file.sha256}  ${file.dist.filename}`;
}
function basicAuth(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
async function publishRelease(request) {
    const { settings, env, reporter, key, scope } = request;
    if (settings.password)
        reporter.setSecret(settings.password);
    parseRepositoryUrl(settings.repositoryUrl);
    const bounds = indexBounds(settings.indexTimeoutSeconds);
    const release = verifyRelease(request.files.map(file => ({ path: file, sha256: sha256File(file) })), { ref: env.GITHUB_REF, verifyTag: settings.verifyTag, key });
    for (const note of release.notes)
        reporter.info(note);
    for (const warning of release.warnings)
        reporter.warning(warning);
    // The names agree with each other and the tag; now each file's own metadata with its name.
    await verifyMetadataOfFiles(release.files, key);
    reporter.info(`release ${release.projects.join(', ')} ${release.version}: ${release.files.length} file${release.files.length === 1 ? '' : 's'}` +
        (release.tag ? `, matching tag ${release.tag}` : '') +
        ' (names and versions read from each file agree)');
    if (settings.printHash) {
        reporter.info(['sha256 of each file (sha256sum format):', ...release.files.map(hashLine)].join('\n'));
    }
    const python = await publishPython(request);
    if (settings.verifyMetadata) {
        await twineCheck(python, release.files.map(f => f.path), env, reporter, key, scope.children);
    }
    else
        reporter.info('verify-metadata: false; twine check skipped');
    if (!request.upload) {
        reporter.info(`publish: ${settings.mode} and ${env.GITHUB_REF ?? 'no ref'} is not a tag: not uploading`);
        return { version: release.version, published: [], skipped: [] };
    }
    const pending = await withoutExisting(release.files, request, bounds);
    const trusted = !settings.password;
    if (request.dryRun)
        return dryRunReport(release.version, pending, request, trusted);
    if (pending.files.length === 0) {
        reporter.info('every file is already on the index; nothing to upload');
        return { version: release.version, published: [], skipped: pending.skipped };
    }
    let password = settings.password;
    if (trusted) {
        if (settings.username !== '__token__') {
            throw new UserError('is empty; trusted publishing needs username __token__', {
                key: 'password',
                hint: `give the password of ${settings.username}, or drop username to use trusted publishing`
            });
        }
        password = await trustedPublishingToken(oidcIndexBase(settings.repositoryUrl, env), env, reporter, bounds);
    }
    let attestations = [];
    const scratch = scope.tempDir(env.RUNNER_TEMP || os.tmpdir(), 'ww-attest-');
    if (trusted && settings.attestations) {
        attestations = await makeAttestations({
            files: pending.files.map(f => f.path),
            outDir: scratch,
            tools: request,
            bounds,
            children: scope.children
        });
    }
    else if (settings.attestations && !trusted) {
        reporter.info('attestations are made only with trusted publishing (password is set); skipped');
    }
    const byPath = new Map(pending.files.map(f => [f.path, f]));
    const result = await twineUpload({
        python,
        files: pending.files.map(f => f.path),
        attestationsOf: file => attestations.filter(a => a === attestationPath(scratch, file)),
        settings: {
            repositoryUrl: settings.repositoryUrl,
            username: settings.username,
            password: password,
            skipExisting: settings.skipExisting && pypiInstance(settings.repositoryUrl) !== undefined,
            attestations: attestations.length > 0,
            verbose: settings.verbose
        },
        env,
        reporter,
        bounds,
        landed: async (file) => {
            const own = byPath.get(file);
            if (!own)
                return false;
            const present = await indexHas(own, request, { ...bounds, attempts: 1 });
            // A listing without hashes: the file of that name can only be the one just sent.
            return present === own.sha256 || present === '';
        },
        children: scope.children
    });
    return {
        version: release.version,
        published: result.uploaded,
        skipped: [...pending.skipped, ...result.skipped]
    };
}
/** What a real run would do now: the files, the index, the credentials; nothing is sent. */
function dryRunReport(version, pending, request, trusted) {
    const { settings, reporter, env } = request;
    const where = redactUrl(settings.repositoryUrl);
    const how = trusted
        ? `trusted publishing (OIDC, token from ${oidcIndexBase(settings.repositoryUrl, env)})`
        : `user ${settings.username} and its password`;
    if (trusted) {
        const missing = missingIdTokenReason(env);
        if (missing)
            reporter.warning(`dry run: a real run would stop here: ${missing.message}`);
    }
    const names = pending.files.map(f => f.dist.filename);
    reporter.info([
        `dry run: would upload ${names.length} file${names.length === 1 ? '' : 's'} to ${where} with ${how}; nothing was uploaded`,
        ...names.map(name => `  ${name}`),
        ...pending.skipped.map(name => `  ${name} (already on the index: skipped)`)
    ].join('\n'));
    return { version, published: [], skipped: pending.skipped, wouldUpload: names };
}
/** The sha256 the index has for this file (`''` when it gives none), or undefined when it lacks it. */
async function indexHas(file, request, bounds) {
    try {
        const found = await existingFiles(existingQuery(file.dist.project, request, bounds));
        return found.has(file.dist.filename) ? (found.get(file.dist.filename) ?? '') : undefined;
    }
    catch {
        return undefined;
    }
}
function existingQuery(project, request, bounds) {
    const { settings } = request;
    const simpleUrl = simpleIndexUrl(settings.repositoryUrl);
    const sameHost = new URL(simpleUrl).origin === new URL(settings.repositoryUrl).origin;
    return {
        simpleUrl,
        project,
        bounds,
        ...(sameHost && settings.password
            ? { authorization: basicAuth(settings.username, settings.password) }
            : {})
    };
}
/**
 * Drops the files the index already has (skip-existing), or refuses before
 * uploading anything when it has some and skip-existing is off. An index
 * that does not answer in time stops the release here, naming its URL.
 */
async function withoutExisting(files, request, bounds) {
    const { settings, reporter } = request;
    const present = new Map();
    for (const project of new Set(files.map(f => f.dist.project))) {
        try {
            const found = await existingFiles(existingQuery(project, request, bounds));
            for (const [name, sha] of found)
                present.set(name, sha);
        }
        catch (error) {
            // An index that never answers in time stops the release; a refusal only warns.
            if (error instanceof NoAnswerError && error.timedOut)
                throw error;
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

/** Publishing work that an interrupt leaves clean, saying "interrupted". */
function publishScope(tools, work) {
    return withInterruptScope({
        say: text => tools.reporter.info(text),
        flush: () => tools.reporter.flush(),
        ...(tools.reaper ? { reaper: tools.reaper } : {}),
        what: 'publishing'
    }, work);
}
/** Publishes `files`, sets the `published` output and writes the summary. */
async function publishAndReport(files, key, options, tools, upload, scope) {
    const { reporter } = tools;
    const result = await publishRelease({
        ...tools,
        files,
        settings: options.publish,
        key,
        upload,
        dryRun: options.dryRun,
        scope
    }).catch(error => {
        // A failed check or upload is annotated as a publish error.
        throw isUserError(error) ? error.as('publish') : error;
    });
    reporter.setOutput('published', JSON.stringify(result.published));
    if (!upload)
        return;
    const where = redactUrl(options.publish.repositoryUrl);
    if (result.wouldUpload) {
        const lines = [
            ...result.wouldUpload.map(name => [name, 'would be uploaded']),
            ...result.skipped.map(name => [name, 'already on the index'])
        ];
        await reporter.summary([
            `### wheelwright: dry run, would publish ${result.version} to ${where}; nothing was uploaded`,
            '',
            '| file | result |',
            '| --- | --- |',
            ...lines.map(([name, state]) => `| ${name} | ${state} |`),
            ''
        ].join('\n'), lines.map(([name, state]) => `${name}  ${state}`).join('\n'));
        return;
    }
    const rows = [
        ...result.published.map(name => [name, 'uploaded']),
        ...result.skipped.map(name => [name, 'already on the index'])
    ];
    const markdown = [
        `### wheelwright: published ${result.version} to ${where}`,
        '',
        '| file | result |',
        '| --- | --- |',
        ...rows.map(([name, state]) => `| ${name} | ${state} |`),
        ''
    ].join('\n');
    const plain = rows.map(([name, state]) => `${name}  ${state}`).join('\n');
    await reporter.summary(markdown, plain || 'nothing uploaded');
}

export { publishAndReport, publishScope };
