"""The ``factcheck`` command line. Results go to stdout (or -o), diagnostics to stderr.

Exit codes:
  0  done; every input was read and extracted
  1  unexpected internal error (a bug: please report it)
  2  usage or configuration error (nothing was processed)
  3  done, but some inputs were rejected or failed extraction (each is listed with its reason)
  4  no input could be processed at all
  7  the model endpoint refused the run (a bad key, no quota, an unknown model): stopped at
     the first such answer; the report lists every article, those not extracted with why
`factcheck schemas --check` exits 3 when schemas/ is out of date.
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import functools
import gc
import logging
import os
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from assistant import __version__, redact
from assistant.config import Settings, load_settings
from assistant.errors import (
    CacheError,
    ConfigError,
    EndpointError,
    ExportError,
    FactcheckError,
    WorkspaceError,
)
from assistant.ingest import DEFAULT_MAX_BYTES, IngestBatch
from assistant.model import (
    ExtractionResult,
    ExtractionStatus,
    Finding,
    InputStatus,
    RuleId,
    Severity,
)
from assistant.progress import Tally, progress_bar
from assistant.spool import ResultSpool, Writer
from assistant.text import one_line

if TYPE_CHECKING:
    from assistant.report.model import Report, StoryInfo, StoryReport, Summary
    from assistant.report.workspace import DecisionCarrier
    from assistant.store import Workspace
    from assistant.stories import Story

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2, 3, 4
# The workspace file cannot be used: not a workspace, damaged, written by a newer
# factcheck, locked or unwritable. Apart from 2 so a script can tell "fix the command"
# from "the file needs attention".
EXIT_WORKSPACE = 5
EXIT_FINDINGS = 6  # --fail-on: the report holds findings the pipeline asked to fail on
# The endpoint refuses every request (a bad key, no quota, an unknown model): fix the
# account or the settings and run again; retrying as-is cannot help.
EXIT_ENDPOINT = 7

EPILOG = """\
examples:
  factcheck report examples/river-floods                 offline, no key needed
  factcheck report examples/river-floods --llm mock      mocked LLM, recorded answers
  factcheck report articles/ -o report.md                OPENAI_API_KEY set: uses the LLM
  factcheck report a.md b.html --format json -o report.json
  factcheck report examples/river-floods -o report.html -o claims.csv -o -
  factcheck tui examples/river-floods --workspace floods.sqlite
  factcheck report --workspace floods.sqlite -o desk.md -o reviews.claimreview.json

