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
import { LINUX_ARCHS } from './linux-archs.js'

/**
 * The lowest manylinux policy of each arch in the pinned auditwheel's
 * policy/manylinux-policy.json (the same in 6.4.2 and 6.8.2): the one of
 * highest priority that lists the arch. Never the host's glibc version.
 */
const LOWEST_MANYLINUX: Readonly<Record<string, string>> = {
  x86_64: 'manylinux_2_5',
  i686: 'manylinux_2_5',
  aarch64: 'manylinux_2_17',
  ppc64le: 'manylinux_2_17',
  s390x: 'manylinux_2_17',
  armv7l: 'manylinux_2_17',
  riscv64: 'manylinux_2_31'
}

/**
 * The lowest musllinux policy auditwheel repairs for: musllinux-policy.json
 * starts at musllinux_1_1, but auditwheel accepts only the host's musl
 * policy on a musl host, and musl 1.1 hosts and images are retired.
 */
const LOWEST_MUSLLINUX = 'musllinux_1_2'

/** The lowest policy of a Linux platform tag: `manylinux_x86_64` → `manylinux_2_5_x86_64`. */
export function lowestPolicy(platformTag: string): string {
  const match = /^(manylinux|musllinux)_(.+)$/.exec(platformTag)
  const arch = match?.[2]
  if (!match || !arch || !LINUX_ARCHS.includes(arch))
    throw new Error(`no Linux platform tag: ${platformTag}`)
  const policy = match[1] === 'musllinux' ? LOWEST_MUSLLINUX : LOWEST_MANYLINUX[arch]
  return `${policy}_${arch}`
}

/**
 * argv: lowest-policy dest-dir wheel. Runs `auditwheel repair -w dest wheel`
 * (auditwheel from PATH, as the default command does) and passes its output
 * through, holding back a traceback; after auditwheel's "couldn't detect
 * libc" error, repairs again for the lowest policy when the wheel links no
 * libc. The functions above main() are pure, for tests.
 */
export const HOST_REPAIR_PY = String.raw`import io, posixpath, re, subprocess, sys, zipfile

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
`

/** The argv of the default repair of a host build for `platformTag`, run by the tools venv's Python. */
export function hostRepairArgv(
  toolsPython: string,
  platformTag: string,
  destDir: string
): string[] {
  return [toolsPython, '-I', '-c', HOST_REPAIR_PY, lowestPolicy(platformTag), destDir, '{wheel}']
}
