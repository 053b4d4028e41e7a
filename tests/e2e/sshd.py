"""A throwaway OpenSSH server on 127.0.0.1: fresh keys, key-only login, its own config.

Two ports: on the first a login gets a plain shell (the e2e wrapper), on the second sshd forces
`ipx-tui --kiosk`, as the README's kiosk recipe does.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

from tests.e2e.procs import Owned, descendants

HOST = "127.0.0.1"  # loopback only: the server is never reachable from outside
SSHD = "/usr/sbin/sshd"  # sshd must be started by absolute path (it re-executes itself)
PROMPT = "e2e$ "
README = Path(__file__).resolve().parents[2] / "README.md"
RECIPE_START = "cat > /etc/ssh/sshd_config.d/ipx-tui-kiosk.conf <<'CONF'"
INSTALLED = "/opt/ipx-tui/bin/ipx-tui"

# The remote shell of a test login: the installed console script first on PATH, private data
# and cache directories (given as arguments), nothing read from the user's dotfiles.
LOGIN_SCRIPT = """\
#!/bin/sh
export PATH="{bin}:/usr/local/bin:/usr/bin:/bin"
export IPX_TUI_DATA_DIR="$1" IPX_TUI_CACHE_DIR="$2"
unset ENV
PS1='{prompt}' exec sh -i
"""


def kiosk_recipe(console_script: Path) -> tuple[list[str], list[str]]:
    """The README's sshd recipe, as it is written there: its global lines, and the lines of its
    ``Match User reader`` block (the installed ipx-tui replaced by this checkout's)."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index(RECIPE_START) + len(RECIPE_START):].split("\nCONF\n", 1)[0]
    before, match, after = block.strip("\n").partition("Match User reader\n")
    assert match, "the README's recipe has no `Match User reader` block"
    lines = [line.strip().replace(INSTALLED, str(console_script))
             for line in after.splitlines() if line.strip()]
    assert any(line.startswith("ForceCommand ") for line in lines), lines
    return [line for line in before.splitlines() if line.strip()], lines


def free_port() -> int:
    """A loopback port nobody listens on (SO_REUSEADDR: ports in TIME_WAIT count as free)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class SSHServer:
    """sshd -D on two loopback ports with everything it needs under workdir."""

    def __init__(self, workdir: Path, console_script: Path, owned: Owned) -> None:
        self.workdir, self.owned = workdir, owned
        self.console_script = console_script
        self.user = getpass.getuser()
        self.port = free_port()
        self.kiosk_port = free_port()
        self.kiosk_home = workdir / "kiosk-home"
        self.log = workdir / "sshd.log"
        self.process: subprocess.Popen[bytes] | None = None
        self._made_privsep_dir = False

    # -- set-up ---------------------------------------------------------------------------

    def _write(self, name: str, text: str, mode: int = 0o600) -> Path:
        path = self.workdir / name
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)
        return path

    def _keygen(self, name: str) -> Path:
        key = self.workdir / name
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"e2e-{name}",
                        "-f", str(key)], check=True, capture_output=True, timeout=30)
        return key

    def start(self) -> None:
        """Write keys and configs, start sshd, wait for its banner."""
        w = self.workdir
        host_key, client_key = self._keygen("host_key"), self._keygen("client_key")
        shutil.copy(f"{client_key}.pub", w / "authorized_keys")
        kind, blob = (w / "host_key.pub").read_text(encoding="ascii").split()[:2]
        self._write("known_hosts", "".join(f"[{HOST}]:{port} {kind} {blob}\n"
                                           for port in (self.port, self.kiosk_port)))
        login = self._write("login.sh", LOGIN_SCRIPT.format(
            bin=self.console_script.parent, prompt=PROMPT), mode=0o755)
        self.login_script = login
        for sub in ("data", "cache", "config", "home"):
            (self.kiosk_home / sub).mkdir(parents=True, exist_ok=True)
        k = self.kiosk_home
        recipe_global, recipe = kiosk_recipe(self.console_script)
        recipe_lines = "".join(f"\n    {line}" for line in recipe)
        global_lines = "".join(f"{line}\n" for line in recipe_global)
        self._write("sshd_config", f"""\
# Throwaway sshd for the end-to-end tests: loopback only, key-only, foreground.
ListenAddress {HOST}:{self.port}
ListenAddress {HOST}:{self.kiosk_port}
AddressFamily inet
HostKey {host_key}
PidFile none
AuthorizedKeysFile {w}/authorized_keys
AllowUsers {self.user}
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
# The keys live under the temp dir (world-writable parents): strict modes would refuse them.
StrictModes no
# The client's locale comes through, as with Debian's default SendEnv LANG LC_*.
AcceptEnv LANG LC_*
PermitUserEnvironment no
DisableForwarding yes
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
{global_lines}
# The README's kiosk recipe, read from the README, on its own port.
Match LocalPort {self.kiosk_port}
    SetEnv HOME={k}/home IPX_TUI_DATA_DIR={k}/data IPX_TUI_CACHE_DIR={k}/cache XDG_CONFIG_HOME={k}/config XDG_DATA_HOME={k}/data XDG_CACHE_HOME={k}/cache{recipe_lines}
""")
        self._write("ssh_config", f"""\
# Read through `ssh -F`: neither /etc/ssh/ssh_config (SendEnv LANG LC_*) nor ~/.ssh/config.
Host e2e kiosk
    HostName {HOST}
    User {self.user}
    IdentityFile {client_key}
    IdentitiesOnly yes
    IdentityAgent none
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    BatchMode yes
    StrictHostKeyChecking yes
    UserKnownHostsFile {w}/known_hosts
    GlobalKnownHostsFile /dev/null
    CheckHostIP no
    UpdateHostKeys no
    ControlMaster no
    ControlPath none
    ClearAllForwardings yes
    ConnectTimeout 10
Host e2e
    Port {self.port}
Host kiosk
    Port {self.kiosk_port}
""")
        if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
            os.makedirs("/run/sshd", mode=0o755)  # privilege separation directory
            self._made_privsep_dir = True
        check = subprocess.run([SSHD, "-t", "-f", str(w / "sshd_config")],
                               capture_output=True, text=True, timeout=30, check=False)
        if check.returncode:
            raise RuntimeError(f"sshd -t: {check.stderr.strip()}")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [SSHD, "-D", "-e", "-f", str(w / "sshd_config")], stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.owned.add(self.process.pid)
        self._wait_banner()

    def _wait_banner(self, timeout: float = 10.0) -> None:
        assert self.process is not None
        end = time.monotonic() + timeout
        for port in (self.port, self.kiosk_port):
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError("sshd exited: " + self.log.read_text(errors="replace"))
                try:
                    with socket.create_connection((HOST, port), timeout=1) as conn:
                        if conn.recv(64).startswith(b"SSH-2.0-"):
                            break
                except OSError:
                    pass
                if time.monotonic() > end:
                    raise RuntimeError(f"no sshd banner on {HOST}:{port}")
                time.sleep(0.02)

    # -- use ------------------------------------------------------------------------------

    def ssh_argv(self, *remote: str, term: str = "xterm-256color", kiosk: bool = False,
                 setenv: Mapping[str, str] | None = None, tty: bool = True) -> list[str]:
        """The command line that logs in: TERM as the user's terminal would set it."""
        argv = ["env", f"TERM={term}", "ssh", "-F", str(self.workdir / "ssh_config")]
        argv.append("-tt" if tty else "-T")
        if setenv:  # accepted by the server's AcceptEnv LANG LC_*
            argv += ["-o", "SetEnv=" + " ".join(f"{k}={v}" for k, v in setenv.items())]
        return [*argv, "kiosk" if kiosk else "e2e", *remote]

    def login_argv(self, data_dir: Path, cache_dir: Path, term: str = "xterm-256color",
                   setenv: Mapping[str, str] | None = None) -> list[str]:
        """Log in to the test shell, whose prompt is PROMPT, with private data directories."""
        return self.ssh_argv(f"{self.login_script} {data_dir} {cache_dir}", term=term,
                             setenv=setenv)

    def sessions(self) -> list[int]:
        """The server's per-connection processes that are still alive."""
        if self.process is None:
            return []
        return descendants(self.process.pid)

    def stop(self) -> None:
        """Stop our sshd (its sessions first), and undo what start() made outside workdir."""
        if self.process is not None:
            self.owned.add_tree(self.process.pid)
            self.owned.terminate([*self.sessions(), self.process.pid])
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if self._made_privsep_dir:
            shutil.rmtree("/run/sshd", ignore_errors=True)
