-- GET the booking form as a logged-in person (RB_COOKIE) and keep the
-- request token of each form, one a line, in RB_TOKENS_OUT.<thread>:
-- every POST /bookings needs a token of its own, issued to its session.
wrk.headers["Cookie"] = os.getenv("RB_COOKIE") or ""

local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

local out
function init(args)
  out = assert(io.open(os.getenv("RB_TOKENS_OUT") .. "." .. tid, "w"))
end

function response(status, headers, body)
  local t = body:match('name="request_token" value="([^"]+)"')
  if t then
    out:write(t, "\n")
    out:flush()
  end
end
