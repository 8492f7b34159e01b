"""Reports of a finished run: ``report.json`` (stable field names), ``report.md`` and a terminal
table. Variants (packs, models, the baseline) sit side by side, in total and case by case.

``report.json`` field names are a contract: ``evals/README.md`` documents them, and a change
that renames or removes one must bump ``REPORT_FORMAT``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from warmnote.evals.expectations import ExpectationResult
from warmnote.evals.records import AUTO_PACK, BASELINE_PACK, RunRecord
from warmnote.evals.runner import EvalPlan, Variant
from warmnote.evals.stats import RunRef, Summary, generation_speed, model_passed, summarize
from warmnote.evals.suite import Case
from warmnote.results import Provenance
from warmnote.sampling import Sampling

REPORT_FORMAT = "warmnote.eval.report/2"
REPORT_JSON = "report.json"
REPORT_MD = "report.md"
BAR_WIDTH = 40
PACK_LABELS = {AUTO_PACK: "scenario packs", BASELINE_PACK: "baseline"}


class SuiteInfo(BaseModel):
    name: str
    description: str
    path: str
    sha256: str
    cases: int


class RunSettings(BaseModel):
    attempts: int
    candidates: int = 1
    seeds: list[int]
    packs: list[str]
    models: list[str]
    baseline: bool
    sampling: Sampling
    """The settings' sampling; each pack's own settings go under it."""


class VariantReport(BaseModel):
    id: str
    label: str
    pack: str
    model: str
    model_name: str | None
    model_sha256: str | None
    baseline: bool
    summary: Summary


class ViolationBrief(BaseModel):
    rule: str
    severity: str
    message: str


class RunReport(BaseModel):
    variant: str
    seed: int
    skipped: str | None
    text: str | None
    passed: bool | None
    """Whether the model's draft passed (a plain note offered instead is ``plain``)."""
    plain: bool = False
    passed_first_attempt: bool | None
    attempts: int
    violations: list[ViolationBrief]
    expectations: list[ExpectationResult]
    expectations_met: bool | None
    seconds: float | None
    tokens_per_second: float | None
    completion_tokens: int
    length: int | None
    limit: int | None
    near_duplicate_of: list[RunRef]
    provenance: Provenance | None


class CaseReport(BaseModel):
    id: str
    scenario: str
    familiarity: str
    max_chars: int
    must_mention: list[str]
    must_not_contain: list[str]
    runs: list[RunReport]


class Report(BaseModel):
    format: str = REPORT_FORMAT
    suite: SuiteInfo
    settings: RunSettings
    variants: list[VariantReport]
    cases: list[CaseReport]
    judged: dict[str, Any] | None = None
    """The rules' pass precision and recall on the judged corpus (evals/judged/), when found."""
    judged_summary: str | None = Field(default=None, exclude=True)


def variant_names(plan: EvalPlan) -> dict[Variant, tuple[str, str]]:
    """(id, label) of each variant: its pack, plus the model's file name when there are several."""
    names = [Path(model).name for model in plan.models]
    unique = names if len(set(names)) == len(names) else list(plan.models)
    model_names = dict(zip(plan.models, unique, strict=True))
    several = len(plan.models) > 1
    out: dict[Variant, tuple[str, str]] = {}
    for variant in plan.variants:
        label = PACK_LABELS.get(variant.pack, variant.pack)
        model = model_names[variant.model]
        out[variant] = (
            (f"{variant.pack} {model}", f"{label} ({model})") if several else (variant.pack, label)
        )
    return out


