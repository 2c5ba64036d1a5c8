"""Hostile feeds (RSS 2.0, RSS 1.0, Atom) and web archives (WARC, ARC, .warc.gz) for the
fuzz run: well-formed ones, then damaged the ways files from the open web are.

Each generator returns (damage, file name, bytes); bench/fuzzcases.py makes them cases
read as the CLI reads them (a report per item or record, failures as values). The damage
is named in the case's kind ("feed:entities", "warc:gzip-cut"), so a run's outcomes can be
told apart by it.
"""

from __future__ import annotations

import gzip
import random
from xml.sax.saxutils import escape

STORY = ("Militants fired four rockets at a military base near Kirkuk on Monday, wounding "
         "three soldiers, police said. The attack also damaged two vehicles.")
OTHER = ("A drone struck a house in Odesa on Sunday, killing two people, the regional "
         "governor said.")
# What a local file would show if an external entity were resolved: never in a report.
LEAK_MARK = "root:x:0:0"


def _body(rng: random.Random) -> str:
    return rng.choice([STORY, OTHER, STORY + " " + OTHER, "هاجم مسلحون مركزاً للشرطة 💥",
                       "<p>" + STORY + "</p><p>" + OTHER + "</p>"])


def _rss(rng: random.Random, items: int, *, prolog: str = "", body: str | None = None,
         encoding: str = "utf-8") -> str:
    parts = []
    for n in range(items):
        text = body if body is not None else escape(_body(rng))
        parts.append(f"<item><title>Attack {n}</title><link>https://news.example/{n}</link>"
                     f"<guid>g{n}</guid><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>"
                     f"<description>{text}</description></item>")
    return (f'<?xml version="1.0" encoding="{encoding}"?>{prolog}<rss version="2.0"><channel>'
            f"<title>Wire</title><link>https://news.example/</link>{''.join(parts)}"
            "</channel></rss>")


def _atom(rng: random.Random, items: int) -> str:
    parts = [f"<entry><title>Strike {n}</title><id>urn:x:{n}</id>"
             f"<link href='https://news.example/a{n}'/><updated>2024-03-04T10:00:00Z</updated>"
             f"<content type='html'>{escape(_body(rng))}</content></entry>" for n in range(items)]
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Wire</title><id>urn:x</id>{''.join(parts)}</feed>")


def _rdf(rng: random.Random, items: int) -> str:
    parts = [f"<item rdf:about='https://news.example/r{n}'><title>Raid {n}</title>"
             f"<link>https://news.example/r{n}</link><description>{escape(_body(rng))}"
             "</description></item>" for n in range(items)]
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://news.example/">'
            f"<title>Wire</title></channel>{''.join(parts)}</rdf:RDF>")


LAUGHS = ('<!DOCTYPE rss [<!ENTITY l0 "lol">' + "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)) + "]>")
QUADRATIC = '<!DOCTYPE rss [<!ENTITY a "' + "x" * 50_000 + '">]>'
EXTERNAL = ('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
            '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>')
FEED_DAMAGE = ("none", "truncated", "spliced", "entities", "quadratic", "external", "bad-xml",
               "wrong-encoding", "nul", "huge-item", "deep", "cdata", "gzip", "gzip-cut",
               "gzip-wrong", "html", "empty", "no-items")


