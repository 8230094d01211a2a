namespace SafetyNet.Insight.Hotspots;

/// <summary>One back-test split: a method's accuracy for one target month at one share of the study area, averaged over grid placements.</summary>
public sealed record BacktestResult(int TargetMonth, double AreaShare, int Crimes, double Hits, double HitRate, double Pai, double Pei);

/// <summary>
/// Trains on the months before a target month and measures the target month, for each target and each grid
/// placement. Where a grid starts moves a hit rate by a few points, so every figure is a mean over offsets.
/// </summary>
public static class HotspotBacktest
{
    /// <param name="history">Events the method may learn from (any months; only those before each target are used).</param>
    /// <param name="outcomes">Events to catch; those in the target month are counted.</param>
    /// <param name="offsets">Grid origins as fractions of a cell, e.g. (0, 0), (0.5, 0.5).</param>
    public static BacktestResult[] Run(
        GridEvent[] history,
        GridEvent[] outcomes,
        IReadOnlyList<int> targetMonths,
        HotspotSettings settings,
        IReadOnlyList<double> areaShares,
        double studyAreaKm2,
        IReadOnlyList<(double X, double Y)> offsets,
        StudyExtent extent)
    {
        var results = new BacktestResult[targetMonths.Count * areaShares.Count];
        for (var t = 0; t < targetMonths.Count; t++)
        {
            var target = targetMonths[t];
            var crimes = new List<GridEvent>();
            foreach (var e in outcomes)
            {
                if (e.Month == target)
                {
                    crimes.Add(e);
                }
            }
            var actual = crimes.ToArray();
            var hits = new double[areaShares.Count];
            var hitRate = new double[areaShares.Count];
            var pai = new double[areaShares.Count];
            var pei = new double[areaShares.Count];
            foreach (var (ox, oy) in offsets)
            {
                var grid = CellGrid.Covering(extent, settings.CellSize, ox * settings.CellSize, oy * settings.CellSize);
                var scores = HotspotPredictor.Score(history, target, grid, settings);
                for (var a = 0; a < areaShares.Count; a++)
                {
                    var cells = HotspotPredictor.TopCells(scores, grid.CellsFor(studyAreaKm2 * areaShares[a]));
                    var accuracy = HotspotAccuracy.Measure(grid, cells, actual, studyAreaKm2);
                    hits[a] += accuracy.Hits;
                    hitRate[a] += accuracy.HitRate;
                    pai[a] += accuracy.Pai;
                    pei[a] += accuracy.Pei;
                }
            }
            for (var a = 0; a < areaShares.Count; a++)
            {
                results[t * areaShares.Count + a] = new BacktestResult(
                    target, areaShares[a], actual.Length, hits[a] / offsets.Count, hitRate[a] / offsets.Count, pai[a] / offsets.Count, pei[a] / offsets.Count);
            }
        }
        return results;
    }
}