LLM endpoints: OPENAI_API_KEY and OPENAI_BASE_URL as for the openai SDK, or --base-url;
--mode json (or md_json) for llama.cpp servers, json_schema for vLLM, tools for OpenAI.
results cache: an unchanged rerun (or a rerun after Ctrl-C) makes no model call for the
articles already done; --no-cache to skip it, 'factcheck cache info|clear' to see or empty it.
exit codes: 0 ok, 1 bug, 2 usage/config error, 3 some inputs rejected or failed,
4 nothing processed, 5 workspace unusable, 6 findings named by --fail-on,
7 the endpoint refused the run (key, quota, model)
"""


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _size(value: str) -> int:
    units = {"kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000, "b": 1}
    text = value.strip().lower()
    for suffix, factor in units.items():
        if text.endswith(suffix) and text[: -len(suffix)].strip().replace(".", "", 1).isdigit():
            return int(float(text[: -len(suffix)]) * factor)
    if text.isdigit():
        return int(text)
    raise argparse.ArgumentTypeError(f"not a size (e.g. 5MB, 500kB, 1000000): {value!r}")


def _add_llm_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("extraction")
    g.add_argument(
        "--llm",
        choices=["auto", "llm", "offline", "mock"],
        help="extractor: auto (llm if an endpoint is configured, else offline), "
        "llm, offline (no model), mock (mocked LLM, no network)",
    )
    g.add_argument("--model", help="model name at the endpoint (env FACTCHECK_MODEL)")
    g.add_argument("--base-url", help="OpenAI-compatible endpoint (env OPENAI_BASE_URL)")
    g.add_argument(
        "--mode",
        choices=["tools", "json", "json_schema", "md_json"],
        help="structured-output mode: tools (OpenAI), json/md_json (llama.cpp, Ollama), "
        "json_schema (vLLM)",
    )
    g.add_argument("--concurrency", type=int, help="model requests in flight at once (default 4)")
    g.add_argument(
        "--timeout",
        type=float,
        dest="timeout_s",
        metavar="SECONDS",
        help="read timeout per LLM request (default 120; 600 for a server on this machine); "
        "a timeout is retried once with twice the limit",
    )
    g.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="ask for answers token by token, so a slow server's long answer never hits the "
        "read timeout (default: on for a server on this machine, off elsewhere)",
    )
    g.add_argument(
        "--batch-api",
        action="store_true",
        default=None,
        help="send the articles through the OpenAI Batch API (half the price, answers within "
        "24 hours); an article it does not answer in full goes through the live path",
    )
    g.add_argument(
        "--hybrid",
        action="store_true",
        default=None,
        help="cross-check the model with the offline extractor: figures and sources it "
        "missed are added (and said to be found by rule), differing figures flagged",
    )
    g.add_argument(
        "--chunk-chars",
        type=int,
        metavar="N",
        help="longest article text sent in one request (default 12000)",
    )
    g.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        default=None,
        help="neither reuse nor store results in the results cache (see 'factcheck cache'); "
        "by default an unchanged article is not extracted again",
    )
    g.add_argument(
        "--record",
        type=Path,
        dest="record_dir",
        metavar="DIR",
        help="write every LLM answer as a fixture file that --llm mock replays",
    )
    m = p.add_argument_group("mocked LLM (--llm mock)")
    m.add_argument(
        "--fixtures",
        type=Path,
        action="append",
        dest="fixture_dirs",
        metavar="DIR",
        help="recorded fixtures to replay, instead of the fixtures/ found beside the inputs",
    )
    m.add_argument(
        "--mock-faults",
        metavar="SPEC",
        help="inject faults, e.g. rate_limit=0.2,server_error=0.1,timeout=0.05,"
        "bad_json=0.1,ungrounded=0.1,truncate=0.05",
    )
    m.add_argument("--mock-seed", type=int, help="seed for fault injection (default 0)")
    m.add_argument("--mock-latency", metavar="DURATION", help="latency per request, e.g. 200ms")
    m.add_argument(
        "--mock-server",
        choices=["openai", "llamacpp"],
        help="server to behave like: llamacpp refuses object tool_choice, answers in content",
    )


def _add_input_options(p: argparse.ArgumentParser, *, optional: bool = False) -> None:
    p.add_argument(
        "paths",
        nargs="*" if optional else "+",
        type=Path,
        metavar="PATH",
        help="article files (.txt .md .html .jsonl .pdf .docx) or directories"
        + (" (optional with --workspace)" if optional else ""),
    )
    g = p.add_argument_group("input")
    g.add_argument("--outlet", help="outlet for articles that do not name one")
    g.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) where missing")
    g.add_argument(
        "--max-bytes",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="largest article file accepted (default 5MB; its text may be at most 200,000 "
        "characters); bigger ones are listed as rejected",
    )


def _add_workspace_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="articles to add and check")
    p.add_argument(
        "--workspace",
        type=Path,
        default=Path("factcheck.sqlite"),
        help="SQLite workspace to create or reopen (default ./factcheck.sqlite)",
    )
    p.add_argument(
        "--editor",
        metavar="NAME",
        help="your name as the audit trail and exports record it "
        '(env FACTCHECK_EDITOR, or editor = "NAME" in the config file)',
    )


def _add_output_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument(
        "-o",
        "--output",
        action="append",
        default=[],
        metavar="FILE",
        help="write here instead of stdout; give it several times for several files, "
        "'-' for stdout. The format follows the name (.md .html .json .csv "
        ".claimreview.json) unless --format is given",
    )
    p.add_argument(
        "--format",
        choices=list(formats),
        help="output format for every output (default: from each -o name, else md)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or notices on stderr")
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log every retry and re-ask of the LLM layer on stderr",
    )


def build_parser() -> argparse.ArgumentParser:
    from assistant.report.render import FORMATS

    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Pull checkable claims out of news articles, compare them across articles, "
        "and give the editor a verification checklist for each claim.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = sub.add_parser(
        "report",
        help="batch fact-check report over articles",
        description="Extract, compare across articles, and write a report.",
    )
    _add_input_options(report, optional=True)
    report.add_argument(
        "--fail-on",
        action="append",
        default=[],
        type=_fail_on_conditions,
        metavar="WHAT",
        help="what fails the run, for pipelines: 'conflict' (a high or medium CONFLICT: "
        "exit 6), 'unverified' (an UNVERIFIED finding: exit 6), 'error' (an input rejected "
        "or failed: exit 3). Comma-separated or repeated. Given, it replaces the default "
        "('error'); a run where nothing could be processed always exits 4",
    )
    report.add_argument(
        "--workspace",
        type=Path,
        metavar="FILE",
        help="carry the editor's decisions (verdict, note, ticks, who and when) from this "
        "workspace into the report; with no PATH, report what the workspace holds",
    )
    report.add_argument(
        "--one-story",
        action="store_true",
        help="compare every article with every other, as one story (default: group the "
        "batch into stories by its inputs' 'story' field, its folders, or shared names)",
    )
    _add_output_options(report, FORMATS)
    _add_llm_options(report)

    extract = sub.add_parser(
        "extract", help="claims, hedges and grounding per article (no comparison)"
    )
    _add_input_options(extract)
    _add_output_options(extract, ("md", "json"))
    _add_llm_options(extract)

    tui = sub.add_parser("tui", help="the editor's workspace in the terminal")
    _add_workspace_options(tui)
    _add_llm_options(tui)

    serve = sub.add_parser("serve", help="the same workspace app in a browser (textual-serve)")
    _add_workspace_options(serve)
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="bind address (default loopback only; any other prints a warning, and the URL's "
        "token is what keeps others out)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free)")
    _add_llm_options(serve)

    evaluate = sub.add_parser(
        "eval",
        help="score extraction and the rules against gold annotations of real coverage",
        description="Run the gold packages through the pipeline and print the accuracy "
        "table (figures, junk, attribution, hedges, each cross-article rule) with bounds.",
    )
    evaluate.add_argument(
        "gold", nargs="*", type=Path, metavar="GOLD", help="gold files or folders"
    )
    from assistant.evaluate.table import add_arguments

    add_arguments(evaluate)

    cache = sub.add_parser(
        "cache",
        help="the results cache: where it is and what it holds, or empty it",
        description="Every finished extraction is kept in a per-user SQLite file, keyed by "
        "the article, the extractor, model, endpoint, mode, prompt and schema versions and "
        "factcheck's version, so an unchanged rerun makes no model call and a stopped run "
        "resumes. FACTCHECK_CACHE_DIR (or cache_dir in config.toml) moves it.",
    )
    cache.add_argument(
        "action",
        choices=["info", "clear"],
        help="info: path, entries, size; clear: remove every entry",
    )
    schemas = sub.add_parser("schemas", help="print, write or check the published JSON Schemas")
    schemas.add_argument("--write", action="store_true", help="write them into schemas/")
    schemas.add_argument("--check", action="store_true", help="exit 3 if schemas/ is out of date")
    schemas.add_argument("--dir", type=Path, help="schemas directory (default: the shipped one)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    keys = (
        "llm",
        "model",
        "base_url",
        "mode",
        "concurrency",
        "timeout_s",
        "chunk_chars",
        "stream",
        "batch_api",
        "hybrid",
        "mock_server",
        "record_dir",
        "fixture_dirs",
        "mock_faults",
        "mock_seed",
        "mock_latency",
        "editor",
        "cache",
    )
    return load_settings({k: getattr(args, k, None) for k in keys})


def _check_output(output: Path | None) -> None:
    """Refuse an unusable -o path before any work (and any LLM spend) is done."""
    if output is None:
        return
    if output.is_dir():
        raise ConfigError(f"-o {output}: is a directory; name a file")
    if not output.parent.is_dir():
        raise ConfigError(f"-o {output}: folder {output.parent} does not exist")
    if not os.access(output.parent, os.W_OK):
        raise ConfigError(f"-o {output}: folder {output.parent} is not writable")


def _check_inputs(paths: Sequence[Path]) -> None:
    """Refuse a path that names nothing before any work: a typo is not a rejected input."""
    from assistant.ingest.paths import missing, name_of

    if gone := missing(paths):
        raise ConfigError("; ".join(f"{name_of(path)}: {why}" for path, why in gone))


Output = tuple[str, Path | None]  # (format, file); None is stdout


def _outputs(args: argparse.Namespace, formats: Sequence[str]) -> list[Output]:
    """Every output asked for, each with its format. Raises ``ConfigError`` (exit 2)
    before any work for a name with no format, a format this command does not write,
    a file named twice, or an unusable path."""
    from assistant.report.render import format_for_path

    if not args.output:
        return [(args.format or "md", None)]
    outputs: list[Output] = []
    for name in args.output:
        target = None if name == "-" else Path(name)
        _check_output(target)
        fmt = args.format or ("md" if target is None else format_for_path(name))
        if fmt is None:
            raise ConfigError(
                f"-o {name}: cannot tell the format from the name; end it in .md .html .json "
                ".csv or .claimreview.json, or give --format"
            )
        if fmt not in formats:
            raise ConfigError(f"-o {name}: {fmt} is not written here; choose {', '.join(formats)}")
        if any(t == target for _, t in outputs):
            raise ConfigError(f"-o {name}: given twice")
        _refuse_workspace(getattr(args, "workspace", None), target)
        outputs.append((fmt, target))
    return outputs


def _refuse_workspace(workspace: Path | None, target: Path | None) -> None:
    """``report --workspace FILE -o FILE`` (or its -wal file, or a link to it) would
    replace the editor's decisions with the report: refused before any work, as the
    TUI's export refuses it."""
    from assistant.report.files import refuse_workspace_target

    if workspace is None or target is None:
        return
    try:
        refuse_workspace_target(workspace, target)
    except ExportError as exc:
        raise ConfigError(f"-o {target}: {exc}") from None


