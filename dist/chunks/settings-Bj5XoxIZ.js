import { t as tagOfRef } from './tag-DkEFSrYL.js';
export { D as DEFAULT_ARTIFACT_PATTERN, h as DEFAULT_USERNAME } from './index-url-DLWLAkSp.js';
import './credentials-iRjG5aRn.js';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';
import 'node:path';

const SDIST_ARTIFACT_NAME = 'sdist';
/** Whether build mode publishes: `true` always, `tag` only on a tag ref. */
function shouldPublish(mode, ref) {
    return mode === 'true' || (mode === 'tag' && tagOfRef(ref) !== undefined);
}

export { SDIST_ARTIFACT_NAME, shouldPublish };
