using System.Collections.Concurrent;
using System.Globalization;

namespace SafetyNet.Platform;

/// <summary>What a background worker is doing, as <c>/health/workers</c> reports it.</summary>
public enum WorkerStatus
{
    /// <summary>Waiting for migrations and seeding before its first pass.</summary>
    Waiting,
    /// <summary>Its last pass succeeded; it runs again at its interval.</summary>
    Running,
    /// <summary>Its last pass failed; it tries again after a back-off that doubles with each failure in a row.</summary>
    BackingOff,
    /// <summary>Work that runs once (start-up, a demo import) has finished.</summary>
    Finished,
    /// <summary>Switched off by configuration (tests, the command line, nodes that leave the work to others).</summary>
    Off,
    /// <summary>No longer running: start-up failed, or the host is stopping.</summary>
    Stopped,
}

/// <summary>
/// One worker's state. <see cref="LastFailure"/> names the exception's type only: a message can quote personal data
/// (an address in an SMTP reply, a name in a database error), and this is shown to anyone who asks.
/// </summary>
public sealed record WorkerState(
    string Name, WorkerStatus Status, DateTimeOffset Since, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt,
    int ConsecutiveFailures, string? LastFailure, DateTimeOffset? NextAttemptAt)
{
    /// <summary>Failing or stopped work is what monitoring must see.</summary>
    public bool Healthy => Status is not (WorkerStatus.BackingOff or WorkerStatus.Stopped);
}

/// <summary>
/// Every background worker of this node and how it is doing. A singleton: workers register when they start and
/// report each pass; <c>/health/workers</c> reads it.
/// </summary>
public sealed class WorkerHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<WorkerReport, byte> _workers = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal TimeProvider Time => time;

    /// <summary>Adds a worker; it is reported until <see cref="WorkerReport.Dispose"/>.</summary>
    public WorkerReport Register(string name)
    {
        var report = new WorkerReport(this, name);
        _workers[report] = 0;
        Changed();
        return report;
    }

    internal void Remove(WorkerReport report)
    {
        _workers.TryRemove(report, out _);
        Changed();
    }

    public IReadOnlyList<WorkerState> All =>
        _workers.Keys.Select(w => w.State).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Since).ToList();

    /// <summary>Completes at the next change of any worker's state, so a caller can wait for a pass without polling.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    internal void Changed()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }
}

/// <summary>The live state of one registered worker.</summary>
public sealed class WorkerReport : IDisposable
{
    private readonly WorkerHealth _health;
    private WorkerState _state;

    internal WorkerReport(WorkerHealth health, string name)
    {
        _health = health;
        _state = new WorkerState(name, WorkerStatus.Waiting, health.Time.GetUtcNow(), null, null, 0, null, null);
    }

    public WorkerState State => Volatile.Read(ref _state);

    public void Waiting() => Set(s => s with { Status = WorkerStatus.Waiting, NextAttemptAt = null });

    public void Off() => Set(s => s with { Status = WorkerStatus.Off, NextAttemptAt = null });

    public void Succeeded(DateTimeOffset? next = null) =>
        Set(s => s with { Status = WorkerStatus.Running, LastSuccessAt = Now, ConsecutiveFailures = 0, NextAttemptAt = next });

    public void Failed(Exception error, DateTimeOffset next) =>
        Set(s => s with { Status = WorkerStatus.BackingOff, LastFailureAt = Now, ConsecutiveFailures = s.ConsecutiveFailures + 1, LastFailure = Describe(error), NextAttemptAt = next });

    public void Finished() => Set(s => s with { Status = WorkerStatus.Finished, LastSuccessAt = Now, ConsecutiveFailures = 0, NextAttemptAt = null });

    public void Stopped(Exception? error = null) =>
        Set(s => s with { Status = WorkerStatus.Stopped, LastFailureAt = error is null ? s.LastFailureAt : Now, LastFailure = error is null ? s.LastFailure : Describe(error), NextAttemptAt = null });

    public void Dispose() => _health.Remove(this);

    private DateTimeOffset Now => _health.Time.GetUtcNow();

    private void Set(Func<WorkerState, WorkerState> change)
    {
        var before = State;
        var after = change(before);
        Volatile.Write(ref _state, after.Status == before.Status ? after : after with { Since = Now });
        _health.Changed();
    }

