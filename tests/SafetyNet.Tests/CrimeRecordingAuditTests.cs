using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Insight;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>The crime-recording self-audit: the inspectorate's arithmetic, and the sample drawn and marked through the API.</summary>
public class CrimeRecordingAuditTests
{
    private static List<CrimeRecordingAuditItem> Items(string stratum, int frame, int sampled, int should, int correct) =>
        Enumerable.Range(0, sampled).Select(i => new CrimeRecordingAuditItem
        {
            Stratum = stratum, StratumSize = frame, ShouldHaveBeenRecorded = i < should, CorrectlyRecorded = i < correct,
        }).ToList();

    [Fact]
    public void A_simple_sample_of_1060_correct_in_1215_is_87_2_per_cent_plus_or_minus_1_88()
    {
        // Every sampled report should have been recorded: 1,215 crimes, 1,060 correctly recorded, drawn from 100,000 a year.
        var result = RecordingAccuracy.Compute(AuditDesign.Simple, 100_000, 365, Items("ALL", 100_000, 1215, 1215, 1060));
        Assert.Equal(87.2, Math.Round(result.Accuracy!.Value * 100, 1));
        Assert.Equal(1.88, Math.Round(result.HalfWidth!.Value * 100, 2));
        // Unrecorded a year: 100,000 × (1 − 1,060/1,215).
        Assert.Equal(100_000 * (1 - 1060.0 / 1215), result.ImpliedUnrecordedPerYear!.Value, 6);
        Assert.True(result.Lower < result.Accuracy && result.Upper > result.Accuracy);
    }

    [Fact]
    public void A_stratified_sample_weights_each_type_by_its_size_worked_by_hand()
    {
        // Violence: 600 in the period, 100 sampled, all crimes, 90 right. Theft: 400, 100 sampled, all crimes, 70 right.
        var items = Items("ASSAULT", 600, 100, 100, 90).Concat(Items("THEFT-OTHER", 400, 100, 100, 70)).ToList();
        var result = RecordingAccuracy.Compute(AuditDesign.Stratified, 1000, 365, items);
        // p = 0.6 × 0.9 + 0.4 × 0.7 = 0.82
        Assert.Equal(0.82, result.Accuracy!.Value, 12);
        // Var = 0.36 × (1 − 100/600) × 0.09/99 + 0.16 × (1 − 100/400) × 0.21/99 = 0.000272727… + 0.000254545… = 0.000527273
        var se = Math.Sqrt(0.36 * (5.0 / 6) * 0.09 / 99 + 0.16 * 0.75 * 0.21 / 99);
        Assert.Equal(0.000527273, se * se, 9);
        Assert.Equal(1.96 * se, result.HalfWidth!.Value, 12);
        Assert.Equal(0.0450, Math.Round(result.HalfWidth.Value, 4));
        // 1,000 crimes in a year-long period, 18 % unrecorded.
        Assert.Equal(180, result.ImpliedUnrecordedPerYear!.Value, 6);
        // Narrower than treating the same 200 as one simple sample (0.8 ± 0.0554).
        var simple = RecordingAccuracy.Compute(AuditDesign.Simple, 1000, 365, items);
        Assert.True(result.HalfWidth < simple.HalfWidth);
    }

    [Fact]
    public void Crimes_hidden_in_ASB_concern_for_safety_and_missing_person_records_are_reported_apart()
    {
        // Crime reports: 50 sampled, all crimes, 45 right. Other records: 30 ASB and 10 concern for safety sampled;
        // 8 and 2 should have been crimes, 4 and 1 were recorded.
        var items = Items("ASSAULT", 500, 50, 50, 45).Concat(Items("ASB-PERSONAL", 300, 30, 8, 4)).Concat(Items("CONCERN-FOR-SAFETY", 100, 10, 2, 1)).ToList();
        var result = RecordingAccuracy.Compute(AuditDesign.Simple, 900, 365, items);
        Assert.Equal(50, result.Correct);
        Assert.Equal(60, result.ShouldHaveBeen);
        var crimes = result.ByKind.Single(k => k.Kind == RecordingAccuracy.CrimeReports);
        Assert.Equal((50, 50, 45), (crimes.Sampled, crimes.ShouldHaveBeen, crimes.Correct));
        Assert.Equal(0.9, crimes.Accuracy!.Value, 12);
        var other = result.ByKind.Single(k => k.Kind == RecordingAccuracy.OtherRecords);
        Assert.Equal((40, 10, 5), (other.Sampled, other.ShouldHaveBeen, other.Correct));
        Assert.Equal(0.5, other.Accuracy!.Value, 12);
        // Wilson's interval for 5 of 10: 0.5 ± 1.96·√(0.25/10 + 1.96²/400) / (1 + 1.96²/10).
        var z = 1.96;
        var half = z * Math.Sqrt((0.25 / 10) + (z * z / 400)) / (1 + (z * z / 10));
        Assert.Equal(0.5 - half, other.Lower!.Value, 3);
        Assert.Equal(0.5 + half, other.Upper!.Value, 3);
    }

