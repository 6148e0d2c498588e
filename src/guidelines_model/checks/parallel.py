"""Running a document's rules, in two processes when the document is large.

On a document of :data:`PARALLEL_MIN_NODES` nodes or more, on a machine of two or more cores
where a process can be forked, the rules marked ``beside`` (source fidelity: the most work and
the most findings) run in this process on the first :data:`HERE_SHARE` of the nodes, while a
forked child runs the other rules, then the ``beside`` rules on the rest of the nodes, and sends
its findings back as plain tuples. Each rule's findings depend on the document alone, a
``beside`` rule's come node by node (its findings about the whole document with the last
share), and they are put together in rule order: the findings, and their order, are those of
running every rule in this process. A child that fails sends nothing; its work is then done
here.
"""

from __future__ import annotations

import gc
import marshal
import os
import signal
from collections.abc import Sequence
from typing import Any

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, Rule
from guidelines_model.load.limits import cores
from guidelines_model.model.origin import Location

#: From this many nodes in a document, its rules run in two processes (the real editions
#: have 175 to 465 each: a fork would cost more than it saves).
PARALLEL_MIN_NODES = 5_000
#: The share of the nodes this process checks with the ``beside`` rules; the child, which
#: runs every other rule, checks the rest. Measured on the synthetic 10,000-value edition (2
#: cores): source fidelity 1.3 s, the other rules 1.1 s, and the child's findings cross a
#: pipe; with 94 in 100 here, both processes end within 0.05 s of each other.
HERE_SHARE = 0.94


def run_rules(ctx: Context, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding of ``rules`` on ``ctx``'s document, rule after rule, in rule order."""
    here = [r for r in rules if r.beside]
    there = [r for r in rules if not r.beside]
    if (
        not here
        or not there
        or len(ctx.node_list) < PARALLEL_MIN_NODES
        or os.name != "posix"
        or cores() < 2
    ):
        return [f for found in _run(ctx, rules) for f in found]
    # The nodes are walked before the fork, for both processes; what each derives from them
    # (the texts, the nodes by id), each works out after it, beside the other.
    split = int(len(ctx.node_list) * HERE_SHARE)
    try:
        by_code = _beside(ctx, here, there, split)
    finally:
        ctx.share = slice(None)
    return [f for r in rules for f in by_code[r.code]]


def _run(ctx: Context, rules: Sequence[Rule], share: slice = slice(None)) -> list[list[Finding]]:
    found = []
    ctx.share = share
    for r in rules:
        ctx.rule = r
        found.append(list(r.fn(ctx)))
    return found


def _theirs(ctx: Context, here: list[Rule], there: list[Rule], split: int) -> list[list[Finding]]:
    """The child's work: the other rules, then the ``beside`` rules on the nodes past
    ``split``."""
    return [*_run(ctx, there), *_run(ctx, here, slice(split, None))]


def _beside(
    ctx: Context, here: list[Rule], there: list[Rule], split: int
) -> dict[str, list[Finding]]:
    """The findings of ``here`` (run in this process on the nodes before ``split``, in the child
    on the rest) and ``there`` (run in the child), by rule code."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        status = 1
        try:
            gc.disable()  # a short life: no collection touching (and so copying) every page
            work = _theirs(ctx, here, there, split)
            payload = marshal.dumps([[_encode(f) for f in found] for found in work])
            with open(write, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    reaped = False
    try:
        mine = _run(ctx, here, slice(0, split))
        with open(read, "rb") as stream:
            payload = stream.read()
        _, status = os.waitpid(pid, 0)
        reaped = True
        theirs = _decode(payload) if status == 0 else None
        if theirs is None or len(theirs) != len(there) + len(here):
            theirs = _theirs(ctx, here, there, split)  # the child failed: its work is done here
        others, rest = theirs[: len(there)], theirs[len(there) :]
        by_code = {r.code: found for r, found in zip(there, others, strict=True)}
        for r, first, last in zip(here, mine, rest, strict=True):
            by_code[r.code] = first + last
        return by_code
    finally:
        if not reaped:  # interrupted: the child must not outlive us
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _encode(f: Finding) -> tuple[Any, ...]:
    loc = f.location
    where = None if loc is None else (loc.file, loc.line, loc.column, loc.id, loc.yaml_path)
    return (f.code, f.name, f.severity.value, f.message, f.id, f.text, where, f.hint,
            f.acknowledged)  # fmt: skip


def _decode(payload: bytes) -> list[list[Finding]] | None:
    try:
        data = marshal.loads(payload)
        return [
            [
                Finding(
                    code,
                    name,
                    Severity(severity),
                    message,
                    id_,
                    text,
                    None if where is None else Location(*where),
                    hint,
                    acknowledged,
                )
                for code, name, severity, message, id_, text, where, hint, acknowledged in found
            ]
            for found in data
        ]
    except (EOFError, ValueError, TypeError):
        return None
