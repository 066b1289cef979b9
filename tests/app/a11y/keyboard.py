#!/usr/bin/python3
"""A trainer marks attendance with the keyboard alone, in the desktop program itself: mitra on the demo database
(mitra-cli demo), with keys typed as a keyboard types them (XTest, through xdotool), never an AT-SPI action.

Ctrl+4 shows the cohorts, Tab reaches their list, the arrows DEMO-KTM and Enter opens it on its attendance, the list
a screen reader uses. Down to a person's row, P: the mark is read back through AT-SPI (the row says "…: present",
and the keyboard is still on it) and from the database file. Down and A then mark the next person absent: the keys act
on the row the keyboard is on. Shift+P marks everyone else present.

With --orca, Orca runs in the same session and says what it says, silently (mitra_silent_speech.py) but written to
its debug file: it must have said the person's row when the arrows came to it, and the row with its new mark after P
("Sukarno, session 15, 2026-12-05: present"), likewise after A, and the session's counts after Shift+P. Without Orca
installed, it skips (exit 77).

AT-SPI is only read here, to know where the keyboard is. Run under a display and a session bus of its own (ctest
gui_a11y_keys, gui_orca):
    xvfb-run -a dbus-run-session -- /usr/bin/python3 keyboard.py path/to/mitra path/to/mitra-cli [--orca]
"""
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

from a11y_bus import bus_gets_display, plain, screen_reader_on, start, wait_for

COHORT, PERSON = "DEMO-KTM", "Sukarno"  # a cohort under way in the demo, and one of its people
SKIP = 77  # ctest's SKIP_RETURN_CODE
HERE = os.path.dirname(os.path.abspath(__file__))


class Orca:
    """Orca in this session, speaking into its debug file only."""

    def __init__(self, home):
        prefs = os.path.join(home, "orca")
        os.makedirs(prefs)
        # Orca's defaults (it merges these over them), but a silent speech server, and no braille: there is no braille
        # display (brltty) to drive, and Orca would log a failed connection to one at every row.
        settings = {"speechServerFactory": "mitra_silent_speech", "enableSpeech": True, "enableBraille": False}
        with open(os.path.join(prefs, "user-settings.conf"), "w") as f:
            json.dump({"general": settings, "pronunciations": {}, "keybindings": {},
                       "profiles": {"default": dict(settings, profile=["Default", "default"])}}, f)
        # Orca's own hook for a user's code, run at its start: its debug file written line by line, so that what it
        # said can be read while it runs (it keeps the lines in a buffer otherwise).
        with open(os.path.join(prefs, "orca-customizations.py"), "w") as f:
            f.write("from orca import debug\n"
                    "if debug.debugFile:\n"
                    "    debug.debugFile.reconfigure(line_buffering=True)\n")
        self.log = os.path.join(home, "orca-debug.txt")
        env = dict(os.environ, PYTHONPATH=HERE, PYTHONDONTWRITEBYTECODE="1")  # nothing written beside the tests
        # Orca refuses to start while another Orca of the same user runs, anywhere on the machine.
        self.process = subprocess.Popen(["orca", "--user-prefs", prefs, "--debug-file", self.log], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        def started():
            if self.process.poll() is not None:
                sys.exit("keyboard.py: Orca ended with %d at its start: %s" % (self.process.returncode,
                                                                               self.process.stdout.read().strip()))
            return "Screen reader on" in "".join(self.said())

        wait_for("Orca never said it started (no 'Screen reader on.' in %s)" % self.log, started, 60)

    def said(self, since=0):
        """Everything Orca has said, in order, from utterance number `since`."""
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                lines = re.findall(r"SPEECH OUTPUT: '(.*?)'[\[{ ]", f.read())
        except FileNotFoundError:
            return []
        return [plain(line) for line in lines[since:]]

    def stop(self):
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def focused(acc):
    """The object with the keyboard under `acc`: a list's cell, not the list, when a cell has it."""
    try:
        state = acc.getState()
        if not state.contains(pyatspi.STATE_SHOWING) and acc.getRoleName() != "application":
            return None
        if acc.getRoleName() in ("table", "tree table"):
            if not state.contains(pyatspi.STATE_FOCUSED):
                return None
            for cell in acc:
                if cell is not None and cell.getState().contains(pyatspi.STATE_FOCUSED):
                    return cell
            return acc
        if state.contains(pyatspi.STATE_FOCUSED):
            return acc
    except Exception:
        return None
    for child in acc:
        if child is not None:
            found = focused(child)
            if found:
                return found
    return None


def name_of(acc):
    try:
        acc.clear_cache()  # what the program says now
        return plain(acc.name)
    except Exception:
        return ""


def where(acc):
    try:
        return acc.getRoleName(), name_of(acc), acc.getIndexInParent()
    except Exception:
        return None


class Keyboard:
    """Keys typed into the program's window, as a keyboard types them (XTest)."""

    def __init__(self, app, pid):
        self.app = app
        window = wait_for("mitra's window never showed", lambda: subprocess.run(
            ["xdotool", "search", "--all", "--pid", str(pid), "--onlyvisible", "--name", "^Mitra"],
            capture_output=True, text=True).stdout.split(), 30)[0]
        asked = subprocess.run(["xdotool", "getwindowfocus"], capture_output=True, text=True)
        before = asked.stdout.strip() or ("PointerRoot" if "window of 1" in asked.stderr else "?")
        # With no window manager nothing gives a window the X input focus: it is PointerRoot (keys go to the window
        # under the pointer, if any) or None after the window that had it closed (keys go nowhere). A window manager
        # gives it to a window as it shows; here it is given as one would, so keys reach the program wherever the
        # pointer is.
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        print("keyboard.py: the X input focus was %s; given to mitra's window %s" % (before, window))

    def press(self, key, pause=0.4):
        subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
        time.sleep(pause)

    def focus(self):
        return focused(self.app)

    def until(self, what, test, key, most=15):
        """Presses `key` until the object with the keyboard passes `test`; returns it. After each key, waits for the
        keyboard to move (a busy machine may take a while), so that no key is pressed twice by impatience."""
        now = wait_for("nothing has the keyboard", self.focus, 10)
        for _ in range(most):
            if test(now):
                return now
            was = where(now)
            self.press(key, 0.1)
            end = time.time() + 5
            while time.time() < end:
                moved = self.focus()
                if moved is not None and where(moved) != was:
                    break
                time.sleep(0.1)
            now = wait_for("nothing has the keyboard", self.focus, 10)
        raise AssertionError("%s: not reached with %s (the keyboard is on %s %r)" %
                             (what, key, now.getRoleName(), name_of(now)))


def mark_of(database, ref, date):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT a.status FROM attendance a JOIN participants p ON p.uuid = a.participant_uuid "
                          "JOIN sessions s ON s.uuid = a.session_uuid WHERE p.ref = ? AND s.session_date = ?",
                          (ref, date)).fetchall()


