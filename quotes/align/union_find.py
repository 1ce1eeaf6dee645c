"""Union-find: the disjoint sets that speaker camps and quote groups are built from.

Input: a parent table (each key's parent; a root is its own parent) and a key.
Output: the root of the key's set, the table's paths halved on the way.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def find_root(parent: dict[K, K], x: K) -> K:
    """The root of ``x``'s set in ``parent``, pointing each key passed at its grandparent (path halving).

    >>> parent = {"a": "b", "b": "c", "c": "c"}
    >>> find_root(parent, "a"), parent["a"]
    ('c', 'c')
    """
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
