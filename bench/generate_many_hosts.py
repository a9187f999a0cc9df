#!/usr/bin/env python3
"""Writes a scenario with many hosts and no traffic, to time how a world is built.

    python3 bench/generate_many_hosts.py 10000 > /tmp/many.yaml
    /usr/bin/time -v build/ci/cli/netstage run /tmp/many.yaml

Hosts hang 100 to an edge router; the edge routers hang off one core router.
Host i has the address 10.<i / 256>.<i % 256>.2 on a /24 of its own, so its
router takes .1.
"""
import sys


def main() -> None:
    hosts = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    per_router = 100
    edges = (hosts + per_router - 1) // per_router
    out = [f"title: {hosts} hosts, no traffic", "hosts:"]
    for i in range(hosts):
        out.append(f"  - {{name: h{i}, address: 10.{i // 256}.{i % 256}.2}}")
    out.append("routers:")
    out.append("  - name: core")
    for r in range(edges):
        out.append(f"  - name: edge{r}")
    out.append("links:")
    for r in range(edges):
        out.append(f"  - between: [core, edge{r}]")
    for i in range(hosts):
        out.append(f"  - between: [h{i}, edge{i // per_router}]")
    print("\n".join(out))


if __name__ == "__main__":
    main()
