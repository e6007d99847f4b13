"""Defaults shared by the device profiles and the voice tools."""

DEFAULT_WAKE_WORD = "장보기"
"""The assistant's name; in the model's vocabulary, and zero false wake-ups measured on
looped shop talk (docs/benchmarks.md)."""
