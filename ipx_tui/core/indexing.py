"""What search and keywords need, built ahead of time with jieba and OpenCC.

For the shipped document, ``python -m tools.regen`` writes these into content/derived/
(tools/search_build.py); for an imported one, :mod:`ipx_tui.core.library` stores them with it
when it is imported. Nothing reading a document imports this module: jieba's default
dictionary (about 1 s and 60 MiB) is loaded here only, once per build, with its cache in the
user's cache directory rather than the shared /tmp.

- the small dictionary: the words of jieba's default dictionary that occur in the
  normalised document, plus one entry (``〇〇〇``, never looked up: 〇 is outside the characters
  jieba segments) that keeps the total frequency equal to the default's, so word
  probabilities and therefore the cut of the document are exactly the default's;
- the search words: per node, the jieba words of its normalised own text (they join back
  into that text);
- the keywords of each section and item, and its related nodes: whole words of the node as
  jieba cuts it (with the terms of content/keyword_words.txt added), never a piece of a
  longer word in the same node, never a word of content/keyword_stoplist.txt.
"""

from __future__ import annotations

import gc
import logging
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ipx_tui.core.content import KEYWORD_STOPLIST, KEYWORD_WORDS, read_lines
from ipx_tui.core.document import Document, Node
from ipx_tui.core.keywords import KINDS as KEYWORD_KINDS
from ipx_tui.core.locations import cache_dir
from ipx_tui.core.script import normalize, t2s

PADDING_WORD = "〇〇〇"
"""The entry that carries the rest of the default dictionary's total frequency."""

KEPT = 10
"""Keywords kept per node (the detail pane shows as many as fit)."""
MATCHED = 20
"""Keywords compared to find related nodes (more than are shown, so neighbours meet)."""
RELATED = 5
"""Related nodes kept per node."""
MIN_SHARED = 2
"""Keywords two nodes must share to be related."""


@cache
def default_tokenizer() -> Any:
    """jieba with its default dictionary (about 1 s), cached in the user's cache directory."""
    return _tokenizer()


def _tokenizer() -> Any:
    """A fresh jieba tokenizer over the default dictionary, its cache in ours."""
    import jieba  # deferred: about 1 s and 60 MiB with its dictionary; only builds need it

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    where = cache_dir()
    where.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(where)  # jieba would otherwise write a shared /tmp/jieba.cache
    tokenizer.initialize()
    return tokenizer


def release_default() -> None:
    """Let the default tokenizer go (an import needs it no more once its search words are
    cut): the keyword tokenizer holds a second copy of the dictionary, and the two at once
    set the import's peak memory."""
    default_tokenizer.cache_clear()
    gc.collect()


def keyword_words() -> dict[str, int]:
    """content/keyword_words.txt: each added term and its frequency."""
    out: dict[str, int] = {}
    for line in read_lines(KEYWORD_WORDS):
        word, freq = line.split()
        out[word] = int(freq)
    return out


@cache
def keyword_tokenizer() -> Any:
    """jieba with its default dictionary and the terms of content/keyword_words.txt (a second
    tokenizer, so the search index keeps the default dictionary's cut)."""
    tokenizer = _tokenizer()
    for word, freq in keyword_words().items():
        tokenizer.add_word(word, freq)
    return tokenizer


def default_dictionary_lines() -> Iterator[str]:
    """The lines of jieba's default dictionary file."""
    with default_tokenizer().get_dict_file() as handle:
        for raw in handle:
            line = raw.decode("utf-8").strip()
            if line:
                yield line


def normalized_texts(document: Document) -> dict[str, str]:
    """Each node's own text in the form search compares in."""
    return {node.id: normalize(node.text) for node in document.nodes}


SHORT = 4
"""Words up to this long are looked up in a set of the text's substrings; longer ones (few)
are searched for in the text (a set of every substring of a 50,000-character text up to
jieba's longest word would take gigabytes)."""


def _substrings(texts: Iterable[str], longest: int) -> set[str]:
    out: set[str] = set()
    for text in texts:
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + longest) + 1):
                out.add(text[start:end])
    return out


def small_dictionary_lines(document: Document) -> list[str]:
    """The default dictionary's lines for the words that occur in the document's normalised
    text, then the padding line that keeps the total frequency the default's."""
    texts = list(normalized_texts(document).values())
    short = _substrings(texts, SHORT)
    joined = "\x00".join(texts)  # NUL: in no word, so no match spans two nodes
    kept = []
    for line in default_dictionary_lines():
        word = line.split(" ")[0]
        if word in short if len(word) <= SHORT else word in joined:
            kept.append(line)
    rest = default_tokenizer().total - sum(int(line.split(" ")[1]) for line in kept)
    return [*kept, f"{PADDING_WORD} {rest} x"]


