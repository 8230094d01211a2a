using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Locations;

public static class LocationsApi
{
    public static IHostApplicationBuilder AddLocations(this IHostApplicationBuilder builder)
    {
        // Loaded once, on first use: a few hundred kilobytes of streets.
        builder.Services.AddSingleton(_ => Gazetteer.Shared);
        return builder;
    }

    public static WebApplication MapLocations(this WebApplication app)
    {
        app.MapGet("/api/v1/reference/streets", Results<Ok<IReadOnlyList<GazetteerPlace>>, ValidationProblem> (string? q, string? district, Gazetteer gazetteer) =>
        {
            var v = new Validation();
            var text = v.Required("q", q, "at least two letters of the street", 100);
            if (text is { Length: < 2 })
            {
                v.Add("q", "Enter at least two letters of the street");
            }
            return v.IsValid ? TypedResults.Ok(gazetteer.Search(text, district)) : TypedResults.ValidationProblem(v.Errors);
        }).RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Reference data")
            .WithName("searchStreets").WithSummary("Find streets in the gazetteer by name");
        return app;
    }
}
