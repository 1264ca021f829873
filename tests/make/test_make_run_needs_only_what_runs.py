"""`make run` builds only what runs: on a machine without the test
packages (cmocka, clang, Python's test libraries) it must not need them."""
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def planned(*targets):
    """The commands make would run for targets, building from nothing."""
    out = subprocess.run(["make", "-n", "-B", "BUILD=/tmp/roombook-plan", *targets],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_make_run_builds_the_programs_and_nothing_of_the_tests():
    plan = planned("run")
    for program in ("booking", "approval", "room", "status", "roomctl"):
        assert f"/tmp/roombook-plan/bin/{program} " in plan, program
    for test_only in ("cmocka", "tests/", "fsanitize", "clang"):
        assert test_only not in plan, test_only
    # It installs only the run packages (install-deps without "test").
    assert "tools/install-deps\n" in plan


def test_make_test_does_build_the_unit_tests():
    """The check above is not vacuous: the test build does name cmocka."""
    assert "-lcmocka" in planned("all")
