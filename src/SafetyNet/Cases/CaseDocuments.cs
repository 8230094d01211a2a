using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>A letter merged from a template for a case, before it is kept.</summary>
public sealed record LetterPreview(string TemplateCode, string TemplateName, int TemplateVersion, string Recipient, string Text);

public sealed record LetterTemplatesResponse(int Version, IReadOnlyList<LetterTemplate> Templates, IReadOnlyList<string> Placeholders);

public sealed record LetterTemplateRequest(string? Name, string? Body, string? Reason);

/// <summary>A document's content with what a download needs to name it.</summary>
public sealed record DocumentContent(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The documents held with a case, in the database: uploads checked by what their first bytes say they are (against
/// the types and size the force allows), each download audited here (so a page and the API audit it alike), and
/// letters merged from the administrator's templates, previewed, then kept as documents.
/// </summary>
public sealed class CaseDocuments(
    AppDb db, CaseAccess access, CaseChronology chronology, ForceConfiguration configuration, CurrentUser user, AuditTrail audit, TimeProvider time,
    IOptions<CaseWorkOptions> options)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public CaseWorkOptions Rules => options.Value;

    /// <summary>The case's documents, or null when the case is not the caller's to see; empty when the agreement withholds documents.</summary>
    public async Task<List<DocumentResponse>?> ListAsync(long caseId, CancellationToken ct)
    {
        var view = await access.ViewAsync(caseId, ct);
        if (view is null)
        {
            return null;
        }
        if (!view.Can(DataCategories.Documents))
        {
            return [];
        }
        return await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id)
            .Select(d => new DocumentResponse(d.Id, d.FileName, d.ContentType, d.Size, d.Kind, d.Description, d.CreatedAt, d.CreatedBy)).ToListAsync(ct);
    }

    /// <summary>The types a case may accept, recognised by their first bytes rather than by what the client claims.</summary>
    public static string? Recognise(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return CaseWorkOptions.Pdf;
        }
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return CaseWorkOptions.Png;
        }
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return CaseWorkOptions.Jpeg;
        }
        if (head.StartsWith("PK\u0003\u0004"u8) && fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return CaseWorkOptions.Docx;
        }
        return null;
    }

    /// <summary>Checks and keeps an uploaded file; a file of a type or size the force does not allow is refused and nothing is saved.</summary>
    public async Task<Outcome<DocumentResponse>> UploadAsync(long caseId, IFormFile? file, string? description, CancellationToken ct)
    {
        if (await access.RefusesChangeAsync<DocumentResponse>(
            caseId, [DataCategories.Documents], "file", "Your agency's sharing agreement does not include documents", ct) is { } refused)
        {
            return refused;
        }
        var v = new Validation();
        var text = v.MaxLength("description", description, "the description", 500);
        var rules = Rules;
        if (file is null || file.Length == 0)
        {
            v.Add("file", "Select a file to upload");
            return Outcome<DocumentResponse>.Invalid(v.Errors);
        }
        if (file.Length > rules.MaxUploadBytes)
        {
            v.Add("file", $"The selected file must be smaller than {rules.MaxUploadInWords}");
            return Outcome<DocumentResponse>.Invalid(v.Errors);
        }
        var name = Path.GetFileName(file.FileName);
        if (name.Length is 0 or > 255)
        {
            v.Add("file", "The selected file needs a name of 255 characters or fewer");
            return Outcome<DocumentResponse>.Invalid(v.Errors);
        }
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Recognise(bytes.AsSpan(0, Math.Min(bytes.Length, 16)), name);
        if (type is null || !rules.AllowedTypes.Contains(type))
        {
            v.Add("file", $"The selected file must be a {rules.AllowedTypesInWords}");
        }
        if (!v.IsValid)
        {
            return Outcome<DocumentResponse>.Invalid(v.Errors);
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
        return Outcome<DocumentResponse>.Done(ToResponse(document));
    }

    /// <summary>A document's content for a download, audited once for each download; null when it is not the caller's to see.</summary>
    public async Task<DocumentContent?> OpenAsync(long caseId, long documentId, CancellationToken ct)
    {
        var view = await access.ViewAsync(caseId, ct);
        var document = view is null || !view.Can(DataCategories.Documents)
            ? null
            : await db.CaseDocuments.AsNoTracking().Where(d => d.Id == documentId && d.CaseId == caseId)
                .Select(d => new DocumentContent(d.FileName, d.ContentType, d.Content)).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return null;
        }
        await audit.WriteAsync("case.document.download", "case", Id(caseId), details: $"document {documentId} {document.FileName}", cancellationToken: ct);
        return document;
    }

    public async Task<IReadOnlyList<LetterTemplate>> TemplatesAsync(CancellationToken ct) =>
        (await configuration.CurrentAsync<LetterTemplates>(LetterTemplates.Key, ct)).Value.Templates;

    /// <summary>The templates in force and their version, for the administrator.</summary>
    public async Task<LetterTemplatesResponse> TemplateSetAsync(CancellationToken ct)
    {
        var current = await configuration.CurrentAsync<LetterTemplates>(LetterTemplates.Key, ct);
        return new LetterTemplatesResponse(current.Version, current.Value.Templates, LetterTemplates.Placeholders);
    }

    /// <summary>Adds a template, or replaces the one with the same code, as a new version of the templates; letters already written keep theirs.</summary>
    public async Task<Outcome<LetterTemplatesResponse>> SaveTemplateAsync(string code, LetterTemplateRequest request, CancellationToken ct)
    {
        var v = new Validation();
        code = code.Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9][a-z0-9-]{0,39}$"))
        {
            v.Add("code", "The code must be up to 40 lowercase letters, numbers and hyphens, for example tenancy-warning");
        }
        var name = v.Required("name", request.Name, "the template's name", 100);
        var body = v.Required("body", request.Body, "the letter's wording", 8000);
        var reason = v.Required("reason", request.Reason, "the reason for the change", 500);
        var current = await configuration.CurrentAsync<LetterTemplates>(LetterTemplates.Key, ct);
        var templates = current.Value.Templates.Where(t => !string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase)).ToList();
        var edited = new LetterTemplates([.. templates, new LetterTemplate(code, name ?? "", body ?? "")]);
        if (name is not null && body is not null && edited.Validate().Values.FirstOrDefault() is { } problems)
        {
            v.Add("body", problems[0]);
        }
        if (!v.IsValid)
        {
            return Outcome<LetterTemplatesResponse>.Invalid(v.Errors);
        }
        var version = await configuration.PublishAsync(LetterTemplates.Key, edited, reason!);
        audit.Add("configuration.publish", "configuration", LetterTemplates.Key, details: $"version {version}: template {code}: {reason}");
        await db.SaveChangesAsync(ct);
        return Outcome<LetterTemplatesResponse>.Done(new LetterTemplatesResponse(version, edited.Templates, LetterTemplates.Placeholders));
    }

    /// <summary>The letter a template makes for a case and recipient, merged but not kept.</summary>
    public async Task<Outcome<LetterPreview>> PreviewAsync(long id, LetterRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (await access.RefusesChangeAsync<LetterPreview>(
            id, [DataCategories.Documents, DataCategories.Parties], "template", "Your agency's sharing agreement does not include documents and people", ct, v) is { } refused)
        {
            return refused;
        }
        var templates = await configuration.CurrentAsync<LetterTemplates>(LetterTemplates.Key, ct);
        var template = templates.Value.Find(request.Template);
        if (template is null)
        {
            v.Add("template", $"Select a letter template: {string.Join(", ", templates.Value.Templates.Select(t => t.Code))}");
        }
        var recipient = v.MaxLength("recipientName", request.RecipientName, "the recipient", 200);
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
            return Outcome<LetterPreview>.Invalid(v.Errors);
        }
        var c = await db.AsbCases.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var victim = await (from p in db.CaseParties join i in db.PersonIdentities on p.IdentityId equals i.Id
                            where p.CaseId == id && p.Role == CasePartyRole.Victim orderby p.Id select i.DisplayName).FirstOrDefaultAsync(ct);
        var lead = await db.Agencies.Where(a => a.Id == c.LeadAgencyId).Select(a => a.Name).SingleAsync(ct);
        var text = template!.Body
            .Replace("{{reference}}", c.Reference, StringComparison.Ordinal)
            .Replace("{{date}}", ForceClock.ToLocal(time.GetUtcNow()).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), StringComparison.Ordinal)
            .Replace("{{recipient}}", recipient, StringComparison.Ordinal)
            .Replace("{{victim}}", victim ?? "", StringComparison.Ordinal)
            .Replace("{{lead_agency}}", lead, StringComparison.Ordinal)
            .Replace("{{spoc}}", c.SpocName ?? lead, StringComparison.Ordinal)
            .Replace("{{title}}", c.Title, StringComparison.Ordinal);
        return Outcome<LetterPreview>.Done(new LetterPreview(template.Code, template.Name, templates.Version, recipient!, text));
    }

    /// <summary>Merges the letter again (as previewed) and keeps it on the case as a document.</summary>
    public async Task<Outcome<DocumentResponse>> SaveLetterAsync(long id, LetterRequest request, CancellationToken ct)
    {
        var merged = await PreviewAsync(id, request, ct);
        if (!merged.IsDone)
        {
            return merged.Kind == OutcomeKind.NotFound ? Outcome<DocumentResponse>.NotFound : Outcome<DocumentResponse>.Invalid(merged.Errors);
        }
        var letter = merged.Value!;
        var reference = await db.AsbCases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct);
        var bytes = System.Text.Encoding.UTF8.GetBytes(letter.Text);
        var document = new CaseDocument
        {
            CaseId = id, FileName = $"{reference}-{letter.TemplateCode}-{letter.TemplateVersion}.txt", ContentType = "text/plain; charset=utf-8", Size = bytes.Length, Content = bytes,
            Kind = "Letter", Description = $"{letter.TemplateName} to {letter.Recipient} (template version {letter.TemplateVersion})", CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.CaseDocuments.Add(document);
        chronology.AddEntry(id, "document", $"Letter produced: {letter.TemplateName} to {letter.Recipient}");
        audit.Add("case.letter", "case", Id(id), details: $"{letter.TemplateCode} v{letter.TemplateVersion}");
        await db.SaveChangesAsync(ct);
        return Outcome<DocumentResponse>.Done(ToResponse(document));
    }

    private static DocumentResponse ToResponse(CaseDocument d) => new(d.Id, d.FileName, d.ContentType, d.Size, d.Kind, d.Description, d.CreatedAt, d.CreatedBy);
}
