"""Helpers for the browser tests: loading pages, colour contrast, and the in-page probes they share."""

from __future__ import annotations

import re

# The tags the issue asks for: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules switched off for one named element: {(rule id, CSS selector as axe reports it): reason}.
# Every entry needs a reason beside it; test_axe.py checks that. There are none today.
AXE_EXCEPTIONS: dict[tuple[str, str], str] = {}


def load(page, base_url: str, path: str) -> None:
    """Open a page and wait until Material's script has set it up (no-js removed) if scripts run."""
    response = page.goto(base_url + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'no response'}"


def parse_color(text: str) -> tuple[float, float, float, float]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' → (r, g, b, alpha)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    if len(numbers) == 3:
        numbers.append(1.0)
    return tuple(numbers[:4])  # type: ignore[return-value]


def over(top, bottom):
    """Composite colour `top` (with alpha) over an opaque `bottom`."""
    r, g, b, a = top
    return (r * a + bottom[0] * (1 - a), g * a + bottom[1] * (1 - a), b * a + bottom[2] * (1 - a), 1.0)


def flatten(layers: list[str]):
    """Backgrounds from the element outwards → the opaque colour you see (white below everything)."""
    colour = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(layers):
        colour = over(parse_color(layer), colour)
    return colour


def luminance(colour) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# Describes the focused element: its focus ring, what lies behind it, and whether it can be seen.
# A zero-size radio (Material's colour-scheme switch) shows its focus on the label right after it.
FOCUS_PROBE = """() => {
  const el = document.activeElement
  if (!el || el === document.body || el === document.documentElement) return null
  let shown = el
  const own = el.getBoundingClientRect()
  if ((own.width < 1 || own.height < 1) && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL") {
    shown = el.nextElementSibling
  }
  const style = getComputedStyle(shown)
  const rect = shown.getBoundingClientRect()
  const layers = []
  for (let n = shown.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor
    layers.push(c)
    if (!c.startsWith("rgba") ) break
  }
  const cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2
  const hit = document.elementFromPoint(cx, cy)
  const label = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 40)
  return {
    name: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && el.className.baseVal === undefined ? "." + el.className.trim().split(/\\s+/).join(".") : ""} "${label}"`,
    isSkip: el.classList.contains("ks-skip"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    layers: layers,
    width: rect.width, height: rect.height,
    visible: !!hit && (hit === shown || shown.contains(hit) || hit.contains(shown) || (hit.closest("label") === shown)),
    covering: hit ? `${hit.tagName.toLowerCase()}.${String(hit.className.baseVal ?? hit.className).trim().split(/\\s+/).join(".")}` : "nothing (outside the window)",
  }
}"""


def focus_problems(info: dict, min_contrast: float = 3.0) -> list[str]:
    """What is wrong with how the focused element shows its focus (empty list: nothing)."""
    problems = []
    if info["outlineStyle"] == "none" or info["outlineWidth"] < 2:
        problems.append(f"no focus ring (outline {info['outlineStyle']} {info['outlineWidth']}px)")
    else:
        ring = parse_color(info["outlineColor"])
        behind = flatten(info["layers"])
        ratio = contrast(over(ring, behind), behind)
        if ratio < min_contrast:
            problems.append(f"focus ring contrast {ratio:.2f}:1 < {min_contrast}:1 ({info['outlineColor']} on {behind[:3]})")
    if info["width"] < 1 or info["height"] < 1:
        problems.append("has no size on screen")
    elif not info["visible"]:
        problems.append(f"hidden under {info['covering']}")
    return problems
