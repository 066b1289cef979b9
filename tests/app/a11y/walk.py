#!/usr/bin/python3
"""Reads the desktop program as a screen reader does, through AT-SPI, while test_app's accessibility tour shows
every view, cohort page and dialog in turn ([a11y_tour] in tour_test.cpp).

Fails on any showing control that takes the keyboard and has no accessible name (printing its role and path), or
a name with a mnemonic's letter in brackets ("保存(S)" for "保存(&S)": the tour is walked in Japanese too),
and on the attendance: chooses a session and finds a named person's row in the list a screen reader uses, marks
them present through the row's action (as Enter does), reads the new mark back through AT-SPI and from the
database file. (The list's keys, the grid's P L F E A, arrows, Shift+P and Ctrl+Z, are pressed in
attendance_list_test.cpp, and typed as a keyboard types them into mitra itself, with and without Orca, by
keyboard.py.)

Run under a display and a session bus of its own (ctest gui_a11y_walk):
    xvfb-run -a dbus-run-session -- /usr/bin/python3 walk.py path/to/test_app
It says a screen reader runs (org.a11y.Status ScreenReaderEnabled, as Orca does), so the program shows its
attendance list by itself.
"""
import os
import re
import signal
import sqlite3
import subprocess
import sys

import pyatspi

from a11y_bus import bus_gets_display, plain, screen_reader_on, start, wait_for

PERSON, PERSON_REF, SESSION = "Sukarno", "P-008", 2  # from tests/app/fixture.cpp: the eighth person
LIST_ROLES = {"table", "tree table", "tree", "list"}
DECORATION = re.compile(r"\([A-Za-z]\)")  # a mnemonic as CJK labels carry it, "(&S)" shown as "(S)"


def describe(acc):
    try:
        return "%s %r" % (acc.getRoleName(), acc.name or "")
    except Exception:
        return "?"


def unnamed_controls(acc, path, out):
    """Every showing, focusable object without a name under `acc`; a list's rows are its items, not controls."""
    try:
        state = acc.getState()
        role = acc.getRoleName()
        name = (acc.name or "").strip()
    except Exception:
        return
    if not state.contains(pyatspi.STATE_SHOWING):
        return
    here = path + [describe(acc)]
    if state.contains(pyatspi.STATE_FOCUSABLE) and role not in ("table cell", "frame", "dialog"):
        if not name:
            out.append((role, " > ".join(here)))
        elif DECORATION.search(name):  # "保存(S)": the mnemonic's letter, which Orca would read out
            out.append((role + " named with its mnemonic", " > ".join(here)))
    if role in LIST_ROLES or role == "menu bar":
        return  # cells and menu items: named by their text, and thousands of them
    for child in acc:
        if child is not None:
            unnamed_controls(child, here, out)


def find(acc, test):
    try:
        if test(acc):
            return acc
        if not acc.getState().contains(pyatspi.STATE_SHOWING) and acc.getRoleName() not in ("application",):
            return None
        if acc.getRoleName() in LIST_ROLES:
            return None
    except Exception:
        return None
    for child in acc:
        if child is not None:
            found = find(child, test)
            if found:
                return found
    return None


def rows_of(table):
    return [c for c in table if c is not None and c.getRoleName() == "table cell"]


def fresh_name(acc):
    acc.clear_cache()  # what the program says now, not what this process heard before
    return plain(acc.name)


