"""The counts a report is made of: pure functions of a registry."""

from __future__ import annotations

from dataclasses import dataclass

from endorse.model import Registry


@dataclass(frozen=True)
class Totals:
    """Who backs the paper. Withdrawn signatories are counted apart, never in the totals."""

    signatories: int
    confirmed: int
    pending: int
    withdrawn: int
    members_recorded: int
    members_declared: int
    nonmembers: int

    @property
    def members_not_recorded(self) -> int:
        """Members the network says backed the paper but that the registry does not name."""
        return max(self.members_declared - self.members_recorded, 0)


def totals(registry: Registry) -> Totals:
    active = [s for s in registry.signatories if s.status != "withdrawn"]
    return Totals(
        signatories=len(active),
        confirmed=sum(s.status == "confirmed" for s in active),
        pending=sum(s.status == "pending" for s in active),
        withdrawn=len(registry.signatories) - len(active),
        members_recorded=sum(s.member for s in active),
        members_declared=registry.paper.members_declared,
        nonmembers=sum(not s.member for s in active),
    )
