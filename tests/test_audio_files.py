"""WAV files in, 16 kHz mono int16 out: every fixture, every bad file, and the fixtures' recipe."""

from __future__ import annotations

import logging
import os
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
import soundfile

from assistant.audio.wavfile import SAMPLE_RATE, PcmAudio, convert, read_wav
from assistant.errors import AudioError
from tests.conftest import ROOT, load_script

FIXTURES = ROOT / "audio_fixtures"


make_fixtures = load_script("make_fixtures", FIXTURES / "make_fixtures.py")

# fixture -> seconds of audio it holds
READABLE = {
    "silence_16k.wav": 1.0,
    "noise_16k.wav": 1.0,
    "tone_440_44k1_stereo.wav": 0.5,
    "tone_8bit_8k.wav": 0.5,
    "tone_24bit_48k.wav": 0.5,
    "tone_float32_22k.wav": 0.5,
    "clipped_16k.wav": 0.5,
    "truncated.wav": 0.25,  # the header promises 1 s
    "alaw.wav": 0.1,  # G.711 A-law, decoded by libsndfile
}
# fixture -> the tone's level as a fraction of full scale after mixing to mono
TONES = {
    "tone_440_44k1_stereo.wav": 0.4,  # left 0.6, right 0.2
    "tone_8bit_8k.wav": 0.5,
    "tone_24bit_48k.wav": 0.5,
    "tone_float32_22k.wav": 0.25,
    "truncated.wav": 0.5,
    "alaw.wav": 0.5,
}


def _peak_hz(audio: PcmAudio) -> float:
    x = audio.samples().astype(np.float64)
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.argmax(spectrum)) * audio.rate / x.size