def attendance(app, database):
    """Marks PERSON present at SESSION through AT-SPI alone, and reads the mark back twice."""
    frame = next(w for w in app if w is not None and w.getRoleName() == "frame")
    table = find(frame, lambda a: a.getRoleName() in LIST_ROLES and a.name == "Attendance"
                 and a.getState().contains(pyatspi.STATE_SHOWING))
    assert table, "no showing list named 'Attendance' on the attendance page"
    chooser = find(frame, lambda a: a.getRoleName() == "combo box" and a.name == "Session"
                   and a.getState().contains(pyatspi.STATE_SHOWING))
    assert chooser, "no showing session chooser named 'Session' on the attendance page"
    # The session, as a screen reader user chooses it from the list of sessions.
    chooser.querySelection().selectChild(SESSION - 1)
    rows = wait_for("no row says %s at session %d" % (PERSON, SESSION),
                    lambda: [c for c in rows_of(table) if fresh_name(c).startswith(PERSON + ", session %d," % SESSION)])
    assert len(rows) == 1, "no single row for %s at session %d: %r" % (PERSON, SESSION, rows)
    row = rows[0]
    print("before:", fresh_name(row))
    assert fresh_name(row).endswith(": not marked"), row.name
    # The row's own action (Enter does the same; so does P, as in the grid).
    action = row.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    assert "activate" in names, "the row has no activate action: %r" % names
    action.doAction(names.index("activate"))
    date = fresh_name(row).split(", ")[2].split(":")[0]

    def stored():
        with sqlite3.connect(database) as db:
            return db.execute("SELECT a.status FROM attendance a JOIN participants p ON p.uuid = a.participant_uuid "
                              "JOIN sessions s ON s.uuid = a.session_uuid WHERE p.ref = ? AND s.session_date = ?",
                              (PERSON_REF, date)).fetchall()

    try:
        wait_for("", lambda: stored())
    except AssertionError:
        pass
    assert stored() == [("present",)], "the database has %r for %s on %s" % (stored(), PERSON_REF, date)
    said = wait_for("the row never said the new mark (it says %r)" % fresh_name(row),
                    lambda: fresh_name(row).endswith(": present") and fresh_name(row))
    print("after: ", said)
    print("database: %s on %s is present" % (PERSON_REF, date))


def walk(test_app, tag):
    """Runs test_app's tour `tag`, reading each stop; returns the stops, the problems found at each, the attendance's
    failures and test_app's exit code."""
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    tour, app = start(lambda: subprocess.Popen([test_app, tag], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                               env=env, text=True, bufsize=1), "walk.py: test_app " + tag)

    def silent(*_):
        tour.kill()
        sys.exit("walk.py: the tour said nothing for two minutes")

    signal.signal(signal.SIGALRM, silent)
    problems, seen, failures = {}, set(), []
    stops = 0
    while True:
        signal.alarm(120)  # the tour says something within two minutes, or the walk fails
        line = tour.stdout.readline()
        signal.alarm(0)
        if not line:
            break
        line = line.rstrip("\n")
        if not line.startswith("STOP "):
            print(line)
            continue
        what = line[5:]
        stops += 1
        if what.startswith("attendance "):
            try:
                attendance(app, what[len("attendance "):])
            except AssertionError as e:
                failures.append("attendance: %s" % e)
        else:
            found = []
            for window in app:
                if window is not None:
                    unnamed_controls(window, [], found)
            new = [f for f in found if f not in seen]
            seen.update(found)
            problems[what] = new
            print("%-32s %d unnamed or named with a mnemonic" % (what, len(new)))
            for role, path in new:
                print("    %s: %s" % (role, path))
        tour.stdin.write("next\n")
        tour.stdin.flush()
    return stops, problems, failures, tour.wait()


def main():
    test_app = sys.argv[1]
    bus_gets_display()
    screen_reader_on()
    bad = False
    # In English, with the attendance marked; in Japanese, whose labels carry their mnemonics as "(&S)".
    for tag, least in (("[a11y_tour]", 30), ("[a11y_tour_ja]", 30)):
        stops, problems, failures, code = walk(test_app, tag)
        total = sum(len(v) for v in problems.values())
        print("walk.py %s: %d stops, %d focusable controls without a name or named with a mnemonic" %
              (tag, stops, total))
        for f in failures:
            print("walk.py: " + f)
        if code != 0:
            print("walk.py: the tour ended with %d" % code)
        if stops < least:
            print("walk.py: the tour stopped early (%d stops)" % stops)
        bad = bad or total or failures or code != 0 or stops < least
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