def build_report(plan: EvalPlan, records: Sequence[RunRecord]) -> Report:
    cases = {case.id: case for case in plan.suite.cases}
    names = variant_names(plan)
    ids = {variant: variant_id for variant, (variant_id, _) in names.items()}
    by_variant = {
        variant: [r for r in records if (r.pack, r.model) == (variant.pack, variant.model)]
        for variant in plan.variants
    }
    summaries = {variant: summarize(runs, cases) for variant, runs in by_variant.items()}
    variants = [
        _variant_report(variant, *names[variant], by_variant[variant], summaries[variant])
        for variant in plan.variants
    ]
    duplicates: dict[tuple[Variant, str, int], list[RunRef]] = {}
    for variant, summary in summaries.items():
        for pair in summary.diversity.near_duplicates:
            duplicates.setdefault((variant, pair.a.case, pair.a.seed), []).append(pair.b)
            duplicates.setdefault((variant, pair.b.case, pair.b.seed), []).append(pair.a)
    case_reports = []
    for case in plan.suite.cases:
        runs = []
        for variant in plan.variants:
            for record in by_variant[variant]:
                if record.case == case.id:
                    similar = duplicates.get((variant, case.id, record.seed), [])
                    runs.append(_run_report(ids[variant], record, similar))
        case_reports.append(_case_report(case, runs))
    return Report(
        suite=SuiteInfo(
            name=plan.suite.name,
            description=plan.suite.description,
            path=str(plan.suite.path),
            sha256=plan.suite.sha256,
            cases=len(plan.suite.cases),
        ),
        settings=RunSettings(
            attempts=plan.attempts,
            candidates=plan.candidates,
            seeds=list(plan.seeds),
            packs=list(plan.packs),
            models=list(plan.models),
            baseline=plan.baseline,
            sampling=Sampling.layered(plan.sampling),
        ),
        variants=variants,
        cases=case_reports,
    )


def _variant_report(
    variant: Variant, variant_id: str, label: str, records: Sequence[RunRecord], summary: Summary
) -> VariantReport:
    provenance = next((r.result.provenance for r in records if r.result is not None), None)
    return VariantReport(
        id=variant_id,
        label=label,
        pack=variant.pack,
        model=variant.model,
        model_name=provenance.model_name if provenance else None,
        model_sha256=provenance.model_sha256 if provenance else None,
        baseline=variant.baseline,
        summary=summary,
    )


