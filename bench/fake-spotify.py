#!/usr/bin/env python3
"""A fake Spotify Web API for the soak benchmark: every recently-played request gets the next 50 plays after
its cursor (one play every 3.5 minutes from 2026-01-01), drawn from 5,000 tracks by 500 artists, in the
shape Spotify answers. Also /v1/me. Prints its port on the first line, then serves until killed.
   usage: bench/fake-spotify.py"""
import json
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

START_MS = int(datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp() * 1000)
STEP_MS = 210_000
TRACKS, ARTISTS = 5000, 500


def spotify_id(kind, n):
    return (kind + str(n).rjust(21, "0"))[-22:]


def track(n):
    artist = n % ARTISTS
    album = n // 10
    artists = [{"id": spotify_id("a", artist), "name": f"Soak Artist {artist}", "type": "artist"}]
    return {
        "id": spotify_id("t", n), "name": f"Soak Track {n}", "duration_ms": 150_000 + (n * 7919) % 150_000,
        "artists": artists, "external_ids": {"isrc": f"QZSOAK{n:06d}"},
        "album": {"id": spotify_id("b", album), "name": f"Soak Album {album}", "artists": artists,
                  "images": [{"url": f"https://i.scdn.co/image/{size}-{album}", "width": size, "height": size} for size in (640, 300, 64)]},
    }


def page(after):
    first = 0 if after is None else (after - START_MS) // STEP_MS + 1
    plays = range(first, first + 50)
    items = [{
        "played_at": datetime.fromtimestamp((START_MS + k * STEP_MS) / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "track": track((k * 7) % TRACKS),
        "context": {"type": "playlist", "uri": f"spotify:playlist:soak{k % 20}"},
    } for k in reversed(plays)]
    return {"items": items, "next": None, "limit": 50,
            "cursors": {"after": str(START_MS + plays[-1] * STEP_MS), "before": str(START_MS + plays[0] * STEP_MS)}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes: without this, Nagle and delayed ACKs add 40 ms to every answer.
    disable_nagle_algorithm = True

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/v1/me/player/recently-played":
            after = parse_qs(url.query).get("after")
            self.answer(200, page(int(after[0]) if after else None))
        elif url.path == "/v1/me":
            self.answer(200, {"id": "soak", "display_name": "Soak Test"})
        else:
            self.answer(404, {"error": {"status": 404, "message": "no such path in the soak fake"}})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
