"""Flat illustrations for the demo site, drawn with Pillow: the Tanjungpinang waterfront, Penyengat Island
and its yellow mosque, the fort, the temple, a workshop at city hall.

The demo ships no binary art: each picture is drawn in code, the same every time (no randomness), and
saved as a JPEG of well under 150 KB. ``draw(scene, size)`` returns a Pillow image; ``SCENES`` lists them.
Shapes are drawn at twice the size and scaled down, which smooths their edges.
"""

import math

from PIL import Image, ImageDraw

SCALE = 2
W, H = 1600 * SCALE, 900 * SCALE

# One palette for every scene, so the demo pictures look like one set.
NIGHT = (18, 42, 74)
DUSK = (238, 139, 86)
GLOW = (255, 205, 120)
DAY_TOP = (118, 178, 219)
DAY_BOTTOM = (214, 235, 245)
SEA = (22, 96, 128)
SEA_DEEP = (11, 62, 92)
LAND = (36, 92, 66)
LAND_DARK = (24, 66, 48)
LAND_LIGHT = (74, 132, 82)
MOSQUE = (244, 200, 66)
MOSQUE_SHADE = (214, 164, 40)
TRIM = (31, 122, 76)
WHITE = (250, 247, 240)
BRICK = (172, 96, 64)
BRICK_DARK = (128, 68, 46)
RED = (182, 42, 36)
ROOF = (122, 30, 28)
WOOD = (120, 76, 44)


def _p(*points):
    """Scale design coordinates (on a 1600×900 canvas) to the drawing canvas."""
    return [(x * SCALE, y * SCALE) for x, y in points]


def _box(x0, y0, x1, y1):
    return [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]


def _mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _gradient(draw, top, bottom, y0, y1, stops=None):
    """Vertical gradient between design rows ``y0`` and ``y1`` (``stops``: extra (t, colour) pairs)."""
    stops = [(0.0, top), *(stops or []), (1.0, bottom)]
    for y in range(y0 * SCALE, y1 * SCALE):
        t = (y - y0 * SCALE) / max(1, (y1 - y0) * SCALE - 1)
        for (t0, c0), (t1, c1) in zip(stops, stops[1:], strict=False):
            if t0 <= t <= t1:
                draw.line([(0, y), (W, y)], fill=_mix(c0, c1, (t - t0) / max(t1 - t0, 1e-6)))
                break


def _sea(draw, y0, top=SEA, bottom=SEA_DEEP, shine=None):
    _gradient(draw, top, bottom, y0, 900)
    shine = shine or _mix(top, (255, 255, 255), 0.25)
    for row, y in enumerate(range(y0 + 14, 900, 26)):
        for x in range(-80 + (row % 3) * 140, 1700, 420):
            length = 90 + (row * 37 + x) % 120
            draw.rounded_rectangle(_box(x, y, x + length, y + 4), radius=2 * SCALE, fill=shine)


def _cloud(draw, x, y, size, colour=WHITE):
    for dx, dy, r in ((0, 0, 1.0), (0.9, -0.35, 1.2), (1.9, 0, 0.95), (1.0, 0.2, 1.0)):
        cx, cy, rr = x + dx * size, y + dy * size, r * size
        draw.ellipse(_box(cx - rr, cy - rr * 0.7, cx + rr, cy + rr * 0.7), fill=colour)


def _palm(draw, x, ground, height, colour=LAND_DARK):
    """A coconut palm: a leaning trunk and a crown of fronds."""
    lean = height * 0.12
    trunk = [(x + lean * (i / 10) ** 2, ground - height * i / 10) for i in range(11)]
    draw.line(_p(*trunk), fill=WOOD, width=round(height * 0.06 * SCALE), joint="curve")
    tx, ty = trunk[-1]
    for angle in (-160, -125, -90, -55, -20, 15, 195):
        a = math.radians(angle)
        ex, ey = tx + math.cos(a) * height * 0.42, ty + math.sin(a) * height * 0.2 + height * 0.12
        mx, my = (tx + ex) / 2, min(ty, ey) - height * 0.08
        draw.line(_p((tx, ty), (mx, my), (ex, ey)), fill=colour, width=round(height * 0.05 * SCALE), joint="curve")


