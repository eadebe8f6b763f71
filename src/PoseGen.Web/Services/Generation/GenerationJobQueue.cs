using Microsoft.Extensions.Options;

namespace PoseGen.Web.Services.Generation;

/// <summary>
/// The generation line: ids waiting in order, the one running with its cancellation, and the running job's live step and
/// preview (kept in memory: steps are too frequent to write to the database). Bounded by <c>Generation:MaxQueue</c>, and
/// each user's share of it by <c>Generation:MaxQueuedPerUser</c> so that one account cannot fill the line for everyone.
/// </summary>
public sealed class GenerationJobQueue(IOptions<GenerationQueueOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<Guid> _waiting = [];
    private readonly Dictionary<Guid, string> _owners = [];
    private readonly SemaphoreSlim _available = new(0);
    private (Guid Id, CancellationTokenSource Cancel)? _running;
    private (Guid Id, int Step, int Total, byte[]? Preview)? _live;

    public int Capacity { get; } = options.Value.MaxQueue;

    /// <summary>Jobs one user may have waiting (the running one not counted).</summary>
    public int PerUser { get; } = options.Value.MaxQueuedPerUser;

    /// <summary>
    /// Joins the line. <see cref="EnqueueOutcome.Full"/> when the line is full, <see cref="EnqueueOutcome.ShareUsed"/> when
    /// <paramref name="userId"/> already has <see cref="PerUser"/> jobs waiting; <paramref name="force"/> (start-up
    /// re-queue) ignores both bounds.
    /// </summary>
    public EnqueueOutcome TryEnqueue(Guid id, string? userId = null, bool force = false)
    {
        lock (_gate)
        {
            if (!force && _waiting.Count >= Capacity)
                return EnqueueOutcome.Full;
            if (!force && userId is not null && _waiting.Count(w => _owners.GetValueOrDefault(w) == userId) >= PerUser)
                return EnqueueOutcome.ShareUsed;
            _waiting.Add(id);
            if (userId is not null)
                _owners[id] = userId;
        }
        _available.Release();
        return EnqueueOutcome.Queued;
    }

    /// <summary>Takes the next id and marks it running; the token is cancelled by <see cref="TryCancel"/>.</summary>
    public async Task<(Guid Id, CancellationToken Cancel)> DequeueAsync(CancellationToken ct)
    {
        while (true)
        {
            await _available.WaitAsync(ct);
            lock (_gate)
            {
                if (_waiting.Count == 0)
                    continue; // a cancelled id left its permit behind
                var id = _waiting[0];
                _waiting.RemoveAt(0);
                _owners.Remove(id);
                var cancel = new CancellationTokenSource();
                _running = (id, cancel);
                _live = null;
                return (id, cancel.Token);
            }
        }
    }

    public void Finish(Guid id)
    {
        lock (_gate)
        {
            if (_running?.Id != id)
                return;
            _running.Value.Cancel.Dispose();
            _running = null;
            _live = null;
        }
    }

    /// <summary>Removes a waiting id or cancels the running one; "queued", "running" or null when it is neither.</summary>
    public string? TryCancel(Guid id)
    {
        lock (_gate)
        {
            if (_waiting.Remove(id))
            {
                _owners.Remove(id);
                return GenerationJobDocument.Queued;
            }
            if (_running?.Id == id)
            {
                _running.Value.Cancel.Cancel();
                return GenerationJobDocument.Running;
            }
            return null;
        }
    }

    /// <summary>1-based place in the line; 0 when running or not waiting.</summary>
    public int Position(Guid id)
    {
        lock (_gate)
            return _waiting.IndexOf(id) + 1;
    }

    public IReadOnlyList<Guid> Waiting()
    {
        lock (_gate)
            return [.. _waiting];
    }

    public void ReportStep(Guid id, int step, int total, byte[]? preview)
    {
        lock (_gate)
        {
            if (_running?.Id == id)
                _live = (id, step, total, preview ?? _live?.Preview);
        }
    }

    public (int Step, int Total, byte[]? Preview)? Live(Guid id)
    {
        lock (_gate)
            return _live is { } l && l.Id == id ? (l.Step, l.Total, l.Preview) : null;
    }
}

public enum EnqueueOutcome { Queued, Full, ShareUsed }
