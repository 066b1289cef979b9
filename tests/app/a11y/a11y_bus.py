"""What walk.py and keyboard.py share: the accessibility bus told a screen reader runs, a program started until it
shows on that bus, and the small helpers for reading what it says."""
import re
import subprocess
import sys
import time

import pyatspi


def plain(text):
    """Words without the direction marks the program puts around names."""
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text or "")


def wait_for(what, test, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        value = test()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(what)


def bus_gets_display():
    """The accessibility bus and its registry start on demand from the session bus: they get the display first
    (without it the registry says "Cannot open default display")."""
    subprocess.run(["dbus-update-activation-environment", "DISPLAY", "XAUTHORITY"], check=True)


def screen_reader_on():
    """What Orca says on the session bus when it starts: GTK programs then know a screen reader listens."""
    subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus",
                    "--method", "org.freedesktop.DBus.Properties.Set", "org.a11y.Status", "ScreenReaderEnabled",
                    "<true>"], check=True, stdout=subprocess.DEVNULL)


def application(process, seconds=30):
    """The process's program on the accessibility bus, once it shows a window; None when it ended first."""
    end = time.time() + seconds
    while time.time() < end:
        if process.poll() is not None:
            return None
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.get_process_id() == process.pid and app.childCount:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    sys.exit("%s never appeared on the accessibility bus" % process.args[0])


def start(launch, who):
    """`launch()`'s process and its application on the accessibility bus. Now and then (about 1 start in 4 on the
    shared build machine, cause not found) GTK cannot open a display that works a moment later: up to three times."""
    for _ in range(3):
        process = launch()
        app = application(process)
        if app is not None:
            return process, app
        print("%s ended with %d before it showed; starting it again" % (who, process.returncode))
    sys.exit("%s did not start three times" % who)