def _dome(draw, cx, base, width, height, colour, finial=TRIM):
    """An onion dome standing on ``base``, with a spike on top."""
    draw.ellipse(_box(cx - width / 2, base - height, cx + width / 2, base + height * 0.35), fill=colour)
    draw.polygon(
        _p(
            (cx - width * 0.22, base - height * 0.78),
            (cx, base - height * 1.35),
            (cx + width * 0.22, base - height * 0.78),
        ),
        fill=colour,
    )
    draw.rectangle(_box(cx - 2, base - height * 1.6, cx + 2, base - height * 1.3), fill=finial)


def _mosque(draw, x, ground, scale=1.0):
    """Masjid Raya Sultan Riau: a yellow hall with green trim, rows of domes and four minarets."""
    s = scale
    w, h = 420 * s, 150 * s
    # Minarets first, so the hall stands in front of them.
    for mx in (x - 30 * s, x + 60 * s, x + w - 60 * s, x + w + 30 * s):
        tall = 330 * s if mx in (x - 30 * s, x + w + 30 * s) else 270 * s
        draw.rectangle(_box(mx - 14 * s, ground - tall, mx + 14 * s, ground), fill=MOSQUE)
        draw.rectangle(_box(mx - 20 * s, ground - tall * 0.62, mx + 20 * s, ground - tall * 0.62 + 10 * s), fill=TRIM)
        _dome(draw, mx, ground - tall, 36 * s, 30 * s, MOSQUE)
    draw.rectangle(_box(x, ground - h, x + w, ground), fill=MOSQUE)
    draw.rectangle(_box(x, ground - h, x + w, ground - h + 12 * s), fill=TRIM)
    draw.rectangle(_box(x, ground - 16 * s, x + w, ground), fill=MOSQUE_SHADE)
    for i in range(7):  # arched windows
        wx = x + 34 * s + i * 56 * s
        draw.rectangle(_box(wx, ground - 100 * s, wx + 26 * s, ground - 30 * s), fill=TRIM)
        draw.ellipse(_box(wx, ground - 114 * s, wx + 26 * s, ground - 86 * s), fill=TRIM)
    for row, (count, lift, size) in enumerate(((5, 0, 62), (3, 50, 78), (1, 108, 104))):
        step = w / (count + 1)
        for i in range(count):
            cx = x + step * (i + 1)
            base = ground - h - lift * s
            if row:
                draw.rectangle(
                    _box(cx - size * 0.42 * s, base, cx + size * 0.42 * s, base + lift * s), fill=MOSQUE_SHADE
                )
            _dome(draw, cx, base, size * s, size * 0.8 * s, MOSQUE if row != 1 else MOSQUE_SHADE)


def _boat(draw, x, y, length, colour=RED, cabin=WHITE):
    """A pompong: a wooden boat with a small cabin."""
    draw.polygon(
        _p((x, y), (x + length, y), (x + length * 0.9, y + length * 0.16), (x + length * 0.12, y + length * 0.16)),
        fill=colour,
    )
    draw.rectangle(_box(x, y - 3, x + length, y + 4), fill=WHITE)
    draw.rectangle(_box(x + length * 0.3, y - length * 0.16, x + length * 0.66, y), fill=cabin)
    draw.rectangle(
        _box(x + length * 0.26, y - length * 0.2, x + length * 0.7, y - length * 0.15),
        fill=_mix(colour, (0, 0, 0), 0.3),
    )
    for i in range(3):
        wx = x + length * (0.34 + i * 0.1)
        draw.rectangle(_box(wx, y - length * 0.12, wx + length * 0.06, y - length * 0.05), fill=SEA_DEEP)


def _stilt_houses(draw, x0, ground, count, colours):
    """Houses on stilts over the water (kampung pelantar)."""
    for i in range(count):
        x = x0 + i * 150
        colour = colours[i % len(colours)]
        draw.rectangle(_box(x - 6, ground - 10, x + 136, ground), fill=WOOD)
        for post in range(x, x + 140, 34):
            draw.rectangle(_box(post, ground, post + 6, ground + 60), fill=WOOD)
        draw.rectangle(_box(x, ground - 90, x + 130, ground - 10), fill=colour)
        draw.polygon(_p((x - 16, ground - 88), (x + 65, ground - 150), (x + 146, ground - 88)), fill=ROOF)
        draw.rectangle(_box(x + 20, ground - 70, x + 48, ground - 40), fill=WHITE)
        draw.rectangle(_box(x + 80, ground - 70, x + 108, ground - 10), fill=_mix(colour, (0, 0, 0), 0.35))


