using SafetyNet.Platform;

namespace SafetyNet.Crimes;

/// <summary>A crime recording decision has just recorded a crime for a victim (a new crime, or one reclassified).</summary>
public sealed class CrimeRecorded(CrimeRecord record) : Happening
{
    public CrimeRecord Record { get; } = record;
}
