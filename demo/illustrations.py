"""Flat illustrations for the demo site, drawn with Pillow (nothing is downloaded).

Each scene is a function `scene(canvas, palette, rng)` that draws on a `Canvas` in
design units (1600×900 for heroes, 1200×800 for body pictures). The canvas draws at
twice that size and scales down at the end, which gives smooth edges cheaply.
`draw_scene()` and `draw_avatar()` return PNG bytes ready for a CustomImage.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

SUPERSAMPLE = 2
HERO_SIZE = (1600, 900)
BODY_SIZE = (1200, 800)
AVATAR_SIZE = (640, 640)


@dataclass(frozen=True)
class Palette:
    sky_top: str
    sky_bottom: str
    sun: str
    ground: str
    ground_far: str
    wall: str
    roof: str
    accent: str
    accent2: str
    leaf: str
    leaf_dark: str
    ink: str


PALETTES = {
    "pagi": Palette(
        "#f7d9b9",
        "#fcefdc",
        "#f4a259",
        "#c9a26b",
        "#e3c393",
        "#f3e3c7",
        "#b5523b",
        "#e07a5f",
        "#3d7068",
        "#6a994e",
        "#386641",
        "#3b2f2f",
    ),
    "senja": Palette(
        "#f2a07b",
        "#fbd8a6",
        "#fff1c1",
        "#8c5a3c",
        "#b9785a",
        "#f6dcc0",
        "#7a3b2e",
        "#d1495b",
        "#edae49",
        "#7c9a5b",
        "#4e6b3a",
        "#2f2322",
    ),
    "malam": Palette(
        "#1d2a44",
        "#3b4a6b",
        "#f6e7b0",
        "#26324a",
        "#31405e",
        "#e8d3b0",
        "#5b3a42",
        "#f2c14e",
        "#c96f5a",
        "#5f8a6b",
        "#3f5f4a",
        "#141a26",
    ),
    "teduh": Palette(
        "#cfe5dc",
        "#f1f6ee",
        "#f2b880",
        "#9bbf8f",
        "#c3dbb4",
        "#fbf3e4",
        "#3d6b5e",
        "#e2856e",
        "#2a6f97",
        "#5c9e6e",
        "#2d6a4f",
        "#263238",
    ),
    "tanah": Palette(
        "#f0c987",
        "#fbe8c4",
        "#e76f51",
        "#a8744f",
        "#d2a26e",
        "#f7e1c3",
        "#8d3b2b",
        "#2a9d8f",
        "#e9c46a",
        "#8aa35a",
        "#55703a",
        "#33261d",
    ),
    "mawar": Palette(
        "#f4c7c3",
        "#fdf0ea",
        "#f08a5d",
        "#b97a7a",
        "#dcaaa0",
        "#fff5ee",
        "#8e4a5d",
        "#c75d7b",
        "#5f7c8a",
        "#7fa37a",
        "#4b6e4d",
        "#3a2a30",
    ),
}

SKIN_TONES = ["#f1c7a1", "#e0ac82", "#c98d62", "#a96d47", "#8a5636"]
OUTFITS = ["#d1495b", "#2a9d8f", "#e9c46a", "#3d5a80", "#8e4a5d", "#e07a5f", "#6a994e"]


class Canvas:
    def __init__(self, size, background="#ffffff"):
        self.width, self.height = size
        self.image = Image.new(
            "RGB", (self.width * SUPERSAMPLE, self.height * SUPERSAMPLE), background
        )
        self.draw = ImageDraw.Draw(self.image)

    # --- coordinates are design units; scale once, here
    @staticmethod
    def _s(value):
        return round(value * SUPERSAMPLE)

    def _points(self, points):
        return [(self._s(x), self._s(y)) for x, y in points]

    def _box(self, x0, y0, x1, y1):
        return [self._s(x0), self._s(y0), self._s(x1), self._s(y1)]

    # --- primitives
    def gradient(self, top, bottom, y0=0, y1=None):
        y1 = self.height if y1 is None else y1
        size = (self.image.width, self._s(y1 - y0))
        # A one-pixel-wide ramp stretched sideways is much cheaper than a full resize.
        ramp = Image.linear_gradient("L").crop((0, 0, 1, 256)).resize((1, size[1]))
        mask = ramp.resize(size, Image.Resampling.NEAREST)
        band = Image.composite(
            Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask
        )
        self.image.paste(band, (0, self._s(y0)))

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        box = self._box(x0, y0, x1, y1)
        if radius:
            self.draw.rounded_rectangle(box, radius=self._s(radius), fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill):
        self.draw.ellipse(self._box(x0, y0, x1, y1), fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, fill)

    def polygon(self, points, fill):
        self.draw.polygon(self._points(points), fill=fill)

    def line(self, points, fill, width):
        self.draw.line(
            self._points(points), fill=fill, width=self._s(width), joint="curve"
        )
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill)

    def arc(self, cx, cy, r, start, end, fill, width):
        self.draw.arc(
            self._box(cx - r, cy - r, cx + r, cy + r),
            start,
            end,
            fill=fill,
            width=self._s(width),
        )

    # --- shapes built from primitives
    def leaf(self, cx, cy, length, width, angle, fill):
        """A pointed leaf whose base sits at (cx, cy), pointing at `angle` degrees."""
        a = math.radians(angle)
        points = []
        for i in range(25):
            t = i / 24
            along = t * length
            half = math.sin(math.pi * t) * width / 2
            points.append((along, half))
        points += [(along, -half) for along, half in reversed(points)]
        self.polygon(
            [
                (
                    cx + x * math.cos(a) - y * math.sin(a),
                    cy + x * math.sin(a) + y * math.cos(a),
                )
                for x, y in points
            ],
            fill,
        )

    def heart(self, cx, cy, size, fill):
        points = []
        for i in range(60):
            t = 2 * math.pi * i / 60
            x = 16 * math.sin(t) ** 3
            y = (
                13 * math.cos(t)
                - 5 * math.cos(2 * t)
                - 2 * math.cos(3 * t)
                - math.cos(4 * t)
            )
            points.append((cx + x * size / 32, cy - y * size / 32))
        self.polygon(points, fill)

    def sparkle(self, cx, cy, r, fill):
        self.polygon(
            [
                (cx, cy - r),
                (cx + r * 0.25, cy - r * 0.25),
                (cx + r, cy),
                (cx + r * 0.25, cy + r * 0.25),
                (cx, cy + r),
                (cx - r * 0.25, cy + r * 0.25),
                (cx - r, cy),
                (cx - r * 0.25, cy - r * 0.25),
            ],
            fill,
        )

    def sun(self, cx, cy, r, fill, halo=None):
        if halo:
            for grow, _ in zip((2.0, 1.6, 1.3), range(3), strict=False):
                self.circle(cx, cy, r * grow, halo)
        self.circle(cx, cy, r, fill)

    def cloud(self, cx, cy, w, fill):
        h = w * 0.32
        self.rect(cx - w / 2, cy - h * 0.2, cx + w / 2, cy + h / 2, fill, radius=h / 2)
        self.circle(cx - w * 0.15, cy - h * 0.1, h * 0.6, fill)
        self.circle(cx + w * 0.12, cy - h * 0.3, h * 0.75, fill)

    def hills(self, y, colour, rng, bumps=3):
        for i in range(bumps):
            cx = self.width * (i + 0.5) / bumps + rng.uniform(-80, 80)
            w = self.width / bumps * rng.uniform(1.1, 1.6)
            self.ellipse(
                cx - w / 2, y - rng.uniform(60, 140), cx + w / 2, y + 300, colour
            )
        self.rect(0, y, self.width, self.height, colour)

    def plant_pot(self, x, ground, h, pot, leaf, leaf_dark, rng):
        pw = h * 0.55
        ph = h * 0.4
        self.polygon(
            [
                (x - pw / 2, ground - ph),
                (x + pw / 2, ground - ph),
                (x + pw * 0.38, ground),
                (x - pw * 0.38, ground),
            ],
            pot,
        )
        self.rect(
            x - pw * 0.56, ground - ph - h * 0.06, x + pw * 0.56, ground - ph, pot
        )
        base = ground - ph
        for i in range(7):
            angle = -90 + (i - 3) * 22 + rng.uniform(-6, 6)
            length = h * rng.uniform(0.55, 0.8)
            self.leaf(
                x, base, length, length * 0.32, angle, leaf if i % 2 else leaf_dark
            )

    def tree(self, x, ground, h, trunk, leaf, leaf_dark):
        self.rect(x - h * 0.04, ground - h * 0.5, x + h * 0.04, ground, trunk)
        self.circle(x, ground - h * 0.68, h * 0.3, leaf_dark)
        self.circle(x - h * 0.16, ground - h * 0.55, h * 0.2, leaf)
        self.circle(x + h * 0.17, ground - h * 0.58, h * 0.22, leaf)
        self.circle(x + h * 0.02, ground - h * 0.82, h * 0.2, leaf)

    def cup(self, x, y, w, colour, steam=None):
        """A cup standing on y (its bottom), optionally steaming."""
        h = w * 0.8
        self.arc(x + w * 0.5, y - h * 0.55, w * 0.22, -90, 90, colour, w * 0.09)
        self.rect(x - w / 2, y - h, x + w / 2, y, colour, radius=w * 0.18)
        if steam:
            for dx in (-w * 0.18, w * 0.15):
                pts = [
                    (x + dx + math.sin(i / 2.5) * w * 0.08, y - h - 8 - i * w * 0.09)
                    for i in range(8)
                ]
                self.line(pts, steam, w * 0.05)

    def speech_bubble(self, x, y, w, h, fill, dots=None, tail="left"):
        self.rect(x, y, x + w, y + h, fill, radius=h * 0.4)
        tx = x + w * 0.25 if tail == "left" else x + w * 0.75
        self.polygon(
            [
                (tx - 18, y + h - 2),
                (tx + 12, y + h - 2),
                (tx - 26 if tail == "left" else tx + 26, y + h + 30),
            ],
            fill,
        )
        if dots:
            for i in range(3):
                self.circle(x + w / 2 + (i - 1) * h * 0.3, y + h / 2, h * 0.09, dots)

    def person(
        self,
        x,
        ground,
        height,
        skin,
        outfit,
        *,
        hijab=None,
        hair=None,
        sitting=False,
        seat=None,
        arm=None,
        legs="#3b2f2f",
    ):
        """A faceless figure, standing or (with `seat`, the seat's y) sitting."""
        r = height * 0.1
        head_y = ground - height + r
        if sitting:
            head_y = seat - height * 0.52 + r
        shoulder_y = head_y + r * 1.45
        shoulder_w = height * 0.17
        darker = _shade(outfit, 0.82)
        if sitting:
            hip_y = seat
            self.rect(
                x - shoulder_w * 0.8,
                hip_y - height * 0.06,
                x + height * 0.3,
                hip_y + height * 0.04,
                outfit,
                radius=height * 0.04,
            )
            self.rect(x + height * 0.22, hip_y, x + height * 0.3, ground - 6, legs)
            self.ellipse(x + height * 0.2, ground - 14, x + height * 0.38, ground, legs)
        else:
            hip_y = ground - height * 0.12
            for dx in (-height * 0.07, height * 0.03):
                self.rect(x + dx, hip_y - 10, x + dx + height * 0.05, ground - 4, legs)
            self.ellipse(x - height * 0.09, ground - 12, x - height * 0.0, ground, legs)
            self.ellipse(
                x + height * 0.02, ground - 12, x + height * 0.11, ground, legs
            )
        hem_w = shoulder_w * (1.15 if sitting else 1.45)
        self.polygon(
            [
                (x - shoulder_w, shoulder_y + r * 0.4),
                (x + shoulder_w, shoulder_y + r * 0.4),
                (x + hem_w, hip_y),
                (x - hem_w, hip_y),
            ],
            outfit,
        )
        self.ellipse(
            x - shoulder_w,
            shoulder_y - r * 0.2,
            x + shoulder_w,
            shoulder_y + r * 1.1,
            outfit,
        )
        if arm == "forward":
            self.line(
                [
                    (x + shoulder_w * 0.6, shoulder_y + r * 0.6),
                    (x + shoulder_w * 1.9, shoulder_y + r * 2.0),
                ],
                darker,
                r * 0.55,
            )
            self.circle(x + shoulder_w * 1.95, shoulder_y + r * 2.05, r * 0.3, skin)
        elif arm == "up":
            self.line(
                [
                    (x + shoulder_w * 0.6, shoulder_y + r * 0.5),
                    (x + shoulder_w * 1.5, shoulder_y - r * 1.2),
                ],
                darker,
                r * 0.55,
            )
            self.circle(x + shoulder_w * 1.55, shoulder_y - r * 1.3, r * 0.3, skin)
        else:
            self.line(
                [
                    (x + shoulder_w * 0.8, shoulder_y + r * 0.6),
                    (x + shoulder_w * 1.1, hip_y - r * 0.8),
                ],
                darker,
                r * 0.5,
            )
        if hijab:
            self.polygon(
                [
                    (x - r * 1.3, head_y),
                    (x + r * 1.3, head_y),
                    (x + shoulder_w * 1.05, shoulder_y + r * 1.2),
                    (x - shoulder_w * 1.05, shoulder_y + r * 1.2),
                ],
                hijab,
            )
            self.circle(x, head_y, r * 1.3, hijab)
            self.circle(x + r * 0.1, head_y + r * 0.12, r * 0.82, skin)
        else:
            self.rect(
                x - r * 0.35, head_y + r * 0.6, x + r * 0.35, shoulder_y + r * 0.2, skin
            )
            self.circle(x, head_y, r, skin)
            if hair:
                self.ellipse(
                    x - r * 1.1, head_y - r * 1.15, x + r * 1.05, head_y + r * 0.1, hair
                )
                self.circle(x - r * 0.95, head_y - r * 0.1, r * 0.55, hair)

    def finish(self):
        return self.image.reduce(SUPERSAMPLE)


def _shade(colour, factor):
    colour = colour.lstrip("#")
    rgb = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{max(0, min(255, round(c * factor))):02x}" for c in rgb)


# --- scenes -------------------------------------------------------------------------


def _people(rng, n):
    """n distinct (skin, outfit, hijab-or-None, hair-or-None) tuples."""
    skins = rng.sample(SKIN_TONES, k=min(n, len(SKIN_TONES)))
    outfits = rng.sample(OUTFITS, k=min(n, len(OUTFITS)))
    people = []
    for i in range(n):
        covered = rng.random() < 0.6
        hijab = _shade(rng.choice(OUTFITS), 1.1) if covered else None
        people.append(
            (
                skins[i % len(skins)],
                outfits[i % len(outfits)],
                hijab,
                None if covered else "#2b1d16",
            )
        )
    return people


def _house(c, p, x, ground, w, h, lit=None):
    """A house with a front porch (the serambi)."""
    roof_h = h * 0.45
    c.rect(x, ground - h, x + w, ground, p.wall)
    c.polygon(
        [
            (x - w * 0.1, ground - h),
            (x + w * 1.1, ground - h),
            (x + w * 0.8, ground - h - roof_h),
            (x + w * 0.2, ground - h - roof_h),
        ],
        p.roof,
    )
    c.rect(x - w * 0.05, ground - 16, x + w * 1.05, ground + 6, _shade(p.wall, 0.8))
    for px in (x + w * 0.02, x + w * 0.95):
        c.rect(px, ground - h, px + w * 0.03, ground - 14, _shade(p.roof, 0.9))
    c.rect(
        x + w * 0.4,
        ground - h * 0.62,
        x + w * 0.6,
        ground - 16,
        _shade(p.roof, 0.8),
        radius=6,
    )
    window = lit or _shade(p.wall, 0.75)
    for wx in (x + w * 0.12, x + w * 0.7):
        c.rect(wx, ground - h * 0.7, wx + w * 0.18, ground - h * 0.36, window, radius=4)
        c.rect(
            wx + w * 0.085,
            ground - h * 0.7,
            wx + w * 0.095,
            ground - h * 0.36,
            _shade(p.roof, 0.8),
        )


def scene_night_window(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    for _ in range(40):
        c.sparkle(
            rng.uniform(0, c.width),
            rng.uniform(0, c.height * 0.5),
            rng.uniform(3, 9),
            "#f6efd2",
        )
    c.sun(1300, 170, 70, p.sun, halo="#46577a")
    c.circle(1330, 150, 60, _shade(p.sky_top, 1.15))
    c.hills(720, p.ground_far, rng, 4)
    _house(c, p, 360, 760, 760, 330, lit="#f7d27a")
    c.rect(0, 760, c.width, c.height, p.ground)
    skin, outfit, hijab, hair = _people(rng, 1)[0]
    c.person(
        520, 640, 150, skin, outfit, hijab=hijab or "#c96f5a", sitting=True, seat=620
    )
    c.cup(1000, 760, 34, "#f2c14e", steam="#c9d2e6")
    c.plant_pot(240, 770, 120, "#8c5a3c", p.leaf, p.leaf_dark, rng)
    c.plant_pot(1250, 770, 150, "#a0522d", p.leaf, p.leaf_dark, rng)


def scene_helping_hands(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(1320, 200, 90, p.sun, halo=_shade(p.sky_bottom, 0.97))
    c.cloud(300, 180, 260, "#ffffff")
    c.hills(690, p.ground_far, rng, 3)
    _house(c, p, 120, 720, 420, 220)
    c.rect(0, 720, c.width, c.height, p.ground)
    (s1, o1, h1, r1), (s2, o2, h2, r2) = _people(rng, 2)
    c.person(700, 820, 380, s1, o1, hijab=h1, hair=r1, arm="forward")
    c.person(1040, 820, 350, s2, o2, hijab=h2 or "#3d7068", arm="forward")
    c.rect(790, 560, 900, 640, p.accent, radius=14)
    c.rect(800, 540, 890, 560, _shade(p.accent, 0.8), radius=8)
    for i, (hx, hy) in enumerate([(850, 420), (790, 360), (920, 330)]):
        c.heart(hx, hy, 70 - i * 16, p.accent if i % 2 == 0 else p.accent2)
    c.plant_pot(1400, 830, 170, p.roof, p.leaf, p.leaf_dark, rng)


def scene_speech_bubbles(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.circle(800, 420, 300, _shade(p.sky_bottom, 0.94))
    c.rect(0, 760, c.width, c.height, p.ground)
    skin, outfit, hijab, hair = _people(rng, 2)[0]
    c.person(760, 800, 420, skin, outfit, hijab=hijab, hair=hair)
    s2, o2, _, _ = _people(rng, 2)[1]
    c.person(930, 800, 230, s2, o2, hair="#2b1d16")
    bubbles = [
        (240, 150, 300, 110),
        (1060, 120, 320, 120),
        (170, 420, 240, 96),
        (1180, 400, 260, 100),
        (560, 70, 200, 80),
    ]
    for i, (x, y, w, h) in enumerate(bubbles):
        colour = [p.accent, p.accent2, "#ffffff", p.wall, p.sun][i % 5]
        c.speech_bubble(
            x,
            y,
            w,
            h,
            colour,
            dots=_shade(colour, 0.6),
            tail="left" if x > 700 else "right",
        )
    c.plant_pot(1400, 790, 160, p.roof, p.leaf, p.leaf_dark, rng)
    c.plant_pot(200, 790, 140, p.accent2, p.leaf, p.leaf_dark, rng)


def scene_circle_friends(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(800, 330, 230, p.sun, halo=_shade(p.sky_bottom, 0.96))
    c.rect(0, 770, c.width, c.height, p.ground)
    people = _people(rng, 5)
    for i, (skin, outfit, hijab, hair) in enumerate(people):
        x = 260 + i * 270
        h = 380 + (i % 2) * 30
        c.person(
            x,
            820,
            h,
            skin,
            outfit,
            hijab=hijab,
            hair=hair,
            arm="up" if i in (1, 3) else None,
        )
    for i in range(6):
        c.heart(
            200 + i * 240 + rng.uniform(-30, 30),
            rng.uniform(90, 220),
            rng.uniform(40, 70),
            [p.accent, p.accent2, "#ffffff"][i % 3],
        )
    for x in (560, 1100):
        c.rect(x, 440, x + 70, 560, p.ink, radius=12)
        c.rect(x + 8, 452, x + 62, 540, "#e8f0f2", radius=6)


def scene_bench_talk(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(1250, 420, 140, p.sun, halo=_shade(p.sky_bottom, 0.95))
    c.hills(650, p.ground_far, rng, 3)
    c.rect(0, 700, c.width, c.height, p.ground)
    c.tree(420, 720, 560, "#6b4226", p.leaf, p.leaf_dark)
    c.rect(520, 640, 1100, 664, "#8c5a3c", radius=8)
    for x in (550, 1050):
        c.rect(x, 660, x + 20, 760, "#6b4226")
    (s1, o1, h1, r1), (s2, o2, _, _) = _people(rng, 2)
    c.person(680, 760, 380, s1, o1, hijab=h1, hair=r1, sitting=True, seat=640)
    c.person(900, 760, 260, s2, o2, hair="#2b1d16", sitting=True, seat=640)
    c.speech_bubble(740, 250, 180, 80, "#ffffff", dots=p.accent)
    c.heart(980, 300, 50, p.accent)


def scene_morning_kitchen(c, p, rng):
    frame = _shade(p.wall, 0.85)
    c.gradient(p.sky_top, p.sky_bottom, 110, 500)
    c.sun(800, 430, 110, p.sun)
    c.rect(0, 0, c.width, 110, p.wall)
    c.rect(0, 0, 540, 500, p.wall)
    c.rect(1060, 0, c.width, 500, p.wall)
    c.rect(540, 300, 1060, 312, frame)
    c.rect(794, 110, 806, 500, frame)
    c.rect(520, 90, 1080, 110, frame)
    c.rect(0, 500, c.width, 520, frame)
    c.rect(0, 520, c.width, 620, p.wall)
    c.rect(0, 620, c.width, 660, p.roof)
    c.rect(0, 660, c.width, c.height, _shade(p.ground, 1.1))
    c.circle(1320, 230, 100, "#ffffff")
    c.circle(1320, 230, 88, p.accent2)
    c.line([(1320, 230), (1320, 170)], p.ink, 10)
    c.line([(1320, 230), (1360, 250)], p.ink, 10)
    c.cup(600, 620, 70, p.accent, steam="#ffffff")
    c.cup(720, 620, 60, p.accent2)
    c.rect(880, 560, 1100, 620, "#4e8fc9", radius=16)
    c.rect(880, 545, 1100, 575, "#3a6f9e", radius=12)
    for i in range(5):
        c.circle(180 + i * 60, 594, 26, [p.accent, p.sun, p.leaf][i % 3])
    c.plant_pot(1400, 620, 150, p.roof, p.leaf, p.leaf_dark, rng)


def scene_walk_together(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(360, 260, 110, p.sun, halo=_shade(p.sky_bottom, 0.96))
    c.cloud(1100, 160, 280, "#ffffff")
    c.hills(620, p.ground_far, rng, 4)
    c.rect(0, 660, c.width, c.height, p.ground)
    c.polygon(
        [(640, 660), (960, 660), (1300, c.height), (300, c.height)],
        _shade(p.ground, 1.15),
    )
    for x, h in ((150, 380), (1420, 420), (1250, 300)):
        c.tree(x, 700, h, "#6b4226", p.leaf, p.leaf_dark)
    (s1, o1, h1, r1), (s2, o2, _, _) = _people(rng, 2)
    c.person(720, 860, 420, s1, o1, hijab=h1, hair=r1, arm="forward")
    c.person(900, 860, 250, s2, o2, hair="#2b1d16", arm="up")
    c.polygon([(1040, 240), (1100, 300), (1040, 360), (980, 300)], p.accent)
    c.line([(1040, 360), (1010, 420), (1040, 480), (950, 560)], p.ink, 3)


def scene_warung(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(1350, 160, 80, p.sun)
    c.rect(0, 720, c.width, c.height, p.ground)
    c.rect(300, 300, 1300, 720, p.wall)
    for i in range(10):
        colour = p.accent if i % 2 == 0 else "#ffffff"
        c.polygon(
            [
                (260 + i * 108, 200),
                (368 + i * 108, 200),
                (368 + i * 108, 320),
                (314 + i * 108, 350),
                (260 + i * 108, 320),
            ],
            colour,
        )
    c.rect(240, 180, 1340, 210, p.roof)
    skin, outfit, hijab, hair = _people(rng, 1)[0]
    c.person(800, 720, 360, skin, outfit, hijab=hijab or p.accent2)
    c.rect(300, 560, 1300, 720, p.roof)
    c.rect(280, 540, 1320, 575, _shade(p.roof, 1.2))
    for i, colour in enumerate([p.leaf, p.accent2, "#c0392b", p.leaf_dark, "#d4a373"]):
        x = 420 + i * 190
        c.ellipse(x - 70, 490, x + 70, 555, "#e8e2d6")
        c.ellipse(x - 55, 480, x + 55, 530, colour)
    c.rect(330, 610, 520, 690, "#ffffff", radius=10)
    c.rect(360, 635, 490, 650, p.accent)
    c.leaf(1420, 720, 200, 60, -110, p.leaf)
    c.leaf(1420, 720, 180, 55, -70, p.leaf_dark)


def scene_budget(c, p, rng):
    c.rect(0, 0, c.width, c.height, p.sky_bottom)
    c.circle(300, 200, 220, _shade(p.sky_top, 1.02))
    c.rect(0, 620, c.width, c.height, p.ground)
    c.rect(300, 300, 820, 760, "#ffffff", radius=18)
    c.rect(300, 300, 340, 760, p.accent, radius=10)
    for i in range(8):
        c.rect(380, 360 + i * 46, 760 - (i % 3) * 70, 370 + i * 46, _shade(p.wall, 0.8))
    c.line([(840, 760), (1000, 380)], p.accent2, 18)
    c.rect(1020, 400, 1240, 740, p.ink, radius=20)
    c.rect(1045, 425, 1215, 500, "#cfe5dc", radius=8)
    for row in range(4):
        for col in range(3):
            c.rect(
                1048 + col * 58,
                520 + row * 54,
                1096 + col * 58,
                562 + row * 54,
                p.accent if (row, col) == (3, 2) else "#5d5d6b",
                radius=8,
            )
    for i in range(6):
        c.ellipse(
            1300, 740 - i * 26, 1440, 780 - i * 26, _shade(p.sun, 0.9 + (i % 2) * 0.1)
        )
    c.plant_pot(160, 640, 200, p.roof, p.leaf, p.leaf_dark, rng)


def scene_envelopes(c, p, rng):
    c.rect(0, 0, c.width, c.height, p.sky_bottom)
    c.rect(0, c.height * 0.62, c.width, c.height, p.ground)
    colours = [p.accent, p.accent2, p.sun, p.leaf, p.roof, "#5f7c8a"]
    w = c.width / 7.2
    for i, colour in enumerate(colours):
        x = w * 0.45 + i * w * 1.1
        y = c.height * 0.3 + (i % 2) * 30
        c.rect(x, y, x + w, y + w * 0.65, colour, radius=8)
        c.polygon([(x, y), (x + w, y), (x + w / 2, y + w * 0.38)], _shade(colour, 0.85))
        c.rect(
            x + w * 0.2, y + w * 0.48, x + w * 0.8, y + w * 0.56, "#ffffff", radius=4
        )
    for i in range(7):
        cx = c.width * 0.3 + i * 70
        for j in range(i % 3 + 2):
            c.ellipse(
                cx - 40,
                c.height * 0.82 - j * 18,
                cx + 40,
                c.height * 0.82 + 24 - j * 18,
                _shade(p.sun, 0.95 if j % 2 else 1.05),
            )


def scene_work_desk(c, p, rng):
    c.rect(0, 0, c.width, c.height, p.wall)
    c.rect(900, 80, 1450, 480, _shade(p.wall, 0.8), radius=10)
    c.gradient(p.sky_top, p.sky_bottom, 100, 460)
    c.rect(0, 0, 920, 460, p.wall)
    c.rect(1430, 0, c.width, 460, p.wall)
    for i, h in enumerate([180, 260, 140, 220, 300, 160]):
        c.rect(
            940 + i * 82,
            460 - h,
            1010 + i * 82,
            460,
            _shade(p.ground_far, 0.9 + i % 2 * 0.1),
        )
    c.rect(0, 460, c.width, 480, _shade(p.wall, 0.8))
    c.rect(150, 640, 1450, 680, p.roof)
    c.rect(200, 680, 240, c.height, _shade(p.roof, 0.8))
    c.rect(1360, 680, 1400, c.height, _shade(p.roof, 0.8))
    c.rect(520, 400, 900, 630, p.ink, radius=14)
    c.rect(540, 420, 880, 610, "#cfe5dc", radius=6)
    c.rect(480, 628, 940, 642, _shade(p.ink, 1.6), radius=6)
    skin, outfit, hijab, hair = _people(rng, 1)[0]
    c.rect(200, 560, 240, 720, "#5d4037", radius=10)
    c.rect(230, 700, 420, 730, "#5d4037", radius=10)
    c.rect(250, 730, 270, 880, "#4e342e")
    c.rect(380, 730, 400, 880, "#4e342e")
    c.person(
        330,
        880,
        470,
        skin,
        outfit,
        hijab=hijab,
        hair=hair,
        sitting=True,
        seat=700,
        arm="forward",
    )
    c.cup(1040, 640, 56, p.accent, steam="#ffffff")
    c.plant_pot(1260, 640, 170, p.accent2, p.leaf, p.leaf_dark, rng)
    c.rect(600, 460, 780, 476, p.accent)
    c.rect(600, 500, 820, 512, "#8fb8a8")
    c.rect(600, 530, 740, 542, "#8fb8a8")


def scene_coin_jar(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(1250, 230, 110, p.sun, halo=_shade(p.sky_bottom, 0.95))
    c.rect(0, 700, c.width, c.height, p.ground)
    c.rect(560, 320, 1040, 760, "#dfeef0", radius=60)
    c.rect(600, 270, 1000, 330, p.roof, radius=16)
    for row in range(7):
        for col in range(5):
            x = 640 + col * 82 + (row % 2) * 30
            c.ellipse(
                x - 38,
                700 - row * 40,
                x + 38,
                736 - row * 40,
                _shade(p.sun, 0.9 + ((row + col) % 3) * 0.06),
            )
    c.rect(790, 130, 810, 280, p.leaf_dark)
    c.leaf(800, 200, 150, 60, -30, p.leaf)
    c.leaf(800, 160, 130, 52, -150, p.leaf_dark)
    for i in range(5):
        c.ellipse(
            200 + i * 50, 730 - i * 24, 300 + i * 50, 770 - i * 24, _shade(p.sun, 0.95)
        )
    c.sparkle(1130, 420, 26, "#ffffff")
    c.sparkle(470, 360, 18, "#ffffff")


def scene_tea_porch(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(300, 240, 120, p.sun, halo=_shade(p.sky_bottom, 0.96))
    c.rect(0, 700, c.width, c.height, _shade(p.ground, 1.1))
    c.rect(0, 690, c.width, 716, _shade(p.ground, 0.9))
    for x in (60, 1500):
        c.rect(x, 60, x + 40, 690, _shade(p.roof, 0.9))
    c.rect(0, 40, c.width, 80, p.roof)
    c.rect(620, 540, 980, 580, "#8c5a3c", radius=12)
    c.rect(640, 400, 680, 560, "#8c5a3c", radius=10)
    c.rect(650, 580, 670, 700, "#6b4226")
    c.rect(930, 580, 950, 700, "#6b4226")
    skin, outfit, hijab, hair = _people(rng, 1)[0]
    c.person(
        760,
        700,
        440,
        skin,
        outfit,
        hijab=hijab,
        hair=hair,
        sitting=True,
        seat=545,
        arm="forward",
    )
    c.cup(885, 500, 44, p.accent, steam="#ffffff")
    for x, h in ((1150, 200), (1300, 250), (1430, 170), (260, 190)):
        c.plant_pot(x, 700, h, p.roof if x % 2 else p.accent2, p.leaf, p.leaf_dark, rng)
    for i in range(4):
        c.sparkle(1000 + i * 120, 150 + (i % 2) * 60, 14, "#ffffff")


def scene_rest(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.rect(1050, 120, 1450, 480, _shade(p.sky_top, 0.8), radius=14)
    c.circle(1250, 280, 80, "#f6e7b0")
    c.circle(1285, 255, 70, _shade(p.sky_top, 0.8))
    for i in range(6):
        c.sparkle(1100 + i * 60, 170 + (i % 3) * 90, 8, "#f6efd2")
    c.rect(0, 660, c.width, c.height, p.ground)
    c.rect(200, 500, 980, 700, p.wall, radius=30)
    c.rect(180, 400, 240, 760, p.roof, radius=20)
    c.rect(960, 520, 1010, 760, p.roof, radius=20)
    c.rect(260, 440, 480, 540, "#ffffff", radius=40)
    c.rect(420, 520, 980, 640, p.accent, radius=36)
    skin, *_ = _people(rng, 1)[0]
    c.circle(380, 480, 50, skin)
    c.ellipse(320, 420, 440, 470, "#2b1d16")
    c.rect(1100, 640, 1260, 660, "#8c5a3c")
    c.rect(1120, 560, 1160, 640, "#dbeaf2", radius=6)
    c.rect(1124, 590, 1156, 636, "#a9cbe0", radius=4)
    c.ellipse(1180, 610, 1250, 640, "#ffffff")
    c.circle(1215, 615, 18, p.sun)
    c.plant_pot(1430, 680, 150, p.accent2, p.leaf, p.leaf_dark, rng)


def scene_porch_gathering(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(1050, 180, 70, p.sun)
    c.rect(0, 120, c.width, 160, p.roof)
    c.rect(0, 160, c.width, 620, p.wall)
    for x in (70, 1110):
        c.rect(x, 160, x + 26, 620, _shade(p.roof, 0.9))
    c.rect(420, 220, 780, 420, _shade(p.wall, 0.8), radius=8)
    c.rect(0, 620, c.width, c.height, _shade(p.ground, 1.1))
    c.rect(160, 600, 1040, 640, "#8c5a3c", radius=8)
    c.rect(460, 560, 740, 600, "#a0522d", radius=8)
    people = _people(rng, 3)
    for (skin, outfit, hijab, hair), x in zip(people, (300, 600, 900), strict=True):
        c.person(
            x, 760, 360, skin, outfit, hijab=hijab, hair=hair, sitting=True, seat=600
        )
    c.cup(520, 560, 36, p.accent)
    c.cup(680, 560, 36, p.accent2)
    c.plant_pot(120, 740, 150, p.roof, p.leaf, p.leaf_dark, rng)


def scene_uniform_chair(c, p, rng):
    c.rect(0, 0, c.width, c.height, p.wall)
    c.rect(0, 600, c.width, c.height, _shade(p.ground, 1.15))
    c.rect(420, 460, 760, 500, "#8c5a3c", radius=10)
    c.rect(440, 200, 480, 480, "#8c5a3c", radius=10)
    c.rect(700, 200, 740, 480, "#8c5a3c", radius=10)
    c.rect(440, 220, 740, 260, "#8c5a3c", radius=10)
    for x in (440, 700):
        c.rect(x, 500, x + 32, 700, "#6b4226")
    c.rect(480, 380, 700, 460, "#ffffff", radius=8)
    c.rect(480, 420, 700, 460, "#e9e4da", radius=8)
    c.rect(560, 330, 640, 390, "#c0392b", radius=8)
    c.ellipse(470, 660, 570, 710, p.ink)
    c.ellipse(590, 660, 690, 710, p.ink)
    c.rect(820, 360, 1040, 690, p.accent2, radius=40)
    c.rect(860, 440, 1000, 560, _shade(p.accent2, 0.85), radius=20)
    c.arc(930, 360, 60, 180, 360, _shade(p.accent2, 0.7), 14)
    c.rect(100, 120, 300, 340, "#ffffff", radius=8)
    for i in range(4):
        c.rect(130, 160 + i * 44, 150, 180 + i * 44, p.accent)
        c.rect(170, 164 + i * 44, 270, 176 + i * 44, _shade(p.wall, 0.7))


def scene_pot_plants(c, p, rng):
    c.gradient(p.sky_top, p.sky_bottom)
    c.sun(950, 180, 80, p.sun, halo=_shade(p.sky_bottom, 0.96))
    c.rect(0, 600, c.width, c.height, _shade(p.ground, 1.1))
    for i, x in enumerate((160, 380, 620, 860, 1060)):
        c.plant_pot(
            x,
            650,
            rng.uniform(170, 260),
            [p.roof, p.accent2, p.accent][i % 3],
            p.leaf,
            p.leaf_dark,
            rng,
        )
        for _ in range(3 if i % 2 == 0 else 0):
            c.circle(
                x + rng.uniform(-50, 50), 650 - rng.uniform(170, 240), 12, "#d62828"
            )
    c.rect(500, 690, 720, 720, "#3d7068", radius=8)
    c.rect(680, 650, 740, 700, "#3d7068", radius=8)


SCENES = {
    name.removeprefix("scene_"): func
    for name, func in globals().items()
    if name.startswith("scene_")
}


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def draw_scene(name, palette, seed, size=HERO_SIZE):
    canvas = Canvas(size, PALETTES[palette].sky_bottom)
    # Seeded for repeatable pictures, not for secrecy.
    SCENES[name](canvas, PALETTES[palette], random.Random(seed))  # noqa: S311
    return _png(canvas.finish())


def draw_avatar(skin, outfit, background, *, hijab=None, hair=None, glasses=False):
    """A head-and-shoulders portrait with a simple, friendly face."""
    c = Canvas(AVATAR_SIZE, background)
    c.circle(320, 320, 260, _shade(background, 1.08))
    c.ellipse(110, 430, 530, 800, outfit)
    if hijab:
        c.polygon([(180, 260), (460, 260), (520, 560), (120, 560)], hijab)
        c.circle(320, 260, 160, hijab)
        c.ellipse(210, 160, 430, 410, skin)
    else:
        c.rect(280, 330, 360, 460, _shade(skin, 0.92))
        if hair:
            c.ellipse(170, 110, 470, 480, hair)
        c.ellipse(210, 150, 430, 400, skin)
        if hair:
            c.ellipse(200, 120, 440, 250, hair)
            c.rect(200, 180, 230, 330, hair)
            c.rect(410, 180, 440, 330, hair)
    for x in (275, 365):
        c.circle(x, 275, 11, "#2b1d16")
        c.circle(x - 24, 315, 16, _shade(skin, 0.9))
    c.arc(320, 300, 46, 30, 150, "#8b3a3a", 7)
    if glasses:
        for x in (275, 365):
            c.arc(x, 275, 32, 0, 360, "#3b2f2f", 5)
        c.line([(307, 272), (333, 272)], "#3b2f2f", 5)
    return _png(c.finish())
