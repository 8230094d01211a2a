namespace SafetyNet.Web;

public static class PagesSetup
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        // A built (not published) application serves its assets from the project's wwwroot and the
        // design systems' output, whatever the environment; a published one carries them itself.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
        {
            builder.WebHost.UseStaticWebAssets();
        }
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "safetynet-af");
        return builder;
    }

    public static WebApplication UsePages(this WebApplication app)
    {
        // After sign-in and the status pages, before the forms are read for antiforgery.
        app.UseStorableInput();
        app.UseAntiforgery();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
