"""The site runs as its own unprivileged accounts: each context's pool as
its own, the gateway's workers as www-data, MariaDB as mysql.  Each secret
is readable by its one reader, the data by MariaDB alone, and a program
refuses a secrets file that is not a regular file of mode 0600."""
import os
import pathlib
import pwd
import stat
import subprocess

import pytest

from conftest import CONTEXTS, VAR, pool_pid, restack, worker_pids

BIN = pathlib.Path(os.environ.get("RB_BIN", "build/asan/bin"))


def ps_user(pid):
    return subprocess.run(["ps", "-o", "user=", "-p", str(pid)], capture_output=True,
                          text=True, check=True).stdout.strip()


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True,
                         text=True).stdout
    return [int(p) for p in out.split()]


def as_user(user, *command):
    return subprocess.run(["runuser", "-u", user, "--", *command], capture_output=True,
                          text=True, timeout=30)


def test_ps_shows_no_worker_as_root():
    for c in CONTEXTS:
        assert ps_user(pool_pid(c)) == f"roombook-{c}"
        workers = worker_pids(c)
        assert workers and {ps_user(w) for w in workers} == {f"roombook-{c}"}, c
    master = int((VAR / "run" / "nginx.pid").read_text())
    gateway = children(master)
    assert gateway and {ps_user(w) for w in gateway} == {"www-data"}
    assert ps_user(int((VAR / "mysql" / "mariadb.pid").read_text())) == "mysql"


@pytest.mark.parametrize("context", CONTEXTS)
def test_a_worker_reads_its_own_secrets_and_nothing_else(context):
    me = f"roombook-{context}"
    secrets = VAR / "etc" / "secrets"
    own = as_user(me, "cat", str(secrets / f"{context}.ini"))
    assert own.returncode == 0 and f"[{context}]" in own.stdout
    for other in CONTEXTS:
        if other != context:
            denied = as_user(me, "cat", str(secrets / f"{other}.ini"))
            assert denied.returncode != 0 and "Permission denied" in denied.stderr
    for path in (VAR / "etc" / "secrets.ini", secrets / "jobs.ini"):
        assert as_user(me, "cat", str(path)).returncode != 0, path
    # MariaDB's files: not even their names.
    listing = as_user(me, "ls", str(VAR / "db"))
    assert listing.returncode != 0 and "Permission denied" in listing.stderr
    assert as_user(me, "cat", str(VAR / "db" / "ibdata1")).returncode != 0
    # The configuration it needs, it reads.
    assert as_user(me, "cat", str(VAR / "etc" / "roombook.ini")).returncode == 0


def test_files_have_the_modes_their_readers_need():
    for c in CONTEXTS:
        sock = os.stat(VAR / "run" / f"{c}.sock")
        assert stat.S_ISSOCK(sock.st_mode) and stat.S_IMODE(sock.st_mode) == 0o660
        assert ps_owner(sock) == (f"roombook-{c}", "roombook-web")
        secret = os.stat(VAR / "etc" / "secrets" / f"{c}.ini")
        assert stat.S_IMODE(secret.st_mode) == 0o600
        assert ps_owner(secret)[0] == f"roombook-{c}"
    whole = os.stat(VAR / "etc" / "secrets.ini")
    assert stat.S_IMODE(whole.st_mode) == 0o600 and whole.st_uid == 0
    data = os.stat(VAR / "db")
    assert stat.S_IMODE(data.st_mode) == 0o700 and ps_owner(data)[0] == "mysql"
    # The gateway's account may not read the configuration or any secret.
    assert as_user("www-data", "cat", str(VAR / "etc" / "roombook.ini")).returncode != 0


def ps_owner(st):
    import grp
    import pwd
    return pwd.getpwuid(st.st_uid).pw_name, grp.getgrgid(st.st_gid).gr_name


@pytest.mark.parametrize("mode, kind, message", [
    (0o700, "dir", "not a regular file"),
    (0o644, "file", "readable by others"),
])
def test_a_program_refuses_a_secrets_file_that_is_not_one(tmp_path, mode, kind, message):
    target = tmp_path / "secrets"
    if kind == "dir":
        target.mkdir()
    else:
        target.write_text((VAR / "etc" / "secrets" / "status.ini").read_text())
    os.chmod(target, mode)
    run = subprocess.run([str(BIN / "status"), "-c", str(VAR / "etc" / "roombook.ini")],
                         env={**os.environ, "ROOMBOOK_SECRETS": str(target)},
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert run.returncode == 1 and message in run.stderr, run.stderr


def test_an_instance_from_before_the_accounts_gives_nginx_its_files_back():
    """Photos nginx kept while its workers ran as root stay readable once
    they run as www-data: `make run` again hands them over."""
    stale = VAR / "nginx" / "photos" / "0" / "00"
    stale.mkdir(parents=True, exist_ok=True)
    kept = stale / "kept-by-root"
    kept.write_text("a photo nginx kept as root")
    os.chown(stale.parent, 0, 0)
    os.chown(stale, 0, 0)
    os.chown(kept, 0, 0)
    try:
        restack()
        for path in (stale.parent, stale, kept):
            assert path.stat().st_uid == pwd.getpwnam("www-data").pw_uid, path
    finally:
        kept.unlink()
        stale.rmdir()
        stale.parent.rmdir()
