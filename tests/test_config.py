"""Settings precedence and key hygiene."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import DEFAULT_OPENAI_MODEL, load_settings
from assistant.errors import ConfigError


def test_no_endpoint_means_offline(tmp_path: Path) -> None:
    settings = load_settings({}, env={}, config_file=tmp_path / "none.toml")
    assert settings.resolved_llm() == "offline"


def test_key_in_environment_selects_llm_with_default_model(tmp_path: Path) -> None:
    settings = load_settings({}, env={"OPENAI_API_KEY": "sk-test-123"}, config_file=tmp_path / "x")
    assert settings.resolved_llm() == "llm"
    assert settings.model == DEFAULT_OPENAI_MODEL
    assert "sk-test-123" not in repr(settings)
    assert "sk-test-123" not in settings.model_dump_json()


def test_flags_beat_environment_beat_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('model = "from-file"\nmode = "json"\nconcurrency = 2\n')
    env = {"FACTCHECK_MODEL": "from-env", "OPENAI_BASE_URL": "http://localhost:8080/v1"}
    settings = load_settings({"model": "from-flag", "mode": None}, env=env, config_file=config)
    assert (settings.model, settings.mode, settings.concurrency) == ("from-flag", "json", 2)
    assert settings.base_url == "http://localhost:8080/v1"


def test_custom_endpoint_without_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs --model"):
        load_settings(
            {}, env={"OPENAI_BASE_URL": "http://localhost:8080/v1"}, config_file=tmp_path / "x"
        )


def test_key_in_config_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('api_key = "sk-should-not-be-here"\n')
    with pytest.raises(ConfigError, match="OPENAI_API_KEY") as err:
        load_settings({}, env={}, config_file=config)
    assert "sk-should-not-be-here" not in str(err.value)


def test_invalid_values_are_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="concurrency"):
        load_settings({"concurrency": 0}, env={}, config_file=tmp_path / "x")


def test_broken_config_file_is_reported(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("model = \n")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings({}, env={}, config_file=config)


def test_timeout_and_request_slots_come_from_the_endpoint_table(tmp_path: Path) -> None:
    from assistant.llm.factory import llm_settings

    config = tmp_path / "config.toml"
    config.write_text(
        '[endpoints."http://127.0.0.1:8080/v1/"]\n'
        'timeout_s = 900\nrequests_in_flight = 2\nmode = "json_schema"\nchunk_chars = 4000\n'
    )
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "FACTCHECK_MODEL": "qwen"}
    endpoint = llm_settings(load_settings({}, env=env, config_file=config))
    assert (endpoint.read_timeout_s, endpoint.requests_in_flight) == (900, 2)
    assert (endpoint.mode, endpoint.chunk_chars) == ("json_schema", 4000)

    flagged = llm_settings(
        load_settings({"timeout_s": 30, "mode": "json"}, env=env, config_file=config)
    )
    assert (flagged.read_timeout_s, flagged.mode) == (30, "json")


def test_a_loopback_server_without_a_table_gets_the_slow_server_defaults(tmp_path: Path) -> None:
    from assistant.llm.factory import llm_settings

    env = {"OPENAI_BASE_URL": "http://localhost:8080/v1", "FACTCHECK_MODEL": "qwen"}
    local = llm_settings(load_settings({"concurrency": 4}, env=env, config_file=tmp_path / "x"))
    assert (local.read_timeout_s, local.requests_in_flight) == (600, 1)
    remote = llm_settings(
        load_settings({"concurrency": 6}, env={"OPENAI_API_KEY": "k"}, config_file=tmp_path / "x")
    )
    assert (remote.read_timeout_s, remote.requests_in_flight) == (120, 6)
