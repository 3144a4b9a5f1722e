"""Reading inputs: every format, every kind of bad input, each failure named with its reason."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from critic.ingest import sources
from critic.ingest.boilerplate import strip_boilerplate
from critic.ingest.decoding import DecodeError, decode_bytes
from critic.records import IngestFailure, RawInput

REVIEW = (
    "Harbour Lights is a warm, funny and finally moving film about two sisters who inherit a "
    "failing cinema. The performances are lovely and the script is sharp. Recommended."
)


def _units(*targets: str) -> list[RawInput | IngestFailure]:
    return list(sources.iter_inputs(targets))


def test_folder_is_read_recursively_and_only_review_formats(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(REVIEW)
    (tmp_path / "two.md").write_text(REVIEW + " Two.")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    units = _units(str(tmp_path))
    assert [Path(u.source).name for u in units] == ["one.txt", "two.md"]


def test_gzipped_text_and_jsonl_are_read(tmp_path: Path) -> None:
    (tmp_path / "r.txt.gz").write_bytes(gzip.compress(REVIEW.encode()))
    rows = [
        {"text": REVIEW, "film": "Harbour Lights"},
        {"review": REVIEW + " Again.", "movie": "X"},
    ]
    (tmp_path / "r.jsonl.gz").write_bytes(gzip.compress("\n".join(map(json.dumps, rows)).encode()))
    units = _units(str(tmp_path / "r.txt.gz"), str(tmp_path / "r.jsonl.gz"))
    assert all(isinstance(u, RawInput) for u in units)
    assert units[0].data == REVIEW.encode()
    assert units[2].fields["film"] == "X"  # 'movie' is understood as the film


def test_malformed_jsonl_rows_are_reported_by_line_and_good_rows_kept(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps({"text": REVIEW})
        + "\n{not json\n"
        + json.dumps({"film": "no text"})
        + "\n"
        + json.dumps([1, 2])
        + "\n"
        + json.dumps({"text": REVIEW + " More."})
        + "\n"
    )
    units = _units(str(path))
    failures = {u.source: u.reason for u in units if isinstance(u, IngestFailure)}
    assert [u.source for u in units if isinstance(u, RawInput)] == [
        f"{path}#line=1",
        f"{path}#line=5",
    ]
    assert "malformed JSON" in failures[f"{path}#line=2"]
    assert "no 'text'" in failures[f"{path}#line=3"]
    assert "not a JSON object" in failures[f"{path}#line=4"]


def test_csv_rows_keep_their_fields_and_name_their_row(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text('film,critic,grade,text\n"Harbour Lights",Ann Lee,B+,"' + REVIEW + '"\n,,,\n')
    units = _units(str(path))
    assert isinstance(units[0], RawInput) and units[0].fields["grade"] == "B+"
    assert isinstance(units[1], IngestFailure) and units[1].source.endswith("#row=3")


def test_json_array_file_gives_one_unit_per_item(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"reviews": [{"text": REVIEW}, {"text": REVIEW + " 2"}]}))
    assert [u.source for u in _units(str(path))] == [f"{path}#item=0", f"{path}#item=1"]


def test_huge_file_is_refused_with_the_limit_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"word " * (50 * 1024 * 1024 // 5))  # 50 MB
    [unit] = _units(str(path))
    assert isinstance(unit, IngestFailure)
    assert "larger than 5 MB" in unit.reason and unit.source == str(path)


def test_huge_gzipped_file_is_refused_without_unpacking_it_all(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (20 * 1024 * 1024)))
    [unit] = _units(str(path))
    assert isinstance(unit, IngestFailure) and "larger than" in unit.reason


def test_missing_path_and_unsupported_type_are_named(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    units = _units(str(tmp_path / "nope.txt"), str(tmp_path / "x.pdf"))
    assert [u.reason for u in units] == ["no such file or folder", "unsupported file type '.pdf'"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Café au lait, déjà vu; a review of a naïve film, très bien".encode("latin-1"),
            "Café au lait, déjà vu",
        ),
        ("Crème brûlée for the eyes".encode("utf-16"), "Crème brûlée"),
        ("Plain UTF-8: naïve".encode(), "naïve"),
        ("BOM first".encode("utf-8-sig"), "BOM first"),
        ("no BOM utf-16 text here".encode("utf-16-le"), "no BOM utf-16"),
    ],
)
def test_text_encodings_are_decoded(data: bytes, expected: str) -> None:
    assert expected in decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t ", "empty file"),
        (bytes(range(256)) * 40, "binary file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "binary file"),
    ],
)
def test_empty_and_binary_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_scraped_tail_share_bar_and_copyright_are_stripped() -> None:
    body = "\n\n".join([REVIEW] * 4)
    page = (
        "Share on Facebook\n" + body + "\n\nAdvertisement\n\nYou May Like\nTen stars who\n"
        "Copyright 2024 The Paper. All rights reserved."
    )
    cleaned = strip_boilerplate(page)
    assert cleaned.strip() == body
    # the same words inside a sentence are the review's own and stay
    sentence = "The advertisement for the film promised a comedy; you may like it more than I did."
    assert strip_boilerplate(sentence + "\n" + body) == sentence + "\n" + body


def test_signature_and_homepage_footer_are_stripped() -> None:
    text = REVIEW + "\n\n-- Jane Doe\nVisit my homepage at http://example.org/~jane\n"
    assert strip_boilerplate(text).strip() == REVIEW


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404)
            return
        kinds = {
            "/review": (
                "text/html; charset=utf-8",
                f"<html><body><article><p>{REVIEW}</p></article></body></html>".encode(),
            ),
            "/image": ("image/png", b"\x89PNG"),
            "/slow": ("text/html", b"<p>late</p>"),
        }
        ctype, body = kinds.get(self.path, ("text/html", b""))
        try:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test): that is the point


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_url_is_fetched_from_a_real_server(site: str) -> None:
    unit = sources.fetch_url(f"{site}/review")
    assert (
        isinstance(unit, RawInput)
        and unit.media_type == "text/html"
        and REVIEW.encode() in unit.data
    )


def test_url_failures_say_why(site: str) -> None:
    missing = sources.fetch_url(f"{site}/missing")
    image = sources.fetch_url(f"{site}/image")
    slow = sources.fetch_url(f"{site}/slow", timeout=0.5)
    assert isinstance(missing, IngestFailure) and missing.reason.startswith("HTTP 404")
    assert isinstance(image, IngestFailure) and "image/png" in image.reason
    assert isinstance(slow, IngestFailure) and "timed out" in slow.reason
