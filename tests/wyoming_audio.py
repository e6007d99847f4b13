"""Real speech for the Wyoming tests and benchmark, cut at run time from the shared clips.

Nobody on the team recorded these: the pieces are cut from ``../shared/data/speech`` (never
copied into the project) at fixed times, found once by aligning each clip with a grammar of
its own transcript's words (as ``tests/window_audio.py`` does):

- "치킨 한 마리": emo_pfc00008.wav ("네, 치킨 한 마리요, 어디로 배달해드릴까요?"),
  0.56-1.40 s; the shop grammar hears it as "치킨 한 마리", an order of one CJ 고메 치킨 가라아게;
- "네": emo_lmy02230.wav ("네. 오천원입니다."), 0.26-0.80 s;
- "아니요": emo_pmj00016.wav ("아니요. 무료입니다."), 0.20-0.89 s;
- "빅스비" (a wake word in the model's vocabulary): pv_porcupine_bixby.wav, 0.5-1.6 s (the
  whole clip ends in 0.7 s of loud noise, which the voice loop would hear as an empty turn
  right after the wake word).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from assistant.audio.wavfile import read_wav

SPEECH = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "speech"
RATE = 16000
WAKE_WORD = "빅스비"


@dataclass(frozen=True)
class Cut:
    """A stretch of one shared clip."""

    file: str
    start: float
    end: float | None = None

    def pcm(self) -> bytes:
        path = SPEECH / self.file
        if not path.is_file():
            pytest.skip(f"the shared speech clips are not present ({path})")
        pcm = read_wav(path).pcm
        end = len(pcm) if self.end is None else round(self.end * RATE) * 2
        return pcm[round(self.start * RATE) * 2 : end]


CHICKEN = Cut("emo_pfc00008.wav", 0.56, 1.40)
YES = Cut("emo_lmy02230.wav", 0.26, 0.80)
NO = Cut("emo_pmj00016.wav", 0.20, 0.89)
WAKE = Cut("pv_porcupine_bixby.wav", 0.5, 1.6)


def quiet(seconds: float, seed: int = 0) -> bytes:
    """Room tone: faint noise far below the endpointer's threshold."""
    rng = np.random.default_rng(seed)
    return np.asarray(rng.normal(0, 3, round(seconds * RATE)), dtype="<i2").tobytes()


def spoken(*parts: Cut | float) -> bytes:
    """Clips and pauses (seconds of room tone) one after the other."""
    return b"".join(quiet(p) if isinstance(p, float) else p.pcm() for p in parts)