def waterfront(draw):
    """Dusk over the strait: Penyengat's mosque across the water, boats and the town's stilt houses."""
    _gradient(draw, NIGHT, GLOW, 0, 560, stops=[(0.55, (92, 76, 128)), (0.82, DUSK)])
    draw.ellipse(_box(1060, 380, 1220, 540), fill=(255, 226, 160))
    draw.polygon(_p((380, 560), (520, 520), (760, 505), (980, 515), (1180, 540), (1260, 560)), fill=LAND_DARK)
    _mosque(draw, 660, 548, scale=0.42)
    _sea(draw, 560, top=(94, 92, 128), bottom=SEA_DEEP, shine=(255, 196, 130))
    _boat(draw, 300, 700, 260, colour=(40, 120, 160))
    _boat(draw, 1040, 640, 180)
    _stilt_houses(draw, -30, 640, 2, [(232, 214, 170), (196, 222, 214)])
    _palm(draw, 1480, 900, 420)
    _palm(draw, 1390, 900, 330)


def penyengat(draw):
    """Penyengat Island by day: the island, its yellow mosque among palms, a pompong crossing."""
    _gradient(draw, DAY_TOP, DAY_BOTTOM, 0, 520)
    _cloud(draw, 240, 140, 60)
    _cloud(draw, 1180, 100, 48)
    draw.polygon(
        _p((0, 540), (160, 470), (520, 440), (980, 430), (1360, 460), (1600, 500), (1600, 560), (0, 560)), fill=LAND
    )
    _mosque(draw, 560, 520, scale=0.95)
    for x, h in ((200, 260), (300, 210), (1260, 250), (1380, 200)):
        _palm(draw, x, 530, h)
    _sea(draw, 540)
    _boat(draw, 260, 720, 300)
    _boat(draw, 1100, 650, 170, colour=(40, 120, 160))


def mosque(draw):
    """Masjid Raya Sultan Riau close up, in afternoon light."""
    _gradient(draw, DAY_TOP, (244, 232, 206), 0, 760)
    _cloud(draw, 180, 160, 56)
    _cloud(draw, 1300, 120, 44)
    draw.rectangle(_box(0, 760, 1600, 900), fill=(214, 200, 170))
    draw.rectangle(_box(0, 740, 1600, 770), fill=LAND_LIGHT)
    _mosque(draw, 390, 760, scale=1.95)
    _palm(draw, 140, 780, 420)
    _palm(draw, 1480, 790, 380)


def tomb(draw):
    """A royal tomb complex: a yellow roofed shelter over gravestones, frangipani trees."""
    _gradient(draw, DAY_TOP, DAY_BOTTOM, 0, 640)
    _cloud(draw, 1100, 150, 50)
    draw.rectangle(_box(0, 640, 1600, 900), fill=LAND_LIGHT)
    draw.rectangle(_box(420, 600, 1180, 660), fill=WHITE)
    for x in (470, 780, 1100):  # pillars
        draw.rectangle(_box(x, 380, x + 34, 620), fill=MOSQUE)
    draw.polygon(_p((360, 400), (800, 220), (1240, 400)), fill=TRIM)
    draw.polygon(_p((400, 400), (800, 250), (1200, 400)), fill=MOSQUE)
    draw.rectangle(_box(360, 396, 1240, 420), fill=TRIM)
    for x in (600, 700, 880, 980):  # gravestones (nisan)
        draw.rounded_rectangle(_box(x, 520, x + 34, 610), radius=14, fill=WHITE)
        draw.rectangle(_box(x - 8, 600, x + 42, 614), fill=(200, 196, 186))
    for x in (150, 1420):
        draw.rectangle(_box(x - 8, 520, x + 8, 660), fill=WOOD)
        for dx, dy in ((-60, -30), (0, -60), (60, -30), (-30, 10), (30, 10)):
            draw.ellipse(_box(x + dx - 70, 470 + dy - 50, x + dx + 70, 470 + dy + 50), fill=LAND)
        for dx, dy in ((-40, -40), (30, -70), (50, 0), (-10, 5)):
            draw.ellipse(_box(x + dx - 12, 470 + dy - 12, x + dx + 12, 470 + dy + 12), fill=WHITE)


