#!/usr/bin/env python3
"""A stand-in Mastodon server on 127.0.0.1 for the user guide's screenshots (the machines that
make them are offline): a hashtag timeline with a customer's two posts, and POST
/api/v1/statuses, which answers as Mastodon does.  usage: fake-mastodon.py PORT"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

SERVER = "https://mastodon.social"
ANNE = {"id": "7", "username": "anne", "acct": "anne", "display_name": "Anne de Boer",
        "url": SERVER + "/@anne", "followers_count": 412}


def status(id_, minutes_ago, text, reply_to=None):
    from datetime import datetime, timedelta, timezone
    at = datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)
    return {"id": id_, "uri": f"{SERVER}/users/anne/statuses/{id_}", "url": f"{SERVER}/@anne/{id_}",
            "created_at": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "visibility": "public",
            "content": f"<p>{text}</p>", "in_reply_to_id": reply_to, "reblog": None, "account": ANNE}


TIMELINE = [
    status("1102", 104, "Bestelnummer heb ik al via de app gestuurd. #verskist", "1101"),
    status("1101", 106, "Mijn #verskist box kwam vandaag zonder de groente. Wie kan me helpen?"),
]


class Handler(BaseHTTPRequestHandler):
    def answer(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith("/api/v1/timelines/tag/verskist"):
            self.answer(200, [] if "min_id" in self.path else TIMELINE)
        else:
            self.answer(404, {"error": "Record not found"})

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path != "/api/v1/statuses":
            return self.answer(404, {"error": "Record not found"})
        self.answer(200, {"id": "2001", "url": SERVER + "/@verskist/2001"})

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
