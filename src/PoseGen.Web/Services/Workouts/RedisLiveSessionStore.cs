using System.Globalization;
using System.Text.Json;
using PoseGen.Application.Workouts;
using PoseGen.Web.Hosting;
using StackExchange.Redis;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// Live sessions in Redis, for several instances. Per session a hash (user, owner instance, start record as JSON, and
/// "ended" once it has ended) and a list of frame batches; per user a sorted set of running session ids scored by their
/// expiry, which counts the per-user limit across instances. Each operation is one Lua script, so an ownership check
/// and the write it guards are atomic: a batch appended by the old owner lands either before a take-over (and is
/// replayed) or not at all. One more sorted set holds every running session by the time its record expires, so that
/// another instance finds the sessions of an owner that is gone (<see cref="AbandonedAsync"/>). The keys of one session
/// share a hash tag; the user's set does not, so Redis Cluster is not supported. Redis errors are answered as
/// <see cref="LiveSessionClaim.Unavailable"/> (logged), never thrown: the session carries on in the instance that holds
/// it.
/// </summary>
public sealed partial class RedisLiveSessionStore(RedisConnection redis,
    ILogger<RedisLiveSessionStore> logger) : ILiveSessionStore
{
    // KEYS: 1 the session hash, 2 its frames, 3 the user's set, 4 the expiry set.
    // ARGV: 1 user, 2 owner, 3 expiry ms, 4 the user set's expiry ms, 5 session id; then the script's own.
    // state(): 1 owned by ARGV[2], 0 another owner's or ended, -1 no record, -2 another user's.
    private const string Prelude = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local function refresh()
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          redis.call('PEXPIRE', KEYS[2], ARGV[3])
          redis.call('ZADD', KEYS[3], now + tonumber(ARGV[3]), ARGV[5])
          redis.call('PEXPIRE', KEYS[3], ARGV[4])
          redis.call('ZADD', KEYS[4], now + tonumber(ARGV[3]), ARGV[5])
        end
        local function state()
          if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
          local f = redis.call('HMGET', KEYS[1], 'user', 'owner', 'ended')
          if f[1] ~= ARGV[1] then return -2 end
          if f[3] or f[2] ~= ARGV[2] then return 0 end
          return 1
        end

        """;

    // ARGV[6] the start record, ARGV[7] the most running sessions per user.
    private const string CreateScript = Prelude + """
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
        if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[7]) then return 0 end
        redis.call('HSET', KEYS[1], 'user', ARGV[1], 'owner', ARGV[2], 'start', ARGV[6])
        refresh()
        return 1
        """;

    private const string TouchScript = Prelude + """
        local s = state()
        if s == 1 then refresh() end
        return s
        """;

    // ARGV[6] the batch.
    private const string AppendScript = Prelude + """
        local s = state()
        if s == 1 then
          redis.call('RPUSH', KEYS[2], ARGV[6])
          refresh()
        end
        return s
        """;

    private const string TakeOverScript = Prelude + """
        local s = state()
        if s ~= 1 and s ~= 0 then return false end
        local f = redis.call('HMGET', KEYS[1], 'ended', 'start')
        if f[1] or not f[2] then return false end
        redis.call('HSET', KEYS[1], 'owner', ARGV[2])
        refresh()
        local r = redis.call('LRANGE', KEYS[2], 0, -1)
        table.insert(r, 1, f[2])
        return r
        """;

    // The hash stays as the ended mark (user, owner, ended) for ARGV[3]; the start and frames go at once.
    private const string EndScript = Prelude + """
        local s = state()
        if s == 1 then
          redis.call('DEL', KEYS[2])
          redis.call('HDEL', KEYS[1], 'start')
          redis.call('HSET', KEYS[1], 'ended', '1')
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
        end
        if s == 1 or s == -1 then
          redis.call('ZREM', KEYS[3], ARGV[5])
          redis.call('ZREM', KEYS[4], ARGV[5])
        end
        return s
        """;

    // KEYS[1] the expiry set; ARGV: 1 the session key prefix, 2 how soon (ms), 3 the most answered. Members whose
    // record has ended or gone are dropped from the set on the way.
    private const string AbandonedScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now + tonumber(ARGV[2]), 'LIMIT', 0, tonumber(ARGV[3]))
        local found = {}
        for _, id in ipairs(ids) do
          local f = redis.call('HMGET', ARGV[1] .. '{' .. id .. '}', 'user', 'ended', 'start')
          if f[1] and not f[2] and f[3] then
            table.insert(found, id)
            table.insert(found, f[1])
          else
            redis.call('ZREM', KEYS[1], id)
          end
        end
        return found
        """;

    /// <summary>Abandoned sessions answered per sweep: the rest wait for the next one, 10 s later.</summary>
    private const int AbandonedPerSweep = 20;

    /// <summary>The user's set outlives every member's expiry (members carry their own, in their scores).</summary>
    private static readonly TimeSpan UserSetExpiry = LiveWorkoutSessions.IdleLimit + LiveWorkoutSessions.StoreMargin;

    public bool IsShared => true;

    public async Task<LiveSessionClaim> CreateAsync(LiveSessionStart start, string owner, int maxPerUser,
        TimeSpan expiry)
    {
        var answer = await RunAsync(CreateScript, start.Id, start.UserId, owner, expiry, start.ToJson(), maxPerUser);
        return answer is null ? LiveSessionClaim.Unavailable : (int)answer == 1 ? LiveSessionClaim.Owned
            : LiveSessionClaim.UserFull;
    }

    public async Task<LiveSessionClaim> TouchAsync(LiveSessionStart start, string owner, TimeSpan expiry) =>
        Claim(await RunAsync(TouchScript, start.Id, start.UserId, owner, expiry));

    public async Task<LiveSessionClaim> AppendAsync(LiveSessionStart start, string owner, byte[] batch,
        TimeSpan expiry) =>
        Claim(await RunAsync(AppendScript, start.Id, start.UserId, owner, expiry, batch));

    public async Task<LiveSessionRecord?> TakeOverAsync(Guid id, string userId, string owner, TimeSpan expiry)
    {
        if (await RunAsync(TakeOverScript, id, userId, owner, expiry) is not { IsNull: false } answer)
            return null;
        var values = (RedisValue[])answer!;
        try
        {
            var start = LiveSessionStart.FromJson(values[0]!);
            return new LiveSessionRecord(start, [.. values.Skip(1).Select(v => LiveFrameBatch.Decode((byte[])v!))]);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            LogUnreadable(id, ex);
            return null;
        }
    }

    public async Task<LiveSessionClaim> EndAsync(LiveSessionStart start, string owner, TimeSpan expiry) =>
        Claim(await RunAsync(EndScript, start.Id, start.UserId, owner, expiry));

    public async Task<IReadOnlyList<(Guid Id, string UserId)>> AbandonedAsync(TimeSpan within)
    {
        try
        {
            var answer = await (await redis.DatabaseAsync()).ScriptEvaluateAsync(AbandonedScript, [ExpirySet],
                [SessionKeyPrefix, Milliseconds(within), AbandonedPerSweep]);
            var values = (RedisValue[])answer!;
            return [.. values.Chunk(2).Select(p => (Guid.ParseExact((string)p[0]!, "N"), (string)p[1]!))];
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSweepUnavailable(ex);
            return [];
        }
    }

    /// <summary>Every running session by the time its record expires, across users and instances.</summary>
    private RedisKey ExpirySet => $"{redis.Prefix}:live-expiry";

    /// <summary>A session's key is this followed by its id in a hash tag ("{id}"), as the abandoned script builds it.
    /// </summary>
    private string SessionKeyPrefix => $"{redis.Prefix}:live:";

    private static LiveSessionClaim Claim(RedisResult? answer) => answer is null
        ? LiveSessionClaim.Unavailable
        : (int)answer switch
        {
            1 => LiveSessionClaim.Owned,
            -1 => LiveSessionClaim.Missing,
            _ => LiveSessionClaim.Moved,
        };

    /// <summary>Runs a script on the session's keys; null when Redis did not answer.</summary>
    private async Task<RedisResult?> RunAsync(string script, Guid id, string userId, string owner, TimeSpan expiry,
        params RedisValue[] more)
    {
        var session = $"{SessionKeyPrefix}{{{id:N}}}";
        RedisKey[] keys = [session, session + ":frames", $"{redis.Prefix}:live-user:{userId}", ExpirySet];
        RedisValue[] values =
        [
            userId, owner, Milliseconds(expiry), Milliseconds(UserSetExpiry), id.ToString("N"), .. more,
        ];
        try
        {
            return await (await redis.DatabaseAsync()).ScriptEvaluateAsync(script, keys, values);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(id, ex);
            return null;
        }
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(
        CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis did not answer for live session {Id}; it stays on this instance")]
    private partial void LogUnavailable(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis did not answer the look for abandoned live sessions; the next sweep tries again")]
    private partial void LogSweepUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Live session {Id} in Redis could not be read; it cannot be resumed here")]
    private partial void LogUnreadable(Guid id, Exception exception);
}
