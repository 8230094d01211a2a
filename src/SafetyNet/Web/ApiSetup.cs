using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using Scalar.AspNetCore;

namespace SafetyNet.Web;

public static class ApiSetup
{
    /// <summary>The largest request body the API reads; anything bigger is refused with 413.</summary>
    public const long MaxBodyBytes = 1_000_000;

    /// <summary>File uploads (multipart forms) may be larger: a case document is up to 10 MB.</summary>
    public const long MaxUploadBodyBytes = 11_000_000;

    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.Remove("exception"));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
            // Every string of every body: text that cannot be stored as typed is refused here, naming its field.
            options.SerializerOptions.Converters.Add(new StorableStringConverter());
        });
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "SafetyNet API";
                document.Info.Description = "Community-safety case system: incidents, people, risk, crimes and queues.";
                return Task.CompletedTask;
            });
            // The bearer scheme, each operation's security and the refusals the pipeline answers (ApiDocument).
            options.AddApiDocumentRules();
            // The schema generator cannot see through a converter of our own: strings read through the storable-text
            // converter are still described as strings (nullable where a body's property is, as the generator does).
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
                {
                    schema.Type = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable)
                        ? Microsoft.OpenApi.JsonSchemaType.String | Microsoft.OpenApi.JsonSchemaType.Null
                        : Microsoft.OpenApi.JsonSchemaType.String;
                }
                else if (context.JsonTypeInfo.ElementType == typeof(string))
                {
                    // A list's items or a dictionary's values.
                    if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable && schema.Items is null)
                    {
                        schema.Items = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
                    }
                    else if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Dictionary && schema.AdditionalProperties is null)
                    {
                        schema.AdditionalProperties = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
                    }
                }
                return Task.CompletedTask;
            });
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = 30_000_000);
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        // A page answering an error status (404 for a record or page the user may not use) shows the service's own
        // page. Registered outside any branch, where .NET can re-route the request, and before authorization, whose
        // 404s it must see; the API turns off this one and answers with ProblemDetails below.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.Use(async (context, next) =>
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }
                var max = context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? MaxUploadBodyBytes : MaxBodyBytes;
                if (context.Request.ContentLength > max)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Title = "Request body too large", Detail = $"The body must be at most {max:N0} bytes.", Status = 413 },
                    });
                    return;
                }
                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = max;
                }
                await next(context);
            });
            api.UseStatusCodePages();
        });
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/health", async Task<IResult> (StartupState state, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            if (!state.IsReady)
            {
                return TypedResults.Json(new { status = state.Failure is null ? "Starting" : "Failed" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            var db = services.GetRequiredService<AppDb>();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? TypedResults.Json(new { status = "Healthy" })
                : TypedResults.Json(new { status = "Database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health")
            .WithName("getHealth").WithSummary("Report whether the service is ready and its database reachable").Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
        // Beside /health, which keeps its meaning: a worker that is failing or has stopped answers 503 here, so
        // monitoring sees background work that no request would notice.
        app.MapGet("/health/workers", (WorkerHealth health) =>
        {
            var workers = health.All;
            var healthy = workers.All(w => w.Healthy);
            return TypedResults.Json(new { status = healthy ? "Healthy" : "Unhealthy", workers },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health")
            .WithName("getWorkerHealth").WithSummary("Report whether each background worker is running and healthy").Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("SafetyNet API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }
}

/// <summary>
/// Turns failures into ProblemDetails: a body that does not parse names the field at fault, an oversized
/// body is 413, a stale write is 409, and anything unexpected is a plain 500 with nothing leaked.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException and not DbUpdateConcurrencyException)
        {
            LogUnexpected(log, context.Request.Method, new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value), exception);
        }
        // With an error page configured, the request path already names it: the original is in the feature.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value);
        if (!path.StartsWithSegments("/api"))
        {
            // Pages show the service's own error page.
            return false;
        }
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldName(json.Path)] = [Describe(json)] })
            {
                Title = "The request body is not valid JSON for this operation",
                Status = StatusCodes.Status400BadRequest,
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Title = "Request body too large",
                Detail = $"The body must be at most {ApiSetup.MaxBodyBytes:N0} bytes.",
                Status = StatusCodes.Status413PayloadTooLarge,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Title = "Bad request",
                Detail = bad.Message,
                Status = bad.StatusCode,
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Title = "The record was changed by someone else",
                Detail = "Reload the record and apply your change again.",
                Status = StatusCodes.Status409Conflict,
            },
            _ => new ProblemDetails
            {
                Title = "Something went wrong",
                Detail = "The error has been logged.",
                Status = StatusCodes.Status500InternalServerError,
            },
        };
        context.Response.StatusCode = problem.Status!.Value;
        await TypedResults.Problem(problem).ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string method, PathString path, Exception error);

    /// <summary>"$.occurredFrom" → "occurredFrom"; "$.people[0].dateOfBirth" → "people[0].dateOfBirth".</summary>
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Describe(JsonException json)
    {
        var field = FieldName(json.Path);
        return json switch
        {
            UnstorableTextException => $"'{field}' {StorableText.Rule}.",
            _ when field == "body" => "The body must be a JSON object.",
            _ => $"The value of '{field}' is not valid (for dates use ISO 8601, such as 2026-11-23T14:05:00Z).",
        };
    }
}
