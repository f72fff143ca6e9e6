import path from 'node:path';
import { a as artifactServiceMissing, u as uploadFiles } from './artifacts-DGb2xK0g.js';
import 'node:fs';
import './selector-DCRlYccv.js';
import 'node:crypto';
import './filename-XoQWq31-.js';
import 'node:os';
import './runner-Vbc7fZBQ.js';
import 'node:child_process';
import './_commonjsHelpers-Bgu_3bK-.js';
import './core-CM_3Ha9x.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'stream';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';

/** Uploads one job's distributions as its artifact, or says why it did not. */
/** True when the artifact was uploaded (and the artifact-name output set). */
async function uploadJobArtifact(request) {
    const { reporter, name, files } = request;
    if (files.length === 0) {
        reporter.warning(`no files to upload: artifact ${name} was not created`);
        return false;
    }
    const missing = artifactServiceMissing(request.env);
    if (missing) {
        reporter.warning(`${missing}: artifact ${name} was not uploaded; the files stay in ${request.rootDirectory}`);
        return false;
    }
    const result = await uploadFiles({
        name,
        files,
        rootDirectory: request.rootDirectory,
        retentionDays: request.settings.retentionDays,
        compressionLevel: request.settings.compressionLevel
    });
    reporter.setOutput('artifact-name', name);
    reporter.info(`artifact ${name}: ${files.map(f => path.basename(f)).join(', ')} (${result.size ?? '?'} bytes, id ${result.id ?? '?'})`);
    return true;
}

export { uploadJobArtifact };
