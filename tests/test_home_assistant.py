"""Real Home Assistant core uses ``jangbogi serve`` through its own Wyoming integration.

Home Assistant lives in a venv of its own (``script/setup_home_assistant.sh`` makes
``.ha-venv/``; ``JANGBOGI_HA_VENV`` names another). Without it these tests are skipped,
unless ``JANGBOGI_REQUIRE_HA=1``, when its absence is a failure.

The test does what a household does in HA's UI, through HA's own APIs: onboards the owner,
adds the Wyoming integration pointing at the server (HA asks it to describe itself and makes
an stt and a tts entity of what it offers), then speaks to HA's speech-to-text API and asks
its text-to-speech API for a reply. HA 2024.3.3 (the newest for Python 3.11) has no Wyoming
conversation agent, so the ``handle`` service is not reached from HA here.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.cli import main
from tests.conftest import free_port
from tests.wyoming_audio import CHICKEN, spoken
from tests.wyoming_rig import ROOT, serving

pytestmark = pytest.mark.slow

HA_VENV = Path(os.environ.get("JANGBOGI_HA_VENV", ROOT / ".ha-venv"))
HASS = HA_VENV / "bin" / "hass"
STARTUP_TIMEOUT = 180.0

CONFIGURATION = """\
homeassistant:
  name: Jangbogi test
  latitude: 37.5665
  longitude: 126.978
  elevation: 0
  unit_system: metric
  time_zone: Asia/Seoul
  country: KR
  language: ko
http:
  server_host: 127.0.0.1
  server_port: {port}
api:
onboarding:
auth:
config:
stt:
tts:
assist_pipeline:
logger:
  default: warning
"""


@dataclass
class HomeAssistant:
    """A running HA, its owner's access token and the entities the Wyoming entry made."""

    base: str
    token: str
    stt: str
    tts: str
    log: Path

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:  # fmt: skip
        """(status, content type, body) of one authenticated request."""
        req = urllib.request.Request(
            self.base + path, data=body, method=method,
            headers={"Authorization": f"Bearer {self.token}", **(headers or {})},
        )  # fmt: skip
        return _send(req)

    def json(self, method: str, path: str, data: object | None = None) -> Any:
        body = None if data is None else json.dumps(data).encode()
        status, _, answer = self.request(method, path, body, {"Content-Type": "application/json"})
        assert status == 200, (status, answer.decode(errors="replace"), self.log_text())
        return json.loads(answer)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


def _send(req: urllib.request.Request, timeout: float = 60.0) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read()


def _post_json(url: str, data: object) -> Any:
    req = urllib.request.Request(url, data=json.dumps(data).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})  # fmt: skip
    status, _, body = _send(req)
    assert status == 200, (url, status, body)
    return json.loads(body)


def _wait_until_up(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        assert proc.poll() is None, f"Home Assistant exited:\n{text[-6000:]}"
        # a missing requirement (HA runs with --skip-pip) sends it to recovery mode
        assert "Activating recovery mode" not in text, text[-6000:]
        try:
            status, _, _ = _send(urllib.request.Request(base + "/api/onboarding"), timeout=5)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"Home Assistant not up in {STARTUP_TIMEOUT:.0f} s:\n"
                         f"{log.read_text(errors='replace')[-6000:]}")  # fmt: skip


def _onboard(base: str) -> str:
    """The new owner's access token: onboarding's user step, then the OAuth code exchange."""
    client_id = base + "/"
    code = _post_json(base + "/api/onboarding/users", {
        "client_id": client_id, "name": "Jangbogi test", "username": "jangbogi",
        "password": "jangbogi-test-password", "language": "ko",
    })["auth_code"]  # fmt: skip
    form = urllib.parse.urlencode({
        "grant_type": "authorization_code", "code": code, "client_id": client_id,
    }).encode()  # fmt: skip
    status, _, body = _send(urllib.request.Request(base + "/auth/token", data=form, method="POST"))
    assert status == 200, (status, body)
    token: str = json.loads(body)["access_token"]
    return token


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    if not HASS.is_file():
        reason = (f"Home Assistant is not installed in {HA_VENV} "
                  "(run script/setup_home_assistant.sh)")  # fmt: skip
        if os.environ.get("JANGBOGI_REQUIRE_HA") == "1":
            pytest.fail(reason + "; JANGBOGI_REQUIRE_HA=1")
        pytest.skip(reason)
    url = f"sqlite:///{tmp_path_factory.mktemp('ha-shop') / 'shop.db'}"
    assert main(["demo", "init", "--db", url]) == 0
    with serving(url, tmp_path_factory.mktemp("ha-data")) as served:
        config = tmp_path_factory.mktemp("ha-config")
        port = free_port()
        (config / "configuration.yaml").write_text(CONFIGURATION.format(port=port))
        log = config / "hass.out"
        with log.open("wb") as out:
            proc = subprocess.Popen([str(HASS), "-c", str(config), "--skip-pip"],
                                    stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, proc, log)
            ha = HomeAssistant(base, _onboard(base), "", "", log)
            flow = ha.json("POST", "/api/config/config_entries/flow", {"handler": "wyoming"})
            entry = ha.json("POST", f"/api/config/config_entries/flow/{flow['flow_id']}",
                            {"host": "127.0.0.1", "port": served.port})  # fmt: skip
            assert entry["type"] == "create_entry", entry
            assert entry["result"]["state"] == "loaded", entry
            states = [s["entity_id"] for s in ha.json("GET", "/api/states")]
            ha.stt = next(e for e in states if e.startswith("stt."))
            ha.tts = next(e for e in states if e.startswith("tts."))
            yield ha
        finally:
            proc.terminate()
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def test_home_assistant_hears_an_order_through_jangbogi(home_assistant: HomeAssistant) -> None:
    ha = home_assistant
    assert ha.json("GET", f"/api/stt/{ha.stt}")["languages"] == ["ko"]
    status, _, body = ha.request("POST", f"/api/stt/{ha.stt}", spoken(0.3, CHICKEN, 0.6), {
        "X-Speech-Content": "format=wav; codec=pcm; sample_rate=16000; bit_rate=16; "
                            "channel=1; language=ko",
    })  # fmt: skip
    assert status == 200, (status, body, ha.log_text())
    assert json.loads(body) == {"text": "치킨 한 마리", "result": "success"}


def test_home_assistant_speaks_through_jangbogi(home_assistant: HomeAssistant) -> None:
    ha = home_assistant
    # WAV as Jangbogi sends it: HA's default, MP3, needs ffmpeg, which CI lacks.
    got = ha.json("POST", "/api/tts_get_url", {
        "engine_id": ha.tts, "message": "우유 두 팩 주문할까요?", "language": "ko",
        "options": {"preferred_format": "wav"},
    })  # fmt: skip
    status, kind, audio = ha.request("GET", got["path"])
    assert status == 200, (status, audio[:200], ha.log_text())
    assert kind == "audio/x-wav"
    with wave.open(io.BytesIO(audio)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        seconds = wav.getnframes() / wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    assert 0.8 < seconds < 10, seconds
    assert np.abs(samples.astype(np.float64)).max() > 1000, "silent"
