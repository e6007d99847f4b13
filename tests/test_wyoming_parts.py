"""The Wyoming door's small parts, without a model or a server: limits, addresses, reading
events, one conversation per room."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest
from wyoming.event import Event, async_write_event

from assistant.doors.wyoming.conversations import Conversations, conversation_key
from assistant.doors.wyoming.settings import Access, Endpoint, Limits, member_of, pairs
from assistant.doors.wyoming.speaking import language_of
from assistant.doors.wyoming.wire import context_of, read_event
from assistant.errors import ConfigError, WireError


def test_endpoints() -> None:
    assert Endpoint.parse("tcp://127.0.0.1:10700") == Endpoint("127.0.0.1", 10700)
    assert Endpoint.parse("tcp://[::1]:10700").loopback
    assert Endpoint.parse("tcp://localhost:1").loopback
    assert not Endpoint.parse("tcp://0.0.0.0:10700").loopback
    assert not Endpoint.parse("tcp://192.168.0.5:10700").loopback
    assert str(Endpoint("::1", 5)) == "tcp://[::1]:5"
    for bad in ("127.0.0.1:10700", "unix:///tmp/x", "tcp://host", "tcp://host:port", "tcp://:5",
                "tcp://host:99999"):  # fmt: skip
        with pytest.raises(ConfigError):
            Endpoint.parse(bad)


def test_the_allow_list() -> None:
    home = Access.of(["192.168.0.0/24", "127.0.0.1"])
    assert home.permits("192.168.0.77") and home.permits("127.0.0.1")
    assert not home.permits("192.168.1.1") and not home.permits("8.8.8.8")
    assert not home.permits("kitchen.local")  # a name is never taken on trust
    assert Access().permits("8.8.8.8")  # no list: anyone who can reach the port
    assert Access.of(["::1"]).permits("::1")
    with pytest.raises(ConfigError, match="not an address"):
        Access.of(["kitchen"])


def test_name_value_options_and_members() -> None:
    assert pairs(["kitchen=tcp://a:1", " kids = 민준 "], "--x") == {"kitchen": "tcp://a:1",
                                                                   "kids": "민준"}  # fmt: skip
    for bad in (["kitchen"], ["=x"], ["kitchen="], ["a=1", "a=2"]):
        with pytest.raises(ConfigError):
            pairs(bad, "--satellite")
    members = {"kids": "민준", "dev-1": "엄마"}
    assert member_of(members, [None, "dev-1"], None) == "엄마"
    assert member_of(members, ["kids", "dev-1"], None) == "민준"
    assert member_of(members, ["lounge"], "아빠") == "아빠"


def test_limits_are_checked() -> None:
    with pytest.raises(ConfigError):
        Limits(max_audio_s=0)
    with pytest.raises(ConfigError):
        Limits(max_event_bytes=10)


def read_all(data: bytes, limit: int = 1 << 20) -> list[Event | None]:
    async def go() -> list[Event | None]:
        reader = asyncio.StreamReader()
        reader.feed_data(data)
        reader.feed_eof()
        got: list[Event | None] = []
        while True:
            event = await read_event(reader, limit)
            got.append(event)
            if event is None:
                return got

    return asyncio.run(go())


def written(event: Event) -> bytes:
    """An event as the wyoming package writes it."""

    class Sink:
        def __init__(self) -> None:
            self.data = b""

        def writelines(self, parts: list[bytes]) -> None:
            self.data += b"".join(parts)

        def write(self, part: bytes) -> None:
            self.data += part

        async def drain(self) -> None:
            return None

    sink = Sink()
    asyncio.run(async_write_event(event, sink))  # type: ignore[arg-type]
    return sink.data


def test_reading_events_within_limits() -> None:
    good = Event(type="audio-chunk", data={"rate": 16000, "width": 2, "channels": 1},
                 payload=b"\x00\x01" * 100)  # fmt: skip
    events = read_all(written(good) + written(Event(type="audio-stop")))
    assert [e.type if e else None for e in events] == ["audio-chunk", "audio-stop", None]
    assert events[0] is not None and events[0].payload == good.payload
    with pytest.raises(WireError, match="announced"):
        read_all(written(good), limit=100)
    bad_ones = [
        b"not json\n", b'{"data": {}}\n', b'{"type": 1}\n', b'{"type": "x", "data": 3}\n',
        b'{"type": "x", "payload_length": 10}\nabc', b'{"type": "x", "data_length": 2}\n[1]',
        b"{" * 70_000 + b"\n",
    ]  # fmt: skip
    for bad in bad_ones:
        with pytest.raises(WireError):
            read_all(bad)
    assert read_all(b"") == [None]


def test_context_holds_text_ids_only() -> None:
    event = Event(type="transcript", data={"text": "응", "context": {
        "satellite_id": "kitchen", "device_id": 5, "conversation_id": ""}})  # fmt: skip
    assert context_of(event) == {"satellite_id": "kitchen"}
    assert context_of(Event(type="transcript", data={"context": "x"})) == {}


def test_which_conversation_an_utterance_belongs_to() -> None:
    both = {"conversation_id": "c1", "satellite_id": "kitchen", "device_id": "d1"}
    assert conversation_key(both, "7") == "satellite_id:kitchen"
    assert conversation_key({"conversation_id": "c1", "device_id": "d1"}, "7") == "device_id:d1"
    assert conversation_key({"conversation_id": "c1"}, "7") == "conversation_id:c1"
    assert conversation_key({}, "7") == "connection:7"


@dataclass
class FakeDialog:
    member: str | None
    forgotten: list[bool] = field(default_factory=list)

    def forget(self) -> None:
        self.forgotten.append(True)


def test_one_conversation_per_room_with_its_member() -> None:
    now = [0.0]
    opened: list[FakeDialog] = []

    def open_dialog(member: str | None) -> FakeDialog:
        opened.append(FakeDialog(member))
        return opened[-1]

    rooms = Conversations(open_dialog, {"kids": "민준"}, "엄마", idle_s=600,  # type: ignore[arg-type]
                          clock=lambda: now[0])  # fmt: skip
    kid = rooms.member_for("kids", None)
    assert kid == "민준" and rooms.member_for(None, "tv") == "엄마"
    with rooms.holding("satellite_id:kids", kid) as first:
        pass
    with rooms.holding("satellite_id:kids", kid) as again:
        assert again.dialog is first.dialog
    with rooms.holding("satellite_id:kitchen", "엄마") as kitchen:
        assert kitchen.dialog is not first.dialog and kitchen.member == "엄마"
    rooms.forget("satellite_id:kids")
    assert first.dialog.forgotten == [True] and len(rooms) == 1  # type: ignore[attr-defined]
    now[0] = 601.0  # the kitchen went quiet for ten minutes: forgotten with its question
    with rooms.holding("satellite_id:lounge", "엄마"):
        pass
    assert kitchen.dialog.forgotten == [True] and len(rooms) == 1  # type: ignore[attr-defined]


def test_at_most_so_many_conversations() -> None:
    now = [0.0]
    opened: list[FakeDialog] = []

    def open_dialog(member: str | None) -> FakeDialog:
        opened.append(FakeDialog(member))
        return opened[-1]

    rooms = Conversations(open_dialog, {}, None, idle_s=600, clock=lambda: now[0], most=3)  # type: ignore[arg-type]
    for n in range(5):  # a client with a new conversation id each time
        now[0] = float(n)
        with rooms.holding(f"conversation_id:c{n}", None):
            pass
    assert len(rooms) == 3
    assert [bool(d.forgotten) for d in opened] == [True, True, False, False, False]


def test_reply_language() -> None:
    assert language_of("우유 주문할까요?") == "ko"
    assert language_of("Order milk?") == "en"
    assert language_of("우유", "en-US") == "en"
    assert language_of("milk", "ko_KR") == "ko"
    assert language_of("milk", "fr") == "en"


@pytest.mark.parametrize("unit", ["jangbogi-serve.service", "jangbogi-hub.service"])
def test_the_systemd_units_start_a_real_command(unit: str) -> None:
    import shlex
    from pathlib import Path

    from assistant.cli import build_parser

    text = (Path(__file__).resolve().parent.parent / "docs" / unit).read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("ExecStart="))
    argv = shlex.split(line.removeprefix("ExecStart="))
    assert argv[0].endswith("/jangbogi")
    args = build_parser().parse_args(argv[1:])
    assert args.handler.__name__ in ("cmd_serve", "cmd_hub")
