"""Accord: who said what, on which topic, and who agrees with whom."""

__version__ = "0.1.0"
