import path from 'node:path';
import { p as parse$1, e as explain, V as VERSION_PATTERN } from './version-DsHt9dgB.js';
import { a as semver } from './index-Da-eS02x.js';
import { w as words, E as ENABLE_GROUPS, c as closest, U as UserError, p as parseBoolean } from './selector-wT822Vb0.js';

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse$1(version);
  const parsedOther = parse$1(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}

var Operator = /*#__PURE__*/Object.freeze({
  __proto__: null,
  "!=": ne,
  "<": lt,
  "<=": le,
  "==": eq,
  "===": arbitrary,
  ">": gt,
  ">=": ge,
  compare: compare,
  eq: eq,
  ge: ge,
  gt: gt,
  le: le,
  lt: lt,
  ne: ne,
  rcompare: rcompare
});

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.


const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explain(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explain(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained && explained.local && spec.version) {
    // Ignore candidate local labels only when the specifier itself is public.
    if (spec.operator !== '===' && !spec.local) {
      version = explained.public;
      spec.version = explain(spec.version).public;
    }
  }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  // TODO: fix me?
  // eslint-disable-next-line import-x/namespace
  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}

/**
 * Parsers of single option values: booleans, choices, whole numbers, version
 * ranges, enable groups and cibuildwheel's `name; key: value` strings. Each
 * error names the key and the value.
 */
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
function booleanValue(value, key) {
    const parsed = parseBoolean(value);
    if (parsed === undefined) {
        throw new UserError('takes true or false', {
            key,
            value,
            hint: 'write true or false (yes/no, on/off and 1/0 are read too)'
        });
    }
    return parsed;
}
function parseChoice({ value, key }, choices, fallback) {
    if (value === undefined)
        return fallback;
    if (choices.includes(value))
        return value;
    const asBoolean = parseBoolean(value);
    if (asBoolean !== undefined && choices.includes(String(asBoolean)))
        return String(asBoolean);
    throw new UserError('is not one of the accepted values', {
        key,
        value,
        hint: `use ${choices.join(', ')}`
    });
}
/** `compiler-cache`: one of its modes; a false boolean (`false`, `no`) reads as `off`. */
function parseCompilerCache(keyed, modes) {
    if (keyed.value !== undefined && parseBoolean(keyed.value) === false)
        return 'off';
    return parseChoice(keyed, [...modes], 'auto');
}
function parseParallel({ value, key }, cpus) {
    if (value === undefined || value === 'auto')
        return Math.max(1, cpus);
    return positiveInt({ value, key }, 1);
}
function positiveInt({ value, key }, fallback) {
    if (value === undefined)
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) {
        throw new UserError('must be a positive whole number', { key, value, hint: 'for example 2' });
    }
    return Number(value);
}
function parseEnable(value, key) {
    const result = new Set();
    for (const word of words(value)) {
        if (word === 'all')
            return new Set(ENABLE_GROUPS);
        if (!ENABLE_GROUPS.includes(word)) {
            const suggestion = closest(word, ENABLE_GROUPS);
            throw new UserError('unknown enable group', {
                key,
                value: word,
                hint: suggestion
                    ? `did you mean ${suggestion}?`
                    : `valid groups are ${ENABLE_GROUPS.join(', ')}, or all`
            });
        }
        result.add(word);
    }
    return result;
}
function pep440Range({ text, key }) {
    if (!validRange(text)) {
        throw new UserError('is not a valid version specifier', {
            key,
            value: text,
            hint: 'use PEP 440 syntax such as ">=3.9" or ">=3.10,<3.14"'
        });
    }
    return version => satisfies(version, text);
}
/**
 * `python-versions`: a PEP 440 specifier set, as Python users write it
 * (`>=3.10`, `~=3.11`, `>=3.10,<3.13`, `==3.12.*`); the npm-style ranges of
 * earlier releases (`3.10 - 3.13`, `^3.10`) are still read.
 */
