# Run with Debian python3-opencv (4.6): python3 make_reference.py <this folder>; then gzip -9 -n the .rgb files.
# Reference OpenPose maps drawn with real OpenCV, following ControlNet 1.1's draw_bodypose procedure (pixel coords).
import json, math, random, sys
import numpy as np, cv2

LIMBS = [(1,2),(1,5),(2,3),(3,4),(5,6),(6,7),(1,8),(8,9),(9,10),(1,11),(11,12),(12,13),(1,0),(0,14),(14,16),(0,15),(15,17)]
COLORS = [[255,0,0],[255,85,0],[255,170,0],[255,255,0],[170,255,0],[85,255,0],[0,255,0],[0,255,85],[0,255,170],
          [0,255,255],[0,170,255],[0,85,255],[0,0,255],[85,0,255],[170,0,255],[255,0,255],[255,0,170],[255,0,85]]

def draw(w, h, joints):
    canvas = np.zeros((h, w, 3), np.uint8)
    for i, (a, b) in enumerate(LIMBS):
        if joints[a] is None or joints[b] is None: continue
        xs = [joints[a][0], joints[b][0]]; ys = [joints[a][1], joints[b][1]]
        mx, my = np.mean(xs), np.mean(ys)
        length = ((ys[0]-ys[1])**2 + (xs[0]-xs[1])**2) ** 0.5
        angle = math.degrees(math.atan2(ys[0]-ys[1], xs[0]-xs[1]))
        poly = cv2.ellipse2Poly((int(mx), int(my)), (int(length/2), 4), int(angle), 0, 360, 1)
        cv2.fillConvexPoly(canvas, poly, COLORS[i])
    canvas = (canvas * 0.6).astype(np.uint8)
    for i, j in enumerate(joints):
        if j is None: continue
        cv2.circle(canvas, (int(j[0]), int(j[1])), 4, COLORS[i], thickness=-1)
    return canvas

out = sys.argv[1]
rng = random.Random(20261122)
cases = []
for c in range(8):
    w, h = 96, 128
    joints = []
    for k in range(18):
        if c > 0 and rng.random() < 0.15: joints.append(None); continue
        joints.append([round(rng.uniform(2, w - 2), 2), round(rng.uniform(2, h - 2), 2)])
    img = draw(w, h, [None if j is None else (float(np.float32(j[0])), float(np.float32(j[1]))) for j in joints])
    name = f"openpose_ref_{c}.rgb"  # gzip -9 -n afterwards: the test reads <name>.gz
    img.tofile(f"{out}/{name}")
    cases.append({"file": name, "width": w, "height": h, "joints": joints})
json.dump({"opencv": cv2.__version__, "cases": cases}, open(f"{out}/openpose_reference.json", "w"), indent=1)
