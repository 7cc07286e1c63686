"""A static file server for the browser tests that answers byte-range requests.

Python's http.server ignores `Range:`, and without ranges Chromium cannot seek
an <audio> element; every real web host answers them, so the tests need a server
that does. Serves one folder on 127.0.0.1; run alone it prints its port.
"""
import http.server
import os
import re
import sys
import threading

TYPES = {".mp3": "audio/mpeg", ".flac": "audio/flac", ".ogg": "audio/ogg", ".opus": "audio/ogg",
         ".wav": "audio/wav", ".vtt": "text/vtt", ".json": "application/json", ".xml": "application/rss+xml",
         ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
         ".png": "image/png", ".jpg": "image/jpeg"}


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def guess_type(self, path):
        return TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            return None
        size = os.path.getsize(path)
        start, end = 0, size - 1
        wanted = self.headers.get("Range")
        if wanted:
            match = re.fullmatch(r"bytes=(\d*)-(\d*)", wanted.strip())
            if not match or (match.group(1) == "" and match.group(2) == ""):
                self.send_error(416)
                return None
            if match.group(1) == "":
                start = max(size - int(match.group(2)), 0)
            else:
                start = int(match.group(1))
                if match.group(2):
                    end = min(int(match.group(2)), size - 1)
            if start >= size or start > end:
                self.send_response(416)
                self.send_header("Content-Range", "bytes */%d" % size)
                self.end_headers()
                return None
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, size))
        else:
            self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        handle = open(path, "rb")
        handle.seek(start)
        self.remaining = end - start + 1
        return handle

    def copyfile(self, source, output):
        while self.remaining > 0:
            chunk = source.read(min(65536, self.remaining))
            if not chunk:
                break
            try:
                output.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            self.remaining -= len(chunk)


def serve(folder):
    """Starts a server for `folder` on a free port in a background thread; returns it."""
    handler = lambda *args, **kwargs: RangeHandler(*args, directory=folder, **kwargs)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    server = serve(sys.argv[1])
    print(server.server_address[1], flush=True)
    threading.Event().wait()
