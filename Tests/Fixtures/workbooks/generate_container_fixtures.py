#!/usr/bin/env python3
"""Writes the fixtures of the workbook container layer (CRC-32, DEFLATE, ZIP) and their manifests.

    python3 Tests/Fixtures/workbooks/generate_container_fixtures.py   (needs openpyxl)

Everything is deterministic (seeded inputs, fixed ZIP timestamps), so running the script again
gives the same files.

deflate/inputs/*.bin       the original inputs
deflate/streams/*.deflate  raw DEFLATE streams (zlib, wbits -15) of each input at levels 0-9, with
                           the strategies Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE and Z_FIXED, a small
                           window, and sync/full flushes (empty stored blocks mid-stream)
deflate/hostile/*.deflate  hand-made bad streams, each with the reason written by hand; the
                           script checks that zlib rejects every one of them too
deflate/manifest.json      stream -> input, size and zlib.crc32; hostile -> expected reason;
                           mutated streams: zlib's own verdict (ok + size + crc32, or error)
zip/*.zip, zip/*.xlsx      archives written by zipfile / openpyxl, or built by hand (ZIP64 central
                           directory, overlapping entries) and checked with zipfile
zip/hostile/*              damaged and crafted archives, each with the error written by hand
zip/manifest.json          entries (name, method, sizes, zlib.crc32) and expected errors

Expected reasons are the names of InflateError.Reason / ZipError.Reason members.
"""
import io, json, os, random, shutil, struct, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFLATE = os.path.join(HERE, "deflate")
ZIPDIR = os.path.join(HERE, "zip")
FIXED_DATE = (2024, 5, 17, 12, 30, 0)


def reset(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def raw_deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY, wbits=-15, memlevel=8,
                flush_every=None, flush_mode=zlib.Z_SYNC_FLUSH):
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, memlevel, strategy)
    if flush_every:
        out = b""
        for i in range(0, len(data), flush_every):
            out += c.compress(data[i:i + flush_every]) + c.flush(flush_mode)
        return out + c.flush()
    return c.compress(data) + c.flush()


def zlib_inflate(stream, limit=None):
    """zlib's verdict on a raw stream: ('ok', output) or ('error', message)."""
    d = zlib.decompressobj(-15)
    try:
        out = d.decompress(stream)
    except zlib.error as e:
        return ("error", str(e))
    if not d.eof:
        return ("error", "incomplete stream")
    return ("ok", out)


# ---------------------------------------------------------------------------------------------
# Inputs

rng = random.Random(14)
WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from at "
         "which but have an they you were her she there been one all we their has would when if "
         "so no will more can out up said about other into than its time only could new them man "
         "some these then two first may any like now my such make over our even most me state "
         "after also made many did must before back see through way where get much go well your "
         "know should down work year because come people just say each those take day good how "
         "long Uyghur Kazakh detention deportation extradition Istanbul Almaty Bishkek Dubai "
         "Cairo Bangkok 2017 2018 2019 Interpol passport embassy family threat").split()


def text(n, seed):
    r = random.Random(seed)
    out, line = [], []
    while sum(len(w) + 1 for w in out) < n:
        w = r.choice(WORDS)
        out.append(w)
    words = " ".join(out)
    # Break into lines of ~70 characters.
    lines, cur = [], ""
    for w in words.split(" "):
        if len(cur) + len(w) + 1 > 70:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    lines.append(cur)
    return ("\n".join(lines) + "\n").encode()


def csv_like(rows, seed):
    r = random.Random(seed)
    hosts = ["TR", "KZ", "KG", "AE", "EG", "TH", "PK", "US", "DE", "NL"]
    cats = ["intimidation", "detention", "extradition"]
    out = ["id,origin,host,year,category,persons,notes"]
    for i in range(rows):
        out.append("E%06d,CN,%s,%d,%s,%d,\"%s\"" % (
            i, r.choice(hosts), r.randint(1997, 2022), r.choice(cats), r.randint(1, 40),
            " ".join(r.choice(WORDS) for _ in range(r.randint(0, 12)))))
    return ("\n".join(out) + "\n").encode()


def long_distance(seed):
    """> 64 KiB, with blocks repeated 30-32 KiB back (the far end of DEFLATE's window)."""
    r = random.Random(seed)
    a = bytes(r.getrandbits(8) for _ in range(30000))
    b = bytes(r.getrandbits(8) for _ in range(2700))
    c = text(9000, seed + 1)
    return a + b + a + c + a[:20000] + b + a + c


