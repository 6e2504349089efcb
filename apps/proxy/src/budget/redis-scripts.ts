// The shared budget's atomic steps, as Lua scripts Redis runs one at a time (ioredis `defineCommand`: sent once
// by SHA, again in full after Redis restarts). They hold every replica's shared state:
//   upstream   hash   tat: the GCRA's next on-time arrival (ms); factor: the AIMD share of the rate
//   queue      zset   tickets waiting, scored by virtual finish tag (the fair order)
//   deadlines  zset   the same tickets, scored by when they stop waiting (a crashed replica's expire)
//   fair       hash   v: the virtual time; seq: tickets issued; l:<caller> / w:<caller>: a waiting caller's last
//                     tag and its tickets waiting (removed when none wait: an idle caller holds no tag)
//   granted:<replica>  list  tickets granted by another replica's call, until their replica collects them
//   rate:<caller>      string  the caller's own GCRA
//   replicas   zset   replica ids, scored by when their heartbeat lapses
// A ticket is `<seq, 15 digits>|<caller>|<replica>`. Time is Redis's own (TIME), so replicas' clocks need not
// agree; tests pass theirs instead. The arithmetic is gcra.ts's and fair-queue.ts's; the numbers (intervals,
// tag costs, AIMD steps) come from the TypeScript side, so each rule is stated once.

/** Shared by the queue's scripts: KEYS upstream, queue, deadlines, fair, granted (this replica's); ARGV now,
 * replica, prefix, base interval (ms, at the whole rate), burst, key TTL (ms). */
const QUEUE_PRELUDE = `
local upstream, queue, deadlines, fair, mine = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local now = tonumber(ARGV[1])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
end
local replica, prefix = ARGV[2], ARGV[3]
local burst, ttl = tonumber(ARGV[5]), tonumber(ARGV[6])
local factor = tonumber(redis.call('HGET', upstream, 'factor')) or 1
local interval = tonumber(ARGV[4]) / factor
local tolerance = (burst - 1) * interval
local tat = tonumber(redis.call('HGET', upstream, 'tat')) or now

local function ticket_parts(ticket)
  return string.match(ticket, '^%d+|([^|]+)|(.+)$')
end

local function left(caller)
  if redis.call('HINCRBY', fair, 'w:' .. caller, -1) <= 0 then
    redis.call('HDEL', fair, 'w:' .. caller, 'l:' .. caller)
  end
end

local function wait_ms()
  return math.max(0, tat - tolerance - now)
end

local function take()
  tat = math.max(tat, now) + interval
  redis.call('HSET', upstream, 'tat', string.format('%.3f', tat))
end

local function next_ms()
  if redis.call('ZCARD', queue) > 0 then
    return math.ceil(wait_ms())
  end
  return -1
end

local function touch()
  for _, key in ipairs({ upstream, queue, deadlines, fair }) do
    redis.call('PEXPIRE', key, ttl)
  end
end

-- Tickets out of time leave the queue (their replica refused them, or is gone).
local function purge()
  local expired = redis.call('ZRANGEBYSCORE', deadlines, '-inf', now, 'LIMIT', 0, 100)
  for _, ticket in ipairs(expired) do
    redis.call('ZREM', deadlines, ticket)
    if redis.call('ZREM', queue, ticket) == 1 then
      left((ticket_parts(ticket)))
    end
  end
end

-- Grants the head of the fair order while the GCRA allows: to this replica in the answer, to another through
-- its list and a message on its channel.
local function grant()
  local own = {}
  while wait_ms() == 0 do
    local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
    if #head == 0 then
      break
    end
    local ticket = head[1]
    redis.call('ZREM', queue, ticket)
    redis.call('ZREM', deadlines, ticket)
    redis.call('HSET', fair, 'v', head[2])
    local caller, owner = ticket_parts(ticket)
    left(caller)
    take()
    if owner == replica then
      own[#own + 1] = ticket
    else
      local list = prefix .. 'granted:' .. owner
      redis.call('RPUSH', list, ticket)
      redis.call('PEXPIRE', list, ttl)
      redis.call('PUBLISH', prefix .. 'grants:' .. owner, ticket)
    end
  end
  return own
end

local function collect(own)
  local granted = redis.call('LRANGE', mine, 0, -1)
  if #granted > 0 then
    redis.call('DEL', mine)
    for _, ticket in ipairs(granted) do
      own[#own + 1] = ticket
    end
  end
  return own
end

local function answer(status, value, own)
  touch()
  return { status, tostring(value), next_ms(), unpack(own) }
end
`;

/** A request asks for a slot. KEYS + its caller's rate key; ARGV + caller, tag cost, caller interval (0: no
 * rate), caller burst, queue wait (ms), ticket lifetime (ms), force ('1': a waiter moved back from memory,
 * which keeps its place whatever the wait and has had its caller's rate counted). */
