namespace SafetyNet.Platform;

/// <summary>How a change (or a read that may be refused) ended: the four expected answers every service gives.</summary>
public enum OutcomeKind
{
    Done,
    NotFound,
    Invalid,
    Stale,
}

/// <summary>
/// The one way a service returns an expected failure: done (with the value), not found (not there, or not the
/// caller's to use), invalid (errors by field), or stale (the record has changed since the caller read it; the
/// current version is given). An unexpected failure is an exception. The API maps it to HTTP with
/// <see cref="Web.OutcomeHttp"/>, a page to its errors with <see cref="Web.OutcomePages"/>.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IDictionary<string, string[]> Errors, int CurrentVersion = 0)
{
    private static readonly IDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public bool IsDone => Kind == OutcomeKind.Done;

    public static Outcome<T> NotFound { get; } = new(OutcomeKind.NotFound, default, None);

    public static Outcome<T> Invalid(IDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors);

    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The record is sensitive and no purpose was stated: invalid, naming the purpose's field; nothing was done.</summary>
    public static Outcome<T> PurposeRequired { get; } = Invalid(RecordReads.PurposeMissing);

    /// <summary>True when nothing was done because the record is sensitive and no purpose was stated.</summary>
    public bool NeedsPurpose => Kind == OutcomeKind.Invalid && Errors.ContainsKey(RecordReads.PurposeField);

    public static Outcome<T> Stale(int currentVersion) => new(OutcomeKind.Stale, default, None, currentVersion);

    public static Outcome<T> Done(T value) => new(OutcomeKind.Done, value, None);

}

/// <summary>An outcome with nothing to return when done.</summary>
public readonly record struct Nothing;

public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => Outcome<T>.Done(value);

    public static Outcome<Nothing> Done() => Outcome<Nothing>.Done(default);
}
