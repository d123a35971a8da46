"""The "ok - ..." / "not ok - ..." lines of the interop checks, counted."""

failed = 0


def report(ok, name):
    """Print one check's line; count the failures in tap.failed."""
    global failed
    print(("ok - " if ok else "not ok - ") + name)
    if not ok:
        failed += 1
