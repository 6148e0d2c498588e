"""Source fidelity: verify-sources as findings."""

from __future__ import annotations

from collections.abc import Iterator

from guidelines_model.checks.finding import Finding, Severity
from guidelines_model.checks.registry import Context, rule
from guidelines_model.model.errors import SourceFileError
from guidelines_model.verify import Verification

_MISSING = (
    "transcribe the published wording exactly, or record an 'unverified' exception with a reason"
)


# The most work and the most findings of any rule: beside the others on a large document.
@rule("GM501", "source-fidelity", Severity.ERROR, editions_only=False, beside=True)
def source_fidelity(ctx: Context) -> Iterator[Finding]:
    """Every sentence is found in the source documents, or excepted with a reason."""
    try:
        run = Verification(ctx.doc, ctx.sources_root)
    except SourceFileError as exc:
        yield ctx.finding(
            str(exc), ctx.doc.id, hint="sources/ must hold the files edition.yaml lists"
        )
        return
    if run.draft:
        yield ctx.finding(
            "draft: not checked against the sources (a draft has no published text yet)",
            ctx.doc.id,
            severity=Severity.INFO,
        )
        return
    text = dict(ctx.texts)
    assert ctx.rule is not None
    code, name, severity = ctx.rule.code, ctx.rule.name, ctx.rule.severity
    # Each sentence's result as it comes: the most findings of any rule, made directly.
    for id_, sentence, status, where, reason, _ in run.sentences(ctx.node_list[ctx.share]):
        if status == "missing":
            yield Finding(
                code,
                name,
                severity,
                f"not found in the sources: {sentence!r}",
                id_,
                text.get(id_, ""),
                where or ctx.locate(id_),
                _MISSING,
            )
        elif status == "excepted":
            yield ctx.finding(
                f"not verified (excepted: {reason})",
                id_,
                text.get(id_, ""),
                severity=Severity.INFO,
                location=where,
            )
    if ctx.share.stop is not None:
        return  # the findings about the whole document come with the last share
    if ctx.share.start:  # what the exception targets before this share excused
        before = ctx.node_list[: ctx.share.start]
        for _ in run.sentences(n for n in before if n.id in run.exceptions):
            pass
    report = run.report(())  # every sentence has come: the stale exceptions, the metadata
    for m in report.metadata_problems:
        message = (
            f"metadata {m.field} is not found in the sources: {m.value!r}"
            if m.status == "missing"
            else f"metadata {m.field} is listed as editorial, but a source prints it"
        )
        yield ctx.finding(
            message,
            ctx.doc.id,
            hint="give the field as printed, or list it under 'editorial' with a reason",
        )
    for target in report.stale_exceptions:
        yield ctx.finding(
            "recorded as unverified, but every sentence is found: remove the exception",
            target,
            text.get(target, ""),
            severity=Severity.WARNING,
        )
