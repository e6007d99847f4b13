"""Frame sources for the recognizer: audio in, 16 kHz mono signed 16-bit PCM out.

``wavfile`` reads WAV files of any common encoding, channel count and rate
into :class:`~assistant.audio.wavfile.PcmAudio`; its ``convert`` helper does the
same conversion for samples from other sources (the microphone).

``vad`` (WebRTC's voice activity detector) and ``pitch`` (YIN) tell speech from
noise for the voice loop's confirmation window; ``household_noise`` generates the
non-speech that window is tested against.
"""
