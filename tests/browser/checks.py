"""What every main page must give a person, checked on the page in hand:
axe-core finds nothing serious, controls have labels, states have words,
errors are announced, focus shows, and the page fits the screen."""
import gettext
import os
import pathlib
import re

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

HERE = pathlib.Path(__file__).parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = HERE / "screenshots"
REPORT = pathlib.Path(os.environ.get("RB_VAR", "var/test")) / "axe-report.txt"
LOCALE = pathlib.Path(os.environ.get("RB_ROOT", HERE.parents[1])) / "build" / "i18n" / "locale"

# What each booking state is called on the pages; a coloured cell or badge
# must say it in words too.
STATE_WORDS = {
    "pending": "Pending approval", "confirmed": "Confirmed", "denied": "Denied",
    "cancelled": "Cancelled", "expired": "Expired", "in_use": "In use",
    "completed": "Completed", "released": "Released",
}

# One line per page and width, written out when the session ends.
results = []


def open_menu(driver):
    """Opens the header's menu where it is folded (phone width), so that
    its links and the account can be used."""
    from selenium.webdriver.common.by import By
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "header .menu-button")
               if b.is_displayed()]
    if buttons and buttons[0].get_attribute("aria-expanded") != "true":
        buttons[0].click()


def width_name(driver):
    return "phone" if driver.execute_script(
        "return document.documentElement.clientWidth") < 600 else "desktop"


def screenshot(driver, page):
    """tests/browser/screenshots/<page>-<width>.png, the whole page long."""
    SHOTS.mkdir(exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-")
    path = SHOTS / f"{slug}-{width_name(driver)}.png"
    # The window grows to the page's height so the picture shows all of it.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width, window = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": min(max(height, window), 4000), "deviceScaleFactor": 1,
        "mobile": width < 600})
    try:
        driver.save_screenshot(str(path))
    finally:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": window, "deviceScaleFactor": 1, "mobile": width < 600})
    return path


def axe(driver):
    """axe-core's verdict on the page: its violations and how many rules passed.
    The script goes in through the WebDriver, which the site's strict
    Content-Security-Policy does not govern; the page itself runs none."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE.read_text())
    driver.set_script_timeout(60)
    out = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(r => done({
            violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          summary: n.failureSummary || ''}))})),
            passes: r.passes.length,
        })).catch(e => done({error: String(e)}));""")
    assert "error" not in out, out.get("error")
    return out


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']}: {v['help']}")
        for n in v["nodes"][:10]:
            lines.append(f"    {n['target']}")
            lines.extend(f"        {s}" for s in n["summary"].splitlines() if s.strip())
    return "\n".join(lines)


def fits_the_screen(driver):
    """Nothing wider than the window; wide tables scroll inside their box."""
    width, outside = driver.execute_script("""
        const w = document.documentElement.clientWidth, out = [];
        for (const e of document.body.querySelectorAll('*')) {
            if (e.closest('.grid-wrap, .table-wrap, .skip, .visually-hidden')) continue;
            const r = e.getBoundingClientRect();
            if (r.width && (r.left < -1 || r.right > w + 1))
                out.push(`${Math.round(r.left)}..${Math.round(r.right)} px: `
                         + e.outerHTML.slice(0, 100));
        }
        return [w, out];""")
    assert not outside, f"wider than the {width} px window:\n" + "\n".join(outside[-8:])
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width


def labelled(driver):
    """Every control a person can use has a name a screen reader reads; the
    fields get it from a <label> (or aria-labelledby), not a placeholder.
    The name is the browser's own (WebDriver's computed label), asked of
    the first three controls of each kind (a queue repeats its forms) that
    are shown (the folded menu's are asked when it is open)."""
    controls, unlabelled = driver.execute_script("""
        const seen = {}, ask = [], bare = [];
        for (const e of document.querySelectorAll(
                'input:not([type=hidden]), select, textarea, button')) {
            // Folded away (a closed <details> keeps its boxes): not usable.
            if (!e.getClientRects().length || !e.checkVisibility())
                continue;
            if (e.tagName !== 'BUTTON' && !e.labels.length && !e.hasAttribute('aria-labelledby'))
                bare.push(e.outerHTML.slice(0, 160));
            const kind = e.tagName + ' ' + (e.name || e.textContent.trim());
            seen[kind] = (seen[kind] || 0) + 1;
            if (seen[kind] <= 3) ask.push(e);
        }
        return [ask, bare];""")
    unnamed = [e.get_attribute("outerHTML")[:160] for e in controls
               if not (e.accessible_name or "").strip()]
    assert not unlabelled, f"fields without a <label>: {unlabelled}"
    assert not unnamed, f"controls without a name: {unnamed}"


def state_words(driver):
    """STATE_WORDS in the page's language, as its catalog says them."""
    lang = driver.execute_script("return document.documentElement.lang")
    if lang == "en":
        return STATE_WORDS
    with open(LOCALE / f"{lang}.mo", "rb") as f:
        catalog = gettext.GNUTranslations(f)
    return {state: catalog.gettext(words) for state, words in STATE_WORDS.items()}


