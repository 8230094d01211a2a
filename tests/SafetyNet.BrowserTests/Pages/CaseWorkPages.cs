using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The pages that work an ASB case: people, tools and powers, documents and letters.</summary>
public sealed class CaseWorkPages(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator People => page.Locator("table", new() { HasText = "Born" });

    public ILocator Powers => page.Locator("table", new() { HasText = "Breaches" });

    public async Task AddSomeoneNewAsync(string first, string last, string role)
    {
        await page.GetByLabel("First name").FillAsync(first);
        await page.GetByLabel("Last name").FillAsync(last);
        await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
    }

    public async Task RecordBreachAsync(DateOnly on, string time, string what)
    {
        await page.FillDateAsync("Date of the breach", on);
        await page.GetByLabel("Time of the breach (optional)").FillAsync(time);
        await page.GetByLabel("What happened").FillAsync(what);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the breach" }).ClickAsync();
    }

    public async Task UploadAsync(string fileName, string mimeType, byte[] content, string description)
    {
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await page.GetByLabel("What the document is (optional)").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the document" }).ClickAsync();
    }

    public async Task PreviewLetterAsync(string template, string recipient)
    {
        await page.GetByLabel(template, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(recipient, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the letter" }).ClickAsync();
    }

    public async Task Click(string link) => await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
}