function pythonVersionsRange(text, key) {
    if (validRange(text))
        return version => satisfies(version, text);
    const range = /^[\d.\s<>=^~|x*-]+$/.test(text) ? semver.validRange(text, { loose: false }) : null;
    if (range === null) {
        throw new UserError('is not a valid version specifier', {
            key,
            value: text,
            hint: 'use PEP 440 syntax such as ">=3.10", "~=3.11" or ">=3.10,<3.13"'
        });
    }
    return version => semver.satisfies(semver.coerce(version) ?? version, range);
}
/** A whole number from `min` to `max`, or undefined when not given. */
function integerInRange({ value, key }, min, max, hint) {
    const text = nonEmpty(value);
    if (text === undefined)
        return undefined;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        throw new UserError(`must be a whole number from ${min} to ${max}`, { key, value: text, hint });
    }
    return Number(text);
}

/**
 * The publishing part of the options: the index, credentials, dist-dir and
 * the artifact settings, all checked before any work starts.
 */
const PYPI_UPLOAD_URL = 'https://upload.pypi.org/legacy/';
const DEFAULT_ARTIFACT_PATTERN = 'wheels-* sdist*';
const DEFAULT_USERNAME = '__token__';
const DEFAULT_ARTIFACT_NAME = 'wheels-{os}-{arch}[-{group}]';
/** Seconds per try of each request to the index (publish/bounded.ts). */
const DEFAULT_INDEX_TIMEOUT_SECONDS = 120;
function resolvePublishOptions({ input, ours, bool, env, cwd }) {
    const password = input('password') ?? nonEmpty(env.TWINE_PASSWORD);
    const retentionDays = integerInRange({ value: input('artifact-retention-days'), key: 'artifact-retention-days' }, 0, 90, 'leave it empty (or 0) for the repository setting');
    return {
        mode: parseChoice(ours('publish'), ['false', 'true', 'tag'], 'false'),
        repositoryUrl: ours('repository-url').value ?? PYPI_UPLOAD_URL,
        username: input('username') ?? nonEmpty(env.TWINE_USERNAME) ?? DEFAULT_USERNAME,
        ...(password ? { password } : {}),
        skipExisting: bool('skip-existing', false),
        attestations: bool('attestations', true),
        verifyTag: bool('verify-tag', true),
        verifyMetadata: bool('verify-metadata', true),
        printHash: bool('print-hash', false),
        verbose: bool('verbose', false),
        indexTimeoutSeconds: integerInRange(ours('index-timeout'), 1, 3600, 'seconds per request to the index, 1 to 3600') ?? DEFAULT_INDEX_TIMEOUT_SECONDS,
        distDir: path.resolve(cwd, input('dist-dir') ?? 'dist'),
        artifactPattern: input('artifact-pattern') ?? DEFAULT_ARTIFACT_PATTERN,
        uploadArtifact: bool('upload-artifact', true),
        overwrite: bool('overwrite', false),
        ifNoFilesFound: parseChoice(ours('if-no-files-found'), ['warn', 'error', 'ignore'], 'warn'),
        artifactName: ours('artifact-name').value ?? DEFAULT_ARTIFACT_NAME,
        artifactNameGiven: input('artifact-name') !== undefined,
        ...(retentionDays ? { retentionDays } : {}),
        compressionLevel: integerInRange({ value: input('artifact-compression-level'), key: 'artifact-compression-level' }, 0, 9, '0 stores (wheels and sdists are already compressed), 9 compresses most') ?? 0
    };
}

/**
 * Pure URL facts derived from repository-url: the index that serves the
 * trusted-publishing endpoints, the simple index that lists existing files,
 * and whether the index is PyPI or TestPyPI.
 */
/**
 * For testing only: the base URL of the trusted-publishing endpoints
 * (`{base}/_/oidc/audience`, `{base}/_/oidc/mint-token`), when they are not
 * served by the host of repository-url (a loopback stand-in).
 */
