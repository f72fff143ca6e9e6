import { b as isSelected, U as UserError } from './selector-DCRlYccv.js';

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
	]
};
const notSupportedYet$1 = {
	pyodide: [
		"cp312-pyodide_wasm32",
		"cp313-pyodide_wasm32",
		"cp314-pyodide_wasm32",
		"cp315-pyodide_wasm32"
	],
	android: [
		"cp313-android_arm64_v8a",
		"cp313-android_x86_64",
		"cp314-android_arm64_v8a",
		"cp314-android_x86_64",
		"cp315-android_arm64_v8a",
		"cp315-android_x86_64"
	],
	ios: [
		"cp313-ios_arm64_iphoneos",
		"cp313-ios_x86_64_iphonesimulator",
		"cp313-ios_arm64_iphonesimulator",
		"cp314-ios_arm64_iphoneos",
		"cp314-ios_x86_64_iphonesimulator",
		"cp314-ios_arm64_iphonesimulator",
		"cp315-ios_arm64_iphoneos",
		"cp315-ios_x86_64_iphonesimulator",
		"cp315-ios_arm64_iphonesimulator"
	]
};
var catalogue = {
	platforms: platforms,
	notSupportedYet: notSupportedYet$1
};

/**
 * The identifier catalogue (resources/build-platforms.json, generated from the
 * cibuildwheel release we match) and the selection of identifiers for a
 * platform, archs and selector, in catalogue order.
 */
const WINDOWS_ARCH = {
    win32: 'x86',
    win_amd64: 'AMD64',
    win_arm64: 'ARM64'
};
function archOfIdentifier(identifier) {
    const platformTag = identifier.slice(identifier.indexOf('-') + 1);
    if (WINDOWS_ARCH[platformTag])
        return WINDOWS_ARCH[platformTag];
    return platformTag.replace(/^(manylinux|musllinux|macosx)_/, '');
}
function load(platform) {
    const entries = catalogue.platforms[platform];
    return entries.map(e => ({
        identifier: e.identifier,
        platform,
        arch: archOfIdentifier(e.identifier),
        version: e.version,
        ...(e.path_str ? { pathStr: e.path_str } : {}),
        ...(e.url ? { url: e.url, sha256: e.sha256 } : {})
    }));
}
const CONFIGURATIONS = {
    linux: load('linux'),
    macos: load('macos'),
    windows: load('windows')
};
/** Every identifier cibuildwheel knows, including platforms we do not build yet. */
function allKnownIdentifiers() {
    const notYet = catalogue.notSupportedYet;
    return [
        ...Object.values(CONFIGURATIONS).flatMap(list => list.map(c => c.identifier)),
        ...Object.values(notYet).flat()
    ];
}
const NOT_YET_TAGS = {
    pyodide_: 'pyodide',
    android_: 'android',
    ios_: 'ios'
};
const NOT_YET_PLATFORMS = ['pyodide', 'android', 'ios'];
function notSupportedYet(platform, key) {
    return new UserError(`the ${platform} platform is not supported yet`, {
        key,
        value: platform,
        hint: 'wheelwright builds linux, macos and windows wheels; use cibuildwheel for this one for now'
    });
}
/** The platform named by an `only` identifier, as cibuildwheel derives it. */
function platformOfIdentifier(only, key = 'only') {
    if (only.includes('linux_'))
        return 'linux';
    if (only.includes('macosx_'))
        return 'macos';
    if (only.includes('win_') || only.includes('win32'))
        return 'windows';
    for (const [tag, platform] of Object.entries(NOT_YET_TAGS)) {
        if (only.includes(tag))
            throw notSupportedYet(platform, key);
    }
    throw new UserError('is not a build identifier with a known platform', {
        key,
        value: only,
        hint: 'use an identifier from `wheelwright plan --print-identifiers`, e.g. cp312-manylinux_x86_64'
    });
}
function parsePlatformName(value, key = 'platform') {
    if (value === 'auto' || value === 'linux' || value === 'macos' || value === 'windows')
        return value;
    if (NOT_YET_PLATFORMS.includes(value))
        throw notSupportedYet(value, key);
    throw new UserError('unknown platform', {
        key,
        value,
        hint: 'use auto, linux, macos or windows'
    });
}
/**
 * The identifiers to build for `platform`, in catalogue order: an entry is kept
 * when its arch is selected and the selector accepts it.
 */
function selectConfigurations(platform, archs, selector, runner) {
    const archMatches = (c) => platform === 'windows'
        ? archs.has(c.arch)
        : [...archs].some(arch => c.identifier.endsWith(arch));
    let selected = CONFIGURATIONS[platform].filter(c => archMatches(c) && isSelected(selector, c.identifier));
    if (platform === 'macos' && runner.machine === 'x86_64') {
        // PyPy and GraalPy arm64 cannot be cross-built from an Intel mac.
        selected = selected.filter(c => !(/^(pp|gp)/.test(c.identifier) && c.identifier.endsWith('arm64')));
    }
    return selected;
}

export { archOfIdentifier as a, parsePlatformName as b, allKnownIdentifiers as c, platformOfIdentifier as p, selectConfigurations as s };
