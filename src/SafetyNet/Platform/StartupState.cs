namespace SafetyNet.Platform;

/// <summary>Whether migrations and seeding have finished; <c>/health</c> answers 503 until they have.</summary>
public sealed class StartupState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();

    /// <summary>
    /// Waits for start-up and says whether it succeeded. A background worker returns when it did not, so a
    /// database that cannot be reached leaves <c>/health</c> answering 503 rather than stopping the host.
    /// </summary>
    public async Task<bool> SucceededAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenReady.WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void MarkFailed(Exception error)
    {
        Failure = error.Message;
        _ready.TrySetException(error);
    }

    /// <summary>What the process exits with: non-zero once start-up has refused the database and stopped the host.</summary>
    public int ExitCode { get; private set; }

    public void Refuse(Exception refusal)
    {
        ExitCode = 1;
        MarkFailed(refusal);
    }
}

public static class StartupExit
{
    /// <summary>Runs the web application until it stops, and gives the process's exit code: 1 once start-up has refused the database.</summary>
    public static async Task<int> RunToExitCodeAsync(this WebApplication app)
    {
        // Read before running: a stopped application has disposed its services.
        var state = app.Services.GetRequiredService<StartupState>();
        await app.RunAsync();
        return state.ExitCode;
    }
}
