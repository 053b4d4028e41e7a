"""The small jieba dictionary and the run-time segmenter cut exactly as jieba's default does.

These tests load jieba's default dictionary once (about 1 s): it is what they compare with.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ipx_tui.core.content import JIEBA_DICT, SEARCH_INDEX, content_dir
from ipx_tui.core.parse import load
from ipx_tui.core.script import normalize
from ipx_tui.core.segment import Segmenter, load_segmenter, parse_dictionary
from tools.search_build import PADDING_WORD, default_tokenizer


@cache
def _small_jieba(cache_dir: str) -> Any:
    import jieba

    tokenizer = jieba.Tokenizer(dictionary=str(content_dir() / JIEBA_DICT))
    tokenizer.tmp_dir = cache_dir  # never /tmp
    tokenizer.initialize()
    return tokenizer


def small_jieba() -> Any:
    """jieba itself over the small dictionary, its cache in the test's cache directory."""
    where = Path(os.environ["IPX_TUI_CACHE_DIR"])
    where.mkdir(parents=True, exist_ok=True)
    return _small_jieba(str(where))


def texts() -> list[str]:
    return [normalize(node.text) for node in load().nodes]


def test_small_dictionary_keeps_the_default_total() -> None:
    words = parse_dictionary((content_dir() / JIEBA_DICT).read_text(encoding="utf-8"))
    assert sum(words.values()) == default_tokenizer().total == 60101967
    assert PADDING_WORD in words
    # only words that occur in the document (and the padding entry)
    whole = "\n".join(texts())
    assert all(w in whole for w in words if w != PADDING_WORD)
    assert 2000 < len(words) < 4000  # 2,784 of the default's 349,046


def test_small_dictionary_cuts_the_document_as_the_default_does() -> None:
    default, small = default_tokenizer(), small_jieba()
    for text in texts():
        for hmm in (True, False):
            assert list(small.cut(text, HMM=hmm)) == list(default.cut(text, HMM=hmm))


def test_shipped_words_are_the_default_cut_of_each_node() -> None:
    data = json.loads((content_dir() / SEARCH_INDEX).read_text(encoding="utf-8"))
    default = default_tokenizer()
    for node in load().nodes:
        words = data["nodes"][node.id]
        assert "".join(words) == normalize(node.text)
        assert words == list(default.cut(normalize(node.text), HMM=False))


def test_the_port_cuts_the_document_as_jieba_does() -> None:
    ours, small = load_segmenter(), small_jieba()
    for text in texts():
        assert list(ours.cut(text)) == list(small.cut(text, HMM=False))


_ALPHABET = sorted(set("".join(texts()))) + list("abcXYZ019 +#&._%-\r\n\t　🙂")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40) | st.text(max_size=20))
def test_the_port_cuts_any_text_as_jieba_does(text: str) -> None:
    assert list(load_segmenter().cut(text)) == list(small_jieba().cut(text, HMM=False))


def test_words_are_multi_character_and_distinct() -> None:
    seg = load_segmenter()
    assert seg.words("互联网金融创新平台") == ["互联网", "金融", "创新", "平台"]
    assert seg.words("区块链") == []  # three single characters: nothing to fall back to
    assert seg.words("平台 平台") == ["平台"]


def test_an_empty_dictionary_still_cuts() -> None:
    assert list(Segmenter({}).cut("互联网 ab")) == ["互", "联", "网", " ", "ab"]
