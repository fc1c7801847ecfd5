"""The extraction prompt: template files in ``prompts/``, rendered strictly.

The templates are named after the prompt version (``extract-v1.system.j2``,
``extract-v1.user.j2``). Change a prompt by copying both files to the next version and
bumping ``PROMPT_VERSION``: the version goes into every result, every request header, and
the keys of caches and recorded fixtures, so old answers are never mistaken for new ones.

The article is untrusted. It enters only as the value of the ``article`` variable (jinja
never renders a variable's value again, so ``{{ 7*7 }}`` or ``{%`` in an article is sent as
written), only in the user message, and between delimiter lines carrying a nonce derived
from the chunk itself, so no article can contain its own closing delimiter.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import cache

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from assistant.errors import PromptError
from assistant.llm.schema import BOUNDS, CLAIM_KINDS, HEDGE_KINDS
from assistant.resources import prompts_dir

PROMPT_VERSION = "extract-v3"

ARTICLE_OPEN = "<<<ARTICLE {nonce}>>>"
ARTICLE_CLOSE = "<<<END ARTICLE {nonce}>>>"

# Our own constant turned into a pattern (never model or article text).
_OPEN_LINE = re.compile(
    "^" + re.escape(ARTICLE_OPEN).replace(re.escape("{nonce}"), "([0-9a-f]{16})") + "\n",
    re.MULTILINE,
)


@cache
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(prompts_dir()),
        undefined=jinja2.StrictUndefined,  # a missing variable is an error, never ""
        autoescape=False,  # plain text for a model, not HTML
    )


def nonce(chunk_text: str) -> str:
    """The delimiter nonce of a chunk: the first 16 hex digits of its sha256."""
    return hashlib.sha256(chunk_text.encode("utf-8")).hexdigest()[:16]


def render(name: str, /, **variables: object) -> str:
    """Render ``prompts/<name>.j2`` with ``variables``.

    Raises ``PromptError`` when the template is missing or invalid, or refers to a
    variable that was not given.
    """
    try:
        return _environment().get_template(f"{name}.j2").render(**variables)
    except jinja2.TemplateNotFound as err:
        raise PromptError(f"prompt template {name}.j2 not found in {prompts_dir()}") from err
    except jinja2.UndefinedError as err:
        raise PromptError(f"prompt template {name}.j2: {err.message}") from err
    except jinja2.TemplateSyntaxError as err:
        raise PromptError(f"prompt template {name}.j2, line {err.lineno}: {err.message}") from err


def system_message() -> str:
    """The task, rules and output vocabulary. Holds no article text."""
    return render(
        f"{PROMPT_VERSION}.system",
        claim_kinds=", ".join(CLAIM_KINDS),
        hedge_kinds=", ".join(HEDGE_KINDS),
        bounds=", ".join(BOUNDS),
    )


def user_message(
    chunk_text: str,
    *,
    outlet: str | None,
    title: str | None,
    published: date | None,
    part: int,
    parts: int,
) -> str:
    """Metadata lines, then ``chunk_text`` verbatim between the delimiter lines.

    Raises ``PromptError`` if the template does not reproduce the chunk byte for byte
    between the delimiters (the contract the mock transport and the tests rely on).
    """
    return _with_article(
        f"{PROMPT_VERSION}.user",
        chunk_text,
        outlet=_one_line(outlet),
        title=_one_line(title),
        published=published.isoformat() if published else "unknown",
        part=part,
        parts=parts,
    )


def _with_article(template: str, chunk_text: str, **values: object) -> str:
    """``template`` rendered with the chunk as ``article`` (and its nonce). Raises
    ``PromptError`` unless the chunk stands byte for byte between the delimiter lines."""
    rendered = render(template, nonce=nonce(chunk_text), article=chunk_text, **values)
    if find_article_chunk(rendered) != chunk_text:
        raise PromptError(
            f"prompt template {template}.j2 must put {{{{ article }}}} alone "
            f"between the {ARTICLE_OPEN} and {ARTICLE_CLOSE} lines"
        )
    return rendered


def reask_system_message() -> str:
    """The task of a re-ask: fix or drop the listed claims. Holds no article text."""
    return render(f"{PROMPT_VERSION}.reask.system")


def reask_user_message(
    chunk_text: str,
    failures: list[dict[str, object]],
    *,
    outlet: str | None,
    part: int,
    parts: int,
) -> str:
    """The failing claims (``number``, ``problem``, ``claim`` as JSON) and then the chunk
    between the delimiter lines, which come last: a claim the model wrote cannot close them.

    Raises ``PromptError`` like ``user_message``.
    """
    return _with_article(
        f"{PROMPT_VERSION}.reask.user",
        chunk_text,
        count=len(failures),
        failures=failures,
        outlet=_one_line(outlet),
        part=part,
        parts=parts,
    )


def again_message(problem: str) -> str:
    """What follows the article when the previous answer could not be read at all."""
    return render(f"{PROMPT_VERSION}.again", problem=_one_line(problem))


def find_article_chunk(message_text: str) -> str | None:
    """The chunk between the delimiter lines of a rendered user message, or ``None``.

    Only a delimiter pair whose nonce matches the enclosed text counts, so a fake
    delimiter in the metadata or inside the article itself is never taken for ours.
    """
    for match in _OPEN_LINE.finditer(message_text):
        tag = match.group(1)
        close = "\n" + ARTICLE_CLOSE.format(nonce=tag)
        end = message_text.rfind(close)
        if end >= match.end():
            chunk = message_text[match.end() : end]
            if nonce(chunk) == tag:
                return chunk
    return None


def _one_line(value: str | None) -> str:
    """Metadata is untrusted too: one line, so it cannot forge a delimiter line."""
    return " ".join(value.split()) if value else "unknown"
