namespace SafetyNet.Insight.Hotspots;

/// <summary>
/// Parameters of the prospective hotspot surface. Every event spreads its weight over the cells around it
/// with two Gaussian kernels integrated over each cell — a narrow one for risk that stays at the same
/// address or street, a wide one for the neighbourhood — discounted by age with a half-life in months; events
/// of the last <see cref="NearRepeatMonths"/> months add a near-repeat cone (Bowers, Johnson and Pease) that falls
/// linearly to zero at <see cref="NearRepeatRadius"/> metres and fades month by month.
/// </summary>
public sealed record HotspotSettings
{
    /// <summary>Side of a predicted cell in metres.</summary>
    public double CellSize { get; init; } = 100;

    public double NarrowBandwidth { get; init; } = 5;
    public double WideBandwidth { get; init; } = 300;

    /// <summary>Weight of the two Gaussian kernels (the long-term surface); 0 leaves only the near-repeat cones.</summary>
    public double LongTermWeight { get; init; } = 1;

    /// <summary>Share of each event's weight on the narrow kernel.</summary>
    public double NarrowShare { get; init; } = 0.5;

    public double HalfLifeMonths { get; init; } = 9;

    public double NearRepeatRadius { get; init; } = 400;
    public int NearRepeatMonths { get; init; } = 2;

    /// <summary>Weight of the near-repeat cone relative to an event's long-term kernels.</summary>
    public double NearRepeatWeight { get; init; } = 0.25;

    /// <summary>Months of history used (counting back from the month before the prediction); 0 uses all.</summary>
    public int HistoryMonths { get; init; }

    /// <summary>Classic kernel density: one Gaussian, every month alike, no near-repeat term.</summary>
    public static HotspotSettings KernelDensity(double bandwidth = 250, double cellSize = 100) => new()
    {
        CellSize = cellSize,
        WideBandwidth = bandwidth,
        NarrowShare = 0,
        HalfLifeMonths = double.PositiveInfinity,
        NearRepeatWeight = 0,
    };

    /// <summary>Prospective mapping alone: only the near-repeat cones of the last months (Bowers, Johnson and Pease).</summary>
    public static HotspotSettings Prospective(double radius = 400, int months = 2, double cellSize = 100) => new()
    {
        CellSize = cellSize,
        LongTermWeight = 0,
        NearRepeatRadius = radius,
        NearRepeatMonths = months,
        NearRepeatWeight = 1,
    };

    /// <summary>The baseline the method must beat: counts per cell over the months before, nothing else.</summary>
    public static HotspotSettings NaiveCounts(double cellSize = 250) => new()
    {
        CellSize = cellSize,
        NarrowBandwidth = 0,
        WideBandwidth = 0,
        NarrowShare = 1,
        HalfLifeMonths = double.PositiveInfinity,
        NearRepeatWeight = 0,
    };
}

/// <summary>Scores cells for the month after the history and picks the best area.</summary>
public static class HotspotPredictor
{
    /// <summary>Risk per cell of <paramref name="grid"/> for <paramref name="targetMonth"/> from events before it.</summary>
    public static double[] Score(ReadOnlySpan<GridEvent> history, int targetMonth, CellGrid grid, HotspotSettings settings)
    {
        var firstMonth = settings.HistoryMonths > 0 ? targetMonth - settings.HistoryMonths : int.MinValue;
        var used = new List<GridEvent>(history.Length);
        foreach (var e in history)
        {
            if (e.Month < targetMonth && e.Month >= firstMonth)
            {
                used.Add(e);
            }
        }
        var events = used.ToArray();
        var workers = Math.Clamp(events.Length / 500, 1, Environment.ProcessorCount);
        var partials = new double[workers][];
        Parallel.For(0, workers, worker =>
        {
            var surface = new double[grid.Count];
            var scratch = new KernelScratch(grid, settings);
            for (var i = worker; i < events.Length; i += workers)
            {
                AddEvent(surface, grid, settings, scratch, events[i], targetMonth);
            }
            partials[worker] = surface;
        });
        var total = partials[0];
        for (var w = 1; w < workers; w++)
        {
            var part = partials[w];
            for (var c = 0; c < total.Length; c++)
            {
                total[c] += part[c];
            }
        }
        return total;
    }

