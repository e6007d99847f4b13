"""A grammar-only copy of a Vosk model: the same decoding in ~170 MB less memory.

A small Vosk model (such as vosk-model-small-ko-0.22) has ``graph/HCLr.fst`` (the
acoustic and lexicon graph with look-ahead) and ``graph/Gr.fst`` (the n-gram
language model, 47 MB, carrying the 503,000-word table twice as its symbol
tables). Vosk loads both even when a recogniser is given a grammar, although
with a grammar it decodes HCLr against a small FST built from the word list and
never touches the n-gram. What it does need from ``Gr.fst`` is the word table:
the output symbols, which map the word ids HCLr emits to text.

:func:`grammar_model` therefore builds, once per grammar, a model directory
whose files link to the original ones except ``graph/Gr.fst``, which is
replaced by a one-state FST whose output symbol table holds only the grammar's
words under their original ids. Measured on this machine: the model loads in
~370 MB instead of ~536 MB, and every transcript, word confidence and n-best
alternative on the shared speech clips is identical to the full model's
(``tests/test_asr_model_trim.py``). Open-vocabulary decoding still needs the
full model; so does any model laid out differently (``HCLG.fst``), for which
:func:`grammar_model` returns the model unchanged.

:func:`read_vocabulary` reads the same word table without loading Vosk, so the
recogniser grammar can be compiled before (and without) loading the full model.

The binary layouts used here are OpenFst's: a header (magic, FST type, arc type,
version, flags, properties, start, state and arc counts), then the input and
output symbol tables when flags bits 1 and 2 are set; a symbol table is (magic,
name, available key, size, size x (string, int64 key)); a ``vector`` FST's
states follow as (final weight float32, arc count int64, arcs).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import SpeechModelError

FST_MAGIC = 2125659606
SYMBOLS_MAGIC = 2125658996
HAS_ISYMBOLS = 1
HAS_OSYMBOLS = 2
SPECIAL_WORDS = ("<eps>", "#0", "<s>", "</s>", "<UNK>", "[unk]")
"""Kept in every trimmed table: Vosk's epsilon, disambiguation and sentence symbols."""
TRIM_PREFIX = "vosk-grammar-"


@dataclass(frozen=True)
class SymbolTable:
    """An OpenFst symbol table as stored in a binary FST."""

    magic: int
    name: bytes
    available_key: int
    entries: tuple[tuple[bytes, int], ...]
    """(symbol, key) in file order."""


@dataclass(frozen=True)
class FstHeader:
    """What comes before the states of a binary FST file."""

    fst_type: str
    arc_type: str
    flags: int
    isymbols: SymbolTable | None
    osymbols: SymbolTable | None


class _Reader:
    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.pos, self.path = data, 0, path

    def _take(self, fmt: str) -> int:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise SpeechModelError(f"{self.path} is truncated (not an OpenFst file?)")
        (value,) = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return int(value)

    def i32(self) -> int:
        return self._take("<i")

    def i64(self) -> int:
        return self._take("<q")

    def string(self) -> bytes:
        n = self.i32()
        if n < 0 or self.pos + n > len(self.data):
            raise SpeechModelError(f"{self.path} is corrupt (bad string length)")
        value = self.data[self.pos : self.pos + n]
        self.pos += n
        return value

    def symbols(self, keep: Callable[[bytes], bool] | None = None) -> SymbolTable:
        """The next symbol table; only the entries ``keep`` accepts (all when None)."""
        magic = self.i32()
        if magic != SYMBOLS_MAGIC:
            raise SpeechModelError(f"{self.path}: bad symbol table")
        name = self.string()
        available = self.i64()
        size = self.i64()
        entries = []
        for _ in range(size):
            symbol, key = self.string(), self.i64()
            if keep is None or keep(symbol):
                entries.append((symbol, key))
        return SymbolTable(magic, name, available, tuple(entries))


