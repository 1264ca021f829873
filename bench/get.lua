-- GET the URL given to wrk as a logged-in person (cookie from RB_COOKIE).
wrk.headers["Cookie"] = os.getenv("RB_COOKIE") or ""
