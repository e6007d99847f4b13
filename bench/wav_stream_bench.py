"""Peak memory of reading a long WAV file: the read path alone and `jangbogi transcribe`.

    .venv/bin/python bench/wav_stream_bench.py [--minutes 60] [--no-transcribe]

Writes generated WAV files into a temporary directory (quiet noise with a tone burst
every 10 s, written in blocks): MINUTES of 16 kHz mono 16-bit (what the recogniser reads)
and of 44.1 kHz stereo 16-bit (resampled and mixed down). For each it measures, each in a
fresh process, the peak resident memory (ru_maxrss from wait4) of

- `read`: `read_wav(path)` and its 30 ms frames (the whole file at once);
- `stream`: `open_wav(path).frames(30)` (blocks read, decoded and resampled as they go;
  skipped when the checkout has no `open_wav`, i.e. before the streaming reader);
- `transcribe`: the real `jangbogi transcribe FILE` (model included), 16 kHz files only;

and the same for an empty process that only imports the reader (the baseline).
The peak is the process's own VmHWM (/proc/self/status, read at exit): ru_maxrss of a
child would count the bench's memory from before the exec. Figures are MB (10^6 bytes);
run it on a checkout before and after a change to compare.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

PEAK_AT_EXIT = """
import atexit, sys
from pathlib import Path
def _peak():
    hwm = next(ln for ln in open("/proc/self/status") if ln.startswith("VmHWM"))
    sys.stderr.write(f"PEAK_KB {hwm.split()[1]}\\n")
atexit.register(_peak)
"""
MEASURE = {
    "baseline": "import assistant.audio.wavfile as w",
    "read": "import assistant.audio.wavfile as w\nfor f in w.read_wav(PATH).frames(30): pass",
    "stream": "import assistant.audio.wavfile as w\nfor f in w.open_wav(PATH).frames(30): pass",
    # the shop grammar (the trimmed model), as the figures in docs/benchmarks.md were measured
    "transcribe": "from assistant.cli import main\n"
    "sys.exit(main(['transcribe', '--grammar', str(PATH)]))",
}


def write_wav(path: Path, minutes: float, rate: int, channels: int) -> None:
    """Quiet noise (-40 dBFS) with a 0.5 s 440 Hz tone every 10 s, one minute at a time."""
    rng = np.random.default_rng(7)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        for minute in range(int(minutes)):
            t = np.arange(60 * rate) / rate
            x = rng.normal(0.0, 0.01, t.size)
            burst = (t % 10.0) < 0.5
            x[burst] += 0.3 * np.sin(2 * np.pi * 440.0 * t[burst] + minute)
            frames = np.repeat((x * 32767).astype("<i2")[:, None], channels, axis=1)
            out.writeframes(frames.tobytes())


def peak_mb(mode: str, path: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit code) of one fresh process running ``mode``."""
    script = f"{PEAK_AT_EXIT}\nPATH = Path({str(path)!r})\n{MEASURE[mode]}"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=False,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    seconds = time.perf_counter() - start
    kb = [ln.split()[1] for ln in proc.stderr.splitlines() if ln.startswith("PEAK_KB ")]
    return (int(kb[-1]) * 1024 / 1e6 if kb else float("nan")), seconds, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--no-transcribe", action="store_true")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    has_stream = "def open_wav" in (ROOT / "assistant/audio/wavfile.py").read_text()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    dirty = subprocess.run(["git", "status", "--porcelain", "assistant"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout.strip()  # fmt: skip
    print(f"checkout {commit}{' + uncommitted changes' if dirty else ''}; "
          f"{args.minutes:g} min per file")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="jangbogi-wav-bench-") as tmp:
        for rate, channels in ((16000, 1), (44100, 2)):
            path = Path(tmp) / f"long_{rate}_{channels}ch.wav"
            write_wav(path, args.minutes, rate, channels)
            size = path.stat().st_size / 1e6
            print(f"\n{rate} Hz, {channels} ch, {size:,.0f} MB file")
            for mode in MEASURE:
                if mode == "stream" and not has_stream:
                    print(f"  {mode:<10} (no open_wav in this checkout)")
                    continue
                if mode == "transcribe":
                    if rate != 16000 or args.no_transcribe:
                        continue
                    warm = Path(tmp) / "warm.wav"  # the first run may trim and cache the model
                    write_wav(warm, 1, rate, channels)
                    peak_mb(mode, warm, env)
                    mb, seconds, rc = peak_mb(mode, warm, env)
                    print(f"  {mode:<10} peak {mb:8,.0f} MB  {seconds:7.1f} s  rc {rc}"
                          "  (a 1-minute file: the model's share)")  # fmt: skip
                mb, seconds, rc = peak_mb(mode, path, env)
                print(f"  {mode:<10} peak {mb:8,.0f} MB  {seconds:7.1f} s  rc {rc}")


if __name__ == "__main__":
    main()
