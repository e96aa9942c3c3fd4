"""An entry's HTML as body blocks within Wagtail's rich-text rules.

Blogger and WordPress bodies are free HTML: separator ``<div>``s around photos, inline styles and fonts,
runs of ``&nbsp;``, ``<br>`` for paragraphs, embedded players and sometimes scripts. ``clean_html`` keeps
what the page body offers and nothing else:

- text with bold, italic, links (http, https, mailto and site-relative only) and lists, as paragraph blocks;
- headings as heading blocks; quotations as quote blocks;
- images, placed where they were, as ``ImageRef``s the importer turns into image blocks (Blogger's
  captioned-photo table gives the caption);
- YouTube and Vimeo players as embed blocks (the video's address; the player is rendered by Wagtail);
- tables as table blocks (cell text);
- scripts, event-handler attributes (``onclick``…), other iframes, objects and forms are dropped and counted.

BeautifulSoup (with Python's own HTML parser) reads the HTML; this module only decides what to keep, since
no library maps arbitrary HTML onto a StreamField.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "main", "center", "figure", "dl", "dd", "dt",
    "address", "pre", "hr", "nav",
}  # fmt: skip
DROPPED_TAGS = {"script": "script", "noscript": "script", "style": "style", "object": "object", "embed": "object",
                "applet": "object", "form": "form", "input": "form", "button": "form", "select": "form",
                "textarea": "form", "link": "style", "meta": "style", "svg": "object", "canvas": "object",
                "audio": "object", "video": "object", "frame": "iframe", "frameset": "iframe"}  # fmt: skip
INLINE_KEEP = {"b": "b", "strong": "b", "i": "i", "em": "i"}
SAFE_SCHEMES = ("http", "https", "mailto", "")
WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


@dataclass
class ImageRef:
    """An image in the body: where it was found, its larger version (the link around it) and its text."""

    src: str
    link: str = ""
    alt: str = ""
    caption: str = ""


@dataclass
class Cleaned:
    blocks: list = field(default_factory=list)  # ("paragraph", html) ("heading", text) ("image", ImageRef)…
    dropped: Counter = field(default_factory=Counter)

    @property
    def images(self):
        return [value for kind, value in self.blocks if kind == "image"]

    @property
    def text(self):
        """The body's words, for a summary."""
        parts = []
        for kind, value in self.blocks:
            if kind == "paragraph":
                parts.append(BeautifulSoup(value, "html.parser").get_text(" "))
            elif kind in ("heading", "quote"):
                parts.append(value if isinstance(value, str) else value.get("text", ""))
        return WHITESPACE.sub(" ", " ".join(parts)).strip()


class BrokenHTML(ValueError):
    """Markup cut off or unreadable: the entry is skipped and named in the report."""


class _Checker(HTMLParser):
    def error(self, message):  # pragma: no cover - only older Pythons call it
        raise BrokenHTML(message)


def check_html(markup):
    """Raise ``BrokenHTML`` when markup ends inside a tag, a comment or a declaration (a truncated body), or
    holds NUL bytes."""
    if "\x00" in markup:
        raise BrokenHTML("NUL byte")
    checker = _Checker(convert_charrefs=True)
    checker.feed(markup)
    leftover = checker.rawdata[checker.rawdata.find("<") :] if "<" in checker.rawdata else ""
    if leftover.strip():
        raise BrokenHTML(leftover[:40])


def video_url(src):
    """The canonical address of a YouTube or Vimeo player's video, or "" for any other frame."""
    parts = urlsplit(src if "//" in src else "")
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path
    if host in ("youtube.com", "youtube-nocookie.com"):
        match = re.match(r"^/(?:embed|v|shorts)/([\w-]{6,20})", path)
        if match:
            return f"https://www.youtube.com/watch?v={match.group(1)}"
        video = parse_qs(parts.query).get("v", [""])[0]
        if path == "/watch" and re.fullmatch(r"[\w-]{6,20}", video):
            return f"https://www.youtube.com/watch?v={video}"
    if host == "youtu.be" and re.fullmatch(r"/[\w-]{6,20}", path):
        return f"https://www.youtube.com/watch?v={path[1:]}"
    if host in ("player.vimeo.com", "vimeo.com"):
        match = re.search(r"/(?:video/)?(\d{4,12})(?:/|$)", path)
        if match:
            return f"https://vimeo.com/{match.group(1)}"
    return ""


def _text_of(node):
    return WHITESPACE.sub(" ", node.get_text(" ") if isinstance(node, Tag) else str(node)).strip()


