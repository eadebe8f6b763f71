#!/usr/bin/env python3
"""Compares PoseGen's OpenPose conditioning maps with the ones ControlNet's own annotator draws for the same poses.

PoseGen's maps: the reference poses of tests/PoseGen.Core.Tests/Generation/TestData (openpose_reference.json) and the
maps stored beside them (openpose_ref_*.rgb.gz), which OpenPoseMapReferenceTests proves equal, pixel for pixel, to
OpenPoseMapRenderer's output. The annotator's maps: draw_bodypose from annotator/openpose/util.py of a checkout of
lllyasviel/ControlNet-v1-1-nightly (the annotator that drew control_v11p_sd15_openpose's training maps), imported from
that checkout as it is: nothing of it is copied here.

    python3 tools/openpose-reference/compare_annotator.py --annotator ~/src/ControlNet-v1-1-nightly [--diff-dir out/]
    python3 tools/openpose-reference/compare_annotator.py --annotator ~/src/controlnet_aux/src/controlnet_aux/open_pose/util.py

Needs numpy and OpenCV (Debian: apt-get install python3-opencv python3-numpy). util.py imports matplotlib, which only
its hand drawing uses; when matplotlib is not installed an empty module stands in for it. Exit code 0 when every map is
identical, 1 when any pixel differs (the report says where), 2 on bad arguments.
"""
import argparse, gzip, importlib.util, json, sys, types
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
DEFAULT_REFERENCE = REPO / "tests" / "PoseGen.Core.Tests" / "Generation" / "TestData"


def load_annotator(source: Path):
    """source: a ControlNet-v1-1-nightly checkout, or an annotator's util.py itself (controlnet_aux's open_pose/util.py)."""
    util = source if source.suffix == ".py" else source / "annotator" / "openpose" / "util.py"
    if not util.is_file():
        print(f"{util} does not exist: --annotator is a ControlNet-v1-1-nightly checkout or a util.py", file=sys.stderr)
        sys.exit(2)
    try:
        import matplotlib  # noqa: F401  (only util.draw_handpose uses it)
    except ImportError:
        sys.modules["matplotlib"] = types.ModuleType("matplotlib")
    # Loaded as a file, not as the package: annotator/openpose/__init__.py would load torch and the detector weights.
    spec = importlib.util.spec_from_file_location("controlnet_openpose_util", util)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotator_map(util, width, height, joints):
    """The annotator's input for one person: candidate rows (x, y) normalised to the canvas, subset -1 for missing."""
    candidate, subset = [], []
    for joint in joints:
        if joint is None:
            subset.append(-1)
        else:
            subset.append(len(candidate))
            candidate.append([joint[0] / width, joint[1] / height])
    canvas = np.zeros((height, width, 3), dtype=np.uint8)
    return util.draw_bodypose(canvas, candidate or [[0.0, 0.0]], [subset])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--annotator", type=Path, required=True, help="a ControlNet-v1-1-nightly checkout or a util.py")
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE, help="folder with openpose_reference.json")
    parser.add_argument("--diff-dir", type=Path, help="write ours / annotator / difference as PPM images here")
    args = parser.parse_args()
    util = load_annotator(args.annotator)
    import cv2
    reference = json.loads((args.reference / "openpose_reference.json").read_text())
    print(f"OpenCV {cv2.__version__} (PoseGen's stored maps: OpenCV {reference['opencv']}); annotator {args.annotator}")
    differing = 0
    for case in reference["cases"]:
        width, height = case["width"], case["height"]
        # The poses as PoseGen draws them: float32 pixel coordinates.
        joints = [None if j is None else (float(np.float32(j[0])), float(np.float32(j[1]))) for j in case["joints"]]
        ours = np.frombuffer(gzip.decompress((args.reference / (case["file"] + ".gz")).read_bytes()), np.uint8)
        ours = ours.reshape(height, width, 3)
        theirs = annotator_map(util, width, height, joints)
        diff = np.abs(ours.astype(int) - theirs.astype(int)).max(axis=2)
        changed = int((diff > 0).sum())
        differing += changed > 0
        print(f"{case['file']}: {changed} of {width * height} pixels differ ({100 * changed / (width * height):.2f} %), "
              f"largest channel difference {int(diff.max())}, {sum(j is None for j in joints)} joints missing")
        if args.diff_dir:
            args.diff_dir.mkdir(parents=True, exist_ok=True)
            stem = case["file"].removesuffix(".rgb")
            for name, image in (("ours", ours), ("annotator", theirs), ("diff", np.repeat((diff > 0)[:, :, None] * 255, 3, 2))):
                cv2.imwrite(str(args.diff_dir / f"{stem}.{name}.ppm"), np.ascontiguousarray(image[:, :, ::-1]).astype(np.uint8))
    print(f"{differing} of {len(reference['cases'])} maps differ from the annotator's")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
