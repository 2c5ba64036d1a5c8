"""The shape of one line of a scraped page: article prose, or a kind of page furniture.

Each rule describes how furniture is written on any site (a header, a button label, a
menu); none may name a particular report, outlet or story.
"""

from __future__ import annotations

import re
from typing import Literal

from warlog.ingest.dates import DATE, NUMERIC_DATE

Shape = Literal[
    "text", "bullet", "comment_header", "comment_control", "comment_item", "related_header",
    "related_inline", "share", "cookie", "cookie_button", "form", "navigation", "other",
]

BULLET = r"[•*·▪◦‣●○■□–—-]"
_BULLET_LINE = re.compile(rf"^\s*{BULLET}\s+\S")
_EDGES = re.compile(rf"^(?:{BULLET}|[#>»›{{\[(\s])+|(?:[\s:»›→↓↑▸▾…}}\])]|\.\.\.)+$")
_COUNT_WORD = r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)"


def _whole(*phrases: str) -> re.Pattern[str]:
    """A pattern matching a line made of exactly one of the phrases (case ignored)."""
    return re.compile(r"^(?:" + "|".join(phrases) + r")$", re.IGNORECASE)


_COMMENT_HEADER = _whole(
    rf"{_COUNT_WORD}\s+(?:comments?|responses?|replies|reactions?|thoughts?)"
    rf"(?:\s+(?:on|to)\s+.{{1,200}}|\s*[.:|–—…]\s*[^.!?]{{0,40}})?",
    # A lone "Comment" is an opinion section in many menus; only the plural heads comments.
    r"comments(?:\s*\(\d+\))?", r"comment\s*\(\d+\)", r"reader\s+comments", r"discussion", r"join\s+the\s+(?:discussion|conversation)",
    r"(?:leave|post|add|write|submit)\s+an?\s+(?:comment|reply|response)",
    r"what\s+do\s+you\s+think\??", r"(?:show|view|see)\s+(?:all\s+)?(?:\d+\s+)?comments",
    r"conversation", r"comments?\s+(?:section|policy)",
)
_COMMENT_CONTROL = _whole(
    r"reply(?:\s*[→↓↑»›↩])?", r"(?:log|sign)\s*in\s+to\s+(?:reply|comment)", r"cancel\s+reply",
    r"report(?:\s+(?:comment|abuse))?", r"flag", r"permalink", r"(?:up|down)vote", r"dislike",
    r"load\s+more\s+comments", r"(?:show|view|load|hide)\s+(?:\d+\s+)?(?:more\s+)?(?:replies|comments)",
    r"comments\s+are\s+closed\.?", r"\d+\s+(?:likes?|replies|points?|votes?|upvotes?)",
    r"post\s+(?:comment|reply)", r"your\s+comment\s*\*?",
    r"save\s+my\s+name,?\s+e-?mail,?\s+and\s+website\s+in\s+this\s+browser.*",
)
_NAME = r"(?!(?:by|posted|published|updated|on|at|date|from|via)\b)[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}"
_WHEN = (
    rf"(?:(?:on\s+)?(?:{DATE}|{NUMERIC_DATE})(?:\s*(?:at|,|-)?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?"
    r"|(?:an?|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago|yesterday)"
)
_COMMENT_ITEM = re.compile(
    rf"^(?:{BULLET}\s*)?{_NAME}\s*(?:says|said|wrote)?:?\s*[|·•]?\s*{_WHEN}\s*[|·•]?\s*"
    rf"(?:reply\s*[→↓↑»›]?)?$|^(?:{BULLET}\s*)?{_NAME}\s+(?:says|wrote):$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(rf"^(?:posted\s+)?{_WHEN}$", re.IGNORECASE)
_NAME_LINE = re.compile(rf"^{_NAME}$", re.IGNORECASE)
_RELATED_HEADER = _whole(
    r"you\s+(?:may|might|will|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)",
    r"related(?:\s+(?:stories|articles|posts|news|content|coverage|topics|links|reading|videos|reports))?",
    r"read\s+(?:more|next|also)", r"also\s+read", r"see\s+also", r"further\s+reading",
    r"more\s+(?:from|on|in|about)\s+[^.!?]{1,60}",
    r"more\s+(?:stories|news|articles|headlines|top\s+stories|to\s+read|videos)",
    r"recommended(?:\s+(?:for\s+you|stories|articles|reading|videos))?",
    r"most\s+(?:read|popular|viewed|shared|commented|watched)", r"trending(?:\s+(?:now|stories|news))?",
    r"popular(?:\s+(?:now|stories|posts|articles|today))?", r"top\s+(?:stories|news|headlines)",
    r"latest(?:\s+(?:news|stories|articles|posts|videos))?", r"recent\s+(?:posts|stories|articles)",
    r"what\s+to\s+read\s+next", r"editor'?s?\s+picks?", r"don'?t\s+miss", r"must\s+reads?",
    r"in\s+case\s+you\s+missed\s+it", r"(?:more\s+)?(?:related|similar)\s+(?:posts|articles|stories)",
    r"(?:watch|read|listen)\s+(?:more|next)", r"other\s+(?:stories|articles|news)",
)
_RELATED_INLINE = re.compile(
    r"^(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:story|article|coverage|video|content))?"
    r"|more|watch|listen|recommended)\s*[:|»›→–—-]\s*\S.{0,200}$",
    re.IGNORECASE,
)
_SOCIAL = (
    r"share|tweet|email|e-mail|mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest"
    r"|telegram|messenger|flipboard|tumblr|pocket|sms|copy|link|url|threads|bluesky|mastodon"
)
_SHARE = _whole(
    r"share(?:\s+(?:this|it))?(?:\s+(?:article|story|post|page|video))?",
    r"share\s+(?:on|via|to|with)\s+[\w ]{1,25}", r"(?:tweet|email|print)(?:\s+this)?(?:\s+(?:article|story|page))?",
    r"copy\s+(?:the\s+)?(?:link|url)", r"link\s+copied(?:\s+to\s+clipboard)?",
    r"click\s+to\s+(?:share|email|print)\b.*", r"like\s+this:?", r"like\s+loading\.*", r"\d+\s+shares?",
    rf"(?:{_SOCIAL})(?:\s*[|,·•/]?\s*(?:{_SOCIAL}))*",
)
_COOKIE = re.compile(
    r"\bwe\s+use\s+cookies\b|\b(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b|\buses?\s+cookies\s+to\b"
    r"|\bcookie\s+(?:policy|settings|preferences|consent|notice|banner)\b|\baccept\s+(?:all\s+)?cookies\b"
    r"|\byou\s+consent\s+to\s+(?:the|our)\s+use\s+of\s+cookies\b|\bmanage\s+(?:your\s+)?cookies\b",
    re.IGNORECASE,
)
_COOKIE_ALWAYS = _whole(r"(?:accept|reject|allow|decline)\s+all(?:\s+cookies)?", r"(?:allow|accept)\s+cookies")
_COOKIE_BUTTON = _whole(
    r"accept", r"reject", r"decline", r"agree", r"i\s+(?:agree|accept)", r"ok(?:ay)?", r"got\s+it",
    r"manage\s+(?:preferences|options|settings)", r"more\s+options", r"customi[sz]e", r"settings",
    r"accept\s*(?:&|and)\s*close", r"necessary\s+only",
)
_FORM = re.compile(
    r"\b(?:sign\s*up|subscribe|register)\b.{0,40}\b(?:newsletters?|briefings?|digest)\b"
    r"|\b(?:sign\s*up|subscribe|register)\s+(?:for|to)\s+our\b.{0,40}\b(?:updates|alerts|emails)\b"
    r"|\bnewsletter\s+sign[\s-]?up\b|\bget\s+(?:our|the)\s+.{0,30}newsletter\b"
    r"|\bdelivered\s+(?:straight\s+|directly\s+|right\s+)?to\s+your\s+inbox\b|\benter\s+your\s+e-?mail\b"
    r"|\byour\s+e-?mail\s+address\s+will\s+not\s+be\s+published\b|\brequired\s+fields\s+are\s+marked\b"
    r"|\bby\s+(?:signing\s+up|subscribing|clicking\s+(?:subscribe|sign\s+up))\b"
    r"|\bthanks?\s+(?:you\s+)?for\s+(?:subscribing|signing\s+up)\b|\bunsubscribe\s+at\s+any\s+time\b"
    r"|^(?:sign\s*up|subscribe)\s+(?:now|today|to|for)\b|\b(?:sign\s*up|subscribe)(?:\s+now)?!?$"
    r"|^(?:\S+\s+){0,4}newsletters?$",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"^follow\s+(?:us|[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+on\s+"
    r"(?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|telegram|whatsapp|threads|bluesky)\b",
    re.IGNORECASE,
)
_FORM_WHOLE = _whole(
    r"subscribe(?:\s+now)?", r"sign\s*up(?:\s+now)?", r"newsletters?", r"join(?:\s+now)?", r"submit",
    r"(?:your\s+)?e-?mail(?:\s+address)?\s*\*?", r"(?:your\s+|first\s+|last\s+|full\s+)?name\s*\*?",
    r"website\s*\*?", r"get\s+(?:the|our)\s+newsletter",
)
_NAVIGATION = _whole(
    r"skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|footer|menu)", r"skip\s+navigation",
    r"toggle\s+(?:navigation|menu)", r"(?:main\s+|open\s+|close\s+)?menu", r"close", r"search(?:\s+for)?",
    r"home(?:\s*page)?", r"(?:back|go|scroll)\s+to\s+top", r"top", r"(?:next|previous|prev)(?:\s+(?:article|story|post|page))?",
    r"(?:older|newer)\s+(?:posts|entries|articles)", r"sign\s+in", r"log\s*in", r"log\s*out", r"register",
    r"my\s+account", r"sections", r"breadcrumbs?", r"you\s+are\s+here", r"privacy(?:\s+policy)?",
    r"terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions))?", r"contact(?:\s+us)?",
    r"about(?:\s+us)?", r"advertise(?:\s+with\s+us)?", r"careers", r"sitemap", r"site\s+map",
    r"(?:tags?|tagged(?:\s+with)?|filed\s+under|categories|category|topics|posted\s+in)\s*:.{0,200}",
)
_OTHER = re.compile(
    r"^(?:©|\(c\)|copyright\b).{0,40}\b(?:19|20)\d\d\b.{0,160}$|^.{0,200}\ball\s+rights\s+reserved\.?$"
    r"|^(?:advertisements?|sponsored(?:\s+content)?|ads?|story\s+continues\s+below(?:\s+advertisement)?"
    r"|(?:article\s+)?continues\s+(?:below|after\s+(?:this\s+)?advertisement)|continue\s+reading\s+below)$",
    re.IGNORECASE,
)
# Boilerplate sentences: app promotions, paywall notes, reprint notices, reader-feedback
# pitches. Whole lines of at most _PITCH_WORDS words, never a sentence of the story.
_PITCH = re.compile(
    r"\bdownload\s+(?:the|our)\s+.{0,40}\bapps?\b|\balready\s+a\s+subscriber\b"
    r"|\bsubscribe\s+to\s+(?:read|continue|view|access)\b|\bto\s+(?:view|read)\s+the\s+full\s+(?:story|article)\b"
    r"|\bcopyrighted\s+property\s+of\b|\bwritten\s+permission\b.{0,80}\b(?:reprint|republish|reproduc)"
    r"|\bmay\s+not\s+be\s+(?:published|reproduced|republished|rewritten|redistributed)\b"
    r"|\bwe\s+want\s+to\s+hear\s+what\s+you\s+think\b|\bsubmit\s+(?:your\s+)?(?:a\s+)?letters?\s+to\s+the\s+editor\b",
    re.IGNORECASE,
)
_PITCH_WORDS = 40
# A comment policy: comments and how they are handled ("comments are moderated").
_COMMENT_POLICY = re.compile(
    r"\bcomments?\b.{0,60}\b(?:moderated|civil|libel(?:l?ous)?|hateful|republished|representative)\b"
    r"|\be-?mail\s+addresses\s+will\s+not\s+be\s+published\b",
    re.IGNORECASE,
)
# Headers, buttons, comment bylines and menus are short; longer lines are only checked
# for phrases (cookie notices, newsletter pitches, copyright), which keeps the pass fast.
_LONGEST_LABEL = 240
_MENU_SEPARATOR = re.compile(r"\s+[|•·»›>/]\s+|\s*\|\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

_WHOLE_LINE_SHAPES: tuple[tuple[re.Pattern[str], Shape], ...] = (
    (_COMMENT_HEADER, "comment_header"), (_COMMENT_CONTROL, "comment_control"),
    (_RELATED_HEADER, "related_header"), (_SHARE, "share"), (_COOKIE_ALWAYS, "cookie"),
    (_COOKIE_BUTTON, "cookie_button"), (_FORM_WHOLE, "form"), (_NAVIGATION, "navigation"),
)


def shape_of(line: str) -> Shape:
    """What one non-blank line of a page is, judged by its shape alone."""
    stripped = line.strip()
    if len(stripped) > _LONGEST_LABEL:
        return _shape_by_phrase(stripped)
    core = _EDGES.sub("", stripped)
    for pattern, shape in _WHOLE_LINE_SHAPES:
        if pattern.match(core):
            return shape
    if _COMMENT_ITEM.match(stripped):
        return "comment_item"
    if _RELATED_INLINE.match(stripped) and not is_prose(stripped):
        return "related_inline"
    if is_menu(stripped):
        return "navigation"
    return _shape_by_phrase(stripped)


def _shape_by_phrase(line: str) -> Shape:
    """Furniture recognised by a phrase inside the line rather than by the whole line."""
    words = len(line.split())
    if _OTHER.match(line):
        return "other"
    if words <= 60 and _FOLLOW.match(line):
        return "share"
    if words <= 80 and _COOKIE.search(line):
        return "cookie"
    if words <= 40 and _FORM.search(line):
        return "form"
    if words <= _PITCH_WORDS and _COMMENT_POLICY.search(line):
        return "comment_control"
    if words <= _PITCH_WORDS and _PITCH.search(line):
        return "other"
    return "bullet" if _BULLET_LINE.match(line) else "text"


def is_menu(line: str) -> bool:
    """Whether a line is a row of short menu items: "Home | World | Politics"."""
    if line.startswith("|") or len(line) > 160:
        return False  # a leading bar is a table row in trafilatura's output
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    if len(items) < 3 or any(not item for item in items):
        return False
    return all(len(item.split()) <= 4 and not _SENTENCE_END.search(item) for item in items)


def is_menu_word(line: str) -> bool:
    """Whether a line could be one entry of a menu written one entry per line."""
    words = line.split()
    if not 1 <= len(words) <= 3 or words[0].lower() == "by":
        return False  # "By Jane Doe" is a byline above the story, not a menu entry
    capitalised = all(word[0].isupper() or word == "&" for word in words)
    return capitalised and not any(char.isdigit() or char in ".,:;!?" for char in line)


def is_prose(line: str) -> bool:
    """Whether a line reads as a sentence of article text rather than a label or a link."""
    words = len(line.split())
    return words >= 20 or (words >= 8 and _SENTENCE_END.search(line.strip()) is not None)


def is_headline(line: str) -> bool:
    """Whether a line is shaped like a headline: short, not a finished sentence."""
    stripped = line.strip()
    words = len(stripped.split())
    return 1 <= words < 16 and not stripped.endswith((".", ",", ";", ":"))


_STRONG_COMMENT_HEADER = re.compile(
    rf"^(?:{_COUNT_WORD}\s+(?:comments?|responses?|replies|thoughts?)\b|(?:leave|post|add|write|submit)\s+an?\s+)",
    re.IGNORECASE,
)


def is_strong_comment_header(line: str) -> bool:
    """Whether a comment header counts comments or invites one, which no article heading does."""
    return _STRONG_COMMENT_HEADER.match(_EDGES.sub("", line.strip())) is not None


def is_name_then_date(name: str, when: str) -> bool:
    """Whether two adjacent lines are a commenter's name and the comment's date."""
    short_name = len(name.split()) <= 4 and not _SENTENCE_END.search(name)
    return short_name and _NAME_LINE.match(name.strip()) is not None and _DATE_LINE.match(when.strip()) is not None
