using System.Text.Json;
using SafetyNet.Insight.Geography;

namespace SafetyNet.Insight.Hotspots;

/// <summary>
/// Writes a prediction as an RFC 7946 FeatureCollection: one WGS84 polygon per cell, corners computed from
/// grid node indices so neighbouring cells share edges exactly and never overlap.
/// </summary>
public static class HotspotGeoJson
{
    public static void Write(Stream stream, HotspotPrediction prediction)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("crime_type", prediction.CrimeType);
        json.WriteString("month", prediction.Month.ToString());
        json.WriteString("history_from", prediction.FirstHistoryMonth.ToString());
        json.WriteString("history_to", prediction.LastHistoryMonth.ToString());
        json.WriteNumber("history_events", prediction.HistoryEvents);
        json.WriteNumber("area_km2", Math.Round(prediction.AreaKm2, 6));
        json.WriteStartArray("features");
        foreach (var cell in prediction.Cells)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            json.WriteNumber("rank", cell.Rank);
            json.WriteNumber("score", Math.Round(cell.Score, 6));
            json.WriteNumber("cell_m", Math.Round(cell.Size, 3));
            json.WriteEndObject();
            json.WriteStartObject("geometry");
            json.WriteString("type", "Polygon");
            json.WriteStartArray("coordinates");
            json.WriteStartArray();
            // Anticlockwise exterior ring, as RFC 7946 asks: SW, SE, NE, NW, SW.
            Node(json, prediction.Grid, cell.Column, cell.Row);
            Node(json, prediction.Grid, cell.Column + 1, cell.Row);
            Node(json, prediction.Grid, cell.Column + 1, cell.Row + 1);
            Node(json, prediction.Grid, cell.Column, cell.Row + 1);
            Node(json, prediction.Grid, cell.Column, cell.Row);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A grid node, computed from its indices alone so that every cell sharing it writes the same coordinates.</summary>
    private static void Node(Utf8JsonWriter json, CellGrid grid, int column, int row)
    {
        var (longitude, latitude) = BritishNationalGrid.ToWgs84(grid.OriginX + column * grid.CellSize, grid.OriginY + row * grid.CellSize);
        json.WriteStartArray();
        json.WriteNumberValue(Math.Round(longitude, 7));
        json.WriteNumberValue(Math.Round(latitude, 7));
        json.WriteEndArray();
    }
}