def _level(samples: npt.NDArray[np.int16]) -> float:
    """A sine's peak level from its RMS, away from the resampler's edges."""
    middle = samples[samples.size // 8 : -samples.size // 8].astype(np.float64) / 32768
    return float(np.sqrt(np.mean(middle**2)) * np.sqrt(2))


def _error(path: Path) -> str:
    with pytest.raises(AudioError) as info:
        read_wav(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", sorted(READABLE))
def test_fixture_becomes_16k_mono_int16_of_the_right_length(name: str) -> None:
    audio = read_wav(FIXTURES / name)
    assert audio.rate == SAMPLE_RATE
    assert len(audio.pcm) == 2 * audio.sample_count
    assert abs(audio.sample_count - READABLE[name] * SAMPLE_RATE) <= 1
    assert audio.duration_s == pytest.approx(READABLE[name], abs=1 / SAMPLE_RATE)


@pytest.mark.parametrize("name", sorted(TONES))
def test_tone_stays_at_440_hz_and_its_level(name: str) -> None:
    audio = read_wav(FIXTURES / name)
    assert _peak_hz(audio) == pytest.approx(440.0, abs=audio.rate / audio.sample_count)
    assert _level(audio.samples()) == pytest.approx(TONES[name], rel=0.01)


@pytest.mark.parametrize("name", ["silence_16k.wav", "noise_16k.wav", "clipped_16k.wav"])
def test_16k_mono_16bit_comes_through_unchanged(name: str) -> None:
    with wave.open(str(FIXTURES / name)) as wav:
        expected = wav.readframes(wav.getnframes())
    assert read_wav(FIXTURES / name).pcm == expected


def test_silence_is_exactly_zero_and_noise_is_moderate() -> None:
    assert not read_wav(FIXTURES / "silence_16k.wav").samples().any()
    noise = read_wav(FIXTURES / "noise_16k.wav").samples().astype(np.float64) / 32768
    assert 0.1 < np.sqrt(np.mean(noise**2)) < 0.2
    assert np.abs(noise).max() <= 0.25


def test_stereo_is_averaged_not_one_channel() -> None:
    path = FIXTURES / "tone_440_44k1_stereo.wav"
    with wave.open(str(path)) as wav:
        interleaved = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    mixed = read_wav(path)
    assert convert(interleaved, 44100, 2) == mixed.pcm
    assert convert(interleaved.reshape(-1, 2), 44100, 2) == mixed.pcm
    # left alone is 0.6, the sum would be 0.8
    assert _level(mixed.samples()) == pytest.approx(0.4, rel=0.01)


def test_resampling_filters_instead_of_dropping_samples() -> None:
    # 10 kHz is above the 8 kHz limit of 16 kHz audio: taking every third sample
    # of the 48 kHz signal would fold it down to 6 kHz at full level.
    high = convert(make_fixtures.tone(48000, 0.5, 0.5, freq=10000.0), 48000, 1)
    assert _level(np.frombuffer(high, dtype="<i2")) < 0.005
    passed = convert(make_fixtures.tone(48000, 0.5, 0.5, freq=6000.0), 48000, 1)
    assert _level(np.frombuffer(passed, dtype="<i2")) == pytest.approx(0.5, rel=0.01)


def test_8bit_midpoint_is_silence(tmp_path: Path) -> None:
    path = tmp_path / "mid.wav"
    path.write_bytes(make_fixtures.wav_bytes(make_fixtures.PCM, 1, 8000, 8, b"\x80" * 800))
    audio = read_wav(path)
    assert audio.sample_count == 1600
    assert not audio.samples().any()


def test_float_full_scale_maps_to_int16_full_scale() -> None:
    samples = np.array([0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -2.0, np.nan, np.inf], dtype=np.float32)
    out = np.frombuffer(convert(samples, 16000, 1, 16000), dtype="<i2")
    assert out.tolist() == [0, 16384, -16384, 32767, -32768, 32767, -32768, 0, 32767]


@pytest.mark.parametrize("target_rate", [16000, 22050, 44100, 48000])
def test_clipping_does_not_wrap_around(target_rate: int) -> None:
    audio = read_wav(FIXTURES / "clipped_16k.wav", target_rate=target_rate)
    assert audio.rate == target_rate
    out = audio.samples().astype(np.int32)
    # the clipped tone's plateaus reach full scale; resampling overshoots beyond it
    assert out.max() == 32767
    assert out.min() == -32768
    # a wrapped sample would jump by about 65536 from its neighbour
    assert np.abs(np.diff(out)).max() < 20000
    expected_sign = np.sign(make_fixtures.tone(target_rate, 0.5, 1.0))
    strong = np.abs(make_fixtures.tone(target_rate, 0.5, 1.0)) > 0.5
    assert np.all(np.sign(out[strong]) == expected_sign[strong])


def test_truncated_file_reads_what_is_there_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        audio = read_wav(FIXTURES / "truncated.wav")
    assert audio.duration_s == pytest.approx(0.25)
    assert "truncated" in caplog.text


@pytest.mark.parametrize(
    ("tag", "bits", "extensible"),
    [(0x0001, 32, False), (0x0003, 64, False), (0x0001, 24, True), (0x0003, 32, True)],
    ids=["pcm32", "float64", "extensible-pcm24", "extensible-float32"],
)
def test_more_encodings(tmp_path: Path, tag: int, bits: int, extensible: bool) -> None:
    signal = make_fixtures.tone(32000, 0.5, 0.5)
    if tag == make_fixtures.FLOAT:
        data = signal.astype(f"<f{bits // 8}").tobytes()
    else:
        data = make_fixtures.pcm_bytes(signal, bits)
    path = tmp_path / "more.wav"
    path.write_bytes(make_fixtures.wav_bytes(tag, 1, 32000, bits, data, extensible=extensible))
    audio = read_wav(path)
    assert audio.sample_count == 8000
    assert _peak_hz(audio) == pytest.approx(440.0, abs=2.0)
    assert _level(audio.samples()) == pytest.approx(0.5, rel=0.01)


def test_many_channels_are_averaged(tmp_path: Path) -> None:
    channels = [make_fixtures.tone(16000, 0.5, level) for level in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)]
    data = make_fixtures.pcm_bytes(make_fixtures.interleave(*channels), 16)
    path = tmp_path / "six.wav"
    path.write_bytes(make_fixtures.wav_bytes(make_fixtures.PCM, 6, 16000, 16, data))
    assert _level(read_wav(path).samples()) == pytest.approx(0.35, rel=0.01)


def test_bad_fixtures_raise_clear_errors() -> None:
    assert "no audio samples" in _error(FIXTURES / "empty.wav")
    assert "not a WAV file (looks like text)" in _error(FIXTURES / "not_a_wav.wav")


@pytest.mark.parametrize("subtype", ["ULAW", "ALAW", "IMA_ADPCM", "MS_ADPCM", "GSM610"])
def test_compressed_wav_codecs_are_decoded(tmp_path: Path, subtype: str) -> None:
    """Telephone and ADPCM WAVs (refused before libsndfile read them) come out as the tone."""
    path = tmp_path / "codec.wav"
    soundfile.write(path, make_fixtures.tone(8000, 0.5, 0.5), 8000, subtype=subtype)
    audio = read_wav(path)
    assert audio.duration_s == pytest.approx(0.5, abs=0.07)  # codecs pad their last block
    assert _peak_hz(audio) == pytest.approx(440.0, abs=audio.rate / audio.sample_count)
    assert _level(audio.samples()) == pytest.approx(0.5, rel=0.03)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "missing.wav")
    assert "is a directory" in _error(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.wav"
    path.write_bytes((FIXTURES / "silence_16k.wav").read_bytes())
    path.chmod(0)
    assert "permission denied" in _error(path)


@pytest.mark.parametrize(
    ("cut", "expected"),
    [
        (0, "empty (0 bytes)"),
        (10, "ends after 10 bytes, inside the RIFF header"),
        (12, "no fmt chunk"),
        (30, "fmt chunk is cut short"),
        (40, "no data chunk"),
        (44 + 100, "truncated: its header promises 32000 bytes of audio but only 100"),
    ],
)
def test_file_cut_short(tmp_path: Path, cut: int, expected: str) -> None:
    path = tmp_path / "cut.wav"
    path.write_bytes((FIXTURES / "silence_16k.wav").read_bytes()[:cut])
    assert expected in _error(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(200), "looks like MP3 audio"),
        (b"\xff\xfb\x90\x64" + bytes(200), "looks like MP3 audio"),
        (b"OggS\x00\x02" + bytes(200), "looks like Ogg audio"),
        (b"RIFF\x24\x00\x00\x00AVI LIST" + bytes(200), "RIFF file of type b'AVI '"),
        (bytes(range(256)), "no RIFF/WAVE header"),
        ("장보기 목록\n".encode(), "looks like text"),
    ],
)
def test_other_files_are_not_wav(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "other.wav"
    path.write_bytes(content)
    assert expected in _error(path)


@pytest.mark.parametrize(
    ("tag", "bits", "expected"),
    [
        (0x0055, 16, "MP3 (format tag 85)"),
        (0x0002, 4, "Microsoft ADPCM (format tag 2)"),  # without its coefficient table
        (0x1234, 16, "compressed audio (format tag 4660)"),
        (0x0003, 16, "unsupported 16-bit float"),
        (0x0001, 48, "unsupported 48-bit PCM"),
    ],
)
def test_unsupported_encodings(tmp_path: Path, tag: int, bits: int, expected: str) -> None:
    path = tmp_path / "odd.wav"
    path.write_bytes(make_fixtures.wav_bytes(tag, 1, 8000, bits, bytes(1200)))
    assert expected in _error(path)


def test_broken_format_fields(tmp_path: Path) -> None:
    path = tmp_path / "zero.wav"
    path.write_bytes(make_fixtures.wav_bytes(make_fixtures.PCM, 0, 16000, 16, bytes(64)))
    assert "0 channels" in _error(path)
    path.write_bytes(make_fixtures.wav_bytes(make_fixtures.PCM, 1, 0, 16, bytes(64)))
    assert "sample rate 0" in _error(path)


def test_frames_split_the_audio() -> None:
    audio = read_wav(FIXTURES / "truncated.wav")
    frames = list(audio.frames(30))
    assert [len(f) for f in frames] == [960] * 8 + [320]
    assert b"".join(frames) == audio.pcm
    with pytest.raises(AudioError):
        audio.frames(0)


def test_pcm_audio_rejects_half_samples() -> None:
    with pytest.raises(AudioError):
        PcmAudio(16000, b"\x00")
    with pytest.raises(AudioError):
        PcmAudio(0, b"")


def test_convert_rejects_mismatched_channels() -> None:
    with pytest.raises(AudioError, match="channels"):
        convert(np.zeros(5, dtype=np.int16), 16000, 2)
    with pytest.raises(AudioError, match="channels"):
        convert(np.zeros((4, 3), dtype=np.int16), 16000, 2)


def test_fixtures_regenerate_byte_identical(tmp_path: Path) -> None:
    written = make_fixtures.main(tmp_path)
    committed = {p.name for p in FIXTURES.iterdir() if p.suffix == ".wav"}
    assert {p.name for p in written} == committed
    for path in written:
        assert path.read_bytes() == (FIXTURES / path.name).read_bytes(), path.name
    assert sum(p.stat().st_size for p in written) < 400_000
