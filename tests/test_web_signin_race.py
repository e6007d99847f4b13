"""Wrong passwords sent to a real ``jangbogi web`` in parallel: the lockout holds.

Twelve clients, each with its own session and CSRF token, send a wrong password for the same
member at the same moment (three rounds). At most four of all the answers are "wrong"; the
rest are "locked"; afterwards even the right password is refused while the lock lasts, and the
other members sign in as before. No browser is needed: this is the server's own HTTP.
"""

from __future__ import annotations

import random
import re
import threading
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from tests.web_site import PASSWORDS, Site, prepare, serving

pytestmark = pytest.mark.slow
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
CLIENTS = 12


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with serving(prepare(tmp_path_factory.mktemp("race"))) as running:
        yield running
    assert "Traceback" not in running.log.read_text()


def attempt(site: Site, name: str, password: str, ready: threading.Barrier | None = None) -> str:
    """One sign-in from a fresh session: ``signed in``, ``wrong`` or ``locked``."""
    with httpx.Client(base_url=site.url, timeout=60, headers={"Accept-Language": "en"}) as web:
        token = CSRF.search(web.get("/signin").text)
        assert token is not None
        if ready is not None:
            ready.wait()
        answer = web.post("/signin", data={"csrf": token.group(1), "name": name,
                                           "password": password})  # fmt: skip
    if answer.status_code == 303:
        return "signed in"
    assert answer.status_code == 401, answer.text[:300]
    if "locked until" in answer.text:
        return "locked"
    assert "the name or the password is not right" in answer.text, answer.text[:300]
    return "wrong"


def test_parallel_wrong_passwords_get_at_most_four_wrong_answers(site: Site) -> None:
    seed = random.randrange(2**32)
    print(f"seed {seed}")
    rng = random.Random(seed)
    said: Counter[str] = Counter()
    lock = threading.Lock()
    for _ in range(3):
        ready = threading.Barrier(CLIENTS)

        def guess(n: int, ready: threading.Barrier = ready) -> None:
            answer = attempt(site, "demo", f"wrong-{n}-{rng.randrange(10**6)}", ready)
            with lock:
                said[answer] += 1

        threads = [threading.Thread(target=guess, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    assert said["signed in"] == 0 and said["wrong"] <= 4, (seed, said)
    assert said["wrong"] + said["locked"] == 3 * CLIENTS, (seed, said)
    assert attempt(site, "demo", PASSWORDS["demo"]) == "locked"  # the right one waits too
    assert attempt(site, "민준", PASSWORDS["민준"]) == "signed in"  # only demo is locked