def store(draw):
    """The gunpowder store: a small thick-walled yellow building with a domed roof."""
    _gradient(draw, DAY_TOP, DAY_BOTTOM, 0, 660)
    _cloud(draw, 260, 140, 54)
    draw.rectangle(_box(0, 660, 1600, 900), fill=LAND_LIGHT)
    draw.rectangle(_box(560, 360, 1040, 680), fill=MOSQUE)
    draw.rectangle(_box(560, 650, 1040, 690), fill=MOSQUE_SHADE)
    draw.pieslice(_box(540, 200, 1060, 520), 180, 360, fill=MOSQUE_SHADE)
    draw.rectangle(_box(540, 350, 1060, 372), fill=TRIM)
    draw.rectangle(_box(760, 500, 840, 680), fill=TRIM)
    draw.ellipse(_box(760, 470, 840, 530), fill=TRIM)
    for x in (620, 920):
        draw.rectangle(_box(x, 450, x + 60, 500), fill=TRIM)
    for x, h in ((220, 300), (1340, 340)):
        _palm(draw, x, 680, h)


def fort(draw):
    """A hilltop fort: earth ramparts, a cannon facing the sea."""
    _gradient(draw, DAY_TOP, DAY_BOTTOM, 0, 600)
    _cloud(draw, 1200, 130, 60)
    _sea(draw, 600)
    draw.polygon(
        _p((0, 900), (0, 460), (300, 380), (700, 360), (1050, 420), (1350, 560), (1600, 700), (1600, 900)), fill=LAND
    )
    draw.polygon(_p((220, 420), (900, 392), (960, 450), (180, 470)), fill=BRICK_DARK)
    draw.polygon(_p((180, 470), (960, 450), (980, 500), (150, 520)), fill=BRICK)
    for x in range(230, 900, 90):  # embrasures
        draw.rectangle(_box(x, 400, x + 40, 430), fill=LAND_DARK)
    draw.ellipse(_box(560, 330, 640, 410), fill=(50, 50, 56))  # cannon and its carriage
    draw.polygon(_p((600, 350), (900, 300), (910, 330), (610, 392)), fill=(50, 50, 56))
    draw.ellipse(_box(540, 372, 600, 432), fill=WOOD)
    for x, h in ((1180, 280), (1280, 230), (90, 300)):
        _palm(draw, x, 470 if x < 200 else 520, h)


