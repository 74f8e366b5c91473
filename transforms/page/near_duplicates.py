"""Near-duplicate articles: wire copies, updated versions, one story under several URLs.

Two articles are near-duplicates when the sets of their word shingles (runs of
`shingle_words` consecutive words, lower-cased, punctuation ignored) have a Jaccard
similarity of at least `threshold`. With the defaults (3-word shingles, 0.8):

- a 400-word wire story and its copy with a few words edited and its own 30-word
  boilerplate paragraph ("Sign up for our newsletter…") score about 0.85: grouped;
- a story and its update with one paragraph added score about 0.85: grouped;
- two different stories on the same topic, even quoting the same sentences, score far
  below 0.5: not grouped.

Comparing every pair is quadratic, so each article gets a MinHash signature (`num_perm`
minimums of independent hash functions over its shingles; the share of positions where two
signatures agree estimates their similarity), and locality-sensitive hashing puts articles
whose signatures agree on a whole band of positions into the same bucket. Only articles
sharing a bucket are compared: first by their signatures, to drop pairs far below the
threshold cheaply, then by their exact shingle sets. A pair at the threshold shares some
bucket with probability at least 1 - MAX_MISS_AT_THRESHOLD, a more similar pair more
surely. Confirmed pairs are joined transitively (union-find), so a story updated twice stays
one group even if its first and last versions drifted further apart.

Every hash is seeded by a constant and nothing depends on the order of the input, so the
same articles always give the same groups.
"""
from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable

import numpy as np

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 20170412
# The chance that a pair exactly at the threshold never shares a bucket; the bands are as
# long as this allows, since longer bands bring fewer dissimilar pairs to compare.
MAX_MISS_AT_THRESHOLD = 0.005
# Signatures rule a pair out only when their agreement is this many standard errors of the
# MinHash estimate below the threshold, so a pair truly at the threshold is ruled out by
# chance about once in 30,000 comparisons.
ESTIMATE_MARGIN_SIGMAS = 4

WORD = re.compile(r"\w+")
EMPTY = np.empty(0, dtype=np.uint32)


class WordHashes(dict):
    """crc32 of each word, computed once per distinct word."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode())
        return value


def group_near_duplicates(items: Iterable[tuple[str, str | None]], threshold: float = 0.8, *,
                          shingle_words: int = SHINGLE_WORDS, num_perm: int = NUM_PERM,
                          seed: int = SEED) -> dict[str, str]:
    """Map every article_id to its group's id: the smallest article_id among its near-duplicates.

    `items` are (article_id, text) pairs; an article without words is a group of its own.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must lie in (0, 1], not {threshold}")
    rng = np.random.default_rng(seed)
    mix = rng.integers(1, 2**63, size=max(shingle_words, num_perm), dtype=np.uint64) | np.uint64(1)
    perm_a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    perm_b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)

    # texts are reduced to their shingle sets as they stream past, never held all at once
    ids: list[str] = []
    shingle_sets: list[np.ndarray] = []
    word_hashes = WordHashes()
    for article_id, text in items:
        ids.append(article_id)
        shingle_sets.append(shingle_hashes(text or "", shingle_words, mix, word_hashes))
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    signatures = np.zeros((len(ids), num_perm), dtype=np.uint32)
    for row, shingles in enumerate(shingle_sets):
        if shingles.size:
            signatures[row] = minhash(shingles, perm_a, perm_b)

    groups = Groups(shingle_sets, signatures, threshold)
    rows, bands = lsh_bands(threshold, num_perm)
    with_words = np.flatnonzero([s.size > 0 for s in shingle_sets])
    for band in range(bands):
        block = signatures[with_words, band * rows:(band + 1) * rows].astype(np.uint64)
        keys = (block * mix[:rows]).sum(axis=1, dtype=np.uint64)
        join_buckets(with_words, keys, groups)

    smallest: dict[int, str] = {}
    for row, article_id in enumerate(ids):
        root = groups.find(row)
        if root not in smallest or article_id < smallest[root]:
            smallest[root] = article_id
    return {article_id: smallest[groups.find(row)] for row, article_id in enumerate(ids)}