    [Fact]
    public void Intervals_stay_within_0_and_100_per_cent_and_say_which_method_made_them()
    {
        // Simple: 29 of 30 right. The normal approximation, 0.9667 ± 1.96·√(0.9667·0.0333/30) = ± 0.0642, reaches 103.1 %.
        // Wilson (z = 1.959964): centre (0.96667 + 3.84146/60)/(1 + 3.84146/30) = 1.03069/1.12805 = 0.91369,
        // half 1.959964/1.12805 · √(0.032222/30 + 3.84146/3600) = 1.73748 · 0.046273 = 0.08040 → 0.83330 to 0.99409.
        var simple = RecordingAccuracy.Compute(AuditDesign.Simple, 1000, 365, Items("ALL", 1000, 30, 30, 29));
        Assert.Equal(0.8332961, simple.Lower!.Value, 6);
        Assert.Equal(0.9940914, simple.Upper!.Value, 6);
        Assert.Contains("Wilson", simple.Method, StringComparison.Ordinal);

        // Stratified: burglary 300 in the period, 10 sampled, all crimes, all right; theft 100, 10 sampled, all crimes, 8 right.
        // p = 0.75·1 + 0.25·0.8 = 0.95; Var = 0.0625·0.9·0.16/9 = 0.001; the normal interval 0.95 ± 0.0620 reaches 101.2 %.
        // Wilson on n* = 0.95·0.05/0.001 = 47.5 with z = 1.96 gives 0.8478609 to 0.9847972 (worked in the engine's tests).
        var items = Items("BURGLARY-RESIDENTIAL", 300, 10, 10, 10).Concat(Items("THEFT-OTHER", 100, 10, 10, 8)).ToList();
        var stratified = RecordingAccuracy.Compute(AuditDesign.Stratified, 400, 365, items);
        Assert.Equal(0.95, stratified.Accuracy!.Value, 12);
        Assert.Equal(0.8478609, stratified.Lower!.Value, 6);
        Assert.Equal(0.9847972, stratified.Upper!.Value, 6);
        Assert.Contains("Wilson", stratified.Method, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_registrar_draws_a_reproducible_sample_marks_it_and_sees_the_accuracy(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        await app.WithServiceAsync<DemoSeeder, SyntheticBatch>(s => s.AddAsync(400, 3, null, CancellationToken.None));
        var registrar = await app.ClientForAsync(Roles.CrimeRegistrar);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var invalid = await registrar.PostAsJsonAsync("/api/v1/audits/crime-recording", new { title = "", periodFrom = to, periodTo = from, design = "Cluster", sampleSize = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "periodTo", "design", "sampleSize" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CrimeRecordingAudit>().CountAsync()));

        async Task<JsonElement> DrawAsync(string design) =>
            await (await registrar.PostAsJsonAsync("/api/v1/audits/crime-recording", new { title = $"Autumn {design}", periodFrom = from, periodTo = to, design, sampleSize = 40, seed = 42 }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var first = await DrawAsync("Simple");
        var again = await DrawAsync("Simple");
        Assert.Equal(40, first.GetProperty("sampleSize").GetInt32());
        async Task<JsonElement> ReadAsync(JsonElement audit) => await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/audits/crime-recording/{audit.GetProperty("id").GetInt64()}");
        var items = (await ReadAsync(first)).GetProperty("items").EnumerateArray().ToList();
        // The same seed over the same period draws the same incidents.
        Assert.Equal(items.Select(i => i.GetProperty("incidentId").GetInt64()), (await ReadAsync(again)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("incidentId").GetInt64()));
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("incidentId").GetInt64()).Distinct().Count());

        var id = first.GetProperty("id").GetInt64();
        var wrong = await registrar.PutAsJsonAsync($"/api/v1/audits/crime-recording/{id}/items/1", new { shouldHaveBeenRecorded = true, version = items[0].GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("correctlyRecorded", out _));

        // Mark 30 as crimes, 27 of them correctly recorded; 10 as no crime.
        for (var n = 0; n < items.Count; n++)
        {
            var mark = await registrar.PutAsJsonAsync($"/api/v1/audits/crime-recording/{id}/items/{n + 1}",
                new { shouldHaveBeenRecorded = n < 30, correctlyRecorded = n < 27, version = items[n].GetProperty("version").GetInt32() });
            Assert.Equal(HttpStatusCode.OK, mark.StatusCode);
        }
        var stale = await registrar.PutAsJsonAsync($"/api/v1/audits/crime-recording/{id}/items/1", new { shouldHaveBeenRecorded = false, version = items[0].GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var result = (await ReadAsync(first)).GetProperty("result");
        Assert.Equal(40, result.GetProperty("marked").GetInt32());
        Assert.Equal(30, result.GetProperty("shouldHaveBeen").GetInt32());
        Assert.Equal(27, result.GetProperty("correct").GetInt32());
        Assert.Equal(0.9, result.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(1.96 * Math.Sqrt(0.9 * 0.1 / 30), result.GetProperty("halfWidth").GetDouble(), 12);

        var stratified = await DrawAsync("Stratified");
        var strata = (await ReadAsync(stratified)).GetProperty("result").GetProperty("strata").EnumerateArray().ToList();
        Assert.True(strata.Count > 5, "a stratified sample covers the incident types");
        // As the inspectorate does, the sample takes in records of anti-social behaviour and concern for safety too.
        Assert.Contains(strata, s => s.GetProperty("stratum").GetString()!.StartsWith("ASB-", StringComparison.Ordinal));
        // Each type is sampled in proportion to its size, and at least twice so it has a variance.
        var frame = strata.Sum(s => s.GetProperty("frameSize").GetInt32());
        Assert.All(strata, s => Assert.InRange(s.GetProperty("sampled").GetInt32(),
            Math.Min(2, s.GetProperty("frameSize").GetInt32()), Math.Max(2, (int)Math.Floor(40.0 * s.GetProperty("frameSize").GetInt32() / frame))));

        // Others are told the audit does not exist, and cannot start one.
        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/audits/crime-recording/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/audits/crime-recording")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsJsonAsync($"/api/v1/audits/crime-recording/{id}/items/2", new { shouldHaveBeenRecorded = false, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync("/api/v1/audits/crime-recording", new { title = "x", periodFrom = from, periodTo = to, design = "Simple", sampleSize = 5 })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "crime-recording-audit.mark")));
    }
}
