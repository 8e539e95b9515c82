"""The datatrove steps on datatrove's cluster executors: Ray on a local Ray instance, and Slurm without a cluster.

The Slurm executor writes a batch script and hands it to ``sbatch``; here
``sbatch``, ``srun`` and ``scontrol`` are small stand-ins on ``PATH`` that keep the script
and run a command, so the test reads the generated job script and then runs
it, one array task after the other, as a cluster's nodes would.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
from test_datatrove import SAMPLE_TEXTS, assert_cleaned_as, read_jsonl, story

import cleaner
from cleaner import Config
from cleaner.adapters.datatrove import CleanerStep

pytestmark = pytest.mark.slow


def records() -> list[dict[str, Any]]:
    """40 records of distinct texts, no URL (so no site templates): each is cleaned as ``clean`` cleans it alone."""
    texts = [*SAMPLE_TEXTS, *(story(site, n) for site in range(3, 10) for n in range(5))]
    return [{"id": f"d{n:02d}", "text": text} for n, text in enumerate(texts)]


def write_parts(folder: Path, rows: list[dict[str, Any]], parts: int) -> None:
    """The records as ``parts`` JSONL files (one datatrove task each)."""
    folder.mkdir(parents=True)
    for part in range(parts):
        with (folder / f"part{part}.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in rows[part::parts])


def assert_all_as_clean(out: dict[str, dict[str, Any]], rows: list[dict[str, Any]]) -> None:
    expected = {r["id"]: cleaner.clean(r["text"]) for r in rows}
    assert sorted(out) == sorted(i for i, result in expected.items() if result.text)
    assert len(out) == len(rows) == 40
    for ident, record in out.items():
        assert_cleaned_as(record, expected[ident], Config())


def pipeline(tmp_path: Path) -> list[Any]:
    return [
        JsonlReader(str(tmp_path / "in")),
        CleanerStep(),
        JsonlWriter(str(tmp_path / "out"), compression=None),
    ]


def test_ray_executor_on_a_local_instance(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    from datatrove.executor import RayPipelineExecutor

    rows = records()
    write_parts(tmp_path / "in", rows, parts=2)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        RayPipelineExecutor(
            pipeline=pipeline(tmp_path),
            tasks=2,
            workers=2,
            mem_per_cpu_gb=1,
            logging_dir=str(tmp_path / "logs"),
        ).run()
    finally:
        ray.shutdown()
    assert_all_as_clean(read_jsonl(tmp_path / "out"), rows)


FAKE_SBATCH = """#!/bin/sh
# Keeps each submitted script (the last argument) and its options, and answers as sbatch does.
n=$(ls "{kept}" | wc -l)
cp "$(eval echo \\$$#)" "{kept}/job$n.slurm"
echo "$@" > "{kept}/job$n.args"
echo "Submitted batch job $((4200 + n))"
"""

#: srun's options up to ``-n N``, then the command, run here.
FAKE_SRUN = """#!/bin/sh
while [ "$1" != "-n" ]; do shift; done
shift 2
exec "$@"
"""


#: ``scontrol show hostnames LIST``: the node list given is one plain host name here.
FAKE_SCONTROL = """#!/bin/sh
echo "$3"
"""


def stand_in(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_slurm_executor_job_script_runs_as_an_array_job(tmp_path: Path) -> None:
    from datatrove.executor import SlurmPipelineExecutor

    rows = records()
    write_parts(tmp_path / "in", rows, parts=3)
    bin_dir, kept = tmp_path / "bin", tmp_path / "submitted"
    bin_dir.mkdir()
    kept.mkdir()
    stand_in(bin_dir, "sbatch", FAKE_SBATCH.format(kept=kept))
    stand_in(bin_dir, "srun", FAKE_SRUN)
    stand_in(bin_dir, "scontrol", FAKE_SCONTROL)
    path = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    logs = tmp_path / "logs"
    executor = SlurmPipelineExecutor(
        pipeline=pipeline(tmp_path),
        tasks=3,
        time="00:30:00",
        partition="cpu",
        cpus_per_task=2,
        job_name="clean-news",
        logging_dir=str(logs),
        slurm_logs_folder=str(tmp_path / "slurm-logs"),
    )
    old_path = os.environ.get("PATH", "")
    os.environ["PATH"] = path
    try:
        executor.run()  # not inside a Slurm task: writes the script and submits it
    finally:
        os.environ["PATH"] = old_path

    script = (logs / "launch_script.slurm").read_text(encoding="utf-8")
    directives = [line for line in script.splitlines() if line.startswith("#SBATCH")]
    for wanted in ("--array=0-2", "--cpus-per-task=2", "--partition=cpu", "--job-name=clean-news", "--time=00:30:00"):
        assert f"#SBATCH {wanted}" in directives, (wanted, directives)
    assert f"launch_pickled_pipeline {logs / 'executor.pik'}" in script
    submitted = sorted(kept.glob("job*.slurm"))
    assert submitted and submitted[0].read_text(encoding="utf-8") == script
    assert not (tmp_path / "out").exists()  # submitting runs nothing

    slurm = {"RUN_OFFSET": "0", "SLURM_JOB_ID": "4200", "SLURM_ARRAY_JOB_ID": "4200", "SLURM_NODELIST": "node1", "SLURM_NODEID": "0"}
    env = {**os.environ, "PATH": path, **slurm}
    for task in range(3):  # each array task, as a node runs it
        env["SLURM_ARRAY_TASK_ID"] = str(task)
        done = subprocess.run(
            ["bash", str(submitted[0])], env=env, capture_output=True, text=True, timeout=600, check=False
        )
        assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(p.name for p in (logs / "completions").iterdir()) == ["00000", "00001", "00002"]
    assert_all_as_clean(read_jsonl(tmp_path / "out"), rows)
