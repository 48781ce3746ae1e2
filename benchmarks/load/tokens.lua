-- wrk: one Authorization header per request, taken in turn from the token file named by LOAD_TOKENS (one JWT a
-- line), so that a run sends as many distinct tokens as the file holds.
local headers = {}
for line in io.lines(os.getenv("LOAD_TOKENS")) do
  if #line > 0 then headers[#headers + 1] = "Bearer " .. line end
end
local count, at = #headers, 0

function request()
  at = at + 1
  if at > count then at = 1 end
  return wrk.format(nil, nil, { ["Authorization"] = headers[at] })
end