    /// <summary>
    /// The failure without anything personal: the chain of exception types, and a database's error code where it
    /// gives one, never a message.
    /// </summary>
    public static string Describe(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null && parts.Count < 4; e = e.InnerException)
        {
            var code = e switch
            {
                Npgsql.PostgresException p => p.SqlState,
                Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            parts.Add(code is null ? e.GetType().Name : $"{e.GetType().Name} ({code})");
        }
        return string.Join(" ← ", parts);
    }
}

/// <summary>
/// A background worker that carries on: it waits for start-up, runs a pass at its interval, and when a pass throws
/// it logs the failure (its type and where, never its message), backs off (the interval doubled for each failure
/// in a row, up to <see cref="MaxBackOff"/> or the interval if longer) and tries again. Its state is reported to
/// <see cref="WorkerHealth"/>. All waiting is on the injected clock.
/// </summary>
public abstract partial class RecurringWorker : BackgroundService
{
    /// <summary>The longest a failing worker waits before trying again (unless its interval is longer).</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(5);

    private readonly WorkerHealth _health;
    private readonly StartupState? _startup;
    private WorkerReport? _report;

    /// <param name="startup">The start-up to wait for before the first pass; null for work that needs none.</param>
    protected RecurringWorker(string name, TimeSpan interval, WorkerHealth health, StartupState? startup, TimeProvider time, ILogger log)
    {
        Name = name;
        Interval = interval;
        _health = health;
        _startup = startup;
        Time = time;
        Log = log;
    }

    public string Name { get; }

    protected TimeSpan Interval { get; }

    protected TimeProvider Time { get; }

    protected ILogger Log { get; }

    /// <summary>False where configuration leaves this work to someone else; the worker reports itself off.</summary>
    protected virtual bool Enabled => true;

    /// <summary>False for work that is done once a pass succeeds (a demo import).</summary>
    protected virtual bool Repeats => true;

    /// <summary>One pass of the work. An exception is a failed pass; the worker carries on.</summary>
    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    /// <summary>
    /// Waits before the next pass. Called synchronously up to its first await, so whatever it waits on (a timer on
    /// the injected clock) is set before the pass's outcome is reported.
    /// </summary>
    protected virtual Task WaitAsync(TimeSpan delay, bool afterFailure, CancellationToken stoppingToken) => Task.Delay(delay, Time, stoppingToken);

    /// <summary>How long to wait after <paramref name="failures"/> failures in a row.</summary>
    public static TimeSpan BackOff(TimeSpan interval, int failures)
    {
        var cap = interval > MaxBackOff ? interval : MaxBackOff;
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var wait = interval.TotalMilliseconds * factor;
        return wait >= cap.TotalMilliseconds ? cap : TimeSpan.FromMilliseconds(Math.Max(wait, 1));
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _report = _health.Register(Name);
        if (!Enabled)
        {
            _report.Off();
            return;
        }
        try
        {
            if (_startup is not null && !await _startup.SucceededAsync(stoppingToken))
            {
                // /health answers 503 with the reason; this work will not run on this start.
                _report.Stopped();
                return;
            }
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                // Off the thread that woke us (a timer's, or a test's that moved the clock), before any work.
                await Task.Yield();
                Task wait;
                try
                {
                    await RunPassAsync(stoppingToken);
                    failures = 0;
                    if (!Repeats)
                    {
                        _report.Finished();
                        return;
                    }
                    wait = WaitAsync(Interval, afterFailure: false, stoppingToken);
                    _report.Succeeded(Time.GetUtcNow() + Interval);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    var backOff = BackOff(Interval, failures);
                    wait = WaitAsync(backOff, afterFailure: true, stoppingToken);
                    _report.Failed(error, Time.GetUtcNow() + backOff);
                    LogFailed(Log, Name, failures, WorkerReport.Describe(error), Where(error), (long)backOff.TotalSeconds);
                }
                await wait;
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: whatever the pass was doing ends with it.
        }
        finally
        {
            if (_report.State.Status is not (WorkerStatus.Finished or WorkerStatus.Off))
            {
                _report.Stopped();
            }
        }
    }

    public override void Dispose()
    {
        _report?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The method that threw, innermost first: enough to find the code, with nothing from the data.</summary>
    private static string Where(Exception error)
    {
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return inner.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : "unknown";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work '{Worker}' failed ({Failures} in a row): {Failure} in {Where}; trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, string worker, int failures, string failure, string where, long seconds);
}
