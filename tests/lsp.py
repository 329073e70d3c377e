"""A small Language Server Protocol client, to drive yaml-language-server as an editor does.

Just what the editor tests need: start the server on a workspace with
``yaml.*`` settings (answering its ``workspace/configuration`` requests),
open documents, ask for completions and collect published diagnostics.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

VERSION = "1.25.0"  # what tests/install-yaml-language-server.sh installs
INSTALLED = (
    Path(os.environ.get("CLAIMCHECK_TEST_TOOLS") or Path.home() / ".cache" / "claimcheck-test-tools")
    / "yaml-language-server"
    / "node_modules"
    / ".bin"
    / "yaml-language-server"
)
TIMEOUT = 30.0  # seconds for one answer; the server starts in about one


def server_command() -> list[str] | None:
    """How to start yaml-language-server: $YAML_LANGUAGE_SERVER, the installed copy, or PATH."""
    given = os.environ.get("YAML_LANGUAGE_SERVER")
    found = given or (str(INSTALLED) if INSTALLED.is_file() else shutil.which("yaml-language-server"))
    return [found, "--stdio"] if found else None


class Client:
    """One running server, for one workspace folder and one set of settings."""

    def __init__(self, command: list[str], root: Path, settings: dict[str, Any]) -> None:
        self.root = root.resolve()
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.answers: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.last_id = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        folder = self.root.as_uri()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": folder,
                "workspaceFolders": [{"uri": folder, "name": self.root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {"completion": {"completionItem": {"snippetSupport": True}}},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=5)
        except (OSError, TimeoutError, queue.Empty, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        with self.lock:
            stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            stdin.flush()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while (message := _next_message(stdout)) is not None:
            method = message.get("method")
            if method is not None and "id" in message:  # a request from the server
                result = None
                if method == "workspace/configuration":
                    items = message["params"]["items"]
                    result = [self.settings.get(item.get("section", ""), None) for item in items]
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            elif method == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            elif "id" in message:
                self.answers.put(message)

    def request(self, method: str, params: Any) -> Any:
        self.last_id += 1
        self._send({"jsonrpc": "2.0", "id": self.last_id, "method": method, "params": params})
        while True:
            answer = self.answers.get(timeout=TIMEOUT)
            if answer.get("id") == self.last_id:
                return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def open(self, relative: str, text: str) -> str:
        uri = (self.root / relative).as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def completions(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        position = {"line": line, "character": character}
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})
        items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result or []
        return items

    def diagnostics_of(self, uri: str, settle: float = 1.5) -> list[dict[str, Any]]:
        """The diagnostics published for ``uri``, once they stop changing for ``settle`` seconds."""
        deadline = time.monotonic() + TIMEOUT
        while uri not in self.diagnostics and time.monotonic() < deadline:
            time.sleep(0.05)
        seen = self.diagnostics.get(uri)
        while time.monotonic() < deadline:
            time.sleep(settle)
            if self.diagnostics.get(uri) == seen:
                break
            seen = self.diagnostics.get(uri)
        if seen is None:
            raise TimeoutError(f"no diagnostics were published for {uri}")
        return seen


def _next_message(stream: IO[bytes]) -> dict[str, Any] | None:
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if not line.strip():
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        return None
    message: dict[str, Any] = json.loads(stream.read(length))
    return message
