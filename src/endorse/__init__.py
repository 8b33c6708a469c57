"""endorse: keep the list of who endorsed a position paper."""

__version__ = "0.1.0"
