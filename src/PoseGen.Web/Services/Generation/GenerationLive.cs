namespace PoseGen.Web.Services.Generation;

/// <summary>
/// The renders this instance is running: each one's cancellation (a cancel sent to this instance stops it at once, one
/// sent to another reaches it through Hangfire) and its live step and preview, kept in memory because steps are too
/// frequent to write to the database. Another instance answers a running render's status from the database and its
/// pushed progress reaches the owner over the SignalR backplane.
/// </summary>
public sealed class GenerationLive
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Entry> _running = [];

    /// <summary>
    /// Registers a run; its token fires when <paramref name="ct"/> does or <see cref="TryCancel"/> is called.
    /// </summary>
    public CancellationToken Start(Guid id, CancellationToken ct)
    {
        var entry = new Entry(CancellationTokenSource.CreateLinkedTokenSource(ct));
        lock (_gate)
            _running[id] = entry;
        return entry.Cancel.Token;
    }

    public void Finish(Guid id)
    {
        lock (_gate)
        {
            if (_running.Remove(id, out var entry))
                entry.Cancel.Dispose();
        }
    }

    /// <summary>False when the render is not running on this instance.</summary>
    public bool TryCancel(Guid id)
    {
        lock (_gate)
        {
            if (!_running.TryGetValue(id, out var entry))
                return false;
            entry.Cancel.Cancel();
            return true;
        }
    }

    public void ReportStep(Guid id, int step, int total, byte[]? preview)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(id, out var entry))
                entry.Live = (step, total, preview ?? entry.Live?.Preview);
        }
    }

    public (int Step, int Total, byte[]? Preview)? Live(Guid id)
    {
        lock (_gate)
            return _running.TryGetValue(id, out var entry) ? entry.Live : null;
    }

    private sealed class Entry(CancellationTokenSource cancel)
    {
        public CancellationTokenSource Cancel { get; } = cancel;

        public (int Step, int Total, byte[]? Preview)? Live { get; set; }
    }
}