def _write(text: str, output: Path | None) -> None:
    if output is None:
        _write_stdout(text)
        return
    _write_with(lambda out: out.write(text.encode("utf-8")), output)


def _write_with(write: Callable[[Writer], object], output: Path | None) -> None:
    """``write`` the report onto ``output`` (stdout for None), as UTF-8 bytes; a file
    whole or not at all."""
    if output is None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        write(buffer if buffer is not None else _TextOut(sys.stdout))
        if buffer is not None:
            buffer.flush()
        return
    from assistant.report.files import write_atomically_with

    try:
        write_atomically_with(output, write)  # never leave a half-written report behind
    except OSError as exc:
        raise FactcheckError(f"cannot write {output}: {exc.strerror or exc}") from None


class _TextOut:
    """UTF-8 bytes onto a text stream with no buffer under it (a StringIO)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data: bytes) -> int:
        self._stream.write(self._decoder.decode(data))  # a character split across two writes waits
        return len(data)


def _write_stdout(text: str) -> None:
    """Reports are UTF-8, on stdout as in a file: a stdout in another encoding (a Latin-1
    or C locale) gets the UTF-8 bytes rather than losing the report to an encoding error."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    buffer = getattr(sys.stdout, "buffer", None)
    if encoding == "utf8" or buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "replace"))
    buffer.flush()


