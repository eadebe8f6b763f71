using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace PoseGen.Inference.Onnx;

/// <summary>
/// Owns the process's ONNX Runtime sessions: one per model file, created on first use with the configured provider and
/// threading, then shared (InferenceSession.Run is thread-safe).
/// </summary>
public sealed class OnnxModelHost : IDisposable
{
    private readonly InferenceOptions _options;
    private readonly ExecutionProviderSelector _selector;
    private readonly OnnxSessionFactory _factory;
    private readonly ConcurrentDictionary<string, Lazy<InferenceSession>> _sessions = new(StringComparer.Ordinal);

    public OnnxModelHost(
        IOptions<InferenceOptions> options,
        ExecutionProviderSelector selector,
        OnnxSessionFactory factory,
        IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _selector = selector;
        _factory = factory;
        ModelsDirectory = ModelsDirectoryResolver.Resolve(_options.ModelsPath, environment?.ContentRootPath);
    }

    /// <summary>Absolute folder the models are read from.</summary>
    public string ModelsDirectory { get; }

    public ActiveExecutionProvider Provider => _factory.Provider;

    public string PathOf(ModelDescriptor model) => Path.Combine(ModelsDirectory, model.FileName);

    public bool IsInstalled(ModelDescriptor model) => File.Exists(PathOf(model));

    /// <summary>The shared session for <paramref name="model"/>, created on first call.</summary>
    /// <exception cref="ModelNotInstalledException">The model file is missing.</exception>
    public InferenceSession GetSession(ModelDescriptor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = PathOf(model);
        if (!File.Exists(path))
            throw new ModelNotInstalledException(model.Name, path);
        var lazy = _sessions.GetOrAdd(path, p => new Lazy<InferenceSession>(() => _factory.Create(model.Name, p)));
        try
        {
            return lazy.Value;
        }
        catch (OnnxRuntimeException)
        {
            // A corrupt or half-written file must not poison the cache for the process's lifetime.
            _sessions.TryRemove(new KeyValuePair<string, Lazy<InferenceSession>>(path, lazy));
            throw;
        }
    }

    public InferenceStatus GetStatus()
    {
        var choice = _selector.Select(_options.Device, _options.CudaDeviceId);
        var models = ModelCatalog.All
            .Select(m => new ModelStatus(m.Name, m.FileName, IsInstalled(m),
                _sessions.TryGetValue(PathOf(m), out var s) && s.IsValueCreated))
            .ToList();
        return new InferenceStatus(
            OrtEnv.Instance().GetVersionString(), _options.Device, choice.Provider, choice.CudaFailure, ModelsDirectory,
            models);
    }

    public void Dispose()
    {
        foreach (var lazy in _sessions.Values)
        {
            if (lazy.IsValueCreated)
                lazy.Value.Dispose();
        }
        _sessions.Clear();
    }
}