INPUTS = {
    "empty": b"",
    "one-byte": b"A",
    "two-bytes": b"\x00\xff",
    "text": text(30000, 1),
    "random": bytes(rng.getrandbits(8) for _ in range(20000)),
    "repetitive": b"abc" * 30000 + b"\x00" * 20000 + b"xyzw" * 5000,
    "long-distance": long_distance(7),
    "csv": csv_like(1000, 3),
    "all-bytes": bytes(range(256)) * 40,
}

STRATEGIES = {
    "filtered": zlib.Z_FILTERED,
    "huffman": zlib.Z_HUFFMAN_ONLY,
    "rle": zlib.Z_RLE,
    "fixed": zlib.Z_FIXED,
}


# ---------------------------------------------------------------------------------------------
# Hand-made DEFLATE streams

class BitWriter:
    def __init__(self):
        self.bits = []

    def put(self, value, n):
        """n bits of value, least significant first (header fields, extra bits)."""
        for i in range(n):
            self.bits.append((value >> i) & 1)

    def code(self, code, n):
        """A Huffman code of n bits, most significant first."""
        for i in reversed(range(n)):
            self.bits.append((code >> i) & 1)

    def align(self):
        while len(self.bits) % 8:
            self.bits.append(0)

    def data(self):
        bits = self.bits + [0] * (-len(self.bits) % 8)
        return bytes(sum(bits[i + j] << j for j in range(8)) for i in range(0, len(bits), 8))


def fixed_litlen(w, sym):
    if sym < 144:
        w.code(0x30 + sym, 8)
    elif sym < 256:
        w.code(0x190 + sym - 144, 9)
    elif sym < 280:
        w.code(sym - 256, 7)
    else:
        w.code(0xC0 + sym - 280, 8)


def canonical(lengths):
    """Canonical codes for a list of lengths (RFC 1951 3.2.2)."""
    maxlen = max(lengths) if lengths else 0
    bl_count = [0] * (maxlen + 2)
    for l in lengths:
        if l:
            bl_count[l] += 1
    code, next_code = 0, [0] * (maxlen + 2)
    for bits in range(1, maxlen + 1):
        code = (code + bl_count[bits - 1]) << 1
        next_code[bits] = code
    codes = {}
    for s, l in enumerate(lengths):
        if l:
            codes[s] = (next_code[l], l)
            next_code[l] += 1
    return codes


PRECODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]


def dynamic_header(w, litlen, dist, precode_lengths=None, code_symbols=None, hlit=None,
                   final=True):
    """Writes a dynamic block header. By default the code lengths are sent one symbol each with a
    complete precode of sixteen 4-bit codes (symbols 0-15); `code_symbols` overrides the list of
    (symbol, extra value, extra bits) sent through the precode."""
    w.put(1 if final else 0, 1)
    w.put(2, 2)
    if precode_lengths is None:
        precode_lengths = [4] * 16 + [0, 0, 0]
    nlit = len(litlen) if hlit is None else hlit
    w.put(nlit - 257, 5)
    w.put(len(dist) - 1, 5)
    order = [precode_lengths[s] for s in PRECODE_ORDER]
    hclen = 19
    while hclen > 4 and order[hclen - 1] == 0:
        hclen -= 1
    w.put(hclen - 4, 4)
    for i in range(hclen):
        w.put(order[i], 3)
    pc = canonical(precode_lengths)
    if code_symbols is None:
        code_symbols = [(l, 0, 0) for l in list(litlen) + list(dist)]
    for sym, extra, nbits in code_symbols:
        c, n = pc[sym]
        w.code(c, n)
        w.put(extra, nbits)
    return canonical(list(litlen)), canonical(list(dist))


def lens(n, assigned):
    out = [0] * n
    for s, l in assigned.items():
        out[s] = l
    return out


