"""Every template auto-escapes, and data with markup is shown as text."""
import re

from conftest import ROOT, get, sql

# A message's plain-text part is no HTML: nothing in it is markup.
PLAIN_TEXT = {"mail_text.tpl"}
TEMPLATES = sorted(t for t in (ROOT / "templates").glob("*.tpl")
                   if t.name not in PLAIN_TEXT)


def test_there_are_templates():
    assert len(TEMPLATES) >= 4


def test_every_template_starts_with_the_autoescape_pragma():
    for tpl in TEMPLATES:
        first = tpl.read_text().splitlines()[0]
        assert first == '{{%AUTOESCAPE context="HTML"}}', tpl.name


def test_plain_text_templates_hold_no_markup():
    for name in PLAIN_TEXT:
        text = (ROOT / "templates" / name).read_text()
        assert not re.search(r"<[a-zA-Z/!]", text), name
        assert "AUTOESCAPE" not in text, name


def test_no_template_switches_escaping_off():
    for tpl in TEMPLATES:
        text = tpl.read_text()
        assert not re.search(r"\{\{[^}]*:none", text), tpl.name
        assert ":x-" not in text, tpl.name


def test_markup_in_data_is_rendered_as_text():
    name = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    out = sql("INSERT INTO rooms (name, location, capacity, description)"
              f" VALUES ('{name}', 'x''y', 3, '<b>bold</b>')")
    assert out.returncode == 0, out.stderr
    try:
        html = get("/rooms").text
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x" in html
        assert "&lt;b&gt;bold&lt;/b&gt;" in html
        assert "x&#39;y" in html
    finally:
        sql("DELETE FROM rooms WHERE capacity = 3 AND location = 'x''y'")
