using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Search;

/// <summary>One search over people, incidents, places and ASB cases (<c>/api/v1/search</c>), as the header's search box asks it.</summary>
public static class SearchApi
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecordSearch>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/search").RequireAuthorization(AccountsSetup.ApiPolicy).RequireAuthorization(Entitlements.Partnership).WithTags("Search");
        api.MapGet("", SearchAsync)
            .WithName("searchRecords").WithSummary("Find people, incidents, places and ASB cases by reference, name, address, phone, date of birth or words");
        return app;
    }

    private static async Task<Results<Ok<PagedList<SearchItem>>, ValidationProblem>> SearchAsync(
        RecordSearch search, string? q, string? kind, string? type, string? district, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var query = SearchQuery.Read(v, q, kind, type, district, from, to);
        var paging = Paging.Read(v, page, pageSize, 25);
        return query is not null && v.IsValid ? TypedResults.Ok(await search.FindAsync(query, paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }
}