def hostile_streams():
    s = {}
    # Reserved block type 3.
    w = BitWriter(); w.put(1, 1); w.put(3, 2)
    s["invalid-block-type"] = (w.data(), "invalidBlockType")
    # Stored block whose NLEN is not the complement of LEN.
    s["stored-length-mismatch"] = (b"\x01\x05\x00\x00\x00hello", "storedLengthMismatch")
    # Stored block announcing 10 bytes, holding 3.
    s["stored-truncated"] = (b"\x01\x0a\x00\xf5\xffabc", "truncatedInput")
    # Fixed block: 'a', then a match of length 3 at distance 2 (only 1 byte written).
    w = BitWriter(); w.put(1, 1); w.put(1, 2)
    fixed_litlen(w, ord("a")); fixed_litlen(w, 257); w.code(1, 5); fixed_litlen(w, 256)
    s["distance-too-far"] = (w.data(), "distanceTooFarBack")
    # Fixed block: a match before any output at all.
    w = BitWriter(); w.put(1, 1); w.put(1, 2)
    fixed_litlen(w, 258); w.code(0, 5); fixed_litlen(w, 256)
    s["distance-before-start"] = (w.data(), "distanceTooFarBack")
    # Fixed block: distance symbol 30 (unused).
    w = BitWriter(); w.put(1, 1); w.put(1, 2)
    fixed_litlen(w, ord("a")); fixed_litlen(w, 257); w.code(30, 5); fixed_litlen(w, 256)
    s["invalid-distance-symbol"] = (w.data(), "invalidSymbol")
    # Fixed block: length symbol 286 (unused).
    w = BitWriter(); w.put(1, 1); w.put(1, 2)
    fixed_litlen(w, ord("a")); fixed_litlen(w, 286); w.code(0, 5); fixed_litlen(w, 256)
    s["invalid-length-symbol"] = (w.data(), "invalidSymbol")
    # Dynamic: three literal/length codes of length 1 (over-subscribed).
    w = BitWriter()
    dynamic_header(w, lens(257, {65: 1, 97: 1, 256: 1}), [1])
    s["dynamic-oversubscribed-litlen"] = (w.data() + b"\x00" * 4, "oversubscribedCode")
    # Dynamic: three codes of length 2 (incomplete: 3/4).
    w = BitWriter()
    dynamic_header(w, lens(257, {97: 2, 98: 2, 256: 2}), [1])
    s["dynamic-incomplete-litlen"] = (w.data() + b"\x00" * 4, "incompleteCode")
    # Dynamic: distance code over-subscribed.
    w = BitWriter()
    dynamic_header(w, lens(257, {97: 1, 256: 1}), [1, 1, 1])
    s["dynamic-oversubscribed-distance"] = (w.data() + b"\x00" * 4, "oversubscribedCode")
    # Dynamic: distance code incomplete with more than one code.
    w = BitWriter()
    dynamic_header(w, lens(257, {97: 1, 256: 1}), [2, 2, 2])
    s["dynamic-incomplete-distance"] = (w.data() + b"\x00" * 4, "incompleteCode")
    # Dynamic: no end-of-block code.
    w = BitWriter()
    dynamic_header(w, lens(257, {97: 1, 98: 1}), [1])
    s["dynamic-missing-end-of-block"] = (w.data() + b"\x00" * 4, "missingEndOfBlock")
    # Dynamic: HLIT says 287 literal/length codes (at most 286 exist).
    w = BitWriter()
    dynamic_header(w, lens(287, {97: 1, 256: 1}), [1])
    s["dynamic-too-many-litlen"] = (w.data() + b"\x00" * 4, "invalidCodeLengths")
    # Dynamic: repeat code 16 with no previous length.
    w = BitWriter()
    pl = [0] * 19; pl[16] = 1; pl[0] = 1
    dynamic_header(w, lens(257, {}), [1], precode_lengths=pl, code_symbols=[(16, 0, 2)])
    s["dynamic-repeat-without-previous"] = (w.data() + b"\x00" * 4, "invalidCodeLengths")
    # Dynamic: code 18 runs past the number of lengths (257 + 1 = 258; 2 x 138 = 276).
    w = BitWriter()
    pl = [0] * 19; pl[18] = 1; pl[1] = 1
    dynamic_header(w, lens(257, {}), [1], precode_lengths=pl,
                   code_symbols=[(18, 127, 7), (18, 127, 7)])
    s["dynamic-repeat-past-end"] = (w.data() + b"\x00" * 4, "invalidCodeLengths")
    # Dynamic: incomplete code-length code (one code of length 2).
    w = BitWriter()
    pl = [0] * 19; pl[1] = 2
    dynamic_header(w, lens(257, {}), [1], precode_lengths=pl, code_symbols=[(1, 0, 0)] * 258)
    s["dynamic-incomplete-precode"] = (w.data() + b"\x00" * 4, "invalidCodeLengths")
    # Dynamic: all distance lengths zero, then a match anyway.
    w = BitWriter()
    ll, _ = dynamic_header(w, lens(258, {97: 1, 256: 2, 257: 2}), [0])
    w.code(*ll[97]); w.code(*ll[257]); w.code(0, 1); w.code(*ll[256])
    s["dynamic-match-without-distance-code"] = (w.data(), "invalidSymbol")
    # A valid final block never arrives: the first block is not final and the input ends.
    w = BitWriter(); w.put(0, 1); w.put(1, 2); fixed_litlen(w, ord("a")); fixed_litlen(w, 256)
    s["missing-final-block"] = (w.data(), "truncatedInput")
    # Truncations of a good stream.
    good = raw_deflate(INPUTS["text"], 6)
    s["truncated-half"] = (good[: len(good) // 2], "truncatedInput")
    s["truncated-last-byte"] = (good[:-1], "truncatedInput")
    s["truncated-empty"] = (b"", "truncatedInput")
    return s


def special_valid_streams():
    """Unusual but valid streams zlib accepts; the expected output is zlib's."""
    s = {}
    # A distance code of a single length-1 code (incomplete, allowed) and all literals 2 bits.
    w = BitWriter()
    ll, dd = dynamic_header(w, lens(258, {97: 2, 98: 2, 256: 2, 257: 2}), [1])
    w.code(*ll[97]); w.code(*ll[98]); w.code(*ll[257]); w.code(*dd[0]); w.code(*ll[256])
    s["dynamic-single-distance-code"] = w.data()
    # A literal/length code with only the end-of-block symbol (empty output), no distances.
    w = BitWriter()
    ll, _ = dynamic_header(w, lens(257, {256: 1}), [0])
    w.code(*ll[256])
    s["dynamic-only-end-of-block"] = w.data()
    # Stored, fixed and dynamic blocks in one stream, with code-length repeats 16, 17 and 18.
    w = BitWriter()
    w.put(0, 1); w.put(0, 2); w.align(); w.put(3, 16); w.put(0xFFFC, 16)
    for b in b"xyz":
        w.put(b, 8)
    w.put(0, 1); w.put(1, 2)
    for b in b"hello":
        fixed_litlen(w, b)
    fixed_litlen(w, 259); w.code(4, 5); w.put(0, 1)  # length 5, distance 5
    fixed_litlen(w, 256)
    litlen = lens(258, {ord(c): 4 for c in "abcdefghijklmn"})
    litlen[256] = 4; litlen[257] = 4
    pl = [0] * 19
    for sym in (0, 4, 16, 17, 18):
        pl[sym] = 3
    pl[1] = 3; pl[2] = 3; pl[3] = 3  # 8 codes of length 3: complete
    # 97 zeros, 'a'..'n' (1 + 6 + 6 + 1), 138 + 7 zeros, 256, 257, then the distance code.
    symbols = [(18, 97 - 11, 7), (4, 0, 0), (16, 3, 2), (16, 3, 2), (4, 0, 0)]
    symbols += [(18, 138 - 11, 7), (17, 7 - 3, 3)]
    symbols += [(4, 0, 0), (4, 0, 0), (1, 0, 0)]
    ll, dd = dynamic_header(w, litlen, [1], precode_lengths=pl, code_symbols=symbols)
    for c in b"banana":
        w.code(*ll[c])
    w.code(*ll[257]); w.code(*dd[0]); w.code(*ll[256])
    s["mixed-block-types"] = w.data()
    return s


def mutations(streams, count, seed):
    r = random.Random(seed)
    names = sorted(streams)
    out = []
    for i in range(count):
        name = r.choice(names)
        data = bytearray(streams[name])
        if not data:
            continue
        kind = r.choice(["flip", "byte", "cut", "splice"])
        if kind == "flip":
            for _ in range(r.randint(1, 3)):
                p = r.randrange(len(data)); data[p] ^= 1 << r.randrange(8)
        elif kind == "byte":
            p = r.randrange(len(data)); data[p] = r.getrandbits(8)
        elif kind == "cut":
            data = data[: r.randrange(len(data) + 1)]
        else:
            p = r.randrange(len(data)); data[p:p] = bytes(r.getrandbits(8) for _ in range(8))
        out.append(("mutated-%03d-%s" % (i, name), bytes(data)))
    return out


def make_deflate():
    reset(DEFLATE)
    manifest = {"streams": [], "hostile": [], "mutated": [], "valid": []}
    for name, data in INPUTS.items():
        write(os.path.join(DEFLATE, "inputs", name + ".bin"), data)
        variants = [("l%d" % lv, dict(level=lv)) for lv in range(10)]
        variants += [(k, dict(level=6, strategy=v)) for k, v in STRATEGIES.items()]
        variants += [("window-512", dict(level=9, wbits=-9, memlevel=1))]
        variants += [("sync-flush", dict(level=6, flush_every=5000))]
        variants += [("full-flush", dict(level=1, flush_every=7000,
                                         flush_mode=zlib.Z_FULL_FLUSH))]
        for vname, kw in variants:
            stream = raw_deflate(data, **kw)
            verdict, out = zlib_inflate(stream)
            assert verdict == "ok" and out == data
            fname = "%s-%s.deflate" % (name, vname)
            write(os.path.join(DEFLATE, "streams", fname), stream)
            manifest["streams"].append({
                "stream": "streams/" + fname, "input": "inputs/%s.bin" % name,
                "size": len(data), "crc32": zlib.crc32(data)})
    for name, (stream, reason) in hostile_streams().items():
        verdict, message = zlib_inflate(stream)
        assert verdict == "error", (name, verdict)  # zlib rejects it too
        write(os.path.join(DEFLATE, "hostile", name + ".deflate"), stream)
        manifest["hostile"].append({"stream": "hostile/%s.deflate" % name, "reason": reason,
                                    "zlib": message})
    for name, stream in special_valid_streams().items():
        verdict, out = zlib_inflate(stream)
        assert verdict == "ok", (name, out)
        write(os.path.join(DEFLATE, "valid", name + ".deflate"), stream)
        write(os.path.join(DEFLATE, "valid", name + ".out"), out)
        manifest["valid"].append({"stream": "valid/%s.deflate" % name,
                                  "output": "valid/%s.out" % name, "size": len(out),
                                  "crc32": zlib.crc32(out)})
    # Differential: mutations of small streams, with zlib's verdict recorded.
    small = {k: raw_deflate(v, lv) for k, v in [("text", INPUTS["text"][:3000]),
                                                 ("csv", INPUTS["csv"][:4000]),
                                                 ("repetitive", INPUTS["repetitive"][:5000])]
             for lv in (1, 6, 9)}
    small.update({("fixed-" + k): raw_deflate(v[:3000], 6, zlib.Z_FIXED)
                  for k, v in [("text", INPUTS["text"])]})
    small.update({("stored-" + k): raw_deflate(v[:300], 0) for k, v in [("text", INPUTS["text"])]})
    mutated = {}
    for name, data in mutations(small, 400, 99):
        verdict, out = zlib_inflate(data)
        entry = {"stream": name, "hex": data.hex(), "ok": verdict == "ok"}
        if verdict == "ok":
            entry["size"] = len(out)
            entry["crc32"] = zlib.crc32(out)
        manifest["mutated"].append(entry)
    # A DEFLATE bomb: 20 MB of zeros in about 20 KB.
    bomb = raw_deflate(b"\x00" * (20 << 20), 9)
    write(os.path.join(DEFLATE, "hostile", "bomb-20MB-zeros.deflate"), bomb)
    manifest["bomb"] = {"stream": "hostile/bomb-20MB-zeros.deflate", "size": 20 << 20,
                        "crc32": zlib.crc32(b"\x00" * (20 << 20))}
    with open(os.path.join(DEFLATE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")


# ---------------------------------------------------------------------------------------------
# ZIP archives


def zinfo(name, method=zipfile.ZIP_DEFLATED, level=None):
    zi = zipfile.ZipInfo(name, FIXED_DATE)
    zi.compress_type = method
    if level is not None:
        # The attribute's name changed in Python 3.13.
        if "compress_level" in zipfile.ZipInfo.__slots__:
            zi.compress_level = level
        else:
            zi._compresslevel = level
    zi.external_attr = 0o644 << 16
    return zi


def build_zip(files, comment=b"", fileobj=None):
    buf = fileobj or io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, method, level in files:
            z.writestr(zinfo(name, method, level), data)
        z.comment = comment
    return buf.getvalue() if fileobj is None else buf.inner.getvalue()


class Unseekable(io.RawIOBase):
    """A write-only stream that cannot seek: zipfile then writes data descriptors."""

    def __init__(self):
        self.inner = io.BytesIO()

    def writable(self):
        return True

    def write(self, b):
        return self.inner.write(b)

    def seekable(self):
        return False

    def tell(self):
        raise OSError("unseekable")

    def flush(self):
        pass


def local_and_central(data, name, method, crc, csize, usize, flags=0, zip64=False, offset=0):
    """Bytes of one local header + data and its central-directory record (hand-built)."""
    nb = name.encode()
    if zip64:
        lextra = struct.pack("<HHQQ", 1, 16, usize, csize)
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, flags, method, 0, 0x58B1, crc,
                            0xFFFFFFFF, 0xFFFFFFFF, len(nb), len(lextra)) + nb + lextra
        cextra = struct.pack("<HHQQQ", 1, 24, usize, csize, offset)
        central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, flags, method, 0,
                              0x58B1, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(nb), len(cextra), 0, 0,
                              0, 0, 0xFFFFFFFF) + nb + cextra
    else:
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x58B1, crc,
                            csize, usize, len(nb), 0) + nb
        central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, 0,
                              0x58B1, crc, csize, usize, len(nb), 0, 0, 0, 0, 0,
                              offset) + nb
    return local + data, central


