import { t as tagOfRef } from './tag-BZk1Qlxj.js';
export { D as DEFAULT_ARTIFACT_PATTERN, h as DEFAULT_USERNAME } from './index-url-DDV0Wi_r.js';
import './selector-wT822Vb0.js';
import './version-B18YtENW.js';
import './version-DsHt9dgB.js';
import 'node:path';
import './index-Da-eS02x.js';
import 'node:child_process';
import 'node:crypto';
import 'node:fs';
import 'node:string_decoder';
import './_commonjsHelpers-Bgu_3bK-.js';

const SDIST_ARTIFACT_NAME = 'sdist';
/** Whether build mode publishes: `true` always, `tag` only on a tag ref. */
function shouldPublish(mode, ref) {
    return mode === 'true' || (mode === 'tag' && tagOfRef(ref) !== undefined);
}

export { SDIST_ARTIFACT_NAME, shouldPublish };
