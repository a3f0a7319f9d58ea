"""Every GitHub Actions workflow is valid YAML with jobs and steps: a workflow GitHub cannot read never runs."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

WORKFLOWS = sorted((Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_yaml_with_named_steps(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["jobs"], path.name
    for job in workflow["jobs"].values():
        assert all(isinstance(step.get("name", step.get("uses", "")), str) for step in job.get("steps", []))
