using System.Net.Http.Json;
using System.Text.Json;
using SafetyNet.Investigations;

namespace SafetyNet.Tests.Infrastructure;

public static class FinalisedInvestigations
{
    /// <summary>
    /// Investigations finalised on one day of a year long past, each of its own crime, so that no other test's
    /// investigations fall in the period: the frame a file review samples.
    /// </summary>
    public static async Task<List<long>> AddAsync(SafetyNetApp app, HttpClient recorder, int count, int daysAgo)
    {
        var incident = (await (await recorder.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary())).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var finalised = app.Time.GetUtcNow().AddDays(-daysAgo);
        return await app.WithDbAsync(async db =>
        {
            var crimes = Enumerable.Range(0, count).Select(n => new Crimes.CrimeRecord
            {
                IncidentId = incident, Status = Crimes.CrimeRecordingStatus.Recorded, DueAt = finalised.AddDays(-30), DecidedAt = finalised.AddDays(-30),
                OffenceSubgroup = "Residential burglary", CrimeReference = $"FR/{daysAgo}/{n:D3}",
            }).ToList();
            db.AddRange(crimes);
            await db.SaveChangesAsync();
            var investigations = crimes.Select(c => new Investigation
            {
                CrimeRecordId = c.Id, IncidentId = incident, CrimeGroup = "volume", RequiredPipLevel = 1, Status = InvestigationStatus.Finalised,
                OpenedAt = finalised.AddDays(-30), OutcomeCode = "18", FinalisedAt = finalised, FinalisedBy = "detective.sergeant@safetynet.test",
            }).ToList();
            db.AddRange(investigations);
            await db.SaveChangesAsync();
            return investigations.Select(i => i.Id).ToList();
        });
    }
}
