namespace SafetyNet.Insight.Hotspots;

/// <summary>
/// How well a predicted area caught the next period's crimes. <see cref="HitRate"/> is hits ÷ crimes;
/// <see cref="Pai"/> (predictive accuracy index) is the hit rate ÷ the area's share of the study area;
/// <see cref="Pei"/> (predictive efficiency index) is hits ÷ the most any area of the same number of cells could have caught.
/// </summary>
public sealed record HotspotAccuracyResult(int Hits, int Crimes, int BestPossibleHits, double AreaKm2, double StudyAreaKm2)
{
    public double HitRate => Crimes == 0 ? double.NaN : (double)Hits / Crimes;
    public double AreaShare => AreaKm2 / StudyAreaKm2;
    public double Pai => HitRate / AreaShare;
    public double Pei => BestPossibleHits == 0 ? double.NaN : (double)Hits / BestPossibleHits;
}

public static class HotspotAccuracy
{
    public static HotspotAccuracyResult Measure(CellGrid grid, ReadOnlySpan<int> selectedCells, ReadOnlySpan<GridEvent> crimes, double studyAreaKm2)
    {
        var counts = new int[grid.Count];
        var total = 0;
        foreach (var crime in crimes)
        {
            total++;
            var cell = grid.CellOf(crime.X, crime.Y);
            if (cell >= 0)
            {
                counts[cell]++;
            }
        }
        var hits = 0;
        foreach (var cell in selectedCells)
        {
            hits += counts[cell];
        }
        // The best area of the same size is the cells with the most crimes.
        Array.Sort(counts);
        var best = 0;
        for (int i = counts.Length - 1, k = 0; i >= 0 && k < selectedCells.Length; i--, k++)
        {
            best += counts[i];
        }
        return new HotspotAccuracyResult(hits, total, best, selectedCells.Length * grid.CellAreaKm2, studyAreaKm2);
    }
}
