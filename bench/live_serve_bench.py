#!/usr/bin/env python3
"""Timed runs of `netstage serve` with real clients (Python's standard library).

    bench/live_serve_bench.py NETSTAGE [--sessions 100] [--megabytes 10] [--clients 500]

Four figures, each from its own `netstage serve` process on ports the system
chooses:
  1. N sequential smtplib sessions (EHLO, MAIL, RCPT, DATA, QUIT) at --speed max: wall time in total;
  2. one ftplib RETR of a generated file of M MB at --speed max: wall time;
  3. at --speed 1, under the load of (1) run alongside, how far the simulated
     clock strays from the wall clock: every 20 ms a client sends a NOOP, and
     the simulated time of each input in the trace is compared with the wall
     time it was sent (both counted from the first);
  4. K clients connected at once: peak memory (VmHWM) of the serve process.
The load average is printed first: time nothing on a busy machine.
"""

import argparse
import ftplib
import json
import os
import re
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent


def serve(netstage, scenario, ports, speed, extra=()):
    args = [netstage, "serve", str(scenario), "--speed", speed, "--quiet"] + list(extra)
    for p in ports:
        args += ["--port", p + "=0"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    table = {}
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("netstage serve ended: " + proc.stderr.read())
        m = re.match(r"\s+(\S+) (\S+)\s+\S+\s+(\d+)\s", line)
        if m and m.group(3).isdigit():
            table[(m.group(1), m.group(2))] = int(m.group(3))
        if line.startswith("Press Ctrl+C"):
            return proc, table


def stop(proc):
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    if proc.returncode != 0:
        raise SystemExit("netstage serve failed: " + err)
    return out


def peak_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def smtp_sessions(port, count):
    for i in range(count):
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as s:
            s.sendmail("student@example.org", ["bob@hamburger.edu"], f"Subject: {i}\r\n\r\nmessage {i}\r\n")


def bench_smtp(netstage, sessions):
    proc, table = serve(netstage, SOURCE / "scenarios/01-smtp-alice-to-bob.yaml", ["hamburger.edu:25"], "max")
    start = time.perf_counter()
    smtp_sessions(table[("hamburger.edu", "SMTP")], sessions)
    wall = time.perf_counter() - start
    peak = peak_kib(proc.pid)
    stop(proc)
    return wall, peak


def bench_ftp(netstage, megabytes, work):
    scenario = (SOURCE / "scenarios/05-ftp-session.yaml").read_text()
    big = f"          - {{path: reports/big.bin, binary: all-byte-values, size: {megabytes * 1024 * 1024}}}\n"
    scenario = scenario.replace("          - {path: reports/readme.txt", big + "          - {path: reports/readme.txt", 1)
    path = Path(work) / "ftp-big.yaml"
    path.write_text(scenario)
    proc, table = serve(netstage, path, ["ftp.school.edu:21"], "max")
    f = ftplib.FTP()
    f.connect("127.0.0.1", table[("ftp.school.edu", "FTP")], timeout=60)
    f.login("alice", "wonderland")
    received = 0

    def count(chunk):
        nonlocal received
        received += len(chunk)

    start = time.perf_counter()
    f.retrbinary("RETR reports/big.bin", count, blocksize=65536)
    wall = time.perf_counter() - start
    f.quit()
    peak = peak_kib(proc.pid)
    stop(proc)
    if received != megabytes * 1024 * 1024:
        raise SystemExit(f"RETR gave {received} bytes")
    return wall, peak


def bench_clock(netstage, sessions, work):
    trace = Path(work) / "clock.jsonl"
    proc, table = serve(netstage, SOURCE / "scenarios/01-smtp-alice-to-bob.yaml", ["hamburger.edu:25"], "1",
                        ["--trace", str(trace)])
    load = subprocess.Popen([sys.executable, __file__, "--smtp-load", str(table[("hamburger.edu", "SMTP")]), str(sessions)])
    sock = socket.create_connection(("127.0.0.1", table[("hamburger.edu", "SMTP")]))
    sock.recv(1024)
    sent = []
    for i in range(100):
        sent.append(time.monotonic())
        sock.sendall(b"NOOP\r\n")
        sock.recv(1024)
        time.sleep(0.02)
    sock.sendall(b"QUIT\r\n")
    sock.close()
    if load.wait() != 0:
        raise SystemExit("the smtplib load failed")
    stop(proc)
    inputs = []
    for line in trace.read_text().splitlines():
        record = json.loads(line)
        if record.get("layer") == "bridge" and record.get("type") == "input" and record["fields"].get("text") == "NOOP\r\n":
            inputs.append(record["t"] / 1e9)
    inputs = inputs[: len(sent)]
    drift = [abs((s - inputs[0]) - (w - sent[0])) for s, w in zip(inputs, sent)]
    return max(drift) * 1000, sum(drift) / len(drift) * 1000, len(inputs)


def bench_clients(netstage, count):
    proc, table = serve(netstage, SOURCE / "scenarios/01-smtp-alice-to-bob.yaml", ["hamburger.edu:25"], "max")
    port = table[("hamburger.edu", "SMTP")]
    socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]
    greeted = sum(1 for s in socks if s.recv(1024).startswith(b"220"))
    for s in socks:
        s.sendall(b"QUIT\r\n")
    for s in socks:
        s.recv(1024)
        s.close()
    peak = peak_kib(proc.pid)
    fds = len(os.listdir(f"/proc/{proc.pid}/fd"))
    stop(proc)
    return greeted, peak, fds


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--smtp-load":
        smtp_sessions(int(sys.argv[2]), int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("netstage")
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--megabytes", type=int, default=10)
    parser.add_argument("--clients", type=int, default=500)
    args = parser.parse_args()
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="netstage-live-bench-") as work:
        wall, peak = bench_smtp(args.netstage, args.sessions)
        print(f"{args.sessions} sequential smtplib sessions at --speed max: {wall:.3f} s wall "
              f"({wall / args.sessions * 1000:.2f} ms each), peak {peak / 1024:.0f} MiB")
        wall, peak = bench_ftp(args.netstage, args.megabytes, work)
        start = time.perf_counter()
        subprocess.run([args.netstage, "demo", "--bytes", str(args.megabytes * 1024 * 1024)], check=True,
                       stdout=subprocess.DEVNULL)
        demo = time.perf_counter() - start
        print(f"ftplib RETR of {args.megabytes} MB at --speed max: {wall:.3f} s wall, peak {peak / 1024:.0f} MiB; "
              f"baseline `netstage demo --bytes {args.megabytes * 1024 * 1024}` (plain TCP, no sockets): {demo:.3f} s")
        worst, mean, n = bench_clock(args.netstage, args.sessions, work)
        print(f"--speed 1 under {args.sessions} smtplib sessions: simulated clock vs wall clock over {n} inputs: "
              f"worst {worst:.2f} ms, mean {mean:.2f} ms")
        greeted, peak, fds = bench_clients(args.netstage, args.clients)
        print(f"{args.clients} clients at once: {greeted} greeted, peak {peak / 1024:.0f} MiB, "
              f"{fds} descriptors open after they closed")


if __name__ == "__main__":
    main()
