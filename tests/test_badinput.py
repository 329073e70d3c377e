"""The bad-input catalogue: every case in tests/badinput/cases/ (see tests/badinput/README.md).

Each case is the shared repository tests/badinput/base/ with the case's files laid over it
(plus, for inputs that need exact bytes, the files :data:`GENERATED` gives), one command,
and the exit code, findings and stderr fragment it must give. Every case also checks that
``validate`` and ``check`` agree (what validate passes, check does not crash on) and that no
traceback ever reaches stderr.

``BADINPUT_REGEN=1 python -m pytest tests/test_badinput.py`` rewrites the results in every
expected.yaml from what the checker does now: read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from ruamel.yaml import YAML

from checker import cli

HERE = Path(__file__).resolve().parent / "badinput"
BASE = HERE / "base"
CASES = HERE / "cases"
REGEN = os.environ.get("BADINPUT_REGEN") == "1"
#: Seconds one command may take before the case counts as a hang.
TIME_LIMIT = 60
FINDING = re.compile(r"^(\S.*?):(\d+):(\d+): ([A-Z]\d{3}) (?:error|warning|info) ", re.MULTILINE)
#: Keys of expected.yaml that describe the input and the command; the rest are results.
SPEC_KEYS = ("description", "command", "args", "paths", "remove", "fifo", "symlinks", "xfail")
RESULT_KEYS = ("exit", "findings", "stderr", "stdout_contains", "stdout_excludes")

HEADER = (
    b"source: {id: gen, title: Generated, outlet: Example News, published: '2021-02-10', language: en,\n"
    b"         text: sources/base.txt,\n"
    b"         sha256: ce3083133cadd38fc751265f6a494bf7babf8ec7ddcca2a9e1920d454345d476}\n"
)
CLAIM = (
    b"claims:\n  - {id: c1, subject: Kunbolatuly, property: charge, value: {text: x}, quote: A day earlier}\n"
)


def _deep(depth: int) -> bytes:
    return b"note: " + b"[" * depth + b"]" * depth + b"\n"


def _chain(length: int) -> bytes:
    lines = [b"claims:", b"  - {id: c0, subject: Kunbolatuly, property: born, value: {date: '2021-02-10'},"]
    lines.append(b"     date: '2021-02-10', quote: A day earlier}")
    for i in range(1, length):
        lines.append(
            b"  - {id: c%d, subject: Kunbolatuly, property: born, value: {date: '2021-02-10'}," % i
            + b" date: {relative_to: c%d, offset: '1 day'}, quote: A day earlier}" % (i - 1)
        )
    return HEADER + b"\n".join(lines) + b"\n"


def _alias_bomb() -> bytes:
    rows = [b"a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    rows += [b"a%d: &a%d [*a%d, *a%d, *a%d, *a%d]" % (i, i, i - 1, i - 1, i - 1, i - 1) for i in range(1, 12)]
    return b"\n".join(rows) + b"\n"


#: Cases whose input needs exact bytes: case name -> {repo-relative path: content}.
GENERATED: dict[str, dict[str, bytes]] = {
    "enc-utf16-le-bom": {"claims/gen.yaml": (HEADER + CLAIM).decode().encode("utf-16")},
    "enc-utf16-be-no-bom": {"claims/gen.yaml": (HEADER + CLAIM).decode().encode("utf-16-be")},
    "enc-utf32-bom": {"claims/gen.yaml": (HEADER + CLAIM).decode().encode("utf-32")},
    "enc-utf32-be-bom": {
        "claims/gen.yaml": b"\x00\x00\xfe\xff" + (HEADER + CLAIM).decode().encode("utf-32-be")
    },
    "enc-utf32-le-no-bom": {"claims/gen.yaml": (HEADER + CLAIM).decode().encode("utf-32-le")},
    "enc-utf8-bom": {"claims/gen.yaml": b"\xef\xbb\xbf" + HEADER + CLAIM},
    "enc-bom-mid-file": {"claims/gen.yaml": HEADER + b"\xef\xbb\xbf" + CLAIM},
    "enc-invalid-utf8-in-quote": {
        "claims/gen.yaml": HEADER + CLAIM.replace(b"quote: A", b"quote: A\xff\xfe")
    },
    "enc-invalid-utf8-line-3": {"claims/gen.yaml": HEADER + b"# caf\xe9\n" + CLAIM},
    "enc-overlong-utf8": {"claims/gen.yaml": HEADER + CLAIM.replace(b"text: x", b"text: \xc0\xaf")},
    "enc-surrogate-utf8": {"claims/gen.yaml": HEADER + CLAIM.replace(b"text: x", b"text: \xed\xa0\x80")},
    "enc-latin1-entities": {
        "claims/entities.yaml": b"entities:\n  - {id: z, name: Z\xfcrich, type: place}\n"
    },
    "enc-nul-byte": {"claims/gen.yaml": HEADER + CLAIM.replace(b"text: x", b"text: 'a\x00b'")},
    "enc-binary-file": {"claims/gen.yaml": bytes(range(256)) * 4},
    "enc-invalid-utf8-article": {"sources/base.txt": b"The court \xff\xfe sent him to jail.\n"},
    "lines-cr-only": {"claims/gen.yaml": (HEADER + CLAIM + b"  - {id: c1, bad\n").replace(b"\n", b"\r")},
    "lines-crlf": {"claims/gen.yaml": (HEADER + CLAIM + b"  - {id: c1, bad\n").replace(b"\n", b"\r\n")},
    "lines-mixed": {
        "claims/gen.yaml": HEADER.replace(b"\n", b"\r\n") + CLAIM.replace(b"\n", b"\r") + b"x: [\n"
    },
    "lines-crlf-valid": {"claims/gen.yaml": (HEADER + CLAIM).replace(b"\n", b"\r\n")},
    "lines-no-final-newline": {"claims/gen.yaml": (HEADER + CLAIM).rstrip(b"\n")},
    "lines-tab-indent": {"claims/gen.yaml": HEADER + b"claims:\n\t- {id: c1}\n"},
    "lines-tab-in-flow": {"claims/gen.yaml": HEADER + CLAIM.replace(b"id: c1,", b"id:\tc1,\t")},
    "lines-long-line": {
        "claims/gen.yaml": HEADER + CLAIM.replace(b"quote: A day earlier", b"quote: " + b"q" * 90_000)
    },
    "size-huge-file": {"claims/gen.yaml": HEADER + b"claims: []\n" + (b"#" * 1023 + b"\n") * (5 * 1024 + 1)},
    "size-huge-comment-lines": {
        "claims/gen.yaml": HEADER + b"claims: []\n" + (b"# " + b"x" * 1000 + b"\n") * 6000
    },
    "nest-deep-flow": {"claims/gen.yaml": HEADER + CLAIM + _deep(40)},
    "nest-very-deep-flow": {"claims/gen.yaml": HEADER + CLAIM + _deep(5000)},
    "nest-32-ok": {"claims/gen.yaml": HEADER + CLAIM + _deep(28)},
    "alias-bomb": {"claims/gen.yaml": _alias_bomb()},
    "chain-1500": {"claims/gen.yaml": _chain(1500)},
    "chars-nul-in-comment": {"claims/gen.yaml": HEADER + b"# a\x00b\n" + CLAIM},
    "chars-del-and-c1": {"claims/gen.yaml": HEADER + CLAIM.replace(b"text: x", b"text: 'a\x7f\xc2\x85b'")},
    "chars-escape-sequence": {"claims/gen.yaml": HEADER + CLAIM.replace(b"text: x", b"text: 'a\x1b[31mred'")},
    "empty-zero-bytes": {"claims/gen.yaml": b""},
    "empty-whitespace-only": {"claims/gen.yaml": b"  \n\n\t\n"},
    "empty-bom-only": {"claims/gen.yaml": b"\xef\xbb\xbf"},
}


class Hang(BaseException):
    """A command ran past :data:`TIME_LIMIT` (BaseException: the CLI's last-resort handler lets it pass)."""


@contextmanager
def _time_limit() -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no answer in {TIME_LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TIME_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: not a mapping"
    return data


def _cases() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").is_file())


def _build(name: str, spec: dict[str, Any], root: Path) -> None:
    shutil.copytree(BASE, root)
    case = CASES / name
    for item in sorted(case.rglob("*")):
        if item.is_file() and item.name != "expected.yaml":
            target = root / item.relative_to(case)
            if target.suffix == ".in":  # pyproject.toml.in: a name tools would not read as their config
                target = target.with_suffix("")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(item, target)
    for relative, content in GENERATED.get(name, {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(content)
    for relative in spec.get("remove", []):
        target = root / relative
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    if "fifo" in spec:
        os.mkfifo(root / spec["fifo"])
    for link in spec.get("symlinks", []):  # "claims/loop -> .."
        path, target = (part.strip() for part in link.split("->"))
        (root / path).symlink_to(target)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with _time_limit():
        try:
            code = cli.main(args)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def _findings(out: str) -> list[str]:
    return sorted(f"{m[4]} {m[1]}:{m[2]}:{m[3]}" for m in FINDING.finditer(out))


def _first_lines(err: str) -> str:
    """What stderr says first, without argparse's usage lines (they change with every new option)."""
    lines = err.splitlines()
    errors = [i for i, line in enumerate(lines) if "error:" in line]
    start = errors[0] if errors else 0
    return "\n".join(lines[start : start + 2])


def _dump(spec: dict[str, Any], results: dict[str, Any]) -> str:
    """expected.yaml text: JSON scalars are YAML scalars, so strings round-trip exactly."""
    lines = []
    for key in (*SPEC_KEYS, *RESULT_KEYS):
        value = {**spec, **results}.get(key)
        if value is None or value == []:
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {json.dumps(item, ensure_ascii=False)}" for item in value)
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", _cases())
def test_bad_input_case(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected_file = CASES / name / "expected.yaml"
    spec = _load(expected_file)
    if "xfail" in spec and not REGEN:
        pytest.xfail(str(spec["xfail"]))
    root = tmp_path / "repo"
    _build(name, spec, root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    command = spec.get("command", "check")
    paths = spec.get("paths", ["claims/"])
    args = list(spec.get("args", []))
    code, out, err = _run([command, *paths, *args], capsys)

    assert "Traceback" not in err and "Traceback" not in out
    # validate and check agree: what validate passes, check runs to the end.
    other_code, _, other_err = _run(["validate" if command == "check" else "check", *paths], capsys)
    assert "Traceback" not in other_err
    validated = (other_code if command == "check" else code) == 0
    check_err = err if command == "check" else other_err
    if validated:
        assert "internal error" not in check_err, check_err

    results: dict[str, Any] = {"exit": code, "findings": _findings(out)}
    if err:
        results["stderr"] = _first_lines(err)
    if REGEN:
        keep = {
            k: v for k, v in spec.items() if k in SPEC_KEYS or k in ("stdout_contains", "stdout_excludes")
        }
        expected_file.write_text(_dump(keep, results), encoding="utf-8")
        return
    assert "internal error" not in err, err
    assert code == spec["exit"], out + err
    assert results["findings"] == spec.get("findings", []), out
    if "stderr" in spec:
        assert spec["stderr"] in err
    else:
        assert err == ""
    for fragment in spec.get("stdout_contains", []):
        assert fragment in out
    for fragment in spec.get("stdout_excludes", []):
        assert fragment not in out


def test_every_case_is_documented_and_generated_inputs_have_a_case() -> None:
    names = set(_cases())
    assert len(names) >= 150
    assert set(GENERATED) <= names
    for name in names:
        assert "description" in _load(CASES / name / "expected.yaml"), name
