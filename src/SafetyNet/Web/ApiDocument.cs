using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>
/// What the OpenAPI document says beyond each endpoint's own declaration, read from the endpoint's metadata so that it
/// cannot drift from what the application does: the bearer scheme and which operations need it (an anonymous one says
/// <c>security: []</c>), the refusals the pipeline answers before a handler runs (401 without a valid token, 404 for a
/// caller outside the operation's entitlement, 400 for a body or query value that cannot be read, 413 and 415 for a
/// body too large or of the wrong media type), a ProblemDetails
/// body on every refusal, and a description for every tag.
/// </summary>
internal static class ApiDocument
{
    /// <summary>The name of the bearer scheme in <c>components.securitySchemes</c>.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>Every tag's description; a tag missing here is a tag a reader of the reference cannot place.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Authentication"] = "Signing in for an access token, renewing it and ending the session.",
        ["Health"] = "Whether the service and its background work are up, for monitoring. Anonymous.",
        ["Reference data"] = "Lists the forms and rules draw on: incident types, grades, offence subgroups, risk instruments and streets.",
        ["Incidents"] = "Recording incidents, their THRIVE assessments and risk assessments.",
        ["Crime recording"] = "Crime-recording decisions on an incident, under the Home Office Counting Rules.",
        ["Queues"] = "First-contact work queues: crime-recording decisions due, attendance and THRIVE.",
        ["People"] = "People as entered on incidents, searched by name and date of birth, with their history.",
        ["Identities"] = "Entries resolved into identities: matches, merges, splits and the review queue.",
        ["Community focus desk"] = "The desk's queue of incidents routed for review, and its reviews.",
        ["ASB cases"] = "Multi-agency anti-social behaviour cases: parties, actions, contacts, reviews, sharing, powers, documents and letters.",
        ["Information sharing"] = "The information-sharing agreements that decide what each partner agency may see of a case.",
        ["Community Trigger"] = "ASB case reviews (the Community Trigger): applications, decisions, reviews, recommendations and yearly figures.",
        ["Multi-agency meetings"] = "Problem-solving and risk panels: attendees and the agenda of cases discussed.",
        ["MARAC"] = "The MARAC referral list, MARAC meetings, the cases listed at each and the actions agreed; referral on an officer's professional judgement.",
        ["Digital forensics"] = "Seized devices sent from investigations to the digital forensics unit, scored P1 to P4 with the reasons; the unit's queue, continuity, kiosk triage, examination, backlog and turnaround.",
        ["Problem solving"] = "Problems worked with the SARA model, their responses and assessments.",
        ["What works"] = "The library of published problems and what worked, searched by type, tactic, place and text.",
        ["Community priorities"] = "Neighbourhood priorities set with the community, their actions and reviews.",
        ["Insight"] = "Crime rates from open data, hotspots, near-repeat analysis, the daily management pack and strength on duty.",
        ["Crime-recording audits"] = "Self-audits of crime-recording decisions against a sample of incidents.",
        ["Outbox"] = "Delivery state of outgoing messages and dead letters, for administrators.",
        ["Victims"] = "Victims' Code contracts, contacts, contacts due, escalations and compliance.",
        ["Referrals"] = "Referrals to partner agencies and their answers.",
        ["Feedback"] = "Victim satisfaction surveys, results, service recovery tasks and team alerts.",
        ["Search"] = "One search over people, incidents, places and ASB cases, as the reader may see them.",
        ["Offenders"] = "The offender register over identities: arrests, charges, convictions and cautions with Home Office offence codes, custody and release, licence and bail conditions with reminders and breaches, warning markers and graded intelligence; search by area and offence type; released this week. Force only.",
        ["Investigations"] = "Investigations of recorded crimes: the list, one investigation, the allocation queue, investigators' workload and allocation.",
    };

    public static OpenApiOptions AddApiDocumentRules(this OpenApiOptions options)
    {
        options.AddDocumentTransformer(DescribeAsync);
        options.AddOperationTransformer(SecureAsync);
        return options;
    }

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The access token from POST /api/v1/auth/login, sent as 'Authorization: Bearer <token>'. It is opaque "
                + "(not a JWT), lasts an hour and is renewed with the refresh token at POST /api/v1/auth/refresh; "
                + "POST /api/v1/auth/sign-out ends the session for good.",
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
        // The address the document was fetched from ends in '/'; operation paths start with one.
        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }
        return Task.CompletedTask;
    }

    private static async Task SecureAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        operation.Responses ??= [];
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }
        else
        {
            var rules = metadata.OfType<IAuthorizeData>().ToList();
            if (rules.Any(r => r.Policy == AccountsSetup.ApiPolicy))
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token: sign in, or refresh the token." });
            }
            // Outside an operation's entitlement a caller is answered as if it did not exist (NotEntitled).
            if (rules.Any(r => (r.Policy is { } policy && policy != AccountsSetup.ApiPolicy) || !string.IsNullOrEmpty(r.Roles)))
            {
                operation.Responses.TryAdd("404", new OpenApiResponse());
                operation.Responses["404"].Description =
                    "Not found, or not for the caller: an operation or record the caller may not use is answered as one that does not exist.";
            }
        }

        // A body that does not parse, or a query or header value of the wrong type, is refused before the handler runs.
        var parameters = context.Description.ParameterDescriptions;
        var body = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile);
        var typed = parameters.Any(p => (p.Source == BindingSource.Query || p.Source == BindingSource.Header)
            && p.Type is { } type && (Nullable.GetUnderlyingType(type) ?? type) != typeof(string));
        if (body || typed)
        {
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "The request body or a query value could not be read." });
        }
        if (body)
        {
            operation.Responses.TryAdd("413", new OpenApiResponse { Description = "The request body is larger than the API accepts." });
            operation.Responses.TryAdd("415", new OpenApiResponse { Description = "The request body is not of a media type the operation reads." });
        }

        // Every refusal the application answers carries a ProblemDetails (RFC 9457), also where the handler's result type
        // declares none (the status-code pages write it).
        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('4') && response is OpenApiResponse refusal && (refusal.Content is null || refusal.Content.Count == 0))
            {
                var type = status == "400" && parameters.Any(p => p.Source == BindingSource.Body) ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
                refusal.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(type.Name, document) },
                };
            }
        }
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses.Add(status, response);
        }
    }
}