def end_record(count, cd_size, cd_offset, comment=b""):
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_offset,
                       len(comment)) + comment


def zip64_central_archive():
    """Entries whose central records carry all sizes and offsets in ZIP64 extra fields, and a
    ZIP64 end record + locator, with the classic end record saturated."""
    parts, centrals, offset = [], [], 0
    for name, data, method in [("zip64/stored.txt", b"stored under ZIP64\n" * 20, 0),
                               ("zip64/deflated.txt", INPUTS["text"][:5000], 8)]:
        payload = data if method == 0 else raw_deflate(data, 6)
        local, central = local_and_central(payload, name, method, zlib.crc32(data),
                                           len(payload), len(data), zip64=True, offset=offset)
        parts.append(local); centrals.append(central); offset += len(local)
    cd = b"".join(centrals)
    cd_offset = offset
    z64_offset = cd_offset + len(cd)
    z64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(centrals), len(centrals),
                      len(cd), cd_offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, z64_offset, 1)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return b"".join(parts) + cd + z64 + locator + eocd


def overlapping_archive():
    """Entry "outer.bin" is stored and its data *is* entry "inner.txt" (local header + data):
    the two entries share bytes, as in overlapping-file ZIP bombs."""
    inner_data = b"inner entry data\n" * 4
    inner_local, _ = local_and_central(inner_data, "inner.txt", 0, zlib.crc32(inner_data),
                                       len(inner_data), len(inner_data))
    outer_local, outer_central = local_and_central(inner_local, "outer.bin", 0,
                                                   zlib.crc32(inner_local), len(inner_local),
                                                   len(inner_local), offset=0)
    inner_offset = 30 + len("outer.bin")
    _, inner_central = local_and_central(inner_data, "inner.txt", 0, zlib.crc32(inner_data),
                                         len(inner_data), len(inner_data), offset=inner_offset)
    cd = outer_central + inner_central
    return outer_local + cd + end_record(2, len(cd), len(outer_local))


