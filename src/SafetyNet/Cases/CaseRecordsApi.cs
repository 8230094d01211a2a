using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

public sealed record PowerRequest(string? Kind, long? SubjectIdentityId, DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, string? AuthorisedBy, string? Details);

public sealed record BreachRequest(DateTimeOffset? At, string? Note);

public sealed record PowerResponse(long Id, long CaseId, string Kind, long? SubjectIdentityId, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, bool InForce,
    string? AuthorisedBy, string? Details, IReadOnlyList<BreachResponse> Breaches, int Version);

public sealed record BreachResponse(DateTimeOffset At, string Note, string By);

public sealed record PowerCount(string Kind, int Issued, int Breaches);

public sealed record DocumentResponse(long Id, string FileName, string ContentType, long Size, string Kind, string? Description, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record LetterRequest(string? Template, long? RecipientPartyId, string? RecipientName);

public sealed record LetterPreviewResponse(string Template, string TemplateName, int TemplateVersion, string Recipient, string Text);

/// <summary>The tools and powers register, documents and letters of a case.</summary>
public static class CaseRecordsApi
{
    public static WebApplication MapCaseRecords(this WebApplication app)
    {
        var cases = app.MapGroup("/api/v1/asb/cases/{id:long}").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("ASB cases");
        cases.MapGet("/powers", PowersAsync)
            .WithName("listCasePowers").WithSummary("List the tools and powers used on a case");
        cases.MapPost("/powers", (long id, PowerRequest r, PowerRegister w, CancellationToken ct) => Created(w.RecordAsync(id, r, ct), _ => $"/api/v1/asb/cases/{id}/powers", "The tool or power was not recorded"))
            .WithName("addCasePower").WithSummary("Record a tool or power used on a case");
        cases.MapPost("/powers/{powerId:long}/breaches", (long id, long powerId, BreachRequest r, PowerRegister w, CancellationToken ct) =>
                Created(w.RecordBreachAsync(id, powerId, r, ct), _ => $"/api/v1/asb/cases/{id}/powers", "The breach was not recorded"))
            .WithName("recordPowerBreach").WithSummary("Record a breach of a tool or power");
        cases.MapGet("/powers/expiring", ExpiringAsync)
            .WithName("listExpiringCasePowers").WithSummary("List a case's tools and powers that end within the reminder period");
        cases.MapGet("/documents", DocumentsAsync)
            .WithName("listCaseDocuments").WithSummary("List a case's documents");
        cases.MapPost("/documents", UploadAsync).DisableAntiforgery()
            .WithName("uploadCaseDocument").WithSummary("Upload a document to a case");
        cases.MapGet("/documents/{documentId:long}", DownloadAsync)
            .WithName("downloadCaseDocument").WithSummary("Download a case's document").Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream");
        cases.MapPost("/letters/preview", PreviewAsync)
            .WithName("previewCaseLetter").WithSummary("Merge a letter from a template for a case without keeping it");
        cases.MapPost("/letters", (long id, LetterRequest r, CaseDocuments w, CancellationToken ct) =>
                Created(w.SaveLetterAsync(id, r, ct), d => $"/api/v1/asb/cases/{id}/documents/{d.Id}", "The letter was not produced"))
            .WithName("writeCaseLetter").WithSummary("Write a letter from a template and keep it as a case document");
        // The pages download with the signed-in cookie; the check and the audit are the same.
        app.MapGet("/asb/cases/{id:long}/documents/{documentId:long}", DownloadAsync).RequireAuthorization(Entitlements.Partnership)
            .ExcludeFromDescription();
        app.MapGet("/api/v1/asb/powers/counts", CountsAsync).RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("ASB cases")
            .WithName("countPowers").WithSummary("Count the tools and powers used, and breached, in a period");
        var templates = app.MapGroup("/api/v1/asb/letter-templates").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("ASB cases");
        templates.MapGet("", async (CaseDocuments w, CancellationToken ct) => TypedResults.Ok(await w.TemplateSetAsync(ct)))
            .WithName("listLetterTemplates").WithSummary("List the letter templates in force and the placeholders they may use");
        templates.MapPut("/{code}", async (string code, LetterTemplateRequest r, CaseDocuments w, CancellationToken ct) => (await w.SaveTemplateAsync(code, r, ct)).ToOk("The template was not saved"))
            .RequireAuthorization(Entitlements.Administration)
            .WithName("saveLetterTemplate").WithSummary("Add a letter template, or replace the one with this code, as a new version of the templates");
        app.MapGet("/api/v1/asb/powers/expiring/mine", async (PowerRegister w, CancellationToken ct) => TypedResults.Ok(await w.ExpiringAsync(null, ct)))
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("ASB cases")
            .WithName("listMyExpiringPowers").WithSummary("List the tools and powers ending soon on the open cases the caller owns");
        return app;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult>> Created<T>(Task<Outcome<T>> work, Func<T, string?> location, string title) =>
        (await work).ToCreated(value => value, location, title);

    private static async Task<Results<Ok<List<PowerResponse>>, NotFound>> PowersAsync(long id, CaseAccess access, PowerRegister register, AuditTrail audit, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }
        // Powers name the people they bind: part of the case's people and actions, so the agreement must give actions.
        if (!view.Can(DataCategories.Actions))
        {
            return TypedResults.Ok(new List<PowerResponse>());
        }
        await audit.WriteAsync("case.powers", "case", Id(id), cancellationToken: ct);
        return TypedResults.Ok(await register.OfCaseAsync(id, ct));
    }

    private static async Task<Results<Ok<List<PowerExpiring>>, NotFound>> ExpiringAsync(long id, CaseAccess access, PowerRegister register, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(view.Can(DataCategories.Actions) ? await register.ExpiringAsync(id, ct) : []);
    }

    /// <summary>How many of each tool and power were used, and breached, in a period: on the cases the caller may see.</summary>
    private static async Task<Results<Ok<List<PowerCount>>, ValidationProblem>> CountsAsync(
        AppDb db, CaseAccess access, AuditTrail audit, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (from is null || to is null || to <= from)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give the period: from and to, with to after from"] });
        }
        var (start, end) = (from.Value, to.Value);
        var cases = access.Visible(db.AsbCases).Select(c => c.Id);
        var issued = await db.CasePowers.AsNoTracking().Where(p => cases.Contains(p.CaseId) && p.IssuedAt >= start && p.IssuedAt < end)
            .GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var breaches = await (from b in db.PowerBreaches.AsNoTracking()
                              join p in db.CasePowers on b.PowerId equals p.Id
                              where cases.Contains(p.CaseId) && b.At >= start && b.At < end
                              group b by p.Kind into g
                              select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        await audit.WriteAsync("case.powers.counts", "case", null, details: $"{from:O}..{to:O}", cancellationToken: ct);
        return TypedResults.Ok(Enum.GetValues<PowerKind>().Select(k => new PowerCount(k.ToString(),
            issued.FirstOrDefault(i => i.Key == k)?.Count ?? 0, breaches.FirstOrDefault(b => b.Key == k)?.Count ?? 0)).ToList());
    }

    private static async Task<Results<Ok<List<DocumentResponse>>, NotFound>> DocumentsAsync(long id, CaseDocuments documents, CancellationToken ct) =>
        await documents.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Created<DocumentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UploadAsync(
        long id, IFormFile? file, [FromForm] string? description, CaseDocuments documents, CancellationToken ct) =>
        (await documents.UploadAsync(id, file, description, ct)).ToCreated(d => d, d => $"/api/v1/asb/cases/{id}/documents/{d.Id}", "The document was not added");

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(long id, long documentId, CaseDocuments documents, CancellationToken ct) =>
        await documents.OpenAsync(id, documentId, ct) is { } d ? TypedResults.File(d.Content, d.ContentType, d.FileName) : TypedResults.NotFound();

    private static async Task<Results<Ok<LetterPreviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        long id, LetterRequest request, CaseDocuments documents, CancellationToken ct) =>
        (await documents.PreviewAsync(id, request, ct)).ToOk(p => new LetterPreviewResponse(p.TemplateCode, p.TemplateName, p.TemplateVersion, p.Recipient, p.Text), "The letter was not produced");
}
