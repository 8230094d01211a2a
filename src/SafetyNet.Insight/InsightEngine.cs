namespace SafetyNet.Insight;

/// <summary>Spatial and statistical analysis: hotspots, near repeat, rates and intervals.</summary>
public static class InsightEngine
{
    public const string Name = "SafetyNet.Insight";
}