def central_records(data):
    """Offsets of central-directory records, by entry name."""
    out, p = {}, data.rfind(b"PK\x05\x06")
    count, _, cd_off = struct.unpack("<HII", data[p + 10:p + 20])
    q = cd_off
    for _ in range(count):
        n, e, c = struct.unpack("<HHH", data[q + 28:q + 34])
        name = data[q + 46:q + 46 + n].decode()
        local = struct.unpack("<I", data[q + 42:q + 46])[0]
        out[name] = (q, local)
        q += 46 + n + e + c
    return out


def patch(data, offset, fmt, value):
    b = bytearray(data)
    struct.pack_into(fmt, b, offset, value)
    return bytes(b)


def workbook():
    import datetime
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Incidents"
    ws.append(["id", "host", "date", "persons", "confirmed"])
    r = random.Random(5)
    hosts = ["Türkiye", "Kazakhstan", "Kyrgyzstan", "Egypt", "Thailand"]
    for i in range(300):
        ws.append(["E%04d" % i, r.choice(hosts),
                   datetime.date(2014, 1, 1) + datetime.timedelta(days=r.randint(0, 3000)),
                   r.randint(1, 30), r.random() < 0.5])
    ws2 = wb.create_sheet("Notes")
    ws2["A1"] = "Sources: Oxus Society & UHRP <2022>"
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    # openpyxl stamps the current time into docProps/core.xml; rewrite the archive with fixed
    # timestamps and a fixed core.xml so the fixture does not change from run to run.
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-05-17T12:30:00Z", body)
            z.writestr(zinfo(info.filename, info.compress_type), body)
    return out.getvalue()


