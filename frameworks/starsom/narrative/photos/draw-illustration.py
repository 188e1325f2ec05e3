# An illustration (not a photograph) for STARSOM's example success story:
# two practitioners at a table with a shared case file, and a map with the
# route between two pins. Flat colours, RGB PNG without alpha.
import zlib, struct, math, sys
W, H = 900, 500
px = [[(0xea, 0xf2, 0xf8)] * W for _ in range(H)]
def hexc(h): return tuple(int(h[i:i+2], 16) for i in (1, 3, 5))
def put(x, y, c):
    if 0 <= x < W and 0 <= y < H: px[y][x] = c
def rect(x0, y0, x1, y1, c, r=0):
    c = hexc(c)
    for y in range(max(0,y0), min(H,y1)):
        for x in range(max(0,x0), min(W,x1)):
            if r:
                cx = min(max(x, x0 + r), x1 - r - 1); cy = min(max(y, y0 + r), y1 - r - 1)
                if (x-cx)**2 + (y-cy)**2 > r*r: continue
            px[y][x] = c
def circle(cx, cy, r, c):
    c = hexc(c)
    for y in range(cy-r, cy+r+1):
        for x in range(cx-r, cx+r+1):
            if (x-cx)**2 + (y-cy)**2 <= r*r: put(x, y, c)
def poly(pts, c):
    c = hexc(c)
    ys = [p[1] for p in pts]; xs = [p[0] for p in pts]
    for y in range(min(ys), max(ys)+1):
        for x in range(min(xs), max(xs)+1):
            inside = False
            j = len(pts) - 1
            for i in range(len(pts)):
                xi, yi = pts[i]; xj, yj = pts[j]
                if (yi > y) != (yj > y) and x < (xj-xi)*(y-yi)/(yj-yi) + xi: inside = not inside
                j = i
            if inside: put(x, y, c)
rect(0, 330, W, H, '#d6e6f2')
# The map board
rect(517, 37, 863, 293, '#9bb3c7', 14); rect(520, 40, 860, 290, '#f7f4ea', 12)
poly([(560,90),(640,70),(700,110),(690,180),(640,230),(600,200),(570,150)], '#cfe3cf')
poly([(700,150),(780,140),(830,190),(800,260),(730,270),(690,220)], '#cfe3cf')
# Dashed route (quadratic curve) between two pins
p0, p1, p2 = (615,115), (700,120), (770,215)
steps = 400
for i in range(steps):
    t = i / steps
    if (i // 18) % 2: continue
    x = (1-t)**2*p0[0] + 2*(1-t)*t*p1[0] + t*t*p2[0]
    y = (1-t)**2*p0[1] + 2*(1-t)*t*p1[1] + t*t*p2[1]
    circle(int(x), int(y), 2, '#c0392b')
circle(615, 115, 11, '#c0392b'); circle(770, 215, 11, '#c0392b')
circle(615, 115, 4, '#ffffff'); circle(770, 215, 4, '#ffffff')
# Table
rect(60, 300, 480, 318, '#7a5c3e'); rect(90, 318, 104, 430, '#7a5c3e'); rect(436, 318, 450, 430, '#7a5c3e')
# Two practitioners
rect(110, 190, 200, 300, '#2f5d8a', 30); circle(155, 150, 35, '#8d5a3b')
rect(340, 190, 430, 300, '#3a7d5c', 30); circle(385, 150, 35, '#c68e62')
# Case file and a laptop
poly([(222,298),(300,298),(312,276),(234,276)], '#8899aa'); poly([(226,296),(298,296),(308,279),(237,279)], '#ffffff')
rect(250, 262, 300, 276, '#f4d35e'); rect(255, 266, 295, 276, '#fff7d6')
raw = b''.join(b'\x00' + bytes(v for p in row for v in p) for row in px)
def chunk(k, d): return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
print(len(png))
