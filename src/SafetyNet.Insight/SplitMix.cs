namespace SafetyNet.Insight;

/// <summary>
/// A small, fast, seedable generator (SplitMix64). Each Monte Carlo replicate gets its own stream derived
/// from the run's seed and the replicate's number, so results do not depend on how threads split the work.
/// </summary>
public struct SplitMix
{
    private ulong _state;

    public SplitMix(ulong seed, ulong stream = 0)
    {
        _state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        // Mix once so neighbouring streams start far apart.
        _ = Next();
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A whole number in [0, bound) by multiply-shift; the bias is below 2⁻³² for any bound used here.</summary>
    public int NextInt(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