def _note(message: str, quiet: bool, stream: TextIO | None = None) -> None:
    # File names and reasons come from the inputs: no escape sequence reaches the terminal.
    if not quiet:
        print(f"factcheck: {one_line(message)}", file=stream or sys.stderr)


# How many file names a one-line summary on stderr shows; the report lists them all.
_NAMES_SHOWN = 5
# How many inputs get a line of their own on stderr before the rest are counted.
_INPUT_NOTES = 20


def _names(items: Sequence[str]) -> str:
    shown = ", ".join(items[:_NAMES_SHOWN])
    more = len(items) - _NAMES_SHOWN
    return f"{shown} and {more} more, all listed in the report" if more > 0 else shown


def _note_inputs(batch: IngestBatch, quiet: bool, *, undated_hint: bool) -> None:
    """What ingest skipped, noted or could not date, on stderr before any extraction.

    At most ``_INPUT_NOTES`` lines name one input each; a folder of 20,000 bad files
    gets one more line counting the rest, which the report lists in full.
    """
    said = untold = 0
    for record in batch.inputs:
        if record.status is InputStatus.ok and not record.reason:
            continue
        if said == _INPUT_NOTES:
            untold += 1
            continue
        said += 1
        if record.status is not InputStatus.ok:
            _note(f"{record.source}: skipped: {record.reason}", quiet)
        else:  # what ingest ignored, guessed or folded in an accepted input
            _note(f"{record.source}: {record.reason}", quiet)
    if untold:
        _note(f"{untold} more inputs skipped or noted, each listed in the report", quiet)
    if batch.not_read:
        n = len(batch.not_read)
        files = "file" if n == 1 else "files"
        _note(f"{n} {files} of an unknown type not read: {_names(batch.not_read)}", quiet)
    undated = [a.source for a in batch.articles if a.published is None]
    if undated_hint and undated:
        which = "1 article has" if len(undated) == 1 else f"{len(undated)} articles have"
        _note(
            f'{which} no publication date: periods such as "Monday" in them cannot be '
            f"resolved, so those figures are not compared ({_names(undated)}); "
            "give --published YYYY-MM-DD",
            quiet,
        )


FAIL_ON = ("conflict", "error", "unverified")