def read_header(path: Path, keep: Callable[[bytes], bool] | None = None) -> FstHeader:
    """The header and symbol tables of the binary FST at ``path``.

    ``keep`` filters the symbol-table entries while reading (the Korean model's
    tables hold 503,000 words each; keeping them all as Python objects would
    cost ~100 MB).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpeechModelError(f"cannot read {path}: {exc.strerror or exc}") from exc
    r = _Reader(data, path)
    if r.i32() != FST_MAGIC:
        raise SpeechModelError(f"{path} is not an OpenFst file")
    fst_type = r.string().decode("ascii", "replace")
    arc_type = r.string().decode("ascii", "replace")
    r.i32()  # version
    flags = r.i32()
    r.i64(), r.i64(), r.i64(), r.i64()  # properties, start, states, arcs
    isymbols = r.symbols(lambda _: False) if flags & HAS_ISYMBOLS else None
    osymbols = r.symbols(keep) if flags & HAS_OSYMBOLS else None
    return FstHeader(fst_type, arc_type, flags, isymbols, osymbols)


def _trimmable(model: Path) -> bool:
    graph = model / "graph"
    return (
        (graph / "HCLr.fst").is_file()
        and (graph / "Gr.fst").is_file()
        and not (graph / "words.txt").exists()
        and not (graph / "HCLG.fst").exists()
    )


def read_vocabulary(model: Path) -> frozenset[str]:
    """Every word the model can output, read from its files (Vosk is not loaded)."""
    words_txt = model / "graph" / "words.txt"
    if words_txt.is_file():
        lines = words_txt.read_text(encoding="utf-8").splitlines()
        return frozenset(line.split(" ", 1)[0] for line in lines if line)
    words: set[str] = set()

    def collect(symbol: bytes) -> bool:
        words.add(symbol.decode("utf-8", "replace"))
        return False

    for name in ("Gr.fst", "HCLG.fst"):
        path = model / "graph" / name
        if path.is_file():
            if read_header(path, collect).osymbols is None:
                break
            return frozenset(words)
    raise SpeechModelError(f"{model}: cannot find the model's word list (graph/words.txt)")


def _vector_fst(osymbols: SymbolTable, arc_type: str) -> bytes:
    """A one-state, no-arc ``vector`` FST carrying ``osymbols``."""

    def string(b: bytes) -> bytes:
        return struct.pack("<i", len(b)) + b

    out = struct.pack("<i", FST_MAGIC) + string(b"vector") + string(arc_type.encode())
    out += struct.pack("<ii", 2, HAS_OSYMBOLS)  # version 2, output symbols only
    out += struct.pack("<Qqqq", 0x3, 0, 1, 0)  # expanded|mutable; start 0; 1 state; 0 arcs
    out += struct.pack("<i", osymbols.magic) + string(osymbols.name)
    out += struct.pack("<qq", osymbols.available_key, len(osymbols.entries))
    for symbol, key in osymbols.entries:
        out += string(symbol) + struct.pack("<q", key)
    out += struct.pack("<fq", 0.0, 0)  # state 0: final weight 0 (= one), no arcs
    return out


def _key(model: Path, words: list[str]) -> str:
    gr = model / "graph" / "Gr.fst"
    stat = gr.stat()
    digest = hashlib.sha256(f"{model.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    digest.update("\n".join(words).encode())
    return digest.hexdigest()[:16]


def grammar_model(model: Path, words: Iterable[str], cache_dir: Path) -> Path:
    """A directory Vosk loads like ``model`` but that only knows ``words``.

    Only for recognisers given a grammar made of ``words``. Built once into
    ``cache_dir`` (older trimmed copies there are removed); returns ``model``
    itself when its layout is not one this can trim.
    """
    if not _trimmable(model):
        return model
    wanted = sorted(set(words))
    target = cache_dir / f"{TRIM_PREFIX}{_key(model, wanted)}"
    if (target / "graph" / "Gr.fst").is_file():
        return target
    keep = {w.encode("utf-8") for w in wanted} | {w.encode() for w in SPECIAL_WORDS}
    header = read_header(model / "graph" / "Gr.fst", keep.__contains__)
    if header.osymbols is None:
        return model
    trimmed = header.osymbols
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob(f"{TRIM_PREFIX}*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".trim-", dir=cache_dir))
    staging.chmod(0o755)
    try:
        for src in model.rglob("*"):
            dest = staging / src.relative_to(model)
            if src.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
            elif src.relative_to(model) != Path("graph/Gr.fst"):
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.symlink(src.resolve(), dest)
        (staging / "graph").mkdir(exist_ok=True)
        (staging / "graph" / "Gr.fst").write_bytes(_vector_fst(trimmed, header.arc_type))
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if (target / "graph" / "Gr.fst").is_file():  # another process won the race
            return target
        raise SpeechModelError(f"cannot write the grammar model in {cache_dir}: {exc}") from exc
    return target