def ruins(draw):
    """An old town site: brick foundations among mangroves at the river's edge."""
    _gradient(draw, DAY_TOP, DAY_BOTTOM, 0, 640)
    _cloud(draw, 300, 120, 50)
    _sea(draw, 640, top=(70, 120, 110), bottom=(40, 90, 84))
    for x in range(-40, 1700, 170):  # mangroves: dark crowns on arching roots
        draw.ellipse(_box(x - 90, 400, x + 90, 530), fill=LAND_DARK if x % 340 else LAND)
        for dx in (-50, -15, 20, 55):
            draw.arc(_box(x + dx - 30, 530, x + dx + 30, 640), 180, 360, fill=WOOD, width=5 * SCALE)

    for x0, width, height in ((380, 260, 150), (720, 180, 110), (980, 300, 170)):
        draw.rectangle(_box(x0 - 30, 600, x0 + width + 30, 640), fill=LAND_LIGHT)
        draw.rectangle(_box(x0, 600 - height, x0 + width, 600), fill=BRICK)
        for row in range(600 - height, 600, 22):
            offset = 0 if (row // 22) % 2 else 22
            for bx in range(x0 + offset, x0 + width, 44):
                draw.rectangle(_box(bx, row, bx + 3, row + 22), fill=BRICK_DARK)
            draw.rectangle(_box(x0, row, x0 + width, row + 3), fill=BRICK_DARK)
        draw.polygon(
            _p((x0, 600 - height), (x0 + width * 0.4, 600 - height), (x0 + width * 0.25, 600 - height + 40)),
            fill=LAND_DARK,
        )


def temple(draw):
    """A Chinese temple: red walls, a sweeping roof with upturned eaves, lanterns, a banyan tree."""
    _gradient(draw, DAY_TOP, (246, 226, 200), 0, 680)
    _cloud(draw, 1240, 130, 54)
    draw.rectangle(_box(0, 680, 1600, 900), fill=(206, 190, 160))
    draw.rectangle(_box(440, 420, 1160, 690), fill=RED)
    draw.rectangle(_box(440, 670, 1160, 700), fill=(150, 130, 110))
    draw.polygon(_p((330, 400), (400, 430), (1200, 430), (1270, 400), (1200, 300), (400, 300)), fill=ROOF)
    draw.polygon(_p((300, 380), (360, 420), (350, 400)), fill=ROOF)
    draw.polygon(_p((1300, 380), (1240, 420), (1250, 400)), fill=ROOF)
    draw.rectangle(_box(420, 290, 1180, 306), fill=MOSQUE)
    draw.polygon(_p((700, 292), (800, 250), (900, 292)), fill=MOSQUE)
    draw.rectangle(_box(730, 520, 870, 690), fill=(60, 24, 20))
    draw.rectangle(_box(740, 470, 860, 505), fill=MOSQUE)
    for x in (560, 1040):
        draw.rectangle(_box(x - 30, 520, x + 30, 600), fill=(120, 28, 24))
        draw.line(_p((x, 430), (x, 455)), fill=(60, 24, 20), width=3 * SCALE)
        draw.ellipse(_box(x - 26, 455, x + 26, 505), fill=(232, 64, 44))
    draw.rectangle(_box(120, 420, 190, 700), fill=WOOD)  # banyan: a trunk, hanging roots, a wide crown
    for x in range(80, 260, 26):
        draw.line(_p((x, 360), (x + 4, 690)), fill=_mix(WOOD, (0, 0, 0), 0.2), width=2 * SCALE)
    for dx, dy, r in ((-40, 0, 150), (90, -40, 140), (200, 10, 110), (20, -110, 120)):
        draw.ellipse(_box(150 + dx - r, 330 + dy - r * 0.7, 150 + dx + r, 330 + dy + r * 0.7), fill=LAND)


def workshop(draw):
    """A technical guidance session in the city hall auditorium: a screen with a chart, rows of people."""
    draw.rectangle(_box(0, 0, 1600, 900), fill=(226, 220, 208))
    draw.rectangle(_box(0, 620, 1600, 900), fill=(150, 110, 80))
    draw.rectangle(_box(0, 0, 1600, 60), fill=(196, 188, 172))
    draw.rectangle(_box(360, 110, 1240, 520), fill=(40, 46, 56))
    draw.rectangle(_box(380, 130, 1220, 500), fill=WHITE)
    draw.rectangle(_box(420, 160, 820, 200), fill=(11, 79, 108))  # the slide: a title and a bar chart
    for i, h in enumerate((120, 190, 150, 240, 280)):
        draw.rectangle(_box(460 + i * 120, 470 - h, 540 + i * 120, 470), fill=(11, 92, 173) if i != 4 else (4, 120, 87))
    draw.rectangle(_box(440, 470, 1180, 474), fill=(74, 74, 74))
    draw.rectangle(_box(1300, 430, 1420, 640), fill=WOOD)  # lectern and speaker
    draw.ellipse(_box(1322, 330, 1398, 406), fill=(120, 80, 60))
    draw.rounded_rectangle(_box(1296, 400, 1424, 520), radius=30, fill=(11, 79, 108))
    draw.rectangle(_box(1300, 430, 1420, 640), fill=WOOD)
    draw.rectangle(_box(1330, 460, 1390, 480), fill=MOSQUE)
    shirts = [(11, 79, 108), (168, 90, 0), (31, 122, 76), (109, 63, 192), (95, 107, 122), (180, 40, 40)]
    for row, y in enumerate((700, 790, 880)):
        for i, x in enumerate(range(60 + (row % 2) * 70, 1600, 140)):
            shirt = shirts[(i + row * 2) % len(shirts)]
            draw.rounded_rectangle(_box(x - 52, y - 30, x + 52, y + 80), radius=40, fill=shirt)
            draw.ellipse(_box(x - 30, y - 92, x + 30, y - 32), fill=(58, 40, 30) if (i + row) % 3 else (30, 30, 34))


SCENES = {
    "waterfront": waterfront,
    "penyengat": penyengat,
    "mosque": mosque,
    "tomb": tomb,
    "store": store,
    "fort": fort,
    "ruins": ruins,
    "temple": temple,
    "workshop": workshop,
}


def draw(scene, size=(1600, 900)):
    """The illustration ``scene`` (a key of ``SCENES``) as an RGB image of ``size``."""
    canvas = Image.new("RGB", (W, H), DAY_BOTTOM)
    SCENES[scene](ImageDraw.Draw(canvas))
    return canvas.resize(size, Image.Resampling.LANCZOS)