def _fail_on_conditions(text: str) -> frozenset[str]:
    """'conflict,unverified' -> the conditions; argparse reports anything unknown."""
    found = frozenset(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = sorted(found - set(FAIL_ON))
    if unknown or not found:
        named = ", ".join(unknown) or repr(text)
        raise argparse.ArgumentTypeError(
            f"unknown condition {named}: choose from {', '.join(FAIL_ON)}"
        )
    return found


def _found(findings: Iterable[Finding]) -> frozenset[str]:
    """The ``--fail-on`` conditions ``findings`` meet: a high or medium CONFLICT, an
    UNVERIFIED; a check that passed meets none."""
    found = set()
    for f in findings:
        if f.ok:
            continue
        if f.rule is RuleId.CONFLICT and f.severity in (Severity.high, Severity.medium):
            found.add("conflict")
        elif f.rule is RuleId.UNVERIFIED:
            found.add("unverified")
    return frozenset(found)


def _fail_on(code: int, found: frozenset[str], conditions: frozenset[str]) -> int:
    """The exit code under ``--fail-on``: ``code`` is what the run gives by default,
    ``found`` what the report holds (``_found``)."""
    if not conditions or code in (EXIT_NOTHING, EXIT_USAGE, EXIT_BUG):
        return code
    if code == EXIT_PARTIAL and "error" in conditions:
        return EXIT_PARTIAL
    return EXIT_FINDINGS if found & conditions else EXIT_OK


def _exit_code(statuses: Sequence[InputStatus], results: Sequence[ExtractionResult]) -> int:
    ok_inputs = [s for s in statuses if s is InputStatus.ok]
    failed = [r for r in results if r.status is ExtractionStatus.failed]
    if not ok_inputs or len(failed) == len(ok_inputs):
        return EXIT_NOTHING
    if len(ok_inputs) < len(statuses) or failed:
        return EXIT_PARTIAL
    return EXIT_OK


def _emit(report: Report, outputs: Sequence[Output], settings: Settings) -> None:
    from assistant import pipeline

    for fmt, target in outputs:
        _write(pipeline.render(report, fmt, settings=settings), target)


def _open_workspace(path: Path) -> Workspace:
    from assistant.store import Workspace

    if not path.is_file():
        raise ConfigError(f"--workspace {path}: no such file (factcheck tui creates one)")
    return Workspace.open(path)


def _run_workspace_report(args: argparse.Namespace) -> int:
    """``factcheck report --workspace FILE`` with no PATH: the workspace's own report."""
    from assistant.report.render import FORMATS
    from assistant.report.workspace import report_from_workspace

    settings = _settings(args)
    outputs = _outputs(args, FORMATS)
    with _open_workspace(args.workspace) as workspace:
        report = report_from_workspace(workspace)
        results = workspace.extractions()
        statuses = [r.status for r in workspace.inputs()]
    _emit(report, outputs, settings)
    code = _exit_code(statuses, results)
    return _fail_on(code, _found(report.findings), frozenset().union(*args.fail_on))


def _run_batch(args: argparse.Namespace, *, with_rules: bool) -> int:
    from assistant import pipeline
    from assistant.ingest import IngestDefaults

    workspace_path: Path | None = getattr(args, "workspace", None)
    if not args.paths:
        if workspace_path is None:
            raise ConfigError("name the articles to check (PATH...), or --workspace FILE")
        return _run_workspace_report(args)
    from assistant.report.render import FORMATS

    settings = _settings(args)
    outputs = _outputs(args, FORMATS if with_rules else ("md", "json"))
    _check_inputs(args.paths)
    if workspace_path is not None and not workspace_path.is_file():
        raise ConfigError(f"--workspace {workspace_path}: no such file (factcheck tui creates one)")
    if settings.llm == "auto" and settings.resolved_llm() == "offline":
        _note(
            "no LLM endpoint configured (OPENAI_API_KEY / OPENAI_BASE_URL): "
            "using the offline extractor",
            args.quiet,
        )
    defaults = IngestDefaults(outlet=args.outlet, published=args.published)
    batch = pipeline.ingest(args.paths, defaults, max_bytes=args.max_bytes)
    _note_inputs(batch, args.quiet, undated_hint=with_rules)
    extractor = pipeline.build_extractor(
        settings, inputs=args.paths, on_note=lambda message: _note(message, args.quiet)
    )
    cache = pipeline.open_cache(settings, on_note=lambda message: _note(message, args.quiet))
    # The stories come from the articles alone, so they are known before any request:
    # each is analysed and written while later ones are still being extracted.
    stories: list[Story] = []
    if with_rules:
        stories = pipeline.find_stories(batch, args.paths, one_story=args.one_story)
    tally = Tally()
    advance, piece, stop = progress_bar(len(batch.articles), args.quiet, tally)
    extractor.on_progress = piece
    refused: list[EndpointError] = []
    # Each result goes to disk as it lands: a batch of thousands of articles never holds
    # all their claims at once; only each one's outcome stays in memory.
    with contextlib.ExitStack() as resources:
        spool = resources.enter_context(ResultSpool())
        writer = None
        if len(stories) > 1:
            writer = resources.enter_context(
                _StoryWriter(batch, stories, spool, outputs, settings, args, extractor.name)
            )

        def landed(result: ExtractionResult) -> None:
            spool.add(result)
            advance(result)
            if writer is not None:
                writer.landed(result.article_id)

        try:
            with _collector_spared():
                asyncio.run(
                    pipeline.extract_each(
                        pipeline.story_order(batch.articles, stories),
                        extractor,
                        concurrency=settings.concurrency,
                        on_result=landed,
                        cache=cache,
                        on_stop=refused.append,
                    )
                )
        finally:
            stop()
            if cache is not None:
                cache.close()
        if cache is not None and cache.problem:
            _note(cache.problem, args.quiet)
        results = spool.outcomes([a.id for a in batch.articles])
        _note_results(results, tally, refused, args.quiet)
        if writer is not None:
            found = writer.finish(results)
        else:
            found = _emit_whole(
                batch,
                stories,
                spool,
                results,
                outputs,
                settings,
                args,
                extractor=extractor.name,
                with_rules=with_rules,
            )
    if refused:
        return EXIT_ENDPOINT
    code = _exit_code([r.status for r in batch.inputs], results)
    return _fail_on(code, found, frozenset().union(*getattr(args, "fail_on", [])))


@contextlib.contextmanager
def _collector_spared() -> Iterator[None]:
    """What is alive when the extraction starts (the modules and their thousands of
    types, the client, the articles) stays alive until it ends: the cyclic garbage
    collector is told not to walk it again at each full collection while answers come in
    (the last one took up to 0.1 s on the 500-article benchmark, 0.03 s frozen). Released
    after: a process that runs several batches collects the first one's objects as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _note_results(
    results: Sequence[ExtractionResult],
    tally: Tally,
    refused: Sequence[EndpointError],
    quiet: bool,
) -> None:
    """What the extraction did, on stderr: the cache's share, each failure, a refusal."""
    if tally.cached:
        _note(
            f"{tally.cached} of {len(results)} articles from the results cache, "
            f"{len(results) - tally.cached} extracted ({tally.failed} failed); "
            "--no-cache extracts every one again",
            quiet,
        )
    for result in results:
        if result.status is ExtractionStatus.failed and not _stopped_by(refused, result):
            _note(f"{result.article_id}: extraction failed: {result.error}", quiet)
    if refused:  # one line for the whole run, not one per article it cost
        lost = sum(1 for r in results if _stopped_by(refused, r))
        print(
            f"factcheck: error: {redact.redact(one_line(str(refused[0])))}; the run stopped "
            f"there: {lost} of {len(results)} articles not extracted, each listed in the report",
            file=sys.stderr,
        )


def _emit_whole(
    batch: IngestBatch,
    stories: Sequence[Story],
    spool: ResultSpool,
    outcomes: Sequence[ExtractionResult],
    outputs: Sequence[Output],
    settings: Settings,
    args: argparse.Namespace,
    *,
    extractor: str,
    with_rules: bool,
) -> frozenset[str]:
    """The report of one story (or of ``factcheck extract``), built whole and written;
    what it holds of ``FAIL_ON``. One story's rule layer needs all its claims at once."""
    from assistant import pipeline

    results = [r for o in outcomes if (r := spool.load(o.article_id)) is not None]
    if with_rules:
        analysis = pipeline.analyse_stories(batch.articles, results, stories)
    else:
        analysis = pipeline.Analysis(claims=[c for r in results for c in r.claims])
    report = pipeline.build_report(
        batch, results, analysis, extractor=extractor, compared=with_rules
    )
    del results, analysis  # the report holds what is still needed
    workspace_path: Path | None = getattr(args, "workspace", None)
    if workspace_path is not None:
        from assistant.report.workspace import carry_decisions, describe_dropped

        with _open_workspace(workspace_path) as workspace:
            report, dropped = carry_decisions(report, workspace)
        if dropped:
            _note(describe_dropped(dropped), args.quiet)
    _emit(report, outputs, settings)
    return _found(report.findings)


class _StoryWriter:
    """The report of several stories, written story by story (``report/stream.py``):
    each story is analysed as soon as its articles are extracted
    (``pipeline.StoryQueue``), handed to every output and let go before the next; the
    batch summary on top is written last, by ``finish``. A context manager: the outputs'
    temporary files go on exit."""

    def __init__(
        self,
        batch: IngestBatch,
        stories: Sequence[Story],
        spool: ResultSpool,
        outputs: Sequence[Output],
        settings: Settings,
        args: argparse.Namespace,
        extractor: str,
    ) -> None:
        from assistant import pipeline
        from assistant.report.stream import Sink, open_sink

        self._batch = batch
        self._outputs = outputs
        self._args = args
        self._extractor = extractor
        self._carrier = _carrier(args)
        self.found: set[str] = set()
        self._totals: list[tuple[StoryInfo, Summary]] = []
        self._carried: list[str] = []
        self._sinks: list[Sink] = []
        try:
            for fmt, target in outputs:
                directory = target.parent if target is not None else None
                self._sinks.append(
                    open_sink(fmt, rating_scale=settings.claimreview, directory=directory)
                )
        except BaseException:
            self.close()
            raise
        carrier = self._carrier
        self._queue = pipeline.StoryQueue(
            batch,
            stories,
            spool.load,
            self._add,
            extractor=extractor,
            decide=carrier.carry if carrier is not None else None,
        )

    def __enter__(self) -> _StoryWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def landed(self, article_id: str) -> None:
        """``article_id``'s result is in the spool."""
        self._queue.landed(article_id)

    def _add(self, story: StoryReport) -> None:
        for sink in self._sinks:
            sink.add(story)
        self._totals.append((story.info, story.report.summary))
        self._carried += [d.claim_id for d in story.report.decisions]
        self.found |= _found(story.report.findings)

    def finish(self, outcomes: Sequence[ExtractionResult]) -> frozenset[str]:
        """Every story given, the head written on top: each output complete. What the
        report holds of ``FAIL_ON``."""
        from assistant import pipeline

        self._queue.finish()
        decisions = []
        carrier = self._carrier
        if carrier is not None:
            carried = set(self._carried)
            decisions = [d for d in carrier.decisions if d.claim_id in carried]
            if dropped := carrier.dropped(carried):
                from assistant.report.workspace import describe_dropped

                _note(describe_dropped(dropped), self._args.quiet)
        head = pipeline.batch_head(
            self._batch, outcomes, self._totals, extractor=self._extractor, decisions=decisions
        )
        for sink, (_, target) in zip(self._sinks, self._outputs, strict=True):
            _write_with(functools.partial(sink.finish, head), target)
        return frozenset(self.found)

    def close(self) -> None:
        for sink in self._sinks:
            sink.close()


def _carrier(args: argparse.Namespace) -> DecisionCarrier | None:
    """The workspace's decisions to carry onto this run, with ``--workspace``."""
    workspace_path: Path | None = getattr(args, "workspace", None)
    if workspace_path is None:
        return None
    from assistant.report.workspace import DecisionCarrier

    with _open_workspace(workspace_path) as workspace:
        return DecisionCarrier(workspace)


def _stopped_by(refused: Sequence[EndpointError], result: ExtractionResult) -> bool:
    """True for an article that failed because the endpoint refused the run."""
    from assistant import pipeline

    return bool(refused) and pipeline.stopped_by(refused[0], result)


def _run_schemas(args: argparse.Namespace) -> int:
    from assistant.schemas import check_schemas, schema_texts, write_schemas

    if args.write:
        for path in write_schemas(args.dir):
            _note(f"wrote {path}", False)
        return EXIT_OK
    if args.check:
        stale = check_schemas(args.dir)
        for name in stale:
            _note(f"{name} is out of date: run 'factcheck schemas --write'", False)
        return EXIT_PARTIAL if stale else EXIT_OK
    for name, text in schema_texts().items():
        sys.stdout.write(f"# {name}\n{text}")
    return EXIT_OK


def _run_cache(args: argparse.Namespace) -> int:
    from assistant.store.cache import ResultsCache, remove_cache_files

    directory = _settings(args).resolved_cache_dir()
    if args.action == "clear":
        try:
            with ResultsCache.open(directory) as cache:
                removed = cache.clear()
        except CacheError as exc:
            # A cache that cannot be opened holds nothing worth keeping: start afresh.
            if not remove_cache_files(directory):
                raise
            _note(f"removed the unusable results cache ({exc})", False)
            return EXIT_OK
        _note(f"removed {removed} cached results from {directory}", False)
        return EXIT_OK
    with ResultsCache.open(directory) as cache:
        info = cache.info()
    lines = [
        f"path: {info.path}",
        f"entries: {info.entries}",
        f"size: {_human_size(info.size_bytes)}",
    ]
    if info.by_extractor:
        lines.append("by extractor:")
        lines += [
            f"  {one_line(extractor)}{f' ({one_line(model)})' if model else ''}: {count}"
            for extractor, model, count in info.by_extractor
        ]
    _write_stdout("\n".join(lines) + "\n")
    return EXIT_OK


def _human_size(size: int) -> str:
    value, unit = float(size), "bytes"
    for larger in ("kB", "MB", "GB"):
        if value < 1000:
            break
        value, unit = value / 1000, larger
    return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"


def _run_tui(args: argparse.Namespace) -> int:
    from assistant.store import Workspace
    from assistant.tui.app import make_app
    from assistant.tui.identity import BrowserSession

    settings = _settings(args)
    _check_inputs(args.paths)
    # Started by `serve` for one browser session: it records as that session until the
    # editor gives a name (the app asks first thing).
    browser = BrowserSession.from_environment(os.environ, settings.editor)
    actor = browser.label if browser is not None else settings.editor
    session = browser.label if browser is not None else None
    with Workspace.open(args.workspace, actor=actor, session=session) as workspace:
        make_app(workspace, paths=args.paths, settings=settings, browser=browser).run()
    return EXIT_OK


# Options `serve` hands on to the `tui` it runs for each browser session.
_FORWARDED = (
    ("--llm", "llm"),
    ("--model", "model"),
    ("--base-url", "base_url"),
    ("--mode", "mode"),
    ("--concurrency", "concurrency"),
    ("--timeout", "timeout_s"),
    ("--chunk-chars", "chunk_chars"),
    ("--record", "record_dir"),
    ("--fixtures", "fixture_dirs"),
    ("--mock-faults", "mock_faults"),
    ("--mock-seed", "mock_seed"),
    ("--mock-latency", "mock_latency"),
    ("--editor", "editor"),
    ("--mock-server", "mock_server"),
)


def serve_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve starts: this Python running ``factcheck tui``."""
    argv = [sys.executable, "-m", "assistant", "tui", *map(str, args.paths)]
    argv += ["--workspace", str(args.workspace)]
    for option, dest in _FORWARDED:
        value = getattr(args, dest, None)
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                argv += [option, str(item)]
    if getattr(args, "cache", None) is False:
        argv.append("--no-cache")
    stream = getattr(args, "stream", None)
    if stream is not None:
        argv.append("--stream" if stream else "--no-stream")
    return shlex.join(argv)


def _run_serve(args: argparse.Namespace) -> int:
    from assistant.tui.serve import serve

    _check_inputs(args.paths)
    serve(serve_command(args), host=args.host, port=args.port)
    return EXIT_OK


def _run_eval(args: argparse.Namespace) -> int:
    from assistant.evaluate.table import run

    return run(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "report": lambda a: _run_batch(a, with_rules=True),
    "extract": lambda a: _run_batch(a, with_rules=False),
    "tui": _run_tui,
    "serve": _run_serve,
    "schemas": _run_schemas,
    "cache": _run_cache,
    "eval": _run_eval,
}


class _OneLineFormatter(logging.Formatter):
    """Log lines quote server error bodies and model output: each record becomes one
    line with no escape sequence, whatever the library put in it."""

    def format(self, record: logging.LogRecord) -> str:
        return redact.redact(one_line(super().format(record)))


def _configure_logging(verbose: bool, quiet: bool = False) -> None:
    # instructor logs an ERROR for every failed attempt, including the ones our retry
    # layer recovers from; the per-article outcome is what the user needs by default.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("factcheck: %(name)s: %(message)s"))
    # -q: the outcome of each input is in the report; only errors reach stderr.
    default = logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=logging.INFO if verbose else default, handlers=[handler])
    logging.getLogger("instructor").setLevel(logging.INFO if verbose else logging.CRITICAL)
    for noisy in ("httpx2", "openai"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # pypdf logs a WARNING for every flaw it works around in a malformed PDF; the input's
    # outcome (read, or skipped with its reason) is what the user needs by default.
    logging.getLogger("pypdf").setLevel(logging.INFO if verbose else logging.ERROR)
    # Before any request: the key (and any bearer token) is replaced in every record and
    # uncaught traceback, whoever wrote it. The extractor adds a key given otherwise.
    redact.install(os.environ.get("OPENAI_API_KEY"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(getattr(args, "verbose", False), getattr(args, "quiet", False))
    try:
        return COMMANDS[args.command](args)
    except WorkspaceError as exc:
        print(f"factcheck: error: {redact.redact(one_line(str(exc)))}", file=sys.stderr)
        return EXIT_WORKSPACE
    except FactcheckError as exc:
        print(f"factcheck: error: {redact.redact(one_line(str(exc)))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. piped into head): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