def states_in_words(driver):
    """A state shown by colour (a badge, a grid cell) is also written out."""
    bare = driver.execute_script("""
        const words = arguments[0], out = [];
        // A grid's booked cell has its state alone as its class.
        for (const e of document.querySelectorAll('[class*="status-"], .grid td[class]')) {
            const m = e.className.match(/\\bstatus-([a-z_]+)/) ||
                (/^[a-z_]+$/.test(e.className) ? [null, e.className] : null);
            if (!m || !words[m[1]]) continue;
            if (!e.innerText.includes(words[m[1]]))
                out.push(m[1] + ': ' + e.outerHTML.slice(0, 160));
        }
        return out;""", state_words(driver))
    assert not bare, f"states shown by colour alone: {bare}"


def errors_announced(driver):
    """A form that came back with errors says so in a live region, and every
    field marked invalid points at the words that say what is wrong."""
    found = driver.execute_script("""
        const out = {fields: [], orphans: [], alerts: []};
        for (const f of document.querySelectorAll('[aria-invalid="true"]')) {
            const ids = (f.getAttribute('aria-describedby') || '').split(/\\s+/);
            const said = ids.map(i => document.getElementById(i)).filter(Boolean)
                            .map(e => e.textContent.trim()).join(' ');
            out.fields.push({id: f.id, said: said});
        }
        for (const m of document.querySelectorAll('.field-error')) {
            if (!document.querySelector('[aria-describedby~="' + m.id + '"]')
                && !m.closest('[role=alert], [aria-live]'))
                out.orphans.push(m.outerHTML.slice(0, 160));
        }
        for (const a of document.querySelectorAll('[role=alert], [aria-live]'))
            out.alerts.push(a.textContent.trim());
        return out;""")
    for f in found["fields"]:
        assert f["said"], f"#{f['id']} is marked invalid but says nothing why"
    assert not found["orphans"], f"errors no field points at: {found['orphans']}"
    if found["fields"]:
        assert any(found["alerts"]), "a form with errors does not announce them"
    return found


# How visible focus is on an element: a ring at least 2 px wide, and its
# contrast against what is behind it (WCAG's 3:1 for focus indicators).
RING = """
const ring = e => {
    const s = getComputedStyle(e);
    const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    let behind = [255, 255, 255];
    for (let p = e.parentElement; p; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c.length === 3 || c[3] > 0) { behind = c.slice(0, 3); break; }
    }
    const [a, b] = [lum(rgb(s.outlineColor)), lum(behind)];
    return {shows: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
};
"""


def focus_shows(driver):
    """Every control and link shows a ring when the keyboard reaches it.
    One Tab makes the browser treat the focus that follows as keyboard
    focus; then each element is focused in turn, and focus goes back to
    where it was."""
    driver.execute_script("window.rbFocused = document.activeElement")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    faint = driver.execute_script(RING + """
        const out = [];
        const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]),'
                                                  + ' select, textarea, [tabindex="0"]')]
            .filter(e => e.getClientRects().length).slice(0, 200);
        for (const e of all) {
            e.focus();
            if (document.activeElement !== e) continue;
            const r = ring(e);
            if (!r.shows || r.contrast < 3)
                out.push(`${r.shows ? 'contrast ' + r.contrast.toFixed(1) : 'no ring'}: `
                         + e.outerHTML.slice(0, 100));
        }
        document.activeElement.blur();
        if (window.rbFocused !== document.body) window.rbFocused.focus();
        window.scrollTo(0, 0);
        return out;""")
    assert not faint, "focus hardly shows on:\n" + "\n".join(faint[:10])


def check_page(driver, page, expect_errors=False):
    """Photographs the page and runs every check on it; axe's result goes in
    the report before anything is asserted, so a failing run still has it."""
    screenshot(driver, page)
    out = axe(driver)
    by_impact = {k: 0 for k in ("critical", "serious", "moderate", "minor")}
    for v in out["violations"]:
        by_impact[v["impact"] or "minor"] += 1
    results.append({"page": page, "width": width_name(driver), "passes": out["passes"],
                    **by_impact, "rules": [f"{v['impact']}:{v['id']}"
                                           for v in out["violations"]]})
    bad = [v for v in out["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"axe on {page} ({width_name(driver)}):\n{describe(bad)}"
    fits_the_screen(driver)
    labelled(driver)
    states_in_words(driver)
    found = errors_announced(driver)
    if expect_errors:
        assert found["fields"] or found["alerts"], f"{page} shows no error"
    focus_shows(driver)


def write_report():
    if not results:
        return
    lines = [f"{'page':<28} {'width':<8} {'critical':>8} {'serious':>8} {'moderate':>8}"
             f" {'minor':>6} {'passes':>7}  rules broken"]
    for r in results:
        lines.append(f"{r['page']:<28} {r['width']:<8} {r['critical']:>8} {r['serious']:>8}"
                     f" {r['moderate']:>8} {r['minor']:>6} {r['passes']:>7}  "
                     + (", ".join(r["rules"]) or "-"))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n")
