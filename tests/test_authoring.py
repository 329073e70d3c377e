"""``checker new``: a valid skeleton with suggested claims, never a file overwritten; and the extractor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import authoring
from checker.cli import main
from checker.text.extract import DATE, NAME, NUMBER, extract, sentences
from tests.conftest import REPO, check_project, example_copy
from tests.golden import assert_golden

GOLDEN = REPO / "tests" / "golden" / "new-fresh-article.yaml"
#: A fresh article for the example repository: the seed's second article under a new name.
ARTICLE = "sources/fresh-article.txt"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = example_copy(tmp_path)
    shutil.copyfile(root / "sources" / "rferl-kunbolat-15-days.txt", root / ARTICLE)
    return root


def _new(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.chdir(repo)
    return main(["new", ARTICLE, *args])


def test_new_writes_the_golden_skeleton(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _new(repo, monkeypatch) == 0
    assert_golden(GOLDEN, (repo / "claims" / "fresh-article.yaml").read_text(encoding="utf-8"))


def test_the_skeleton_reports_exactly_its_placeholders(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Until outlet and published are filled in, validation names those two lines and nothing else."""
    assert _new(repo, monkeypatch) == 0
    result = check_project(repo, "claims/fresh-article.yaml", schema_only=True)
    problems = sorted((f.location.line, f.code) for f in result.findings)
    text = (repo / "claims" / "fresh-article.yaml").read_text(encoding="utf-8").splitlines()
    outlet = next(n for n, line in enumerate(text, 1) if line.startswith("  outlet:"))
    published = next(n for n, line in enumerate(text, 1) if line.startswith("  published:"))
    assert [line for line, _ in problems] == [outlet, published], result.findings


def test_filled_in_the_check_lists_the_unrecorded_facts(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _new(repo, monkeypatch) == 0
    path = repo / "claims" / "fresh-article.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('outlet: ""', 'outlet: "RFE/RL"').replace('published: ""', 'published: "2021-06-26"')
    path.write_text(text, encoding="utf-8")
    result = check_project(repo)
    assert not [f for f in result.findings if f.location.path == "claims/fresh-article.yaml" and f.code < "Q"]
    unrecorded = [f for f in result.findings if f.code == "Q004" and f.subject.sources == ("fresh-article",)]
    assert len(unrecorded) == 1
    assert "'15 days' at line 7" in unrecorded[0].message
    assert "'June 24' at line 9" in unrecorded[0].message


def test_a_skeleton_with_its_source_given_is_valid(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    given = ["--outlet", "RFE/RL", "--published", "2021-06-26", "--url", "https://www.rferl.org/a/1"]
    assert _new(repo, monkeypatch, *given) == 0
    assert "next: record the suggestions" in capsys.readouterr().out
    text = (repo / "claims" / "fresh-article.yaml").read_text(encoding="utf-8")
    assert '  outlet: "RFE/RL"\n  published: "2021-06-26"\n  url: "https://www.rferl.org/a/1"\n' in text
    assert check_project(repo, "claims/fresh-article.yaml", schema_only=True).findings == []


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["--published", "26 June 2021"], "--published: not a date: write YYYY-MM-DD"),
        (["--url", "www.rferl.org"], "--url: write the address in full"),
    ],
)
def test_a_source_field_given_wrong_is_refused(
    given: list[str],
    said: str,
    repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _new(repo, monkeypatch, *given) == 2
    assert said in capsys.readouterr().err
    assert not (repo / "claims" / "fresh-article.yaml").exists()


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"A court\nfined her \xff tenge.\n", "fresh-article.txt:2:11: not UTF-8 text (byte 0xff)"),
        (b" \n\t\n", "fresh-article.txt: the text is empty"),
    ],
)
def test_a_text_no_claim_can_quote_is_refused(
    data: bytes, said: str, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ARTICLE).write_bytes(data)
    assert _new(repo, monkeypatch) == 2
    assert said in capsys.readouterr().err
    assert not (repo / "claims" / "fresh-article.yaml").exists()


