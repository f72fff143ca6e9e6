import path from 'node:path';
import { a as artifactServiceMissing, u as uploadFiles } from './artifacts-jAEe4OVM.js';
import 'node:fs';
import './credentials-CM7SRqvW.js';
import 'node:child_process';
import 'node:crypto';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './filename-cCFM2wW1.js';
import 'node:os';
import './version-B_HjIsfq.js';
import './index-url-Bq7hlpKG.js';

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
