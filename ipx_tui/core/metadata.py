"""What the document is (content/document.toml) and the corrections its text carries
(content/errata.toml)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ipx_tui.core import content
from ipx_tui.core.script import QUOTES, Script

METADATA = "document.toml"
"""The document's metadata: issuer, number, dates, address, English title."""
ERRATA = "errata.toml"
"""The corrections made to the Wikisource text."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """The document's 發文機關, 發文字號, 成文日期 and 發布日期, its address and English names."""

    title: str
    issuer: str
    """發文機關: 國務院."""
    number: str
    """發文字號: 國發〔2015〕40號."""
    written: datetime.date
    """成文日期: the date the document bears."""
    published: datetime.date
    """發布日期: the date gov.cn published it."""
    index_number: str
    """索引號 on gov.cn."""
    url: str
    """The address on gov.cn, or "" where it could not be confirmed."""
    english_title: str
    english_title_note: str
    english_issuer: str
    english_number: str
    """The number as English references write it: Guo Fa [2015] No. 40."""

    @property
    def written_text(self) -> str:
        """成文日期 as Chinese writes it: 2015年7月1日."""
        return chinese_date(self.written)

    @property
    def published_text(self) -> str:
        """發布日期 as Chinese writes it: 2015年7月4日."""
        return chinese_date(self.published)


@dataclass(frozen=True, slots=True)
class Erratum:
    """One correction of the Wikisource text: where, what it wrote, what we write, why."""

    node: str
    before: str
    after: str
    why: str

    def why_in(self, script: Script) -> str:
        """Why it was made, as written (it names traditional forms, which t2s would make
        alike), with simplified text's quotation marks in simplified."""
        return self.why if script == "traditional" else self.why.translate(QUOTES)


def chinese_date(day: datetime.date) -> str:
    """A date as Chinese documents write it, without leading zeros: 2015年7月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def parse_metadata(text: str) -> Metadata:
    """Read the metadata from TOML text; ValueError if a field is missing or of a wrong type."""
    import tomllib  # here: only what shows the metadata pays for it

    data = tomllib.loads(text)
    english: dict[str, Any] = data.get("english", {})
    try:
        written, published = data["written"], data["published"]
        if not (isinstance(written, datetime.date) and isinstance(published, datetime.date)):
            raise ValueError("written and published are dates (2015-07-01)")
        url = data["url"] if data.get("url_confirmed") is True else ""
        return Metadata(
            title=data["title"], issuer=data["issuer"], number=data["number"],
            written=written, published=published, index_number=data.get("index_number", ""),
            url=url, english_title=english["title"],
            english_title_note=english.get("title_note", ""),
            english_issuer=english["issuer"], english_number=english["number"])
    except KeyError as missing:
        raise ValueError(f"{METADATA}: missing {missing}") from None


@cache
def load_metadata() -> Metadata:
    """The shipped metadata, read once per process."""
    return parse_metadata(content.read_text(METADATA))


def parse_errata(text: str) -> tuple[Erratum, ...]:
    """Read the errata from TOML text."""
    import tomllib

    return tuple(Erratum(e["node"], e["before"], e["after"], e["why"])
                 for e in tomllib.loads(text).get("erratum", []))


@cache
def load_errata() -> tuple[Erratum, ...]:
    """The shipped errata, in document order, read once per process."""
    return parse_errata(content.read_text(ERRATA))


def errata_of(node_id: str, errata: Iterable[Erratum] | None = None) -> tuple[Erratum, ...]:
    """The corrections in one node's own text."""
    return tuple(e for e in (load_errata() if errata is None else errata) if e.node == node_id)


def apply_errata(text: str, errata: Iterable[Erratum]) -> str:
    """The text with each correction made; ValueError unless each `before` occurs exactly once
    (a correction must say unambiguously where it is)."""
    for erratum in errata:
        count = text.count(erratum.before)
        if count != 1:
            raise ValueError(f"erratum in {erratum.node}: {erratum.before!r} occurs {count} "
                             "times, not once")
        text = text.replace(erratum.before, erratum.after)
    return text