const OIDC_INDEX_OVERRIDE = 'WHEELWRIGHT_OIDC_INDEX_URL';
const KNOWN = [
    { uploadHost: 'upload.pypi.org', web: 'https://pypi.org', name: 'pypi' },
    { uploadHost: 'pypi.org', web: 'https://pypi.org', name: 'pypi' },
    { uploadHost: 'test.pypi.org', web: 'https://test.pypi.org', name: 'testpypi' },
    { uploadHost: 'upload.test.pypi.org', web: 'https://test.pypi.org', name: 'testpypi' }
];
function parseRepositoryUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new UserError('is not a URL', {
            key: 'repository-url',
            value: text,
            hint: 'for example https://upload.pypi.org/legacy/ or https://test.pypi.org/legacy/'
        });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new UserError('must be an http(s) URL', {
            key: 'repository-url',
            value: text,
            hint: 'for example https://upload.pypi.org/legacy/'
        });
    }
    return url;
}
function known(url) {
    return KNOWN.find(k => k.uploadHost === url.hostname.toLowerCase());
}
/** `pypi`, `testpypi`, or undefined for any other index. */
function pypiInstance(repositoryUrl) {
    return known(parseRepositoryUrl(repositoryUrl))?.name;
}
/**
 * Where `/_/oidc/audience` and `/_/oidc/mint-token` live, without a trailing
 * slash: https://upload.pypi.org/legacy/ → https://pypi.org; any other index
 * → the origin of its upload URL.
 */
function oidcIndexBase(repositoryUrl, env = {}) {
    const override = env[OIDC_INDEX_OVERRIDE]?.trim();
    if (override) {
        try {
            return new URL(override).href.replace(/\/+$/, '');
        }
        catch {
            throw new UserError('is not a URL', { key: OIDC_INDEX_OVERRIDE, value: override });
        }
    }
    const url = parseRepositoryUrl(repositoryUrl);
    return known(url)?.web ?? url.origin;
}
/**
 * The PEP 503 simple index that lists the files of a project: PyPI's for
 * PyPI; otherwise `simple/` next to the upload path (a trailing `legacy/`
 * is replaced), which is where pypiserver and warehouse-like indexes serve it.
 */
function simpleIndexUrl(repositoryUrl) {
    const url = parseRepositoryUrl(repositoryUrl);
    const index = known(url);
    if (index)
        return `${index.web}/simple/`;
    let pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    pathname = pathname.replace(/legacy\/$/, '');
    return `${url.origin}${pathname}simple/`;
}
/** The URL of one project's page in a simple index. */
function projectPageUrl(simpleUrl, project) {
    return `${simpleUrl.replace(/\/?$/, '/')}${encodeURIComponent(project)}/`;
}
/** The URL with any user and password replaced by `***`, for logs and summaries. */
function redactUrl(text) {
    try {
        const url = new URL(text);
        if (!url.username && !url.password)
            return text;
        url.username = '***';
        url.password = '';
        return url.toString();
    }
    catch {
        return text.replace(/\/\/[^/@\s]*@/, '//***@');
    }
}
/** The secrets a URL carries in its userinfo (raw and decoded), to mask before logging. */
function urlSecrets(text) {
    const match = text ? /^[a-z][a-z0-9+.-]*:\/\/([^/@\s]*)@/i.exec(text.trim()) : null;
    if (!match)
        return [];
    const userinfo = match[1];
    const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : userinfo;
    const decode = (s) => {
        try {
            return decodeURIComponent(s);
        }
        catch {
            return s;
        }
    };
    return [...new Set([userinfo, password, decode(password)].filter(s => s.length > 0))];
}

export { DEFAULT_ARTIFACT_PATTERN as D, pep440Range as a, booleanValue as b, pythonVersionsRange as c, parseParallel as d, positiveInt as e, parseChoice as f, parseCompilerCache as g, DEFAULT_USERNAME as h, projectPageUrl as i, parseRepositoryUrl as j, pypiInstance as k, redactUrl as l, nonEmpty as n, oidcIndexBase as o, parseEnable as p, resolvePublishOptions as r, simpleIndexUrl as s, urlSecrets as u, validRange as v };
