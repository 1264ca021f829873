-- GET the URL given to wrk as a logged-in person (cookie from RB_COOKIE,
-- or a script's API token from RB_TOKEN),
-- in the language of RB_LANG when it is set (their browser's Accept-Language).
wrk.headers["Cookie"] = os.getenv("RB_COOKIE") or ""
if os.getenv("RB_TOKEN") then
	wrk.headers["Authorization"] = "Bearer " .. os.getenv("RB_TOKEN")
end
if os.getenv("RB_LANG") then
	wrk.headers["Accept-Language"] = os.getenv("RB_LANG")
end
-- As a browser asks, for the compressed page (RB_GZIP).
if os.getenv("RB_GZIP") then
	wrk.headers["Accept-Encoding"] = "gzip"
end
-- As a calendar program polls a feed it has (RB_IF_NONE_MATCH: its ETag).
if os.getenv("RB_IF_NONE_MATCH") then
	wrk.headers["If-None-Match"] = os.getenv("RB_IF_NONE_MATCH")
end
