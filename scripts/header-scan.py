#!/usr/bin/env python3
"""Header scan: signs in to a running SchoolSafety as each given user, follows every same-site link (GET only,
bounded), and checks the security headers on every response. Usage:
    scripts/header-scan.py http://127.0.0.1:5621 county officer admin   [--password Demo@12345] [--max 400]
Prints one line per failing page and a summary; exit code 1 when any page lacks a header."""
import argparse, html.parser, http.cookiejar, re, sys, urllib.parse, urllib.request

REQUIRED = {
    "Content-Security-Policy": lambda v: "default-src 'self'" in v and "frame-ancestors 'none'" in v and "'unsafe-inline'" not in v,
    "X-Content-Type-Options": lambda v: v == "nosniff",
    "X-Frame-Options": lambda v: v == "DENY",
    "Referrer-Policy": lambda v: bool(v),
}
SKIP = re.compile(r"/Account/Logout|/Culture/|\.(css|js|png|jpg|svg|woff2?)$", re.I)


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.hrefs = []; self.token = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"): self.hrefs.append(a["href"])
        if tag == "input" and a.get("name") == "__RequestVerificationToken": self.token = self.token or a.get("value")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None


def scan(base, user, password, limit):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    def get(path):
        try: r = opener.open(base + path, timeout=60)
        except urllib.error.HTTPError as e: r = e
        return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    _, _, body = get("/Account/Login"); p = Links(); p.feed(body)
    data = urllib.parse.urlencode({"UserName": user, "Password": password, "__RequestVerificationToken": p.token}).encode()
    try: opener.open(base + "/Account/Login", data, timeout=60)
    except urllib.error.HTTPError as e:
        if e.code != 302: raise
    cookies = {c.name: c for c in jar}
    problems = []
    for name in ("SchoolSafety.Auth", "SchoolSafety.Antiforgery"):
        c = cookies.get(name)
        if c is None: problems.append(f"{user}: cookie {name} missing"); continue
        if not c.has_nonstandard_attr("HttpOnly") and "httponly" not in str(c._rest).lower(): problems.append(f"{user}: cookie {name} not HttpOnly")
        if str(c._rest.get("SameSite", c._rest.get("samesite", ""))).lower() != "lax": problems.append(f"{user}: cookie {name} SameSite={c._rest}")
    seen, queue, pages = {"/"}, ["/"], 0
    while queue and pages < limit:
        path = queue.pop(0); pages += 1
        status, headers, body = get(path)
        for header, ok in REQUIRED.items():
            value = headers.get(header)
            if value is None or not ok(value): problems.append(f"{user} GET {path} ({status}): {header} = {value!r}")
        if status >= 500: problems.append(f"{user} GET {path}: {status}")
        hrefs = [headers["Location"]] if status in (301, 302, 303) and headers.get("Location") else []
        if "text/html" in headers.get("Content-Type", ""):
            p = Links(); p.feed(body); hrefs += p.hrefs
        if hrefs:
            for href in hrefs:
                u = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, href))
                if u.netloc != urllib.parse.urlsplit(base).netloc or SKIP.search(u.path): continue
                # One page per path and query-parameter set is enough (list pages differ only by values).
                key = u.path + ("?" + "&".join(sorted(k for k, _ in urllib.parse.parse_qsl(u.query))) if u.query else "")
                if key not in seen:
                    seen.add(key); queue.append(u.path + ("?" + u.query if u.query else ""))
    return pages, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base"); ap.add_argument("users", nargs="+")
    ap.add_argument("--password", default="Demo@12345"); ap.add_argument("--max", type=int, default=400)
    args = ap.parse_args()
    total, failed = 0, []
    # Anonymous pages first: the sign-in page and an error page.
    for path in ("/Account/Login", "/Errors/404", "/health/live"):
        try: r = urllib.request.urlopen(args.base + path, timeout=60)
        except urllib.error.HTTPError as e: r = e
        with r:
            total += 1
            for header, ok in REQUIRED.items():
                if r.headers.get(header) is None or not ok(r.headers.get(header)): failed.append(f"anonymous GET {path}: {header}")
    for user in args.users:
        pages, problems = scan(args.base.rstrip("/"), user, args.password, args.max)
        print(f"{user}: {pages} pages scanned, {len(problems)} problems"); total += pages; failed += problems
    for f in failed: print("FAIL", f)
    print(f"{total} responses checked, {len(failed)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