class _NoHMM:
    """The tokenizer interface jieba.analyse calls, cutting with dictionary words only.

    The HMM invents words such as 向小微 from runs of single characters; keywords should be words.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def cut(self, text: str) -> Iterator[str]:
        return self.tokenizer.cut(text, HMM=False)  # type: ignore[no-any-return]


def _body(node: Node) -> str:
    """The node's own text without its numbering and its list of agencies (not topics)."""
    text = node.text
    if node.label and text.startswith(node.label):
        text = text[len(node.label):]
    if node.responsibility is not None:
        text = text.replace(f"（{node.responsibility.source}）", "")
    return text


def _has_han(word: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in word)


def keywords(document: Document, whole: bool = True) -> dict[str, list[tuple[str, str, float]]]:
    """Each section's and item's keywords (and the preamble's): (as written, simplified, weight).

    jieba.analyse's TF-IDF on the simplified text, with jieba's general IDF scaled by how rare
    the word is among these nodes, so words on every page (互联网, 发展) do not crowd out topics.
    A keyword is a word of the node's own cut, and no longer word of that cut contains it
    (智能 goes where 智能制造 is); the stop list's words never are. Without ``whole``, the
    pieces stay: related nodes are found by them (医疗 links the medical items).
    """
    import jieba.analyse  # deferred: jieba is for building, never for reading

    tokenizer = _NoHMM(keyword_tokenizer())
    nodes = [n for n in document.nodes if n.kind in KEYWORD_KINDS or n.id == "preamble"]
    bodies = {n.id: _body(n) for n in nodes}
    simple = {i: t2s(b) for i, b in bodies.items()}
    df: Counter[str] = Counter()
    for text in simple.values():
        df.update({w for w in tokenizer.cut(text) if len(w) > 1})
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = tokenizer
    extractor.stop_words = extractor.stop_words | set(read_lines(KEYWORD_STOPLIST))
    general, median = extractor.idf_freq, extractor.median_idf
    n = len(simple)
    extractor.idf_freq = {w: general.get(w, median) * math.log((n + 1) / (c + 1))
                          for w, c in df.items()}
    out: dict[str, list[tuple[str, str, float]]] = {}
    for node_id, text in simple.items():
        words = set(tokenizer.cut(text))
        # pieces are judged on the whole text: 银行 is a piece of 人民银行 in the agency list
        every = words | set(tokenizer.cut(t2s(document.node(node_id).text)))
        tags = extractor.extract_tags(text, topK=None, withWeight=True)
        kept = [(w, float(weight)) for w, weight in tags
                if _has_han(w) and w in words
                and not (whole and _inside_longer(w, every))][:MATCHED]
        source = bodies[node_id]
        same_length = len(source) == len(text)
        rows = []
        for word, weight in kept:
            at = text.find(word)
            written = source[at:at + len(word)] if same_length and at >= 0 else word
            rows.append((written, word, round(weight, 6)))
        out[node_id] = rows
    return out


def _inside_longer(word: str, words: set[str]) -> bool:
    """Whether a longer word of the same cut contains word (数据 beside 大数据)."""
    return any(len(other) > len(word) and word in other for other in words)


def related(document: Document, table: dict[str, list[tuple[str, str, float]]]
            ) -> dict[str, list[str]]:
    """Each node's related nodes: most shared keywords, then their weight, then document order."""
    order = {node.id: i for i, node in enumerate(document.nodes)}
    weights = {i: {simple: w for _, simple, w in rows} for i, rows in table.items()}
    out: dict[str, list[str]] = {}
    for node_id, mine in weights.items():
        ranked = []
        for other, theirs in weights.items():
            shared = mine.keys() & theirs.keys()
            if other == node_id or len(shared) < MIN_SHARED:
                continue
            weight = sum(min(mine[w], theirs[w]) for w in shared)
            ranked.append((-len(shared), -weight, order[other], other))
        out[node_id] = [other for *_, other in sorted(ranked)[:RELATED]]
    return out


def search_words(document: Document) -> dict[str, list[str]]:
    """The jieba words of every node's normalised own text (default dictionary, no HMM)."""
    tokenizer = default_tokenizer()
    return {node_id: list(tokenizer.cut(text, HMM=False))
            for node_id, text in normalized_texts(document).items()}


def keyword_table(document: Document) -> dict[str, dict[str, list[Any]]]:
    """Each section's and item's keywords ([as written, simplified]) and related nodes."""
    table = keywords(document)
    links = related(document, keywords(document, whole=False))
    return {node_id: {"keywords": [[written, simple] for written, simple, _ in rows[:KEPT]],
                      "related": links[node_id]}
            for node_id, rows in table.items()}
