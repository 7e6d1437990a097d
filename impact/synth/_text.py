"""Write one synthetic interview transcript, recording where the truth is.

Text is assembled from the phrase banks in :mod:`._phrases` as a list of
pieces joined once; the running offset of every piece is kept so that the
start and end (code points) of each planted statement and personal detail are
known exactly.  Random draws come from a buffer of ``numpy`` uniforms, which
is fast and deterministic for a given generator.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

import numpy as np

from . import _people
from ._phrases import BANKS, ROLE_TITLES
from ._process import process_sentence, recommendation_sentence

__all__ = ["Dice", "Grammar", "Statement", "write_transcript", "LABEL_STYLES", "GRAMMAR"]

#: Speaker-label conventions: (interviewer label, respondent label); ``None``
#: means the respondent's initials.
LABEL_STYLES: tuple[tuple[str, str | None], ...] = (
    ("Interviewer", "Respondent"),
    ("I", "R"),
    ("Q", "A"),
    ("INT", None),
)


class Dice:
    """Buffered uniform draws from a numpy generator."""

    __slots__ = ("rng", "_buf", "_i")

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self._buf: list[float] = []
        self._i = 0

    def random(self) -> float:
        if self._i >= len(self._buf):
            self._buf = self.rng.random(4096).tolist()
            self._i = 0
        value = self._buf[self._i]
        self._i += 1
        return value

    def __call__(self, n: int) -> int:
        """A uniform index in ``range(n)``."""
        return int(self.random() * n)

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


_SLOT = re.compile(r"\{(\w+)\}")


class Grammar:
    """Expand templates from named banks; see :mod:`._phrases`."""

    def __init__(self, banks: dict[str, list[str]]) -> None:
        self._banks = {name: [tuple(_SLOT.split(t)) for t in items] for name, items in banks.items()}

    def templates(self, name: str) -> list[str]:
        """The templates of bank ``name``, as written."""
        return ["".join("{" + p + "}" if i & 1 else p for i, p in enumerate(parts)) for parts in self._banks[name]]

    def expand_all(self, template: str, code: str = "") -> list[str]:
        """Every expansion of one template (for banks of bounded size)."""
        parts = _SLOT.split(template)
        choices = [
            [x for t in self.templates(p + code if p[-1] == "_" else p) for x in self.expand_all(t, code)]
            if i & 1 else [p]
            for i, p in enumerate(parts)
        ]
        return ["".join(combo) for combo in itertools.product(*choices)]

    def say(self, name: str, dice: Dice, code: str = "", fixed: dict[str, str] | None = None) -> str:
        options = self._banks[name]
        parts = options[int(dice.random() * len(options))]
        if len(parts) == 1:
            return parts[0]
        out = []
        for i, part in enumerate(parts):
            if i & 1:
                if fixed is not None and part in fixed:
                    out.append(fixed[part])
                    continue
                if part[-1] == "_":
                    part += code
                out.append(self.say(part, dice, code, fixed))
            elif part:
                out.append(part)
        return "".join(out)


GRAMMAR = Grammar({**BANKS, **{f"ack_q_{q}": ["{ack}{q_" + q + "}"]
                              for q in ("expectations", "early", "longer_term", "probe")}})

_NO_LEAD = {"lead": "", "honest": ""}


class Statement(NamedTuple):
    """A planted statement: what it asserts and how."""

    code: str
    polarity: str  # asserted | negated | hedged
    level: str  # insight | action | outcome ("" unless asserted)
    attribution: str  # review | ofsted | ... | unclear | ""
    validation: bool
    valence: str = ""  # helped | hindered, for statements about the review process
    recommendation: bool = False  # a suggestion for the programme (about the factor ``code``)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _decap(s: str) -> str:
    if len(s) > 1 and s[0].isupper() and s[1].islower():
        return s[0].lower() + s[1:]
    return s


def _with_tail(body: str, tail: str) -> str:
    return body[:-1] + tail + body[-1]


def render_statement(st: Statement, wave: str, dice: Dice, g: Grammar = GRAMMAR) -> str:
    """One sentence expressing ``st``."""
    code = st.code
    if st.valence:
        return recommendation_sentence(code, dice) if st.recommendation else process_sentence(code, st.valence, dice)
    if st.polarity == "hedged":
        frame = "f_hedge" if wave == "expectations" or dice.random() < 0.5 else "f_hedge_late"
        return _cap(g.say(frame, dice, code))
    if st.polarity == "negated":
        return _cap(g.say("f_negated", dice, code))
    if wave == "expectations":
        frame = "f_insight_plain" if st.level == "insight" else "f_action"
        body = g.say(frame, dice, code, _NO_LEAD)
        if st.attribution == "review":
            return g.say("prep_pre", dice) + _decap(body)
        return _attribute(_cap(body), st.attribution, dice, g)
    if st.level == "insight":
        if st.attribution == "review":
            return _cap(g.say("f_validation" if st.validation else "f_insight", dice, code))
        return _attribute(_cap(g.say("f_insight_plain", dice, code)), st.attribution, dice, g)
    if st.level == "action":
        frame = "f_action"
    else:
        frame = "f_outcome" if dice.random() < 0.6 else "f_topic_up"
    if st.attribution == "review":
        r = dice.random()
        if r < 0.4:
            return g.say("rev_pre", dice) + _decap(g.say(frame, dice, code, _NO_LEAD))
        if r < 0.8:
            return _with_tail(_cap(g.say(frame, dice, code)), g.say("rev_post", dice))
        return _cap(g.say(frame, dice, code))  # the question was about the review
    return _attribute(_cap(g.say(frame, dice, code)), st.attribution, dice, g)


def _attribute(body: str, attribution: str, dice: Dice, g: Grammar) -> str:
    if attribution == "unclear":
        return _with_tail(body, g.say("tail_unclear", dice))
    sep = ", but " if dice.random() < 0.5 else " - though "
    tail = sep + g.say("credit", dice) + " " + g.say("factor_" + attribution, dice) + g.say("more_than", dice)
    return _with_tail(body, tail)


# --------------------------------------------------------------------- personal details
_COLLEAGUE = (
    "You might want to speak to {X}, who leads on that.",
    "{X} chaired the feedback session, actually.",
    "I was talking to {X} about this only yesterday.",
    "My manager at the time, {X}, pushed for it.",
    "{X} from the health trust was on the steering group.",
    "It was {X} who did most of the legwork on the case mapping.",
)
_EMAIL_Q = ("What's the best email to send the transcript to?", "Can I check your email address for the transcript?")
_EMAIL_A = ("It's {X}.", "Send it to {X}, that's easiest.", "Best to use {X}.", "{X} - all lower case.")
_PHONE = ("If you need me, my mobile is {X}.", "My direct line is {X} if anything's unclear.",
          "Ring me on {X} if you need to.", "The office number is {X}.")
_POSTCODE = ("We've moved to the civic centre now, that's {X} for the post.",
             "If you want to send anything, the postcode is {X}.",
             "Our team's based out at the old depot, {X}.")
_DOB_Q = ("For the consent form, could I take your date of birth?", "And just for our records, your date of birth?")
_DOB_A = ("It's {X}.", "{X}.", "Yes, {X}.")
_SELF = ("Hello, it's {X} speaking.", "Hi, yes, {X} here.", "Yes, hello - {X}.")


def _fill(template: str, value: str) -> tuple[str, int]:
    """Return the sentence and the offset of ``value`` in it."""
    at = template.index("{X}")
    return template[:at] + value + template[at + 3:], at


_FILL = {  # bank weights of the ordinary talk in answers, before and after the review
    "pre": (("process_pre", 0.3), ("context", 0.25), ("filler", 0.12), ("routine", 0.15), ("general", 0.1),
            ("people", 0.08)),
    "post": (("process", 0.3), ("context", 0.15), ("filler", 0.12), ("routine", 0.2), ("general", 0.13),
             ("people", 0.1)),
}


class _Pool:
    """Every expansion of some banks: a bank by weight, a template uniformly, then an expansion."""

    def __init__(self, g: Grammar, banks: tuple[tuple[str, float], ...]) -> None:
        self.flat: list[str] = []
        probs: list[float] = []
        total = sum(wt for _, wt in banks)
        for name, wt in banks:
            templates = g.templates(name)
            for template in templates:
                expansions = [_cap(x) for x in g.expand_all(template)]
                self.flat += expansions
                probs += [wt / total / len(templates) / len(expansions)] * len(expansions)
        self.cdf = np.cumsum(probs)
        self.cdf /= self.cdf[-1]
        self.words = np.array([s.count(" ") + 1 for s in self.flat])

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.minimum(np.searchsorted(self.cdf, rng.random(n), side="right"), len(self.flat) - 1)


_POOLS: dict[tuple[str, int], tuple[_Pool, _Pool]] = {}


def _pools(wave: str, g: Grammar) -> tuple[_Pool, _Pool]:
    key = (wave, id(g))
    if key not in _POOLS:
        fills = _Pool(g, _FILL["pre" if wave == "expectations" else "post"])
        questions = _Pool(g, (("ack_q_" + wave, 0.65), ("ack_q_probe", 0.35)))
        _POOLS[key] = (fills, questions)
    return _POOLS[key]


class _Writer:
    __slots__ = ("chunks", "pos", "words", "statements", "pii")

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.pos = 0
        self.words = 0
        self.statements: list[tuple[int, int, Statement]] = []
        self.pii: list[tuple[str, str, int, int]] = []

    def put(self, s: str) -> None:
        self.chunks.append(s)
        self.pos += len(s)

    def sentence(self, s: str) -> int:
        start = self.pos
        self.put(s)
        self.words += s.count(" ") + 1
        return start

    def pii_sentence(self, template: str, kind: str, value: str) -> None:
        s, at = _fill(template, value)
        start = self.sentence(s) + at
        self.pii.append((kind, value, start, start + len(value)))


def write_transcript(
    *,
    wave: str,
    role: str,
    respondent_name: str,
    council_slug: str,
    plan: list[Statement],
    words: int,
    dice: Dice,
    g: Grammar = GRAMMAR,
) -> tuple[str, list[tuple[int, int, Statement]], list[tuple[str, str, int, int]]]:
    """Write one interview.

    Returns the text, the planted statements as ``(start, end, statement)``
    and the personal details as ``(kind, value, start, end)``.
    """
    style = LABEL_STYLES[dice(len(LABEL_STYLES))]
    int_label = style[0] + ": "
    resp_label = (style[1] or _people.initials(respondent_name)) + ": "
    sep = "\n\n" if dice.random() < 0.6 else "\n"
    w = _Writer()
    given = respondent_name.split(" ", 1)[0]

    def ask(text: str) -> None:
        if w.chunks:
            w.put(sep)
        w.put(int_label)
        w.sentence(text)

    def answer_start() -> None:
        w.put(sep)
        w.put(resp_label)

    def more(s: str) -> None:
        w.put(" ")
        w.sentence(s)

    # Opening: greeting, small talk, consent, role.
    ask(g.say("q_open", dice))
    answer_start()
    if dice.random() < 0.35:
        w.pii_sentence(dice.choice(_SELF), "person_name", respondent_name)
        more(g.say("smalltalk", dice))
    else:
        w.sentence(g.say("smalltalk", dice))
    ask(g.say("q_consent", dice))
    answer_start()
    w.sentence(g.say("r_consent", dice))
    ask(g.say("q_role", dice))
    answer_start()
    title = dice.choice(ROLE_TITLES.get(role, ROLE_TITLES["other"]))
    w.sentence(f"I'm {title}.")
    more(g.say("role_years", dice))

    # Body: questions for the wave, answers mixing planted statements and other talk.
    # Ordinary turns are drawn in bulk from pre-expanded pools (fast); turns
    # holding a planted statement or a personal detail are written one by one.
    rng = dice.rng
    fills, questions = _pools(wave, g)
    target = max(words - w.words - 20 * len(plan) - 45, 1)  # planted statements and closing come on top
    n_est = target // 30 + 10
    while True:
        n_other = rng.integers(1, 7, size=n_est)
        q_idx = questions.draw(rng, n_est)
        ends = np.cumsum(n_other)
        f_idx = fills.draw(rng, int(ends[-1]))
        f_words = np.concatenate(([0], np.cumsum(fills.words[f_idx])))
        turn_words = questions.words[q_idx] + f_words[ends] - f_words[ends - n_other]
        n_turns = int(np.searchsorted(np.cumsum(turn_words), target)) + 1
        if n_turns <= n_est:
            break
        n_est *= 2
    slots: dict[int, list[Statement]] = {}
    for st in plan:
        slots.setdefault(dice(n_turns), []).append(st)
    colleague_turns = {dice(n_turns): _people.person_name(dice) for _ in range(dice(3))}
    q_flat, f_flat = questions.flat, fills.flat
    head = sep + int_label
    mid = sep + resp_label
    f_list, ends_l, n_l, q_l = f_idx.tolist(), ends.tolist(), n_other.tolist(), q_idx.tolist()
    for t in range(n_turns):
        sentences = list(dict.fromkeys([f_flat[i] for i in f_list[ends_l[t] - n_l[t]:ends_l[t]]]))
        if t not in slots and t not in colleague_turns:
            text = head + q_flat[q_l[t]] + mid + " ".join(sentences)
            w.chunks.append(text)
            w.pos += len(text)
            continue
        ask(q_flat[q_l[t]])
        answer_start()
        items: list = list(sentences)
        for st in slots.get(t, ()):
            items.insert(dice(len(items) + 1), st)
        for k, item in enumerate(items):
            if k:
                w.put(" ")
            if isinstance(item, Statement):
                text = render_statement(item, wave, dice, g)
                start = w.sentence(text)
                w.statements.append((start, start + len(text), item))
            else:
                w.sentence(item)
        if t in colleague_turns:
            given_c, sur_c = colleague_turns[t]
            full = f"{given_c} {sur_c}" if dice.random() < 0.7 else given_c
            w.put(" ")
            w.pii_sentence(dice.choice(_COLLEAGUE), "person_name", full)

    # Closing: anything else, contact details, thanks.
    ask(g.say("q_close", dice))
    answer_start()
    w.sentence(g.say("r_close", dice))
    r = dice.random()
    given_l, surname_l = respondent_name.split(" ", 1)
    if r < 0.5:
        ask(dice.choice(_EMAIL_Q))
        answer_start()
        w.pii_sentence(dice.choice(_EMAIL_A), "email", _people.email_for(given_l, surname_l, council_slug, dice))
        if dice.random() < 0.5:
            w.put(" ")
            w.pii_sentence(dice.choice(_PHONE), "phone", _people.phone_number(dice))
    elif r < 0.75:
        ask("Is there a number I can reach you on if I need to check anything?")
        answer_start()
        w.pii_sentence(dice.choice(_PHONE), "phone", _people.phone_number(dice))
    if dice.random() < 0.25:
        ask("And where should we post the thank-you letter?")
        answer_start()
        w.pii_sentence(dice.choice(_POSTCODE), "postcode", _people.postcode(dice))
    if dice.random() < 0.12:
        ask(dice.choice(_DOB_Q))
        answer_start()
        w.pii_sentence(dice.choice(_DOB_A), "date_of_birth", _people.date_of_birth(dice))
    thanks = g.say("q_thanks", dice)
    if dice.random() < 0.3:
        ask(f"{thanks} Thanks, {given}.")
        at = w.pos - len(given) - 1
        w.pii.append(("person_name", given, at, at + len(given)))
    else:
        ask(thanks)
    answer_start()
    w.sentence(g.say("r_bye", dice))
    w.put("\n")
    return "".join(w.chunks), w.statements, w.pii
