"""When a Korean answer is not a clear yes.

Korean endings carry the question where speech has no "?": Kiwi tags them ``EF``/``EC`` and
the last one decides. -ㄹ래 and -지 are questions only with a "?" (할래 "I'll do it",
좋지 "sure"); -까, -나, -니, -냐, -ㄴ가, -는지 always are; echoes and hearsay (얼마라고,
그렇대, 주문한다고) are not answers of the speaker's own, and a question word (누가 그래요,
뭐라고) asks. Hesitant as well: a conjecture (좋겠다; but -겠- of will on a verb,
"주문하겠습니다", is a yes), a connective ending (좋아서 …,
그렇다면, 하려고), a modifier (좋은 아침, 맞는) and, from the Korean front end, a yes that is
only the last clause of a longer sentence ("같이 다니자 응"). The parser also refuses a
``confirm`` in the past (했어) or negated (그렇지 않아).

A bare "어" is not a yes either: it is everyday banmal for yes, but it is also the sound
of surprise and of a hesitation ("어?", "어…", "어 그게"), and of a cough or a clatter on
the microphone. "어" with a clear yes word ("어 응", "어 그래", "어 맞아", "어 주문해") is a
yes; the grammar (``assistant/grammars/ko/intents.yaml``) says so, and a lone "어" gets the question
again.
"""

from __future__ import annotations

from assistant.nlu.doubt import QUESTION_MARK, TRAILING_OFF, hesitation_word, words_of

QUESTION_ENDINGS_KO = frozenset(
    {"ᆯ까", "을까", "ᆯ까요", "을까요", "까", "까요", "나", "나요", "니", "냐", "으냐", "느냐",
     "니요", "습니까", "ᆸ니까", "가", "가요", "ᆫ가", "ᆫ가요", "은가", "은가요", "는가",
     "는가요", "는지", "ᆫ지", "은지", "을지", "ᆯ지", "는지요", "ᆫ지요", "을지요", "ᆯ지요"}
)  # fmt: skip
"""Interrogative endings (the last ending of the utterance): 할까, 맞나, 맞니, 맞냐, 그런가,
맞습니까, 되나요, 맞는지."""
ECHO_ENDINGS_KO = frozenset(
    {"라고", "다고", "ᆫ다고", "는다고", "자고", "냐고", "라고요", "다고요", "ᆫ다고요",
     "는다고요", "냐고요", "라구", "다구", "ᆫ다구", "는다구", "자구", "냐구", "대", "래", "ᆫ대",
     "는대", "대요", "래요", "ᆫ대요", "는대요", "냬"}
)  # fmt: skip
"""Echoes and hearsay: "얼마라고(?)", "주문한다고(?)", "그렇대": not the speaker's own yes."""
CONNECTIVES_KO = frozenset(
    {"는데", "ᆫ데", "은데", "던데", "는데요", "ᆫ데요", "은데요", "지만", "면", "으면", "다면",
     "ᆫ다면", "는다면", "라면", "서", "어서", "아서", "여서", "니까", "으니까", "다가", "려면",
     "으려면", "려고", "으려고", "ᆯ려고", "을려고", "려구", "ᆯ려구", "을려구", "으려구", "러",
     "으러", "도록", "거나", "든지", "어도", "아도", "여도",
     "더니", "며", "으며", "면서", "으면서", "길래", "는데도"}
)  # fmt: skip
"""Connective endings: an answer with one is more than a yes ("제가 좋아서 한 거예요") or
left open at the end ("좋긴 한데", "그렇다면", "하려고")."""
UNFINISHED_FINAL_KO = CONNECTIVES_KO | {"고"}
"""At the very end -고 leaves the answer open too ("주문하고"); inside it mostly joins an
auxiliary ("하고 싶어")."""
QUESTION_WORDS_KO = frozenset(
    {"누구", "뭐", "머", "무엇", "왜", "어디", "언제", "어떻게", "얼마", "무슨", "몇", "어느"}
)
"""Question words: "누가 그래요", "뭐라고", "얼마야": asked, not answered."""
HESITATION_TAGS_KO = frozenset({"IC", "MAG", "MAJ", "NNG", "NNB", "NP", "VV", "VA"})
"""Morphemes compared with the hesitation list (particles and endings never are)."""

Morpheme = tuple[str, str, str, tuple[int, int]]
"""(form, Kiwi tag, lemma, span), as the Korean front end keeps them."""


def _final(toks: list[Morpheme]) -> tuple[str, str] | None:
    """The last morpheme that is not punctuation, a particle or a closing 요: (form, tag)."""
    for form, tag, _, _ in reversed(toks):
        if tag.startswith(("S", "J")) or form == "요":
            continue
        return form, tag
    return None


def _final_ending(toks: list[Morpheme]) -> str | None:
    """The last ending of the utterance, or None when it ends in something else (a noun, an
    interjection)."""
    final = _final(toks)
    return final[0] if final is not None and final[1].startswith("E") else None


def question_ko(raw: str, toks: list[Morpheme]) -> bool:
    """A question mark, or an interrogative or echoing last ending."""
    if QUESTION_MARK.search(raw):
        return True
    if any(f in QUESTION_WORDS_KO and not tag.startswith(("E", "J")) for f, tag, _, _ in toks):
        return True
    ending = _final_ending(toks)
    return ending in QUESTION_ENDINGS_KO or ending in ECHO_ENDINGS_KO


def hesitant_ko(raw: str, text: str, toks: list[Morpheme], hesitations: frozenset[str]) -> bool:
    """A hesitation or filler word, an ellipsis, a conjecture (좋겠다), a connective ending
    (좋아서 …, 좋긴 한데), a modifier (좋은 아침, 맞는, 하는 거), or an answer that ends in
    a nominalised verb (이상하긴)."""
    if TRAILING_OFF.search(raw) or hesitation_word(words_of(text), hesitations):
        return True
    for i, (form, tag, lemma, _) in enumerate(toks):
        if tag in HESITATION_TAGS_KO and (form in hesitations or lemma in hesitations):
            return True
        if tag == "EP" and form == "겠" and not _volition(toks, i):
            return True
        if tag == "EC" and form in CONNECTIVES_KO:
            return True
        if tag == "ETM" and not _will_do(toks[i:]):
            return True
    final = _final(toks)
    return final is not None and (final[0] in UNFINISHED_FINAL_KO or final[1] == "ETN")


VOLITION_FINALS_KO = frozenset({"다", "습니다", "ᆸ니다", "어", "어요", "아", "아요"})
"""Plain statement endings after -겠- on a verb: "주문하겠습니다", "하겠어요", "알겠어"."""


def _volition(toks: list[Morpheme], at: int) -> bool:
    """-겠- on a verb ending in a plain statement is the speaker's will ("주문하겠습니다",
    "그렇게 하겠어요"), not a conjecture ("좋겠다", "괜찮겠네", "주문하겠지")."""
    if at == 0 or toks[at - 1][1] not in ("VV", "XSV"):
        return False
    rest = [(f, t) for f, t, _, _ in toks[at + 1 :] if not t.startswith("S")]
    return len(rest) >= 1 and rest[0][1] == "EF" and rest[0][0] in VOLITION_FINALS_KO


def _will_do(rest: list[Morpheme]) -> bool:
    """Kiwi reads the promise -ㄹ게 ("할게", "주문할게") as ᆯ + 것 + 이: that is not a
    modifier but a plain "I'll do it"."""
    words = [(f, t) for f, t, _, _ in rest if not t.startswith("S") and f != "요"]
    return words == [("ᆯ", "ETM"), ("것", "NNB"), ("이", "JKS")]
