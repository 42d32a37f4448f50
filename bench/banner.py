#!/usr/bin/env python3
"""Time to the shell's prompt: how long a user who types `iki --catalogue ... --realisations ...`
waits before the banner is shown and the shell takes input (issue 15: "the shell's banner within
0.3 s" from a snapshot). The shell runs on a pseudo-terminal, as a person would start it, so it is
the interactive shell (libedit, history, the banner), not the batch path.

    python3 bench/banner.py --iki .build-bench/release/iki --data /work/bench-data/province [--runs 9]
    python3 bench/banner.py --check-only --iki .build/debug/iki        # the bundled office, once

The clock starts just before fork and stops when the prompt (`iki> `) has been read from the
terminal; the shell is then told `.quit` and must exit with status 0. Warm: a snapshot written by
one untimed run (an XDG_CACHE_HOME of the run's own); cold: `--no-cache`. Without --data the
bundled office is opened. Each figure is the median of --runs, cold and warm taken in turn, so a
drift in the shared machine's speed touches both alike.
"""
import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time

PROMPT = b"iki> "


def to_prompt(cmd, env, columns, timeout):
    """Seconds from fork to the prompt, and what the terminal showed; the shell must then quit."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        os.execve(cmd[0], cmd, env)
    shown, seconds = b"", None
    while seconds is None:
        ready, _, _ = select.select([fd], [], [], max(0.0, timeout - (time.perf_counter() - start)))
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        if PROMPT in shown:
            seconds = time.perf_counter() - start
    if seconds is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise SystemExit(f"no prompt within {timeout} s: {' '.join(cmd)}\n{shown.decode(errors='replace')[-2000:]}")
    os.write(fd, b".quit\n")
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass  # the terminal closes when the shell exits
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the shell exited with {os.waitstatus_to_exitcode(status)} after .quit: {' '.join(cmd)}")
    return seconds, shown.decode(errors="replace")


def banner_line(shown):
    """The line before the prompt that names what was opened (the banner), without escapes."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.split(PROMPT.decode())[0])
    # Progress lines are redrawn with a carriage return: each redraw is a line of its own here.
    lines = [line.strip() for line in re.split(r"[\r\n]", text) if line.strip()]
    banner = next((line for line in reversed(lines) if line.startswith("iki:")), lines[-1] if lines else "")
    return "".join(ch for ch in banner if ch.isprintable())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iki", required=True, help="the iki binary")
    parser.add_argument("--data", help="a tier folder written by generate.py (default: the bundled office)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--columns", type=int, default=80, help="the terminal's width")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--check-only", action="store_true", help="each variant once: the prompt is reached, .quit exits 0")
    args = parser.parse_args()

    iki = os.path.abspath(args.iki)
    cmd = [iki]
    if args.data:
        cmd += ["--catalogue", os.path.join(args.data, "catalogues"), "--realisations", os.path.join(args.data, "realisations")]
    work = tempfile.mkdtemp(prefix="iki-banner-")
    try:
        env = dict(os.environ, TERM="xterm", XDG_CACHE_HOME=os.path.join(work, "cache"),
                   HOME=work)  # the shell's history goes to the run's folder, not the user's
        env.pop("IKI_NO_CACHE", None)
        variants = {"cold (--no-cache)": cmd + ["--no-cache"], "warm (snapshot)": cmd}
        to_prompt(variants["warm (snapshot)"], env, args.columns, args.timeout)  # writes the snapshot
        times = {name: [] for name in variants}
        shown = {}
        for _ in range(1 if args.check_only else args.runs):
            for name, variant in variants.items():
                seconds, shown[name] = to_prompt(variant, env, args.columns, args.timeout)
                times[name].append(seconds)
        for name in variants:
            print(f"{name}: {banner_line(shown[name])}", file=sys.stderr)
        if args.check_only:
            for name in variants:
                if not banner_line(shown[name]).startswith("iki:"):
                    raise SystemExit(f"{name}: no banner before the prompt:\n{shown[name][-2000:]}")
            print("banner check: prompt reached and .quit exited 0 for " + ", ".join(variants))
            return
        what = os.path.basename(os.path.normpath(args.data)) if args.data else "the bundled office"
        print(f"## Time to the shell's prompt: {what} ({args.runs} runs each, {args.columns} columns)\n")
        print(f"`{banner_line(shown['warm (snapshot)'])}`\n")
        print("| variant | median s | min s | max s |")
        print("|---|---:|---:|---:|")
        for name, values in times.items():
            print(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} |")
        warm = statistics.median(times["warm (snapshot)"])
        print(f"\nGoal (issue 15, warm banner within 0.3 s): {'met' if warm <= 0.3 else 'missed'} ({warm:.3f} s); "
              f"load average at the end {os.getloadavg()[0]:.2f}.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
