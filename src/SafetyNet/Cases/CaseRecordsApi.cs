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

/// <summary>The tools and powers register, documents and letters of a case.</summary>
public static class CaseRecordsApi
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public static WebApplication MapCaseRecords(this WebApplication app)
    {
        var cases = app.MapGroup("/api/v1/asb/cases/{id:long}").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("ASB cases");
        cases.MapGet("/powers", PowersAsync)
            .WithName("listCasePowers").WithSummary("List the tools and powers used on a case");
        cases.MapPost("/powers", AddPowerAsync)
            .WithName("addCasePower").WithSummary("Record a tool or power used on a case");
        cases.MapPost("/powers/{powerId:long}/breaches", AddBreachAsync)
            .WithName("recordPowerBreach").WithSummary("Record a breach of a tool or power");
        cases.MapGet("/documents", DocumentsAsync)
            .WithName("listCaseDocuments").WithSummary("List a case's documents");
        cases.MapPost("/documents", UploadAsync).DisableAntiforgery()
            .WithName("uploadCaseDocument").WithSummary("Upload a document to a case");
        cases.MapGet("/documents/{documentId:long}", DownloadAsync)
            .WithName("downloadCaseDocument").WithSummary("Download a case's document").Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream");
        cases.MapPost("/letters", LetterAsync)
            .WithName("writeCaseLetter").WithSummary("Write a letter from a template and keep it as a case document");
        // The pages download with the signed-in cookie; the check and the audit are the same.
        app.MapGet("/asb/cases/{id:long}/documents/{documentId:long}", DownloadAsync).RequireAuthorization(Entitlements.Partnership)
            .ExcludeFromDescription();
        app.MapGet("/api/v1/asb/powers/counts", CountsAsync).RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("ASB cases")
            .WithName("countPowers").WithSummary("Count the tools and powers used, and breached, in a period");
        return app;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

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

    private static async Task<Results<Created<PowerResponse>, NotFound, ValidationProblem>> AddPowerAsync(
        long id, PowerRequest request, AppDb db, CaseAccess access, PowerRegister register, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        if (!view.Can(DataCategories.Actions))
        {
            v.Add("kind", "Your agency's sharing agreement does not include the action plan");
        }
        var kind = v.Enum<PowerKind>("kind", request.Kind, "the tool or power");
        if (request.IssuedAt is null)
        {
            v.Add("issuedAt", "Enter when it was issued or made");
        }
        else if (request.IssuedAt > time.GetUtcNow().AddMinutes(5))
        {
            v.Add("issuedAt", "Record a tool or power once it has been used");
        }
        if (request.ExpiresAt is { } expires && request.IssuedAt is { } issued && expires <= issued)
        {
            v.Add("expiresAt", "It must expire after it was issued");
        }
        var authorisedBy = v.MaxLength("authorisedBy", request.AuthorisedBy, "who authorised it", 200);
        if (kind is PowerKind.DispersalDirection or PowerKind.ClosureNotice)
        {
            // The Act: a dispersal direction lasts at most 48 hours and is authorised by an inspector or above; a closure notice lasts 48 hours.
            if (request.ExpiresAt is null)
            {
                v.Add("expiresAt", "Enter when it ends (at most 48 hours after it was given)");
            }
            else if (request.IssuedAt is { } start && request.ExpiresAt > start.AddHours(48))
            {
                v.Add("expiresAt", "It can last at most 48 hours");
            }
        }
        if (kind == PowerKind.DispersalDirection && authorisedBy is null)
        {
            v.Add("authorisedBy", "Name the inspector (or above) who authorised the dispersal direction");
        }
        if (request.SubjectIdentityId is { } subject && !await db.CaseParties.AnyAsync(p => p.CaseId == id && p.IdentityId == subject, ct))
        {
            v.Add("subjectIdentityId", "Select a person on the case");
        }
        var details = v.MaxLength("details", request.Details, "the details", 2000);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The tool or power was not recorded");
        }
        var power = new CasePower
        {
            CaseId = id, Kind = kind!.Value, SubjectIdentityId = request.SubjectIdentityId, IssuedAt = request.IssuedAt!.Value, ExpiresAt = request.ExpiresAt,
            AuthorisedBy = authorisedBy, Details = details, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.CasePowers.Add(power);
        chronology.AddEntry(id, "power", $"{PowerRegister.Describe(power.Kind)} issued {ForceClock.Format(power.IssuedAt)}{(power.ExpiresAt is { } e ? $", until {ForceClock.Format(e)}" : "")}");
        audit.Add("case.power.add", "case", Id(id), details: power.Kind.ToString());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/cases/{id}/powers", (await register.OfCaseAsync(id, ct)).Single(p => p.Id == power.Id));
    }

    private static async Task<Results<Created<PowerResponse>, NotFound, ValidationProblem>> AddBreachAsync(
        long id, long powerId, BreachRequest request, AppDb db, CaseAccess access, PowerRegister register, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        var power = view is null ? null : await db.CasePowers.FirstOrDefaultAsync(p => p.Id == powerId && p.CaseId == id, ct);
        if (view is null || power is null || !view.Can(DataCategories.Actions))
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var note = v.Required("note", request.Note, "what the breach was", 2000);
        var at = request.At ?? time.GetUtcNow();
        if (at < power.IssuedAt || (power.ExpiresAt is { } expires && at > expires))
        {
            v.Add("at", "A breach happens while the tool or power is in force");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The breach was not recorded");
        }
        db.PowerBreaches.Add(new PowerBreach { PowerId = powerId, At = at, Note = note!, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name });
        chronology.AddEntry(id, "power", $"Breach of the {PowerRegister.Describe(power.Kind).ToLowerInvariant()}: {note}");
        audit.Add("case.power.breach", "case", Id(id), details: $"power {powerId}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/cases/{id}/powers", (await register.OfCaseAsync(id, ct)).Single(p => p.Id == powerId));
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

    private static async Task<Results<Ok<List<DocumentResponse>>, NotFound>> DocumentsAsync(long id, AppDb db, CaseAccess access, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }
        if (!view.Can(DataCategories.Documents))
        {
            return TypedResults.Ok(new List<DocumentResponse>());
        }
        return TypedResults.Ok(await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.Id)
            .Select(d => new DocumentResponse(d.Id, d.FileName, d.ContentType, d.Size, d.Kind, d.Description, d.CreatedAt, d.CreatedBy)).ToListAsync(ct));
    }

    /// <summary>The types a case accepts, recognised by their first bytes rather than by what the client claims.</summary>
    public static string? Recognise(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "image/jpeg";
        }
        if (head.StartsWith("PK\u0003\u0004"u8) && fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return null;
    }

    public static async Task<(DocumentResponse? Document, Validation Errors)> StoreUploadAsync(
        AppDb db, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time, long caseId, IFormFile? file, string? description, CancellationToken ct)
    {
        var v = new Validation();
        var text = v.MaxLength("description", description, "the description", 500);
        if (file is null || file.Length == 0)
        {
            v.Add("file", "Select a file to upload");
            return (null, v);
        }
        if (file.Length > MaxUploadBytes)
        {
            v.Add("file", "The file must be smaller than 10 MB");
            return (null, v);
        }
        var name = Path.GetFileName(file.FileName);
        if (name.Length is 0 or > 255)
        {
            v.Add("file", "The file needs a name of 255 characters or fewer");
            return (null, v);
        }
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Recognise(bytes.AsSpan(0, Math.Min(bytes.Length, 16)), name);
        if (type is null)
        {
            v.Add("file", "The file must be a PDF, JPG, PNG or Word (.docx) document");
        }
        if (!v.IsValid)
        {
            return (null, v);
        }
        var document = new CaseDocument
        {
            CaseId = caseId, FileName = name, ContentType = type!, Size = bytes.Length, Content = bytes, Kind = "Upload", Description = text,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.CaseDocuments.Add(document);
        chronology.AddEntry(caseId, "document", $"Document added: {name}{(text is null ? "" : $" ({text})")}");
        audit.Add("case.document.upload", "case", Id(caseId), details: $"{name} {type} {bytes.Length} bytes");
        await db.SaveChangesAsync(ct);
        return (new DocumentResponse(document.Id, document.FileName, document.ContentType, document.Size, document.Kind, document.Description, document.CreatedAt, document.CreatedBy), v);
    }

    private static async Task<Results<Created<DocumentResponse>, NotFound, ValidationProblem>> UploadAsync(
        long id, IFormFile? file, [FromForm] string? description, AppDb db, CaseAccess access, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }
        if (!view.Can(DataCategories.Documents))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Your agency's sharing agreement does not include documents"] });
        }
        var (document, errors) = await StoreUploadAsync(db, chronology, user, audit, time, id, file, description, ct);
        return document is null
            ? TypedResults.ValidationProblem(errors.Errors, title: "The document was not added")
            : TypedResults.Created($"/api/v1/asb/cases/{id}/documents/{document.Id}", document);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(long id, long documentId, AppDb db, CaseAccess access, AuditTrail audit, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        var document = view is null || !view.Can(DataCategories.Documents) ? null : await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.CaseId == id, ct);
        if (document is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync("case.document.download", "case", Id(id), details: $"document {documentId} {document.FileName}", cancellationToken: ct);
        return TypedResults.File(document.Content, document.ContentType, document.FileName);
    }

    private static async Task<Results<Created<DocumentResponse>, NotFound, ValidationProblem>> LetterAsync(
        long id, LetterRequest request, AppDb db, CaseAccess access, CaseChronology chronology, ForceConfiguration configuration, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        if (!view.Can(DataCategories.Documents) || !view.Can(DataCategories.Parties))
        {
            v.Add("template", "Your agency's sharing agreement does not include documents and people");
        }
        var templates = await configuration.CurrentAsync<LetterTemplates>(LetterTemplates.Key, ct);
        var template = templates.Value.Find(request.Template);
        if (template is null)
        {
            v.Add("template", $"Select a letter template: {string.Join(", ", templates.Value.Templates.Select(t => t.Code))}");
        }
        string? recipient = v.MaxLength("recipientName", request.RecipientName, "the recipient", 200);
        if (request.RecipientPartyId is { } partyId)
        {
            recipient = await (from p in db.CaseParties join i in db.PersonIdentities on p.IdentityId equals i.Id where p.Id == partyId && p.CaseId == id select i.DisplayName).FirstOrDefaultAsync(ct);
            if (recipient is null)
            {
                v.Add("recipientPartyId", "Select a person on the case");
            }
        }
        else if (recipient is null)
        {
            v.Add("recipientPartyId", "Select who the letter is to");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The letter was not produced");
        }
        var c = await db.AsbCases.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var victim = await (from p in db.CaseParties join i in db.PersonIdentities on p.IdentityId equals i.Id
                            where p.CaseId == id && p.Role == CasePartyRole.Victim orderby p.Id select i.DisplayName).FirstOrDefaultAsync(ct);
        var lead = await db.Agencies.Where(a => a.Id == c.LeadAgencyId).Select(a => a.Name).SingleAsync(ct);
        var body = template!.Body
            .Replace("{{reference}}", c.Reference, StringComparison.Ordinal)
            .Replace("{{date}}", ForceClock.ToLocal(time.GetUtcNow()).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), StringComparison.Ordinal)
            .Replace("{{recipient}}", recipient, StringComparison.Ordinal)
            .Replace("{{victim}}", victim ?? "", StringComparison.Ordinal)
            .Replace("{{lead_agency}}", lead, StringComparison.Ordinal)
            .Replace("{{spoc}}", c.SpocName ?? lead, StringComparison.Ordinal)
            .Replace("{{title}}", c.Title, StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var document = new CaseDocument
        {
            CaseId = id, FileName = $"{c.Reference}-{template.Code}-{templates.Version}.txt", ContentType = "text/plain; charset=utf-8", Size = bytes.Length, Content = bytes,
            Kind = "Letter", Description = $"{template.Name} to {recipient} (template version {templates.Version})", CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.CaseDocuments.Add(document);
        chronology.AddEntry(id, "document", $"Letter produced: {template.Name} to {recipient}");
        audit.Add("case.letter", "case", Id(id), details: $"{template.Code} v{templates.Version}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/cases/{id}/documents/{document.Id}",
            new DocumentResponse(document.Id, document.FileName, document.ContentType, document.Size, document.Kind, document.Description, document.CreatedAt, document.CreatedBy));
    }
}