def marks_on(database, date):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT a.status FROM attendance a JOIN sessions s ON s.uuid = a.session_uuid "
                          "JOIN cohorts c ON c.uuid = s.cohort_uuid WHERE c.code = ? AND s.session_date = ?",
                          (COHORT, date)).fetchall()


def ref_of(database, name):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT ref FROM participants WHERE full_name = ?", (name,)).fetchone()[0]


def start_mitra(mitra, database):
    """mitra on the database, and its application on the accessibility bus."""
    return start(lambda: subprocess.Popen([mitra, "--db", database], stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT), "keyboard.py: mitra")


def run(mitra, database, orca):
    process, app = start_mitra(mitra, database)
    try:
        keys = Keyboard(app, process.pid)
        wait_for("mitra's window never had the keyboard", keys.focus)

        keys.press("ctrl+4")  # the cohorts
        keys.until("the list of cohorts", lambda a: a.getRoleName() == "table cell" and name_of(a).startswith("DEMO-"),
                   "Tab")
        keys.until("the row of %s" % COHORT, lambda a: name_of(a) == COHORT, "Down", 5)
        keys.press("Return", 1.0)
        start = keys.until("a row of the attendance list",
                           lambda a: a.getRoleName() == "table cell" and ", session " in name_of(a), "Tab", 3)
        print("keyboard.py: the cohort opened on", name_of(start))
        # Up to the first person, then down to PERSON, as a trainer goes through the list.
        keys.until("the first row", lambda a: a.getIndexInParent() <= 1, "Up", 20)
        heard_from = len(orca.said()) if orca else 0
        row = keys.until("the row of %s" % PERSON, lambda a: name_of(a).startswith(PERSON + ", session "), "Down", 20)
        before = name_of(row)
        print("before:  ", before)
        assert before.endswith(": not marked"), "%s is already marked: %r" % (PERSON, before)
        session_and_date = before[len(PERSON) + 2:before.rindex(":")]  # "session 15, 2026-12-05"
        date = session_and_date.split(", ")[1]
        ref = ref_of(database, PERSON)

        if orca:
            wait_for("Orca never said %r when the keyboard came to it; it said %r" % (before, orca.said(heard_from)),
                     lambda: any(before in s for s in orca.said(heard_from)), 15)
            heard_from = len(orca.said())
        keys.press("p", 1.0)
        after = wait_for("the row never said the new mark (it said %r before P)" % before,
                         lambda: name_of(row).endswith(": present") and name_of(row))
        print("after P: ", after)
        now = keys.focus()
        assert now is not None and name_of(now) == after, \
            "the keyboard left the row marked: it is on %r" % (now and name_of(now))
        assert mark_of(database, ref, date) == [("present",)], \
            "the database has %r for %s on %s" % (mark_of(database, ref, date), ref, date)
        print("database: %s on %s is present" % (ref, date))
        if orca:
            expected = "%s, %s: present" % (PERSON, session_and_date)
            spoken = wait_for("Orca never said %r after P; it said %r" % (expected, orca.said(heard_from)),
                              lambda: [s for s in orca.said(heard_from) if expected in s], 15)
            print("Orca said after P: %r" % spoken[-1])

        # The next person: Down, then A marks them absent (not the row before).
        keys.press("Down", 1.0)
        following = wait_for("Down did not move on", lambda: keys.focus() and name_of(keys.focus()) != after
                             and keys.focus())
        next_name = name_of(following).split(", session ")[0]
        keys.press("a", 1.0)
        next_ref = ref_of(database, next_name)
        try:
            wait_for("", lambda: mark_of(database, next_ref, date), 10)
        except AssertionError:
            pass
        assert mark_of(database, next_ref, date) == [("absent",)], \
            "after Down and A the database has %r for %s" % (mark_of(database, next_ref, date), next_ref)
        assert mark_of(database, ref, date) == [("present",)], "A changed %s's mark too" % ref
        print("database: %s on %s is absent (Down, A)" % (next_ref, date))
        if orca:
            expected = "%s, %s: absent" % (next_name, session_and_date)
            wait_for("Orca never said %r after A; it said %r" % (expected, orca.said(heard_from)),
                     lambda: any(expected in s for s in orca.said(heard_from)), 15)

        # Shift+P: everyone not yet marked present is, and the session's counts are said (the row with the keyboard
        # was marked already).
        with sqlite3.connect(database) as db:
            people = db.execute("SELECT count(*) FROM enrolments e JOIN cohorts c ON c.uuid = e.cohort_uuid "
                                "WHERE c.code = ?", (COHORT,)).fetchone()[0]
        keys.press("shift+p", 1.0)
        marks = wait_for("Shift+P marked no one", lambda: len(marks_on(database, date)) == people
                         and marks_on(database, date))
        assert sorted(set(marks)) == [("absent",), ("present",)] and marks.count(("absent",)) == 1, marks
        print("database: Shift+P, %d present and 1 absent on %s" % (people - 1, date))
        if orca:
            expected = "%d present, 0 late, 0 left early, 0 excused, 1 absent, 0 not marked" % (people - 1)
            wait_for("Orca never said %r after Shift+P; it said %r" % (expected, orca.said(heard_from)),
                     lambda: any(expected in s for s in orca.said(heard_from)), 15)
            print("keyboard.py: Orca said, from the key P on:")
            for s in orca.said(heard_from):
                print("    " + s)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    mitra, mitra_cli = sys.argv[1], sys.argv[2]
    with_orca = "--orca" in sys.argv[3:]
    if with_orca and not shutil.which("orca"):
        print("keyboard.py: SKIPPED: Orca is not installed (Debian package orca; script/bootstrap installs it)")
        sys.exit(SKIP)
    if not shutil.which("xdotool"):
        sys.exit("keyboard.py: xdotool is missing (Debian package xdotool; script/bootstrap installs it)")
    home = tempfile.mkdtemp(prefix="mitra-keyboard-")
    # A home of its own: the demo database, the program's settings and Orca's, all thrown away after.
    os.environ.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
                      XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
                      LANGUAGE="en", LANG="C.UTF-8")
    os.environ.pop("NO_AT_BRIDGE", None)
    bus_gets_display()
    made = subprocess.run([mitra_cli, "demo"], capture_output=True, text=True, check=True).stdout
    database = re.search(r"demo programme in (\S+)", made).group(1)
    orca = Orca(home) if with_orca else None
    if not orca:
        screen_reader_on()
    try:
        run(mitra, database, orca)
    except AssertionError as e:
        if orca:
            orca.stop()
            print("keyboard.py: Orca said:\n    " + "\n    ".join(orca.said()))
            print("keyboard.py: Orca's debug file, and the database, are kept in " + home)
        sys.exit("keyboard.py: %s" % e)
    finally:
        if orca:
            orca.stop()
    shutil.rmtree(home, ignore_errors=True)
    print("keyboard.py: marked by keyboard alone%s" % (", and Orca said each mark" if orca else ""))


if __name__ == "__main__":
    main()
