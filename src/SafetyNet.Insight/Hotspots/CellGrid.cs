namespace SafetyNet.Insight.Hotspots;

/// <summary>An event on the grid: metres (British National Grid), the month as <c>CalendarMonth.Index</c>, a weight (1, or a harm weight).</summary>
public readonly record struct GridEvent(double X, double Y, int Month, double Weight = 1);

/// <summary>A rectangle in grid metres.</summary>
public readonly record struct StudyExtent(double MinX, double MinY, double MaxX, double MaxY)
{
    public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;
}

/// <summary>
/// A regular grid of square cells in grid metres, row-major from the south-west corner. Where a grid starts
/// changes which events share a cell, so the origin is snapped to multiples of the cell size plus an offset
/// that callers can vary.
/// </summary>
public sealed class CellGrid
{
    public CellGrid(double originX, double originY, double cellSize, int columns, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        OriginX = originX;
        OriginY = originY;
        CellSize = cellSize;
        Columns = columns;
        Rows = rows;
    }

    public double OriginX { get; }
    public double OriginY { get; }
    public double CellSize { get; }
    public int Columns { get; }
    public int Rows { get; }
    public int Count => Columns * Rows;
    public double CellAreaKm2 => CellSize * CellSize / 1e6;

    /// <summary>A grid over the events' extent plus <paramref name="margin"/> metres, its lines at offset + k·size.</summary>
    public static CellGrid Covering(ReadOnlySpan<GridEvent> events, double cellSize, double margin, double offsetX = 0, double offsetY = 0)
    {
        if (events.IsEmpty)
        {
            throw new ArgumentException("A grid needs at least one event to cover.", nameof(events));
        }
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var e in events)
        {
            minX = Math.Min(minX, e.X);
            minY = Math.Min(minY, e.Y);
            maxX = Math.Max(maxX, e.X);
            maxY = Math.Max(maxY, e.Y);
        }
        var originX = Math.Floor((minX - margin - offsetX) / cellSize) * cellSize + offsetX;
        var originY = Math.Floor((minY - margin - offsetY) / cellSize) * cellSize + offsetY;
        var columns = (int)Math.Ceiling((maxX + margin - originX) / cellSize) + 1;
        var rows = (int)Math.Ceiling((maxY + margin - originY) / cellSize) + 1;
        return new CellGrid(originX, originY, cellSize, columns, rows);
    }

    /// <summary>A grid over an extent in grid metres, its lines at offset + k·size.</summary>
    public static CellGrid Covering(StudyExtent extent, double cellSize, double offsetX = 0, double offsetY = 0)
    {
        var originX = Math.Floor((extent.MinX - offsetX) / cellSize) * cellSize + offsetX;
        var originY = Math.Floor((extent.MinY - offsetY) / cellSize) * cellSize + offsetY;
        var columns = (int)Math.Ceiling((extent.MaxX - originX) / cellSize) + 1;
        var rows = (int)Math.Ceiling((extent.MaxY - originY) / cellSize) + 1;
        return new CellGrid(originX, originY, cellSize, columns, rows);
    }

    /// <summary>The cell holding a point, or -1 outside the grid.</summary>
    public int CellOf(double x, double y)
    {
        var column = (int)Math.Floor((x - OriginX) / CellSize);
        var row = (int)Math.Floor((y - OriginY) / CellSize);
        return column < 0 || row < 0 || column >= Columns || row >= Rows ? -1 : row * Columns + column;
    }

    /// <summary>South-west corner of a cell in grid metres.</summary>
    public (double X, double Y) Corner(int cell) => (OriginX + cell % Columns * CellSize, OriginY + cell / Columns * CellSize);

    /// <summary>How many cells make up an area as nearly as whole cells can.</summary>
    public int CellsFor(double areaKm2) => Math.Max(1, (int)Math.Round(areaKm2 / CellAreaKm2));
}
