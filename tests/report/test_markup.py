"""The report markup: any text escapes into it and parses back to itself."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cchc_cli.report.markup import (
    Directive,
    Heading,
    Paragraph,
    Table,
    escape,
    escape_cell,
    inline,
    parse,
    plain,
)

HOSTILE = [
    "A & B <c> \"q\" 's'",
    "# không phải tiêu đề",
    "- không phải gạch đầu dòng",
    "1. không phải danh sách",
    "| không | phải | bảng |",
    "*không nghiêng* **không đậm** _x_ `code`",
    "&amp; &#39; &lt;b&gt;",
    "dòng một\ndòng hai\r\ndòng ba",
    "đoạn một\n\nđoạn hai",
    "\\ gạch chéo \\n \\*",
    "<!-- comment --> <br> <script>alert(1)</script>",
    "Kế hoạch số 25/KH-UBND ngày 10/02/2024; 95,5%; 19.630 hồ sơ",
    "x" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_reads_back_in_a_paragraph(text: str) -> None:
    expected = text.replace("\r\n", "\n")
    blocks = parse(f"Trước: {escape(text)}\n")
    assert len(blocks) == 1
    assert isinstance(blocks[0], Paragraph)
    assert plain(blocks[0].runs) == "Trước: " + expected
    assert not any(r.bold or r.italic for r in blocks[0].runs)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_at_line_start_is_not_structure(text: str) -> None:
    blocks = parse(escape(text) + "\n")
    assert [type(b) for b in blocks] == [Paragraph]
    assert plain(blocks[0].runs) == text.replace("\r\n", "\n")


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_cells_stay_in_their_cell(text: str) -> None:
    blocks = parse(f"| A | B |\n|---|---|\n| {escape_cell(text)} | z |\n")
    assert len(blocks) == 1
    table = blocks[0]
    assert isinstance(table, Table)
    assert [plain(c) for c in table.rows[0]] == [text.replace("\r\n", "\n").strip(), "z"]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
    | st.sampled_from(list(" \n&<>|*#-_`\\[]!.)0123456789=+~")),
    max_size=60,
)


@example("a\n")
@example("a\n\n")
@example("\n#")
@example("\n ")  # a blank last line: no lone backslash at the end
@example("a \n\t")
@given(_TEXT)
def test_any_text_round_trips(text: str) -> None:
    # The block parser trims each markup line; values from YAML are trimmed already.
    lines = text.split("\n")
    expected = "\n".join([lines[0], *(line.lstrip() for line in lines[1:])]).rstrip()
    blocks = parse("X " + escape(text) + "\n")
    assert len(blocks) == 1
    assert isinstance(blocks[0], Paragraph)
    assert plain(blocks[0].runs) == ("X " + expected).rstrip()


def test_structure() -> None:
    blocks = parse(
        "# I. MỘT\n\n## 1. Hai\n\nĐoạn **đậm** và *nghiêng*\ntiếp.\n\n- gạch một\n- gạch hai\n\n"
        "<!-- appendix landscape -->\n| STT | Nội dung |\n|:---:|---|\n| 1 | a<br>b |\n"
    )
    kinds = [type(b) for b in blocks]
    assert kinds == [Heading, Heading, Paragraph, Paragraph, Paragraph, Directive, Table]
    assert isinstance(blocks[2], Paragraph)
    runs = blocks[2].runs
    assert plain(runs) == "Đoạn đậm và nghiêng tiếp."
    assert [r.text for r in runs if r.bold] == ["đậm"]
    assert [r.text for r in runs if r.italic] == ["nghiêng"]
    assert isinstance(blocks[5], Directive)
    assert blocks[5].args == ["landscape"]
    table = blocks[6]
    assert isinstance(table, Table)
    assert plain(table.rows[0][1]) == "a\nb"


def test_hard_break() -> None:
    assert plain(inline("một\\\nhai")) == "một\nhai"
    assert plain(inline("một\nhai")) == "một hai"
