"""Pydantic <-> SQLite rows, in one place, so the domain model never learns about storage.

Writers return dicts for named SQL parameters (``:name``); readers take ``sqlite3.Row``.
Nested structures are stored as JSON produced by the models themselves and validated by
them on the way back, so a round trip is exact; the scalar columns beside them exist for
filtering and reading in SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assistant.model import (
    Article,
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    Cluster,
    ExtractionResult,
    Finding,
    InputRecord,
    Usage,
)
from assistant.store.records import AuditEntry, ClaimDecision

Params = dict[str, Any]


def input_params(record: InputRecord) -> Params:
    return record.model_dump(mode="json")


def input_from_row(row: sqlite3.Row) -> InputRecord:
    return InputRecord(
        source=row["source"],
        status=row["status"],
        reason=row["reason"],
        article_id=row["article_id"],
    )


def article_params(article: Article) -> Params:
    params = article.model_dump(mode="json")
    params["segments"] = json.dumps(params["segments"])
    return params


def article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        outlet=row["outlet"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
        text=row["text"],
        source=row["source"],
        segments=json.loads(row["segments"]),
    )


def extraction_params(
    result: ExtractionResult, *, run_started: float, saved_at: datetime
) -> Params:
    return {
        **result.model_dump(mode="json", exclude={"claims", "usage", "warnings"}),
        **result.usage.model_dump(),
        "warnings": json.dumps(result.warnings, ensure_ascii=False),
        "run_started": run_started,
        "saved_at": saved_at.isoformat(),
    }


def extraction_from_row(row: sqlite3.Row, claims: list[Claim]) -> ExtractionResult:
    return ExtractionResult(
        article_id=row["article_id"],
        extractor=row["extractor"],
        model=row["model"],
        prompt_version=row["prompt_version"],
        status=row["status"],
        error=row["error"],
        warnings=json.loads(row["warnings"]),
        claims=claims,
        usage=Usage(
            prompt_tokens=row["prompt_tokens"],
            completion_tokens=row["completion_tokens"],
            calls=row["calls"],
            retries=row["retries"],
            duration_s=row["duration_s"],
        ),
    )


def claim_params(claim: Claim, *, stage: str, seq: int) -> Params:
    return {
        "id": claim.id,
        "stage": stage,
        "article_id": claim.article_id,
        "seq": seq,
        "kind": claim.kind.value,
        "metric": claim.metric,
        "grounding": claim.grounding.value,
        "certainty": claim.certainty.value,
        "span_start": claim.span.start if claim.span else None,
        "data": claim.model_dump_json(),
    }


def claim_from_row(row: sqlite3.Row) -> Claim:
    return Claim.model_validate_json(row["data"])


def cluster_params(cluster: Cluster, *, seq: int) -> Params:
    params = cluster.model_dump(mode="json")
    params["claim_ids"] = json.dumps(cluster.claim_ids, ensure_ascii=False)
    params["seq"] = seq
    return params


def cluster_from_row(row: sqlite3.Row) -> Cluster:
    return Cluster(
        id=row["id"],
        subject=row["subject"],
        metric=row["metric"],
        period=row["period"],
        claim_ids=json.loads(row["claim_ids"]),
    )


def finding_params(finding: Finding, *, finding_id: int) -> Params:
    params = finding.model_dump(mode="json", exclude={"claim_ids"})
    params["id"] = finding_id
    return params


def finding_claim_params(finding: Finding, *, finding_id: int) -> list[Params]:
    return [
        {"finding_id": finding_id, "position": position, "claim_id": claim_id}
        for position, claim_id in enumerate(finding.claim_ids)
    ]


def finding_from_row(row: sqlite3.Row, claim_ids: list[str]) -> Finding:
    return Finding(
        rule=row["rule"],
        severity=row["severity"],
        claim_ids=claim_ids,
        evidence=row["evidence"],
        cluster_id=row["cluster_id"],
        ok=bool(row["ok"]),
    )


def checklist_params(item: ChecklistItem, *, seq: int) -> Params:
    # The editor's fields live in decision_items, never in the automatic rows.
    params = item.model_dump(mode="json", exclude={"editor_status", "editor_note"})
    params["finding_rules"] = json.dumps(params["finding_rules"])
    params["seq"] = seq
    return params


def checklist_from_row(row: sqlite3.Row) -> ChecklistItem:
    """``row`` from checklist_items with the editor's status joined in as ``editor_status``."""
    return ChecklistItem(
        claim_id=row["claim_id"],
        key=row["key"],
        label=row["label"],
        status=row["status"],
        evidence=row["evidence"],
        finding_rules=json.loads(row["finding_rules"]),
        editor_status=row["editor_status"],
    )


def decision_from_rows(row: sqlite3.Row, items: Sequence[sqlite3.Row]) -> ClaimDecision:
    """``row`` from decisions, ``items`` its decision_items rows."""
    return ClaimDecision(
        claim_id=row["claim_id"],
        verdict=row["verdict"],
        note=row["note"],
        items={CheckKey(item["key"]): CheckStatus(item["status"]) for item in items},
        updated_at=datetime.fromisoformat(row["updated_at"]),
        updated_by=row["updated_by"],
        quote=row["quote"],
        content_hash=row["content_hash"],
        reopened_at=_when(row["reopened_at"]),
        reopened_why=row["reopened_why"],
        old_verdict=row["old_verdict"],
        old_quote=row["old_quote"],
        version=row["version"],
    )


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def audit_from_row(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        at=datetime.fromisoformat(row["at"]),
        actor=row["actor"],
        action=row["action"],
        claim_id=row["claim_id"],
        key=row["key"],
        old=row["old"],
        new=row["new"],
        session=row["session"],
    )