def shingle_hashes(text: str, shingle_words: int, mix: np.ndarray, word_hashes: WordHashes) -> np.ndarray:
    """The sorted distinct 32-bit hashes of the text's word shingles (a text shorter than one
    shingle is one shingle of all its words)."""
    words = WORD.findall(text.lower())
    if not words:
        return EMPTY
    hashed = np.fromiter(map(word_hashes.__getitem__, words), dtype=np.uint64, count=len(words))
    width = min(shingle_words, len(words))
    count = len(words) - width + 1
    # multilinear hashing of the shingle's word hashes, mod 2**64 (numpy wraps), top 32 bits kept
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(width):
        combined += hashed[position:position + count] * mix[position]
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


def minhash(shingles: np.ndarray, perm_a: np.ndarray, perm_b: np.ndarray) -> np.ndarray:
    """For each of the hash functions h(x) = ((a·x + b) mod 2**64) >> 32 (multiply-shift, a
    universal family for 32-bit keys), its minimum over the shingles."""
    keys = shingles.astype(np.uint64)
    hashed = (perm_a[:, None] * keys[None, :] + perm_b[:, None]) >> np.uint64(32)
    return hashed.min(axis=1).astype(np.uint32)


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(rows per band, bands): the longest bands that still bring a pair at the threshold into
    a shared bucket with probability at least 1 - MAX_MISS_AT_THRESHOLD."""
    best = (1, num_perm)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if (1 - threshold**rows) ** bands <= MAX_MISS_AT_THRESHOLD:
            best = (rows, bands)
    return best


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / (a.size + b.size - shared)


class Groups:
    """Union-find over article rows that joins two rows only if their shingle sets are similar."""

    def __init__(self, shingle_sets: list[np.ndarray], signatures: np.ndarray, threshold: float):
        self.parent = list(range(len(shingle_sets)))
        self.shingle_sets = shingle_sets
        self.signatures = signatures
        self.threshold = threshold
        num_perm = signatures.shape[1]
        margin = ESTIMATE_MARGIN_SIGMAS * math.sqrt(threshold * (1 - threshold) / num_perm)
        self.least_agreement = (threshold - margin) * num_perm

    def find(self, row: int) -> int:
        parent = self.parent
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    def join_similar(self, leaders: np.ndarray, members: np.ndarray) -> np.ndarray:
        """Join each member to its leader where the two are near-duplicates (or already in one
        group); whether each was joined."""
        close = (self.signatures[leaders] == self.signatures[members]).sum(axis=1) >= self.least_agreement
        joined = np.zeros(members.size, dtype=bool)
        for i in np.flatnonzero(close).tolist():
            a, b = self.find(int(leaders[i])), self.find(int(members[i]))
            if a == b:
                joined[i] = True
            elif jaccard(self.shingle_sets[leaders[i]], self.shingle_sets[members[i]]) >= self.threshold:
                self.parent[max(a, b)] = min(a, b)
                joined[i] = True
        return joined


def join_buckets(rows: np.ndarray, keys: np.ndarray, groups: Groups) -> None:
    """Join the near-duplicates among rows that share a bucket key. Each bucket's members are
    compared with its first member; those not joined to it form a smaller bucket of their
    own, and so on, so that a bucket holding two unrelated stories (rare) still groups each
    story's copies."""
    order = np.argsort(keys, kind="stable")
    members, buckets = rows[order], keys[order]
    while members.size > 1:
        starts = np.flatnonzero(np.r_[True, buckets[1:] != buckets[:-1]])
        sizes = np.diff(np.r_[starts, members.size])
        leaders = np.repeat(members[starts], sizes)
        followers = np.ones(members.size, dtype=bool)
        followers[starts] = False
        shared = np.repeat(sizes > 1, sizes) & followers
        members, buckets, leaders = members[shared], buckets[shared], leaders[shared]
        joined = groups.join_similar(leaders, members)
        members, buckets = members[~joined], buckets[~joined]