    /// <summary>The <paramref name="count"/> highest-scoring cells, best first; ties go to the lower cell number so runs repeat.</summary>
    public static int[] TopCells(ReadOnlySpan<double> scores, int count)
    {
        var positive = 0;
        foreach (var s in scores)
        {
            if (s > 0)
            {
                positive++;
            }
        }
        var keys = new double[positive];
        var cells = new int[positive];
        for (int c = 0, k = 0; c < scores.Length; c++)
        {
            if (scores[c] > 0)
            {
                keys[k] = -scores[c];
                cells[k++] = c;
            }
        }
        Array.Sort(keys, cells);
        // Array.Sort is unstable: restore cell order within runs of equal scores.
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(cells, start, end - start);
            }
            start = end;
        }
        var take = Math.Min(count, cells.Length);
        var top = new int[Math.Min(count, scores.Length)];
        cells.AsSpan(0, take).CopyTo(top);
        // Too few cells with any risk: fill with the lowest-numbered empty cells so the area is as asked.
        if (take < top.Length)
        {
            var chosen = new HashSet<int>(cells.AsSpan(0, take).ToArray());
            for (int c = 0, k = take; k < top.Length; c++)
            {
                if (!chosen.Contains(c))
                {
                    top[k++] = c;
                }
            }
        }
        return top;
    }

    private sealed class KernelScratch
    {
        // Four bandwidths hold all but 6·10⁻⁵ of a Gaussian's weight.
        private const double Reach = 4;

        public KernelScratch(CellGrid grid, HotspotSettings settings)
        {
            NarrowCells = CellsWithin(settings.NarrowBandwidth * Reach, grid.CellSize);
            WideCells = CellsWithin(settings.WideBandwidth * Reach, grid.CellSize);
            ConeCells = CellsWithin(settings.NearRepeatRadius, grid.CellSize);
            var span = 2 * Math.Max(Math.Max(NarrowCells, WideCells), ConeCells) + 3;
            Gx = new double[span];
            Gy = new double[span];
        }

        public int NarrowCells { get; }
        public int WideCells { get; }
        public int ConeCells { get; }
        public double[] Gx { get; }
        public double[] Gy { get; }

        private static int CellsWithin(double metres, double cellSize) => (int)Math.Ceiling(metres / cellSize) + 1;
    }

    private static void AddEvent(double[] surface, CellGrid grid, HotspotSettings settings, KernelScratch scratch, GridEvent e, int targetMonth)
    {
        var age = targetMonth - e.Month;
        var decay = double.IsPositiveInfinity(settings.HalfLifeMonths) ? 1 : Math.Pow(0.5, (age - 1) / settings.HalfLifeMonths);
        var weight = e.Weight * decay * settings.LongTermWeight;
        var column = (int)Math.Floor((e.X - grid.OriginX) / grid.CellSize);
        var row = (int)Math.Floor((e.Y - grid.OriginY) / grid.CellSize);
        if (weight > 0 && settings.NarrowShare > 0)
        {
            AddGaussian(surface, grid, scratch, e, column, row, settings.NarrowBandwidth, scratch.NarrowCells, weight * settings.NarrowShare);
        }
        if (weight > 0 && settings.NarrowShare < 1)
        {
            AddGaussian(surface, grid, scratch, e, column, row, settings.WideBandwidth, scratch.WideCells, weight * (1 - settings.NarrowShare));
        }
        if (settings.NearRepeatWeight > 0 && age <= settings.NearRepeatMonths)
        {
            var fade = 1 - (age - 1) / (double)settings.NearRepeatMonths;
            AddCone(surface, grid, e, column, row, scratch.ConeCells, settings.NearRepeatRadius, e.Weight * settings.NearRepeatWeight * fade);
        }
    }

    /// <summary>
    /// A Gaussian integrated over each cell, separable into x and y factors; a bandwidth of 0 puts the whole
    /// weight in the event's own cell, which makes the naive count a special case.
    /// </summary>
    private static void AddGaussian(double[] surface, CellGrid grid, KernelScratch scratch, GridEvent e, int column, int row, double bandwidth, int reach, double weight)
    {
        if (bandwidth <= 0)
        {
            if (column >= 0 && row >= 0 && column < grid.Columns && row < grid.Rows)
            {
                surface[row * grid.Columns + column] += weight;
            }
            return;
        }
        var c0 = Math.Max(0, column - reach);
        var c1 = Math.Min(grid.Columns - 1, column + reach);
        var r0 = Math.Max(0, row - reach);
        var r1 = Math.Min(grid.Rows - 1, row + reach);
        if (c0 > c1 || r0 > r1)
        {
            return;
        }
        var gx = scratch.Gx;
        var gy = scratch.Gy;
        var scale = 1 / (bandwidth * Math.Sqrt(2));
        var previous = Erf((grid.OriginX + c0 * grid.CellSize - e.X) * scale);
        for (var c = c0; c <= c1; c++)
        {
            var next = Erf((grid.OriginX + (c + 1) * grid.CellSize - e.X) * scale);
            gx[c - c0] = 0.5 * (next - previous);
            previous = next;
        }
        previous = Erf((grid.OriginY + r0 * grid.CellSize - e.Y) * scale);
        for (var r = r0; r <= r1; r++)
        {
            var next = Erf((grid.OriginY + (r + 1) * grid.CellSize - e.Y) * scale);
            gy[r - r0] = 0.5 * (next - previous) * weight;
            previous = next;
        }
        var width = c1 - c0 + 1;
        for (var r = r0; r <= r1; r++)
        {
            var fy = gy[r - r0];
            if (fy < 1e-12)
            {
                continue;
            }
            var line = surface.AsSpan(r * grid.Columns + c0, width);
            for (var k = 0; k < width; k++)
            {
                line[k] += fy * gx[k];
            }
        }
    }

    /// <summary>A cone falling linearly to zero at the radius, scaled so that it adds <paramref name="weight"/> in all.</summary>
    private static void AddCone(double[] surface, CellGrid grid, GridEvent e, int column, int row, int reach, double radius, double weight)
    {
        var norm = weight * grid.CellSize * grid.CellSize / (Math.PI * radius * radius / 3);
        var c0 = Math.Max(0, column - reach);
        var c1 = Math.Min(grid.Columns - 1, column + reach);
        var r0 = Math.Max(0, row - reach);
        var r1 = Math.Min(grid.Rows - 1, row + reach);
        var half = grid.CellSize / 2;
        for (var r = r0; r <= r1; r++)
        {
            var dy = grid.OriginY + r * grid.CellSize + half - e.Y;
            for (var c = c0; c <= c1; c++)
            {
                var dx = grid.OriginX + c * grid.CellSize + half - e.X;
                var d = Math.Sqrt(dx * dx + dy * dy);
                if (d < radius)
                {
                    surface[r * grid.Columns + c] += norm * (1 - d / radius);
                }
            }
        }
    }

    /// <summary>The error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5·10⁻⁷): .NET has none.</summary>
    internal static double Erf(double x)
    {
        var sign = x < 0 ? -1.0 : 1.0;
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
