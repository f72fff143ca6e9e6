"""``python -m cibuildwheel`` for the conformance run: maps cibuildwheel's
command line onto the wheelwright CLI and replaces this process with it.

Every CIBW_* variable is left as it is: wheelwright reads them itself. The
CLI's path comes from WHEELWRIGHT_CLI (the bundled dist/cli.js).
"""

import argparse
import os
import sys


def parse(argv):
    parser = argparse.ArgumentParser(prog="cibuildwheel", add_help=False)
    parser.add_argument("--platform")
    parser.add_argument("--archs")
    parser.add_argument("--output-dir")
    parser.add_argument("--config-file")
    parser.add_argument("--only")
    parser.add_argument("--print-build-identifiers", action="store_true")
    parser.add_argument("--allow-empty", action="store_true")
    parser.add_argument("--debug-traceback", action="store_true")
    parser.add_argument("--enable", action="append")
    parser.add_argument("--clean-cache", action="store_true")
    parser.add_argument("package_dir", nargs="?")
    return parser.parse_args(argv)


def wheelwright_argv(args):
    command = "plan" if args.print_build_identifiers else "build"
    argv = [command]
    if args.package_dir is not None:
        argv.append(args.package_dir)
    for flag in ("platform", "archs", "config_file", "only"):
        value = getattr(args, flag)
        if value is not None:
            argv += ["--" + flag.replace("_", "-"), value]
    if args.enable:
        argv += ["--enable", " ".join(args.enable)]
    if command == "plan":
        argv.append("--print-identifiers")
    else:
        if args.output_dir is not None:
            argv += ["--output-dir", args.output_dir]
        if args.allow_empty:
            argv.append("--allow-empty")
        # cibuildwheel has no wheel cache: every test expects its build to run.
        argv += ["--cache", "false"]
    return argv


def main():
    args = parse(sys.argv[1:])
    if args.clean_cache:
        sys.exit(0)
    cli = os.environ["WHEELWRIGHT_CLI"]
    node = os.environ.get("WHEELWRIGHT_NODE", "node")
    argv = [node, cli, *wheelwright_argv(args)]
    sys.stdout.flush()
    os.execvp(argv[0], argv)


if __name__ == "__main__":
    main()
