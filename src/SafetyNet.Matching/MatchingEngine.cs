namespace SafetyNet.Matching;

/// <summary>Person and address resolution: links entries of one human into an identity, with scores and reasons.</summary>
public static class MatchingEngine
{
    public const string Name = "SafetyNet.Matching";
}
