"""Write resources/sounds/alarm.wav: a two-tone alarm, 0.9 s, made here rather than downloaded.

    uv run python tools/make_alarm_wav.py
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
TONES = (880, 660) * 3  # alternating, 0.15 s each
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "alarm.wav"


def samples():
    for frequency in TONES:
        count = int(RATE * 0.15)
        for n in range(count):
            fade = min(1.0, n / 200, (count - n) / 200)  # no clicks at the edges
            yield int(0.6 * 32767 * fade * math.sin(2 * math.pi * frequency * n / RATE))


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples()))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
