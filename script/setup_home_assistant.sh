#!/usr/bin/env bash
# A Home Assistant core install of its own (never the project's venv), for
# tests/test_home_assistant.py: HA's Wyoming integration using `jangbogi serve`.
#
#   script/setup_home_assistant.sh            # creates or checks .ha-venv/
#   JANGBOGI_HA_VENV=/some/dir script/setup_home_assistant.sh
#
# Idempotent: a venv already holding this version is left as it is (a second run
# takes a second). From PyPI only: about 100 s and 400 MB on the first run.
#
# Why this version: 2024.3.3 is the newest Home Assistant that runs on Python 3.11.
# Its Wyoming integration offers speech-to-text and text-to-speech; its Wyoming
# conversation agent (the `handle` service) came later, with Python 3.12.
set -euo pipefail
cd "$(dirname "$0")/.."

HA_VERSION=2024.3.3
VENV="${JANGBOGI_HA_VENV:-.ha-venv}"
PYTHON="${PYTHON:-python3}"
STAMP="$VENV/.installed-$HA_VERSION"

# What HA would otherwise pip-install on its first start with the test's configuration
# (the requirements its integrations' manifests pin: wyoming, stt, tts, conversation,
# assist_pipeline, ffmpeg, frontend, onboarding, auth, ...), found by diffing `pip freeze`
# before and after such a start. Installed here so that the test starts HA with --skip-pip
# and needs no network. josepy<2: HA's cloud code (imported by its http component) uses
# acme, which breaks with josepy 2.
RUNTIME_REQUIREMENTS=(
  "wyoming==1.5.3"
  "hassil==1.6.1"
  "home-assistant-intents==2024.3.12"
  "home-assistant-frontend==20240307.0"
  "mutagen==1.47.0"
  "webrtc-noise-gain==1.2.3"
  "zeroconf==0.131.0"
  "ha-ffmpeg==3.1.0"
  "SQLAlchemy==2.0.27"
  "fnv-hash-fast==0.5.0"
  "janus==1.0.0"
  "pillow==10.2.0"
  "psutil-home-assistant==0.0.1"
  "PyQRCode==1.2.1"
  "pyotp==2.8.0"
  "securetar==2024.2.1"
  "josepy<2"
)

if [ -f "$STAMP" ] && [ -x "$VENV/bin/hass" ]; then
  echo "Home Assistant $HA_VERSION is already in $VENV"
  exit 0
fi

"$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || \
  echo "note: Home Assistant $HA_VERSION is meant for Python 3.11 (found: $("$PYTHON" --version 2>&1))"

test -x "$VENV/bin/python" || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q "homeassistant==$HA_VERSION" "${RUNTIME_REQUIREMENTS[@]}"
"$VENV/bin/hass" --version >/dev/null
touch "$STAMP"
echo "Home Assistant $HA_VERSION installed in $VENV"
