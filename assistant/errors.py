"""One typed error hierarchy for everything a user can be told about."""


class FactcheckError(Exception):
    """Base class: the message is written for the user, without a traceback."""


class IngestError(FactcheckError):
    """An input could not be turned into an article (empty, binary, too large, unreadable)."""


class ExtractionError(FactcheckError):
    """Extraction of one article failed after every retry; other articles go on."""


class EndpointError(ExtractionError):
    """The model endpoint refuses the run, not one article: a bad key, no quota left, an
    unknown model, or a wait far longer than a run makes. The batch stops at the first."""


class ConfigError(FactcheckError):
    """Settings are missing or contradictory (e.g. --llm llm without a model)."""


class PromptError(FactcheckError):
    """A prompt template is missing or refers to a variable that was not given."""


class WorkspaceError(FactcheckError):
    """The workspace file cannot be opened or written (not a workspace, newer schema, locked)."""


class WorkspaceCorruptError(WorkspaceError):
    """The workspace file is an SQLite database, but damaged (SQLite's quick_check fails)."""


class ExportError(FactcheckError):
    """A report cannot be written where asked (the open workspace itself, for one)."""


class CacheError(FactcheckError):
    """The results cache cannot be used (damaged, not ours, newer, unwritable): a run then
    goes on without it; only ``factcheck cache`` reports it as an error."""
