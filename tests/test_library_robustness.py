"""Bad input loses nothing else; a killed ingest leaves a consistent library; re-analysis is safe"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from critic.library import Library, open_library

GOOD = (
    "Harbour Lights is a warm, funny and finally moving film about two sisters who inherit a "
    "failing cinema. The performances are lovely and the script is sharp. Recommended."
)


def test_a_folder_of_bad_inputs_fails_each_by_name_and_keeps_the_good(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 200)
    (folder / "latin1.txt").write_bytes(
        ("Touché! " + GOOD.replace("warm", "chaleureux, très")).encode("latin-1")
    )
    (folder / "utf16.txt").write_bytes((GOOD + " Also in UTF-16.").encode("utf-16"))
    with (folder / "huge.txt").open("wb") as f:
        f.write(b"review " * (50 * 1024 * 1024 // 7))
    (folder / "broken.html").write_text(
        "<html><body><div><p>" + GOOD + " Broken markup follows.<p><b>unclosed <i>tags</div></span>"
    )
    (folder / "rows.jsonl").write_text(
        json.dumps({"text": GOOD + " Row one."})
        + "\n{oops\n"
        + json.dumps({"text": GOOD + " Row three."})
        + "\n"
    )
    report = library.ingest([str(folder)])
    failed = {
        Path(f.source.split("#")[0]).name
        + ("#" + f.source.split("#")[1] if "#" in f.source else ""): f.reason
        for f in report.failed
    }
    assert failed.keys() == {"empty.txt", "binary.txt", "huge.txt", "rows.jsonl#line=2"}
    assert failed["empty.txt"] == "empty file"
    assert "binary" in failed["binary.txt"]
    assert "larger than" in failed["huge.txt"]
    assert "malformed JSON" in failed["rows.jsonl#line=2"]
    assert len(report.added) == 6  # good, latin1, utf16, broken html, two rows
    texts = {library.review(r)["text"] for r in report.added}
    assert any("Touché! " in t and "très" in t for t in texts)
    assert any("Also in UTF-16." in t for t in texts)
    assert any("Broken markup follows." in t for t in texts)
    assert library.counts()["reviews"] == 6


def _integrity(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reviews = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        fts = conn.execute("SELECT count(*) FROM reviews_fts").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM reviews "
            "WHERE film_id IS NOT NULL AND film_id NOT IN (SELECT id FROM films)"
        ).fetchone()[0]
        assert orphans == 0
    return reviews, documents, fts


def test_ingest_killed_mid_run_leaves_a_consistent_library_that_a_rerun_completes(
    tmp_path: Path,
) -> None:
    rows = tmp_path / "many.jsonl"
    with rows.open("w") as f:
        for i in range(240):
            f.write(
                json.dumps({"text": f"{GOOD} Review number {i} of many.", "film": f"Film {i % 17}"})
                + "\n"
            )
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "critic.cli", "--db", str(db), "ingest", "--quiet", str(rows)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:  # wait until at least one batch is committed
            if db.exists():
                try:
                    with sqlite3.connect(db) as conn:
                        if conn.execute("SELECT count(*) FROM reviews").fetchone()[0] > 0:
                            break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    reviews, documents, fts = _integrity(db)
    assert 0 < reviews < 240 and reviews == documents == fts
    rerun = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ}, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already present {reviews}" in rerun.stderr
    assert _integrity(db) == (240, 240, 240)


def test_reanalyse_keeps_every_review_and_film(library: Library, seeds_dir: Path) -> None:
    library.ingest(sorted(str(p) for p in seeds_dir.glob("*.txt")))
    before = (library.counts(), library.film("Leaving Las Vegas")["aggregate"])
    assert library.reanalyse() == 2
    assert library.reanalyse(scores_only=True) == 2
    assert (library.counts(), library.film("Leaving Las Vegas")["aggregate"]) == before


def test_library_reopens_without_reapplying_migrations(tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    open_library(db).ingest_text(GOOD)
    with sqlite3.connect(db) as conn:
        versions = [
            v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")
        ]
    reopened = open_library(db)
    assert reopened.counts()["reviews"] == 1
    with sqlite3.connect(db) as conn:
        assert [
            v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")
        ] == versions
