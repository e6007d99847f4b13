"""Jangbogi (장보기): an offline voice shopping assistant."""

__version__ = "0.1.0"
