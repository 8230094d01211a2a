using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The officer's list of victims due an update and the form that logs one.</summary>
public sealed class VictimsDuePage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/victims/due");

    public ILocator RowFor(string victim) => page.Locator("tbody tr").Filter(new() { HasText = victim });

    public async Task LogUpdateAsync(string victim, string summary)
    {
        await RowFor(victim).First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Log update") }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await new LogContactPage(page).LogAsync("Contact made", summary);
    }

    public ILocator Banner => page.Locator(".govuk-notification-banner");
}

/// <summary>The form that logs a contact with a victim, or an attempt at one.</summary>
public sealed class LogContactPage(IPage page)
{
    public async Task OpenAsync(long contractId) => await page.GotoAsync($"/victims/contracts/{contractId}/contact");

    /// <summary>Logs what came of the contact; the channel is the one already chosen unless given.</summary>
    public async Task LogAsync(string? outcome, string summary, string? channel = null)
    {
        if (channel is not null)
        {
            await page.GetByLabel(channel, new() { Exact = true }).CheckAsync();
        }
        if (outcome is not null)
        {
            await page.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        }
        await page.GetByLabel("What did you tell the victim?").FillAsync(summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the contact" }).ClickAsync();
    }

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");
}

/// <summary>The public survey a caller or victim opens from the link in their message.</summary>
public sealed class PublicSurveyPage(IPage page)
{
    public async Task OpenAsync(string path) => await page.GotoAsync(path);

    /// <summary>Answers every question with the same score.</summary>
    public async Task AnswerAllAsync(int score, string comment)
    {
        var radios = page.Locator($"input[type=radio][value='{score}']");
        for (var i = 0; i < await radios.CountAsync(); i++)
        {
            await radios.Nth(i).CheckAsync();
        }
        await page.GetByLabel("Is there anything else you would like to tell us? (optional)").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
    }
}

/// <summary>A victim's contract: the events of the investigation and the agreement with the victim.</summary>
public sealed class VictimContractPage(IPage page)
{
    public async Task RecordEventAsync(string what, string notes)
    {
        await page.GetByLabel("What happened").SelectOptionAsync(new SelectOptionValue { Label = what });
        await page.GetByLabel("Notes (optional)").FillAsync(notes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the event" }).ClickAsync();
    }

    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Save the contract" }).ClickAsync();

    public ILocator Banner => page.Locator(".govuk-notification-banner");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator Dues => page.Locator("table").Filter(new() { HasText = "Contacts due" });
}
