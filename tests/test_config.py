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