def feed_case(rng: random.Random, index: int) -> tuple[str, str, bytes]:
    """One feed, whole or damaged: (damage, file name, bytes)."""
    damage = rng.choice(FEED_DAMAGE)
    suffix = rng.choice([".rss", ".atom", ".xml", ".rss", ""])
    name = f"f{index}{suffix}"
    items = rng.randint(1, 5)
    text = rng.choice([_rss, _atom, _rdf])(rng, items)
    if damage == "entities":
        text = _rss(rng, items, prolog=LAUGHS, body="&l9;")
    elif damage == "quadratic":
        text = _rss(rng, items, prolog=QUADRATIC, body="&a;" * 2000)
    elif damage == "external":
        text = _rss(rng, items, prolog=EXTERNAL, body=rng.choice(["&xxe;", "&net;", "&xxe;&net;"]))
    elif damage == "bad-xml":
        text = rng.choice([text.replace("</item>", "", 1).replace("</entry>", "", 1),
                           text.replace("<title>", "<title><b>", 1),
                           text.replace("&lt;", "&", 3), text.replace('"', "", 4),
                           text + "<junk>", "<rss><channel><item><description>" + STORY])
    elif damage == "wrong-encoding":
        declared = rng.choice(["utf-16", "shift_jis", "bogus-enc", "ascii", "utf-32"])
        text = _rss(rng, items, encoding=declared)
    elif damage == "huge-item":
        text = _rss(rng, 1, body=escape(STORY + " ") * rng.randint(500, 3000))
    elif damage == "deep":
        depth = rng.choice([300, 1000, 10_000])
        text = _rss(rng, 1, body=escape("<div>" * depth + STORY + "</div>" * depth))
        if rng.random() < 0.5:  # elements of the feed itself nested deep
            text = text.replace("<channel>", "<channel>" + "<x>" * depth, 1).replace(
                "</channel>", "</x>" * depth + "</channel>", 1)
    elif damage == "cdata":
        text = _rss(rng, items, body="<![CDATA[<p>" + STORY)
    elif damage == "html":
        text = f"<html><body><p>{STORY}</p></body></html>"
    elif damage == "empty":
        text = rng.choice(["", " ", "<?xml version='1.0'?>", "<rss/>", "<feed/>", "\x00" * 10])
    elif damage == "no-items":
        text = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    data = text.encode("utf-8", "surrogatepass")
    if damage == "truncated":
        data = data[:rng.randint(0, len(data))]
    elif damage == "spliced":
        data = _splice(rng, data)
    elif damage == "nul":
        nul = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            nul.insert(rng.randint(0, len(nul)), 0)
        data = bytes(nul)
    elif damage in ("gzip", "gzip-cut", "gzip-wrong"):
        name = f"f{index}{rng.choice(['.rss', '.xml', '.atom', ''])}.gz"
        data = _gzip_damage(rng, data, damage)
    return damage, name, data


