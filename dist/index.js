import { a as runAction } from './chunks/main-CLIBQzlJ.js';
import 'node:fs';
import 'node:path';
import './chunks/selector-wT822Vb0.js';
import './chunks/identifiers-D36GrH8n.js';
import 'node:crypto';
import 'node:os';
import './chunks/index-Da-eS02x.js';
import 'node:child_process';
import 'node:string_decoder';
import './chunks/_commonjsHelpers-Bgu_3bK-.js';
import './chunks/debug-filter-B4ADSPxl.js';
import 'node:perf_hooks';
import 'node:process';
import './chunks/index-url-B6edyDoS.js';
import './chunks/version-DsHt9dgB.js';
import 'node:util';

await runAction();
