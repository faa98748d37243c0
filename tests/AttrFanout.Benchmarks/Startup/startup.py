#!/usr/bin/env python3
"""Startup of the Signup sample, Native AOT and JIT: process start to the first run completed, and to exit.

Publishes both builds, launches each N times (default 10) and prints a Markdown table of milliseconds.
The first completed run is the first line of the sample's timeline that ends in 'succeeded'.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "samples", "Signup", "Signup.csproj")
OUT = os.path.join(ROOT, "artifacts", "startup")


def publish(name, extra):
    target = os.path.join(OUT, name)
    subprocess.run(["dotnet", "publish", SAMPLE, "-c", "Release", "-o", target, "-v", "quiet", "-nologo", *extra],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(target, "Signup")


def launch(binary):
    start = time.perf_counter()
    process = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=os.path.dirname(binary))
    first_run = None
    for line in process.stdout:
        if first_run is None and line.rstrip().endswith("succeeded"):
            first_run = time.perf_counter()
    process.wait()
    exited = time.perf_counter()
    if first_run is None or process.returncode != 0:
        raise SystemExit(f"{binary} exited with {process.returncode} before a run succeeded")
    return (first_run - start) * 1000, (exited - start) * 1000


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    builds = [("Native AOT", publish("aot", ["-p:PublishAot=true"])),
              ("JIT (framework-dependent)", publish("jit", ["-p:PublishAot=false"]))]
    print(f"Signup sample, {runs} launches each, after one unmeasured launch; milliseconds")
    print()
    print("| build | published size without symbols (MB) | first run done p50 | min | max | process exit p50 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, binary in builds:
        launch(binary)
        samples = [launch(binary) for _ in range(runs)]
        first = [s[0] for s in samples]
        exit_ = [s[1] for s in samples]
        folder = os.path.dirname(binary)
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)
                   if os.path.isfile(os.path.join(folder, f)) and not f.endswith((".dbg", ".pdb", ".xml"))) / 1048576
        print(f"| {name} | {size:.1f} | {statistics.median(first):.0f} | {min(first):.0f} | {max(first):.0f} | {statistics.median(exit_):.0f} |")


if __name__ == "__main__":
    main()