def _splice(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        at = rng.randint(0, len(out))
        if rng.random() < 0.5 and out:
            out[min(at, len(out) - 1)] = rng.randint(0, 255)
        else:
            out[at:at] = rng.randbytes(rng.randint(1, 8))
    return bytes(out)


def _gzip_damage(rng: random.Random, data: bytes, damage: str) -> bytes:
    packed = gzip.compress(data, mtime=0)
    if damage == "gzip":
        return packed
    if damage == "gzip-cut":
        return packed[:rng.randint(0, len(packed) - 1)]
    return rng.choice([b"\x1f\x8b" + rng.randbytes(rng.randint(0, 200)),   # magic, then junk
                       data,                                                # not gzip at all
                       _splice(rng, packed),                                # damaged inside
                       packed[:10] + packed[10:][::-1],                     # scrambled
                       packed + rng.randbytes(rng.randint(1, 50))])         # trailing junk


def _record(kind: str, payload: bytes, *, uri: str, n: int, length: int | str | None = None,
            version: str = "WARC/1.0", content_type: str | None = None) -> bytes:
    media = content_type or ("application/http; msgtype=response" if kind == "response"
                             else "text/plain")
    head = (f"{version}\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:0000-{n:04d}>\r\n"
            f"WARC-Date: 2024-03-04T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {media}\r\n"
            f"Content-Length: {len(payload) if length is None else length}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def _http(body: bytes, *, status: str = "200 OK", media: str = "text/html; charset=utf-8",
          extra: str = "") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {media}\r\n{extra}"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def _page(rng: random.Random) -> bytes:
    return (f"<html><head><title>t</title></head><body><article><p>{escape(_body(rng))}</p>"
            "</article></body></html>").encode()


WARC_DAMAGE = ("none", "truncated", "spliced", "length-huge", "length-short", "length-bad",
               "version", "garbage-between", "http-bad", "status", "no-http", "huge-record",
               "gzip", "gzip-cut", "gzip-wrong", "arc", "empty", "headers-only")


def warc_case(rng: random.Random, index: int) -> tuple[str, str, bytes]:
    """One web archive, whole or damaged: (damage, file name, bytes)."""
    damage = rng.choice(WARC_DAMAGE)
    records = [_record("warcinfo", b"software: fuzz\r\n", uri="", n=0,
                       content_type="application/warc-fields")]
    for n in range(1, rng.randint(2, 5)):
        if rng.random() < 0.7:
            records.append(_record("response", _http(_page(rng)), uri=f"https://news.example/{n}",
                                   n=n))
        else:
            records.append(_record("resource", _body(rng).encode(), uri=f"file:///r{n}.txt", n=n))
    at = rng.randrange(1, len(records))
    uri = f"https://news.example/d{index}"
    if damage == "length-huge":
        records[at] = _record("response", _http(_page(rng)), uri=uri, n=at,
                              length=rng.choice([10**12, 10**15, 2**63, 2**64 + 5]))
    elif damage == "length-short":
        payload = _http(_page(rng))
        records[at] = _record("response", payload, uri=uri, n=at,
                              length=rng.randint(0, len(payload) - 1))
    elif damage == "length-bad":
        records[at] = _record("response", _http(_page(rng)), uri=uri, n=at,
                              length=rng.choice(["-5", "abc", "", "1e9", "0x10", " 12 "]))
    elif damage == "version":
        records[at] = _record("response", _http(_page(rng)), uri=uri, n=at,
                              version=rng.choice(["WARC/9.9", "WARX/1.0", "warc/1.0", "WARC/"]))
    elif damage == "garbage-between":
        records.insert(at, rng.randbytes(rng.randint(1, 300)))
    elif damage == "http-bad":
        bad = rng.choice([b"HTTP/1.1 abc\r\n\r\n" + _page(rng), b"garbage\r\n" + _page(rng),
                          _http(_page(rng), extra="X-Long: " + "a" * 70_000 + "\r\n"),
                          _http(_page(rng), extra="no colon here\r\n"),
                          b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + _page(rng)])
        records[at] = _record("response", bad, uri=uri, n=at)
    elif damage == "status":
        records[at] = _record("response", _http(_page(rng), status=rng.choice(
            ["404 Not Found", "301 Moved", "500 Oops", "999 ?", "0 x"])), uri=uri, n=at)
    elif damage == "no-http":
        records[at] = _record("response", _page(rng), uri=uri, n=at)
    elif damage == "huge-record":
        # a page over the size cap would take 20 MB per case here; this one is large
        # enough to stress the reader, and bench/fuzz.py's heavy cases hold one past it
        big = _page(rng) * rng.randint(1000, 4000)
        records[at] = _record("response", _http(big), uri=uri, n=at)
    elif damage == "headers-only":
        records = [b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"]
    data = b"".join(records)
    if damage == "truncated":
        data = data[:rng.randint(0, len(data))]
    elif damage == "spliced":
        data = _splice(rng, data)
    elif damage == "arc":
        data = rng.choice([b"filedesc://x.arc 0.0.0.0 20240304 text/plain 10\n" + rng.randbytes(40),
                           b"filedesc://" + rng.randbytes(rng.randint(0, 300)),
                           b"filedesc://x.arc 0.0.0.0 20240304 text/plain 76\n1 0 fuzz\n"
                           b"URL IP-address Archive-date Content-type Archive-length\n\n"
                           b"https://news.example/a 1.2.3.4 20240304100000 text/html 99999\n"
                           + _page(rng)])
    elif damage == "empty":
        data = rng.choice([b"", b"WARC/1.0\r\n\r\n", b"\r\n\r\n", b"WARC/1.0"])
    suffix = rng.choice([".warc", ".warc", ".arc", ""]) if damage != "arc" else ".arc"
    name = f"w{index}{suffix}"
    if damage in ("gzip", "gzip-cut", "gzip-wrong"):
        # a .warc.gz is gzip member per record: damage one member or the whole
        members = [gzip.compress(r, mtime=0) for r in records]
        if damage == "gzip":
            data = b"".join(members)
        else:
            at = rng.randrange(len(members))
            members[at] = _gzip_damage(rng, records[at], damage)
            data = b"".join(members)
        name = f"w{index}{rng.choice(['.warc.gz', '.arc.gz', '.gz'])}"
    return damage, name, data


def big_record_archive() -> bytes:
    """An archive with one record just past the page size cap (20 MB) between two good ones."""
    good = _record("response", _http(f"<html><body><p>{STORY}</p></body></html>".encode()),
                   uri="https://news.example/1", n=1)
    paragraph = f"<p>{STORY}</p>\n".encode()
    big = _record("response", _http(b"<html><body>" + paragraph * (21_000_000 // len(paragraph))
                                    + b"</body></html>"), uri="https://news.example/2", n=2)
    last = _record("response", _http(f"<html><body><p>{OTHER}</p></body></html>".encode()),
                   uri="https://news.example/3", n=3)
    return good + big + last
