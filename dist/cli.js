#!/usr/bin/env node
import { r as runCli } from './chunks/main-DYEfVJ2I.js';
import 'node:fs';
import 'node:path';
import './chunks/selector-wT822Vb0.js';
import './chunks/identifiers-BO1s8poE.js';
import 'node:crypto';
import 'node:os';
import './chunks/index-Da-eS02x.js';
import 'node:child_process';
import 'node:string_decoder';
import './chunks/_commonjsHelpers-Bgu_3bK-.js';
import './chunks/debug-filter-CXJUdh1i.js';
import 'node:perf_hooks';
import 'node:process';
import './chunks/index-url-DDV0Wi_r.js';
import './chunks/version-DsHt9dgB.js';
import 'node:util';

process.exitCode = await runCli(process.argv.slice(2));
