using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Data;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

public sealed record OutcomeRatesResponse(
    string From, string To, string By, string Period, string Interval, int Finalised, RateWithInterval? Charged,
    IReadOnlyList<OutcomeShare> Outcomes, IReadOnlyList<OutcomeRateRow> Rows);

/// <summary>Outcome and charge rates with their intervals, and the police.uk outcomes file, for the API and the page's downloads.</summary>
public static class OutcomesApi
{
    public static IHostApplicationBuilder AddInvestigationOutcomes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OutcomeRates>();
        builder.Services.AddScoped<PoliceUkOutcomes>();
        builder.Services.AddScoped<IStartupSeeder, InvestigationOutcomesDemoSeeder>();
        return builder;
    }

    public static WebApplication MapInvestigationOutcomes(this WebApplication app)
    {
        var outcomes = app.MapGroup("/api/v1/investigations").RequireAuthorization(AccountsSetup.ApiPolicy)
            .RequireAuthorization(Entitlements.InvestigationFigures).WithTags("Investigations");
        outcomes.MapGet("/outcome-rates", RatesAsync)
            .WithName("getInvestigationOutcomeRates")
            .WithSummary("Read outcome and charge rates of finalised investigations by crime type, team and period, with 95 % intervals");
        outcomes.MapGet("/outcome-rates.csv", RatesCsvAsync)
            .WithName("exportInvestigationOutcomeRates").WithSummary("Export outcome and charge rates with their intervals as CSV")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv").ProducesValidationProblem();
        outcomes.MapGet("/outcomes.csv", PoliceUkCsvAsync)
            .WithName("exportPoliceUkOutcomes").WithSummary("Export a month's finalised outcomes in the police.uk outcomes file layout")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv").ProducesValidationProblem();

        // The outcomes page downloads with the signed-in cookie; the files and the audit are the same.
        var downloads = app.MapGroup("/investigations").RequireAuthorization(Entitlements.InvestigationFigures).ExcludeFromDescription();
        downloads.MapGet("/outcome-rates.csv", RatesCsvAsync);
        downloads.MapGet("/outcomes.csv", PoliceUkCsvAsync);
        return app;
    }

    private static async Task<Results<Ok<OutcomeRatesResponse>, NotFound, ValidationProblem>> RatesAsync(
        OutcomeRates rates, TimeProvider time, string? from, string? to, string? by, string? period, CancellationToken ct)
    {
        if (!rates.CanUse)
        {
            return TypedResults.NotFound();
        }
        var (query, errors) = OutcomeRateQuery.Parse(from, to, by, period, time.GetUtcNow());
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await rates.RatesAsync(query, ct);
        return TypedResults.Ok(new OutcomeRatesResponse(
            query.From.ToString(), query.To.ToString(), query.By, query.Period, result.Interval, result.Finalised, result.Charged, result.Outcomes, result.Rows));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> RatesCsvAsync(
        HttpContext context, OutcomeRates rates, TimeProvider time, string? from, string? to, string? by, string? period, CancellationToken ct)
    {
        if (!rates.CanUse)
        {
            return TypedResults.NotFound();
        }
        var (query, errors) = OutcomeRateQuery.Parse(from, to, by, period, time.GetUtcNow());
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var csv = await rates.CsvAsync(query, Purpose.From(context), ct);
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"outcome-rates-{query.From}-{query.To}-{query.By}-{query.Period}.csv");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PoliceUkCsvAsync(
        HttpContext context, PoliceUkOutcomes outcomes, string? month, CancellationToken ct)
    {
        if (!outcomes.CanUse)
        {
            return TypedResults.NotFound();
        }
        if (!CalendarMonth.TryParse(month?.Trim(), out var calendarMonth))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["Enter the month as a year and month, for example 2026-03"] });
        }
        var csv = await outcomes.CsvAsync(calendarMonth, Purpose.From(context), ct);
        // The name police.uk gives its own files, so the import recognises it as an outcomes file.
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"{calendarMonth}-hertfordshire-outcomes.csv");
    }
}
