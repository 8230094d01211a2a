namespace SafetyNet.Platform;

/// <summary>Whether migrations and seeding have finished; <c>/health</c> answers 503 until they have.</summary>
public sealed class StartupState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();

    public void MarkFailed(Exception error)
    {
        Failure = error.Message;
        _ready.TrySetException(error);
    }
}