def describe(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    assert z.testzip() is None
    return [{"name": i.filename, "method": i.compress_type, "compressedSize": i.compress_size,
             "uncompressedSize": i.file_size, "crc32": i.CRC} for i in z.infolist()]


def make_zip():
    reset(ZIPDIR)
    os.makedirs(os.path.join(ZIPDIR, "hostile"))
    manifest = {"archives": [], "hostile": []}
    T, R = INPUTS["text"], INPUTS["repetitive"]
    S, D = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
    valid = {}
    valid["stored.zip"] = build_zip([("hello.txt", b"Hello, workbook.\n", S, None),
                                     ("data/", b"", S, None),
                                     ("data/random.bin", INPUTS["random"][:5000], S, None),
                                     ("empty.txt", b"", S, None)])
    valid["deflated.zip"] = build_zip([("text.txt", T, D, 6), ("repetitive.bin", R, D, 9),
                                       ("empty.txt", b"", D, 6), ("one.txt", b"A", D, 6),
                                       ("données/ünïcode.txt", "Ürümqi → İstanbul\n".encode(),
                                        D, 6)])
    valid["levels.zip"] = build_zip([("level-%d.csv" % lv, INPUTS["csv"][:20000], D, lv)
                                     for lv in range(10)])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        with z.open(zinfo("small-forced-zip64.txt", D), "w", force_zip64=True) as f:
            f.write(b"a small entry with ZIP64 sizes in its local header\n")
        z.writestr(zinfo("plain.txt", D), b"an ordinary entry\n")
    valid["zip64-forced-local.zip"] = buf.getvalue()
    valid["zip64-central.zip"] = zip64_central_archive()
    valid["data-descriptor.zip"] = build_zip([("streamed.txt", T[:8000], D, 6),
                                              ("streamed-stored.txt", b"stored\n", S, None)],
                                             fileobj=Unseekable())
    fake_end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 9, 9, 999, 123456, 0)
    valid["comment-with-fake-end-record.zip"] = build_zip(
        [("a.txt", b"alpha\n", D, 6)], comment=b"garbage " + fake_end + b"\xff\x00 more garbage")
    # zipfile itself takes the fake record for the real one, so that archive is described from
    # the same archive without its comment (the central directory is the same).
    described = {"comment-with-fake-end-record.zip": build_zip([("a.txt", b"alpha\n", D, 6)])}
    valid["workbook.xlsx"] = workbook()
    for name, data in valid.items():
        write(os.path.join(ZIPDIR, name), data)
        entries = describe(described.get(name, data))
        manifest["archives"].append({"file": name, "entries": entries})

    hostile = {}

    def bad(name, data, stage, reason, entry=None, extract=None, inflate=None, limits=None):
        hostile[name] = data
        item = {"file": "hostile/" + name, "stage": stage, "reason": reason}
        if entry is not None:
            item["entry"] = entry
        if extract is not None:
            item["extract"] = extract
        if inflate is not None:
            item["inflateReason"] = inflate
        if limits is not None:
            item["limits"] = limits
        manifest["hostile"].append(item)

    deflated = valid["deflated.zip"]
    stored = valid["stored.zip"]
    bad("truncated-half.zip", deflated[: len(deflated) // 2], "open", "truncated")
    bad("truncated-tail.zip", deflated[:-10], "open", "truncated")
    bad("empty-file.zip", b"", "open", "notAnArchive")
    bad("csv-renamed.xlsx", INPUTS["csv"][:2000], "open", "notAnArchive")
    bad("ole-compound-file.xlsx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 1528, "open",
        "compoundFile")
    # CRC mismatches: a data byte flipped in a stored entry; a central CRC changed.
    rec = central_records(stored)
    q, local = rec["hello.txt"]
    flipped = bytearray(stored); flipped[local + 30 + len("hello.txt")] ^= 0x20
    bad("bad-crc-stored.zip", bytes(flipped), "extract", "crcMismatch", entry="hello.txt",
        extract="hello.txt")
    rec = central_records(deflated)
    q, local = rec["text.txt"]
    crc = struct.unpack("<I", deflated[q + 16:q + 20])[0]
    bad("bad-crc-deflated.zip", patch(deflated, q + 16, "<I", crc ^ 1), "extract", "crcMismatch",
        entry="text.txt", extract="text.txt")
    # Bombs.
    zeros = b"\x00" * (50 << 20)
    bad("bomb-ratio.zip", build_zip([("zeros.bin", zeros, D, 9)]), "extract",
        "compressionRatioTooHigh", entry="zeros.bin", extract="zeros.bin")
    lying = build_zip([("lying.bin", b"\x00" * (2 << 20), D, 9)])
    rec = central_records(lying)
    q, local = rec["lying.bin"]
    lying = patch(patch(lying, q + 24, "<I", 4000), local + 22, "<I", 4000)
    bad("bomb-header-understates-size.zip", lying, "extract", "sizeMismatch", entry="lying.bin",
        extract="lying.bin", inflate="outputLimitExceeded")
    q, local = central_records(deflated)["text.txt"]
    over = patch(deflated, q + 24, "<I", len(T) + 100)
    bad("header-overstates-size.zip", over, "extract", "sizeMismatch", entry="text.txt",
        extract="text.txt")
    q, local = central_records(stored)["hello.txt"]
    bad("stored-size-mismatch.zip", patch(stored, q + 24, "<I", 5), "extract", "sizeMismatch",
        entry="hello.txt", extract="hello.txt")
    # Damaged DEFLATE data inside an entry.
    streams = hostile_streams()
    for fname, sname in [("bad-huffman-table.zip", "dynamic-oversubscribed-litlen"),
                         ("distance-too-far.zip", "distance-too-far")]:
        payload = streams[sname][0]
        local_bytes, central = local_and_central(payload, "sheet.xml", 8, 0, len(payload), 100)
        cd = central
        data = local_bytes + cd + end_record(1, len(cd), len(local_bytes))
        bad(fname, data, "extract", "corruptData", entry="sheet.xml", extract="sheet.xml",
            inflate=streams[sname][1])
    # The end record and the central directory.
    p = deflated.rfind(b"PK\x05\x06")
    bad("comment-length-past-end.zip", patch(deflated, p + 20, "<H", 500), "open", "truncated")
    bad("central-directory-past-end.zip", patch(deflated, p + 16, "<I", len(deflated) + 1000),
        "open", "offsetOutOfRange")
    bad("entry-count-lie.zip", patch(patch(deflated, p + 8, "<H", 60000), p + 10, "<H", 60000),
        "open", "invalidCentralDirectory")
    q, local = central_records(deflated)["repetitive.bin"]
    bad("local-offset-past-end.zip", patch(deflated, q + 42, "<I", len(deflated) + 5), "open",
        "offsetOutOfRange", entry="repetitive.bin")
    bad("local-header-missing.zip", patch(deflated, q + 42, "<I", local + 7), "open",
        "invalidLocalHeader", entry="repetitive.bin")
    q, local = central_records(deflated)["one.txt"]
    bad("compressed-size-past-end.zip", patch(deflated, q + 20, "<I", 0x7FFFFFF0), "open",
        "offsetOutOfRange", entry="one.txt")
    bad("zip64-locator-to-garbage.zip",
        zip64_central_archive()[:-42] + struct.pack("<IIQI", 0x07064B50, 0, 3, 1)
        + zip64_central_archive()[-22:], "open", "invalidCentralDirectory")
    # Entries.
    b = bytearray(stored)
    for off in (central_records(stored)["hello.txt"][0] + 46 + 2,
                central_records(stored)["hello.txt"][1] + 30 + 2):
        b[off] = 0
    bad("name-with-nul.zip", bytes(b), "open", "invalidName")
    q, local = central_records(stored)["hello.txt"]
    enc = patch(patch(stored, q + 8, "<H", 1), local + 6, "<H", 1)
    bad("encrypted-entry.zip", enc, "extract", "encryptedEntry", entry="hello.txt",
        extract="hello.txt")
    bad("unsupported-method-bzip2.zip",
        build_zip([("b.txt", T[:2000], zipfile.ZIP_BZIP2, None)]), "extract",
        "unsupportedMethod", entry="b.txt", extract="b.txt")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bad("duplicate-names.zip", build_zip([("same.txt", b"one", D, 6),
                                              ("same.txt", b"two", D, 6)]), "open",
            "duplicateName", entry="same.txt")
    bad("overlapping-entries.zip", overlapping_archive(), "open", "overlappingEntries")
    # Limits (a valid archive, opened with tight limits).
    bad("limit-entries.zip", deflated, "open", "tooManyEntries", limits={"maxEntries": 4})
    bad("limit-total-size.zip", deflated, "open", "archiveTooLarge",
        limits={"maxTotalSize": len(T)})
    bad("limit-entry-size.zip", deflated, "extract", "entryTooLarge", entry="text.txt",
        extract="text.txt", limits={"maxEntrySize": len(T) - 1})
    for name, data in hostile.items():
        write(os.path.join(ZIPDIR, "hostile", name), data)
    with open(os.path.join(ZIPDIR, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    make_deflate()
    make_zip()
    print("wrote", DEFLATE, "and", ZIPDIR)