const ENQUEUE = `${QUEUE_PRELUDE}
local caller_key = KEYS[6]
local caller, cost = ARGV[7], tonumber(ARGV[8])
local caller_interval, caller_burst = tonumber(ARGV[9]), tonumber(ARGV[10])
local queue_wait, lifetime, force = tonumber(ARGV[11]), tonumber(ARGV[12]), ARGV[13] == '1'
purge()
local own = grant()
local caller_tat = nil
if caller_interval > 0 and not force then
  caller_tat = tonumber(redis.call('GET', caller_key)) or now
  local caller_wait = caller_tat - (caller_burst - 1) * caller_interval - now
  if caller_wait > 0 then
    return answer('caller-rate', math.ceil(caller_wait), collect(own))
  end
end
local function count_caller()
  if caller_tat then
    caller_tat = math.max(caller_tat, now) + caller_interval
    redis.call('SET', caller_key, string.format('%.3f', caller_tat), 'PX', math.ceil(caller_tat - now) + 1000)
  end
end
if redis.call('ZCARD', queue) == 0 and wait_ms() == 0 then
  take()
  count_caller()
  return answer('admitted', '', collect(own))
end
local v = tonumber(redis.call('HGET', fair, 'v')) or 0
local last = tonumber(redis.call('HGET', fair, 'l:' .. caller)) or v
local finish = math.max(v, last) + cost
local expected = wait_ms() + redis.call('ZCOUNT', queue, '-inf', finish) * interval
if expected > queue_wait and not force then
  return answer('queue-full', math.ceil(expected), collect(own))
end
local seq = redis.call('HINCRBY', fair, 'seq', 1)
local ticket = string.format('%015d|%s|%s', seq, caller, replica)
redis.call('ZADD', queue, string.format('%.0f', finish), ticket)
redis.call('ZADD', deadlines, string.format('%.3f', now + lifetime), ticket)
redis.call('HSET', fair, 'l:' .. caller, string.format('%.0f', finish))
redis.call('HINCRBY', fair, 'w:' .. caller, 1)
count_caller()
return answer('queued', ticket, collect(own))
`;

/** Grants what is due and collects this replica's grants. */
const PUMP = `${QUEUE_PRELUDE}
purge()
return answer('pumped', '', collect(grant()))
`;

/** A ticket leaves the queue (cancelled, or out of time). ARGV + the ticket. `granted` when it was granted
 * meanwhile, by this call or another replica's (its slot is the caller's after all); the value is the wait a
 * new request would face from its place. */
const WITHDRAW = `${QUEUE_PRELUDE}
local ticket = ARGV[7]
purge()
-- A slot due now is served first: a deadline that falls on its own slot does not refuse it.
local own = collect(grant())
for _, granted in ipairs(own) do
  if granted == ticket then
    return answer('granted', 0, own)
  end
end
local score = redis.call('ZSCORE', queue, ticket)
if score then
  local ahead = redis.call('ZCOUNT', queue, '-inf', '(' .. score)
  redis.call('ZREM', queue, ticket)
  redis.call('ZREM', deadlines, ticket)
  left((ticket_parts(ticket)))
  return answer('withdrawn', math.ceil(wait_ms() + ahead * interval), own)
end
return answer('gone', math.ceil(wait_ms() + redis.call('ZCARD', queue) * interval), own)
`;

/** AIMD on the shared factor. KEYS upstream; ARGV 'throttled' or 'accepted', decrease, increase, floor, TTL. */
const ADJUST = `
local factor = tonumber(redis.call('HGET', KEYS[1], 'factor')) or 1
if ARGV[1] == 'throttled' then
  factor = math.max(tonumber(ARGV[4]), factor * tonumber(ARGV[2]))
else
  factor = math.min(1, factor + tonumber(ARGV[3]))
end
redis.call('HSET', KEYS[1], 'factor', string.format('%.6f', factor))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]))
return string.format('%.6f', factor)
`;

/** A replica's heartbeat (or its leaving). KEYS replicas, upstream; ARGV now, replica, TTL, leaving ('1').
 * Answers the replicas alive and the shared AIMD factor. */
const HEARTBEAT = `
local now = tonumber(ARGV[1])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
end
local ttl = tonumber(ARGV[3])
if ARGV[4] == '1' then
  redis.call('ZREM', KEYS[1], ARGV[2])
else
  redis.call('ZADD', KEYS[1], string.format('%.3f', now + ttl), ARGV[2])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', now))
redis.call('PEXPIRE', KEYS[1], ttl * 3)
local factor = redis.call('HGET', KEYS[2], 'factor') or '1'
return { redis.call('ZCARD', KEYS[1]), factor }
`;

export const BUDGET_SCRIPTS = {
  wksBudgetEnqueue: { numberOfKeys: 6, lua: ENQUEUE },
  wksBudgetPump: { numberOfKeys: 5, lua: PUMP },
  wksBudgetWithdraw: { numberOfKeys: 5, lua: WITHDRAW },
  wksBudgetAdjust: { numberOfKeys: 1, lua: ADJUST },
  wksBudgetHeartbeat: { numberOfKeys: 2, lua: HEARTBEAT },
} as const;
