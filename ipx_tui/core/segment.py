"""Chinese word segmentation at run time, without importing jieba.

jieba's default dictionary costs about 1 s and 60 MiB per process, and importing jieba alone
costs about 100 ms (its HMM tables). Search only needs to cut short queries into words, so this
module is a port of jieba 0.42's dictionary segmentation (``Tokenizer.cut(text, HMM=False)``:
prefix DAG, then the most probable route) over content/jieba_dict.txt: the words of jieba's
default dictionary that occur in this document, plus one entry that keeps the total frequency
equal to the default's. On the document it cuts exactly as jieba with its default dictionary
does; tests/core/test_segment.py checks both claims against jieba itself.

The file is made by ``python -m tools.regen`` (see ipx_tui/devtools/search_build.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from ipx_tui.core import content

# jieba 0.42's own patterns (jieba/__init__.py): blocks it segments, whitespace it keeps whole,
# and the single Latin letters or digits it glues back into one word.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]")


class Segmenter:
    """jieba's accurate mode without the HMM, over a given dictionary."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.freq: dict[str, int] = {}
        """Every word with its frequency, and every proper prefix of a word with 0 (as jieba)."""
        total = 0
        for word, count in frequencies.items():
            self.freq[word] = count
            total += count
            for end in range(1, len(word)):
                self.freq.setdefault(word[:end], 0)
        self.total = total
        self._log_total = math.log(total) if total > 0 else 0.0

    def _dag(self, sentence: str) -> list[list[int]]:
        freq = self.freq
        n = len(sentence)
        dag: list[list[int]] = []
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n and frag in freq:
                if freq[frag]:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            dag.append(ends or [k])
        return dag

    def _cut_block(self, sentence: str) -> Iterator[str]:
        freq, log_total = self.freq, self._log_total
        dag = self._dag(sentence)
        n = len(sentence)
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for idx in range(n - 1, -1, -1):
            # max over (log probability, end): ties go to the longer word, as in jieba
            route[idx] = max((math.log(freq.get(sentence[idx:x + 1]) or 1) - log_total
                              + route[x + 1][0], x) for x in dag[idx])
        x = 0
        buf = ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def cut(self, text: str) -> Iterator[str]:
        """The words of text, in order; they join back into text."""
        for block in _RE_HAN.split(text):
            if not block:
                continue
            if _RE_HAN.match(block):
                yield from self._cut_block(block)
                continue
            for piece in _RE_SKIP.split(block):
                if _RE_SKIP.match(piece):
                    yield piece
                else:
                    yield from piece

    def words(self, text: str) -> list[str]:
        """The distinct words of text with two or more characters, in order of appearance."""
        out = dict.fromkeys(w for w in self.cut(text) if len(w) > 1 and not w.isspace())
        return list(out)


def parse_dictionary(text: str) -> dict[str, int]:
    """A jieba dictionary (``word freq [tag]`` a line) as word → frequency."""
    out: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and parts[0]:
            out[parts[0]] = int(parts[1])
    return out


@cache
def load_segmenter() -> Segmenter:
    """The segmenter over the shipped small dictionary, read once (about 3 ms)."""
    try:
        text = content.read_text(content.JIEBA_DICT)
    except OSError:
        text = ""  # search still works: every hit is found by substring; ranking is coarser
    return Segmenter(parse_dictionary(text))