def _run_report(variant_id: str, record: RunRecord, similar: list[RunRef]) -> RunReport:
    result = record.result
    if result is None:
        return RunReport(
            variant=variant_id,
            seed=record.seed,
            skipped=record.skipped,
            text=None,
            passed=None,
            passed_first_attempt=None,
            attempts=0,
            violations=[],
            expectations=[],
            expectations_met=None,
            seconds=None,
            tokens_per_second=None,
            completion_tokens=0,
            length=None,
            limit=None,
            near_duplicate_of=[],
            provenance=None,
        )
    seconds = result.total_seconds
    tokens = sum(attempt.completion_tokens for attempt in result.attempts)
    return RunReport(
        variant=variant_id,
        seed=record.seed,
        skipped=None,
        text=result.text,
        passed=model_passed(result),
        plain=result.provenance.origin == "plain",
        passed_first_attempt=result.attempts[0].verdict.passed,
        attempts=len(result.attempts),
        violations=[
            ViolationBrief(rule=v.rule, severity=v.severity.value, message=v.message)
            for v in result.violations
        ],
        expectations=record.expectations,
        expectations_met=record.expectations_met,
        seconds=round(seconds, 3),
        tokens_per_second=_rounded(generation_speed(result.attempts)),
        completion_tokens=tokens,
        length=result.verdict.length,
        limit=result.verdict.limit,
        near_duplicate_of=similar,
        provenance=result.provenance,
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _case_report(case: Case, runs: list[RunReport]) -> CaseReport:
    context = case.context
    return CaseReport(
        id=case.id,
        scenario=context.scenario,
        familiarity=context.relationship.familiarity.value,
        max_chars=context.max_chars,
        must_mention=list(case.must_mention),
        must_not_contain=list(case.must_not_contain),
        runs=runs,
    )


def write_reports(report: Report, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / REPORT_JSON, out_dir / REPORT_MD
    json_path.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    md_path.write_text(render_markdown(report), encoding="utf-8")
    return json_path, md_path


# --- shared wording -----------------------------------------------------------------------


def _percent(rate: float | None, count: int, total: int) -> str:
    return "-" if rate is None else f"{rate:.0%} ({count}/{total})"


def _number(value: float | None, spec: str = ".2f", unit: str = "") -> str:
    return "-" if value is None else f"{value:{spec}}{unit}"


def summary_rows(report: Report) -> list[tuple[str, list[str]]]:
    """(metric, one cell per variant): the side-by-side totals of the terminal and markdown."""
    attempts = report.settings.attempts

    def row(name: str, cell: Callable[[Summary], str]) -> tuple[str, list[str]]:
        return name, [cell(v.summary) for v in report.variants]

    return [
        row("runs (skipped)", lambda s: f"{s.runs} ({s.skipped})" if s.skipped else str(s.runs)),
        row(
            "pass rate, first attempt",
            lambda s: _percent(s.pass_rate_first_attempt, s.passed_first_attempt, s.runs),
        ),
        row(
            f"pass rate within {attempts} attempts",
            lambda s: _percent(s.pass_rate, s.passed, s.runs),
        ),
        row("plain notes offered (no draft passed)", lambda s: str(s.plain_notes)),
        row("final notes passed with a warning", lambda s: str(s.passed_with_warnings)),
        row(
            "expectations met",
            lambda s: _percent(s.expectations_met_rate, s.expectations_met, s.runs),
        ),
        row(
            "passed and met expectations",
            lambda s: _percent(s.pass_rate_with_expectations, s.passed_with_expectations, s.runs),
        ),
        row("mean attempts", lambda s: _number(s.mean_attempts)),
        row("grounding failures", lambda s: str(s.grounding_failures)),
        row(
            "latency p50 / p95",
            lambda s: (
                f"{_number(s.latency_seconds.p50, unit=' s')} / "
                f"{_number(s.latency_seconds.p95, unit=' s')}"
            ),
        ),
        row("tokens/s", lambda s: _number(s.tokens_per_second, ".1f")),
        row(
            "length median (min-max)",
            lambda s: (
                f"{_number(s.length.median, '.0f')} ({_number(s.length.min, 'd')}-"
                f"{_number(s.length.max, 'd')})"
            ),
        ),
        row("over the limit", lambda s: str(s.length.over_limit)),
        row("mean similarity", lambda s: _number(s.diversity.mean_similarity)),
        row("near-duplicate pairs", lambda s: str(len(s.diversity.near_duplicates))),
    ]


def rule_rows(report: Report) -> list[tuple[str, list[str]]]:
    rules = sorted({rule for v in report.variants for rule in v.summary.failures_per_rule})
    return [
        (rule, [str(v.summary.failures_per_rule.get(rule, 0)) for v in report.variants])
        for rule in rules
    ]


def run_cell(run: RunReport) -> str:
    """A run at a glance: ``pass@2`` (passed on attempt 2), ``FAIL(length, reason)``, ``skip``;
    ``!mention`` / ``!forbidden`` when a must_mention is missing or a must_not_contain appears."""
    if run.skipped is not None:
        return "skip"
    if run.passed:
        cell = f"pass@{run.attempts}"
    elif run.plain:
        cell = "plain"
    else:
        rules = sorted({v.rule for v in run.violations if v.severity == "error"})
        cell = f"FAIL({', '.join(rules)})" if rules else "FAIL"
    missed = {e.kind for e in run.expectations if not e.met}
    if "must_mention" in missed:
        cell += " !mention"
    if "must_not_contain" in missed:
        cell += " !forbidden"
    return cell


def case_rows(report: Report) -> list[tuple[CaseReport, list[str]]]:
    """(case, one cell per variant); several seeds share a cell, separated by ``;``."""
    return [
        (
            case,
            [
                "; ".join(run_cell(r) for r in case.runs if r.variant == v.id) or "-"
                for v in report.variants
            ],
        )
        for case in report.cases
    ]


# --- markdown -----------------------------------------------------------------------------


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    return [line(header), line(["---"] * len(header)), *(line(row) for row in rows), ""]


def text_histogram(summary: Summary, width: int = BAR_WIDTH) -> list[str]:
    bins = summary.length.histogram
    top = max((b.count for b in bins), default=0)
    lines = []
    for b in bins:
        bar = "█" * round(b.count / top * width) if top else ""
        lines.append(f"{b.start:>4}-{b.end - 1:<4} | {bar} {b.count if b.count else ''}".rstrip())
    return lines


def render_markdown(report: Report) -> str:
    labels = [v.label for v in report.variants]
    settings = report.settings
    out = [
        f"# Eval report: {report.suite.name}",
        "",
        *([report.suite.description, ""] if report.suite.description else []),
        f"Suite `{report.suite.path}` ({report.suite.cases} cases, sha256 "
        f"`{report.suite.sha256[:12]}`), seeds {', '.join(map(str, settings.seeds))}, "
        f"attempt budget {settings.attempts}.",
        "",
        "## Summary",
        "",
        *_md_table(["", *labels], [[name, *cells] for name, cells in summary_rows(report)]),
        "## Failures per rule (final drafts)",
        "",
    ]
    rules = rule_rows(report)
    out += _md_table(["rule", *labels], [[r, *c] for r, c in rules]) if rules else ["None.", ""]
    if report.judged_summary:
        out += ["## The rules on the judged corpus", "", report.judged_summary, ""]
    out += ["## Length distribution (characters)", ""]
    for variant in report.variants:
        out += [f"### {variant.label}", "", "```", *text_histogram(variant.summary), "```", ""]
    out += ["## Near-duplicates", ""]
    threshold = report.variants[0].summary.diversity.near_duplicate_threshold
    pairs = [
        f"- {v.label}: `{p.a.case}` (seed {p.a.seed}) and `{p.b.case}` (seed {p.b.seed}): "
        f"{p.similarity:.2f}"
        for v in report.variants
        for p in v.summary.diversity.near_duplicates
    ]
    out += [f"Pairs of notes for different recipients with similarity >= {threshold:.2f}.", ""]
    out += [*pairs, ""] if pairs else ["None.", ""]
    out += ["## Cases", ""]
    out += _md_table(
        ["case", "scenario", "limit", *labels],
        [
            [case.id, case.scenario, str(case.max_chars), *cells]
            for case, cells in case_rows(report)
        ],
    )
    out += ["## Drafts", ""]
    names = {v.id: v.label for v in report.variants}
    for case in report.cases:
        out += [f"### {case.id}", ""]
        for run in case.runs:
            out += _md_run(names[run.variant], run)
        out.append("")
    return "\n".join(out)


def _md_run(label: str, run: RunReport) -> list[str]:
    head = f"- **{label}**, seed {run.seed}: {run_cell(run)}"
    if run.skipped is not None:
        return [f"{head}: {run.skipped}"]
    lines = [
        f"{head}, {run.length}/{run.limit} chars, {_number(run.seconds, unit=' s')}",
        f"  > {(run.text or '(empty)').replace(chr(10), ' ')}",
    ]
    lines += [f"  - {v.severity} `{v.rule}`: {v.message}" for v in run.violations]
    lines += [
        f'  - {"missing" if e.kind == "must_mention" else "contains"} "{e.phrase}"'
        for e in run.expectations
        if not e.met
    ]
    return lines


# --- terminal -----------------------------------------------------------------------------


def print_terminal(report: Report) -> None:
    """The case table, then the side-by-side summary, on stdout."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    labels = [v.label for v in report.variants]
    cases = Table(title=f"{report.suite.name}: cases", title_justify="left")
    for name in ["case", *labels]:
        cases.add_column(name, overflow="fold")
    for case, cells in case_rows(report):
        cases.add_row(case.id, *cells)
    console.print(cases)
    summary = Table(title=f"{report.suite.name}: summary", title_justify="left")
    for name in ["", *labels]:
        summary.add_column(name, justify="right" if name else "left")
    for name, cells in [
        *summary_rows(report),
        *((f"failures: {rule}", cells) for rule, cells in rule_rows(report)),
    ]:
        summary.add_row(name, *cells)
    console.print(summary)
    if report.judged_summary:
        console.print(report.judged_summary, markup=False, highlight=False)
