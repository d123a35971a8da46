#!/usr/bin/python3
"""Is kgex's SVG readable? Measured on the picture itself.

  /usr/bin/python3 svg_layout.py FILE.svg

Each label (the <text> elements of <g id="labels">) is measured with the
font a browser or rsvg-convert draws it in (DejaVu Sans, 12 px, with
Pillow) and must overlap no other label and no node (<circle> of <g
id="nodes">); the legend is still there. Prints
"ok - ..." per check; exits 1 on a failure.
"""
import sys
import xml.etree.ElementTree as ET

from PIL import ImageFont

import tap
from tap import report

SVG = "{http://www.w3.org/2000/svg}"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def main(path):
    font = ImageFont.truetype(FONT, 12)
    root = ET.parse(path).getroot()
    groups = {g.get("id"): g for g in root.iter(SVG + "g")}
    labels = []
    for t in groups["labels"].iter(SVG + "text"):
        x, y, text = float(t.get("x")), float(t.get("y")), t.text or ""
        x0, y0, x1, y1 = font.getbbox(text)
        labels.append((x + x0, y + y0 - 12 + 1, x + x1, y + y1 - 12 + 1, text))
    circles = [(float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
               for c in groups["nodes"].iter(SVG + "circle")]

    def meet(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    def on_circle(b, c):
        dx = max(b[0] - c[0], 0, c[0] - b[2])
        dy = max(b[1] - c[1], 0, c[1] - b[3])
        return dx * dx + dy * dy < c[2] * c[2]

    pairs = [(a[4], b[4]) for i, a in enumerate(labels) for b in labels[i + 1:] if meet(a, b)]
    report(not pairs, "%s: %d labels, %d label-on-label overlaps %s"
           % (path, len(labels), len(pairs), pairs[:3]))
    hits = [(b[4], c) for b in labels for c in circles if on_circle(b, c)]
    report(not hits, "%s: %d label-on-node overlaps %s" % (path, len(hits), hits[:3]))
    report("legend" in groups, "%s: the legend is kept" % path)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