def test_new_never_overwrites(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = repo / "claims" / "fresh-article.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    assert _new(repo, monkeypatch) == 2
    assert "not overwritten" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "# mine\n"


def test_new_needs_a_text_inside_the_repository(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("A day earlier, nine people picketed.\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["new", str(outside)]) == 2
    assert "not inside the claims repository" in capsys.readouterr().err
    assert main(["new", "sources/missing.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_new_writes_where_told(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _new(repo, monkeypatch, "-o", "claims/other.yaml", "--language", "en") == 0
    written = (repo / "claims" / "other.yaml").read_text(encoding="utf-8")
    assert "  language: en\n" in written
    assert "id: fresh-article" in written


def test_suggestions_resolve_names_through_the_catalogue(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _new(repo, monkeypatch) == 0
    written = (repo / "claims" / "fresh-article.yaml").read_text(encoding="utf-8")
    assert "United Nations (united-nations)" in written
    assert '#    subject: "Qasym-Zhomart Toqaev"  # the catalogue\'s qasym-zhomart-toqaev' in written


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The court sentenced him to 10 days.", "en"),
        ("Погибли 15 горняков, двое спасены.", "ru"),
        ("Апат кезінде жер астында 64 адам болған.", "kk"),
        ("In der Nacht schliefen rund 400 Menschen in der Turnhalle.", "de"),
    ],
)
def test_languages_are_guessed(text: str, language: str) -> None:
    assert authoring.guess_language(text) == language


def test_numbers_dates_and_names_in_four_languages() -> None:
    found = {
        (c.kind, c.shown)
        for text, language in [
            ("A day earlier, Kunbolatuly and nine other people picketed. The court sat on Feb. 10.", "en"),
            ("Погибли 15 горняков, двое спасены. Среди погибших — Виктор Шевченко (52 года).", "ru"),
            ("Апат 11 ақпан, сәрсенбі күні болды. Екі кенші тірі шығарылды: Денис Шевченко.", "kk"),
            ("Am Montag starben zwei Menschen. Bürgermeisterin Katrin Vogt sprach am 17. Juli.", "de"),
        ]
        for c in extract(text, language)
    }
    assert {
        (DATE, "A day earlier"),
        (NUMBER, "nine other people"),
        (DATE, "Feb. 10"),
        (NUMBER, "15 горняков"),
        (NUMBER, "двое спасены"),
        (NAME, "Виктор Шевченко"),
        (NUMBER, "52 года"),
        (DATE, "11 ақпан"),
        (DATE, "сәрсенбі"),
        (NUMBER, "Екі кенші"),
        (NAME, "Денис Шевченко"),
        (DATE, "Montag"),
        (NUMBER, "zwei Menschen"),
        (DATE, "17. Juli"),
        (NAME, "Katrin Vogt"),
    } <= found, sorted(found)


def test_what_is_not_a_fact() -> None:
    """Grammar's "one", a time of day, a code, a word that merely starts a sentence are no candidates."""
    text = "One of my sons was held. The bus left at 8:30 a.m. on a COVID-19 route. Officials said so."
    assert [c.shown for c in extract(text, "en") if c.kind != NAME or c.person] == []


def test_sentences_end_outside_quotations_and_abbreviations() -> None:
    text = (
        'They chanted "Freedom! Freedom!" in support. The U.S. State Department spoke on Feb. 10. Then rain.'
    )
    assert [text[s.start : s.end] for s in sentences(text)] == [
        'They chanted "Freedom! Freedom!" in support.',
        "The U.S. State Department spoke on Feb. 10.",
        "Then rain.",
    ]


def test_extraction_is_linear_in_the_text() -> None:
    """Twice the text, about twice the candidates: nothing is compared with everything."""
    paragraph = (REPO / "sources" / "rferl-kunbolatuly-10-days.txt").read_text(encoding="utf-8")
    once, twice = len(extract(paragraph)), len(extract(paragraph + "\n" + paragraph))
    assert twice == 2 * once


def _fixture_copy(tmp_path: Path, config: str) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "tests" / "fixtures" / "rules" / "Q004-unrecorded-facts-listed", root)
    (root / "checker.yaml").write_text(config, encoding="utf-8")
    return root


def test_a_waiver_names_the_source(tmp_path: Path) -> None:
    config = "waivers:\n  - {rule: Q004, sources: [kunbolatuly], reason: background}\n"
    result = check_project(_fixture_copy(tmp_path, config))
    assert not [f for f in result.findings if f.code in {"Q004", "W001"}]
    assert [(w.finding.code, w.waiver.sources) for w in result.waived] == [("Q004", ("kunbolatuly",))]


def test_a_waiver_of_another_source_leaves_the_finding_and_is_unused(tmp_path: Path) -> None:
    config = "waivers:\n  - {rule: Q004, sources: [elsewhere], reason: background}\n"
    codes = sorted(f.code for f in check_project(_fixture_copy(tmp_path, config)).findings)
    assert "Q004" in codes and "W001" in codes


def test_the_fingerprint_does_not_depend_on_lines(tmp_path: Path) -> None:
    """Moving the article's lines leaves the finding's fingerprint: it is about the source."""
    root = _fixture_copy(tmp_path, "# fixture\n")
    before = [f.fingerprint for f in check_project(root).findings if f.code == "Q004"]
    text = root / "sources" / "kunbolatuly.txt"
    text.write_text("\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    after = [f for f in check_project(root).findings if f.code == "Q004"]
    assert [f.fingerprint for f in after] == before and "at line 7" in after[0].message


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("options:\n  unrecorded-fact: {kinds: [numbers]}\n", "checker.yaml:2:"),
        ("options:\n  unrecorded-facts: {}\n", "unknown key 'unrecorded-facts'"),
        ("waivers:\n  - {rule: Q004, sources: [Not An Id], reason: x}\n", "is not a source id"),
    ],
)
def test_bad_options_and_waivers_are_located(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    message: str,
) -> None:
    root = _fixture_copy(tmp_path, config)
    monkeypatch.chdir(root)
    assert main(["check"]) == 2
    assert message in capsys.readouterr().err