class _Builder:
    def __init__(self):
        self.result = Cleaned()
        self.inline = []  # HTML pieces of the paragraph being written
        self.rich = []  # finished paragraphs and lists, merged into one paragraph block

    # Output -----------------------------------------------------------------------------------------------

    def end_paragraph(self):
        text = "".join(self.inline)
        self.inline = []
        text = re.sub(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$", "", WHITESPACE.sub(" ", text))
        text = re.sub(r"(?:\s*<br/>\s*){2,}", "</p><p>", text)
        for paragraph in text.split("</p><p>"):
            paragraph = paragraph.strip()
            if re.sub(r"<[^>]+>", "", paragraph).strip():
                self.rich.append(f"<p>{paragraph}</p>")

    def end_rich(self):
        self.end_paragraph()
        if self.rich:
            self.result.blocks.append(("paragraph", "".join(self.rich)))
            self.rich = []

    def add_block(self, kind, value):
        self.end_rich()
        self.result.blocks.append((kind, value))

    # Input ------------------------------------------------------------------------------------------------

    def walk(self, node):
        for child in list(node.children):
            self.visit(child)

    def visit(self, node):
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.inline.append(html.escape(str(node), quote=False))
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        self.count_handlers(node)
        if name in DROPPED_TAGS:
            self.result.dropped[DROPPED_TAGS[name]] += 1
            return
        if name == "iframe":
            url = video_url(node.get("src", ""))
            if url:
                self.add_block("embed", url)
            else:
                self.result.dropped["iframe"] += 1
            return
        if name == "img":
            self.image(node)
            return
        if name == "br":
            self.inline.append("<br/>")
            return
        if name == "table":
            self.table(node)
            return
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.end_paragraph()
            images = node.find_all("img")
            text = _text_of(node)[:200]
            if text:
                self.add_block("heading", {"text": text, "size": "h2" if name in ("h1", "h2") else "h3"})
            for image in images:
                self.image(image)
            return
        if name == "blockquote":
            text = _text_of(node)
            if text:
                self.add_block("quote", {"text": text, "speaker": "", "role": ""})
            return
        if name in ("ul", "ol"):
            self.end_paragraph()
            items = []
            for item in node.find_all("li", recursive=False) or [node]:
                inner = _Builder()
                inner.walk(item)
                inner.end_paragraph()
                # a list item holds inline text only: its paragraphs joined with line breaks
                text = "<br/>".join(p[3:-4] for p in inner.rich)
                if text:
                    items.append(f"<li>{text}</li>")
                for kind, value in inner.result.blocks:
                    if kind != "paragraph":
                        self.result.blocks.append((kind, value))
                self.result.dropped.update(inner.result.dropped)
            if items:
                self.rich.append(f"<{name}>{''.join(items)}</{name}>")
            return
        if name == "a":
            self.link(node)
            return
        if name in INLINE_KEEP:
            tag = INLINE_KEEP[name]
            self.inline.append(f"<{tag}>")
            self.walk(node)
            self.inline.append(f"</{tag}>")
            return
        if name in BLOCK_TAGS or name in ("li", "tbody", "tr", "td", "th"):
            self.end_paragraph()
            if name != "hr":
                self.walk(node)
            self.end_paragraph()
            return
        self.walk(node)  # span, font, u, sup… : their text only

    def count_handlers(self, node):
        handlers = [name for name in node.attrs if name.lower().startswith("on")]
        if handlers:
            self.result.dropped["event_handler"] += len(handlers)

    def link(self, node):
        href = (node.get("href") or "").strip()
        images = node.find_all("img")
        if images and not _text_of(node):
            # Blogger's photo link: the picture, linking to its larger version.
            for image in images:
                self.image(image, link=href)
            return
        scheme = urlsplit(href).scheme.lower() if href else "x"
        if href and scheme in SAFE_SCHEMES and not href.startswith("//"):
            self.inline.append(f'<a href="{html.escape(href)}">')
            self.walk(node)
            self.inline.append("</a>")
        else:
            if href and scheme not in SAFE_SCHEMES:
                self.result.dropped["script"] += 1  # a javascript: link
            self.walk(node)

    def image(self, node, link="", caption=""):
        src = (node.get("src") or node.get("data-src") or "").strip()
        self.count_handlers(node)
        if not src or src.startswith("data:"):
            self.result.dropped["image"] += 1
            return
        alt = WHITESPACE.sub(" ", node.get("alt") or node.get("title") or "").strip()
        self.add_block("image", ImageRef(src=src, link=link, alt=alt[:255], caption=caption[:300]))

    def table(self, node):
        # Blogger's captioned photo: a table.tr-caption-container with the photo in one cell and the caption
        # in td.tr-caption.
        classes = node.get("class") or []
        images = node.find_all("img")
        if "tr-caption-container" in classes or (images and len(node.find_all("td")) <= 2):
            caption_cell = node.find(class_="tr-caption")
            caption = _text_of(caption_cell) if caption_cell else ""
            for image in images:
                parent = image.parent
                link = parent.get("href", "") if isinstance(parent, Tag) and parent.name == "a" else ""
                self.image(image, link=link, caption=caption)
            if not images and caption:
                self.inline.append(html.escape(caption))
            return
        rows = []
        header = False
        for index, row in enumerate(node.find_all("tr")):
            cells = row.find_all(["td", "th"])
            if index == 0:
                header = bool(row.find_parent("thead")) or (bool(cells) and all(c.name == "th" for c in cells))
            rows.append([_text_of(cell) for cell in cells])
            for cell in cells:
                self.count_handlers(cell)
                self.result.dropped["image_in_table"] += len(cell.find_all("img"))
                for script in cell.find_all(["script", "iframe"]):
                    self.result.dropped["script" if script.name == "script" else "iframe"] += 1
        if not any(any(row) for row in rows):
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        caption = node.find("caption")
        self.add_block(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": _text_of(caption) if caption else "",
            },
        )


def clean_html(markup):
    """``Cleaned`` blocks of ``markup`` (raises ``BrokenHTML`` for truncated markup)."""
    check_html(markup)
    builder = _Builder()
    builder.walk(BeautifulSoup(markup, "html.parser"))
    builder.end_rich()
    return builder.result
