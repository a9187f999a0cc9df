#!/usr/bin/env python3
"""Writes a class's submissions and the teacher's expectations file, to time
`netstage check` grading them.

    python3 bench/generate_submissions.py 200 /tmp/class
    /usr/bin/time -v build/bench/cli/netstage check --against /tmp/class/teacher.yaml \
        /tmp/class/student-*.yaml --format csv -o /tmp/class/points.csv

Every submission is scenario 01 (Alice writes to Bob) in a student's own
words: a subject and body of its own and a seed of its own. One in ten sends
the message to the wrong person (graded failures); one in twenty-five is
broken (a seed that is no number: a load error, graded, never a crash).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

TEACHER = """title: "Exercise 1: Alice writes to Bob"
expect:
  - {mail: queued, at: crepes.fr, to: bob@hamburger.edu}
  - {mail: delivered, to: bob@hamburger.edu, before: 2s, points: 2}
  - {tcp: opened, by: crepes.fr, peer: hamburger.edu, port: 25}
  - dialogue: smtp
    client: crepes.fr
    server: hamburger.edu
    lines: ["C: HELO crepes.fr", "C: RCPT TO: <bob@hamburger.edu>", "C: DATA", "C: QUIT"]
  - {dialogue: smtp, server: hamburger.edu, reply_to: RCPT, code: 250}
  - chart: ["crepes.fr -> hamburger.edu: HELO crepes.fr"]
  - {mailbox: bob@hamburger.edu, count: 0}
constraints:
  - {same_dns_as: start.yaml}
"""


def start_scenario() -> str:
    with open(os.path.join(HERE, "..", "scenarios", "01-smtp-alice-to-bob.yaml"), encoding="utf-8") as f:
        text = f.read()
    cut = text.find("\nexpect:")
    if cut >= 0:
        text = text[: cut + 1]
    # The shipped comment above the expect list stays; it is harmless.
    return text


def submission(start: str, i: int) -> str:
    text = start.replace("seed: 1\n", f"seed: {i + 1}\n", 1)
    text = text.replace("Do you like ketchup?", f"Do you like ketchup? (student {i})", 1)
    if i % 10 == 7:
        text = text.replace("to: bob@hamburger.edu\n", "to: alice@crepes.fr\n", 1)
    if i % 25 == 13:
        text = text.replace(f"seed: {i + 1}\n", "seed: one\n", 1)
    return text


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = sys.argv[2] if len(sys.argv) > 2 else "/tmp/netstage-class"
    os.makedirs(folder, exist_ok=True)
    start = start_scenario()
    with open(os.path.join(folder, "start.yaml"), "w", encoding="utf-8") as f:
        f.write(start)
    with open(os.path.join(folder, "teacher.yaml"), "w", encoding="utf-8") as f:
        f.write(TEACHER)
    for i in range(count):
        with open(os.path.join(folder, f"student-{i:03d}.yaml"), "w", encoding="utf-8") as f:
            f.write(submission(start, i))


if __name__ == "__main__":
    main()
