using Microsoft.Playwright;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests.Pages;

public sealed class SignInPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/sign-in");

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task SignInAsRoleAsync(string role)
    {
        await OpenAsync();
        await SignInAsync(SafetyNetApp.DemoEmail(role), SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");
}
