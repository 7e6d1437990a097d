"""The pure parts of bench/pos_probe.py on an invented CoNLL-U snippet (no treebank needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import pos_probe  # noqa: E402

# Three invented sentences: a multiword token (4-5 "don't"), an empty node (2.1), comments.
SNIPPET = """# sent_id = a-1
# text = Staff morale improved.
1\tStaff\tstaff\tNOUN\tNN\t_\t2\tcompound\t_\t_
2\tmorale\tmorale\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\timproved\timprove\tVERB\tVBD\t_\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = a-2
1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tlearned\tlearn\tVERB\tVBD\t_\t0\troot\t_\t_
2.1\tmore\tmore\tADV\tRBR\t_\t_\t_\t_\t_
3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tlot\tlot\tNOUN\tNN\t_\t2\tobj\t_\t_

# sent_id = a-3
1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tplan\tplan\tVERB\tVB\t_\t0\troot\t_\t_
"""


def test_read_conllu_keeps_syntactic_words_only():
    sents = pos_probe.read_conllu(SNIPPET)
    assert [len(s) for s in sents] == [4, 4, 4]
    assert sents[0][1] == ("morale", "NOUN", "NN")
    assert [w[0] for w in sents[2]] == ["We", "do", "n't", "plan"]  # the range line 2-3 is skipped
    assert "more" not in [w[0] for w in sents[1]]  # the empty node 2.1 is skipped


def test_read_conllu_lists_every_malformed_line():
    bad = "1\tStaff\tstaff\tNOUN\n x\tmorale\tmorale\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    with pytest.raises(ValueError, match=r"f\.conllu, line 1: expected 10 .*found 4\n.*line 2, column ID"):
        pos_probe.read_conllu(bad, source="f.conllu")


def test_treebank_files_needs_dev_and_test(tmp_path):
    (tmp_path / "en_x-ud-dev.conllu").write_text(SNIPPET)
    with pytest.raises(ValueError, match="test: expected one"):
        pos_probe.treebank_files(tmp_path)
    (tmp_path / "en_x-ud-test.conllu").write_text(SNIPPET)
    assert set(pos_probe.treebank_files(tmp_path)) == {"dev", "test"}


def test_tokenize_offsets_and_curly_quotes():
    text = "Our \u2018learning reviews\u2019 don't stop."
    toks = pos_probe.tokenize(text)
    assert [t for t, _, _ in toks] == ["Our", "'", "learning", "reviews", "'", "don't", "stop", "."]
    assert all(text[a:b].translate(pos_probe._ASCII) == t for t, a, b in toks)


def test_impact_words_and_premodifier():
    match = pos_probe.impact_word_matcher(["learn*", "morale", "action plan*"])
    assert [match(w) for w in ("Learning", "morale", "moral", "action")] == [True, True, False, False]
    tags = ["DET", "NOUN", "NOUN", "VERB", "ADJ", "NOUN"]
    assert [pos_probe.is_premodifier(tags, i) for i in range(6)] == [False, True, False, False, True, False]
