using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SafetyNet.Platform;

public static class StartAnnouncement
{
    /// <summary>
    /// Once the server listens, prints where it is and, in demo mode, how to sign in. Written to the console,
    /// not the log: the demo password is for the person at the terminal, never for log files.
    /// </summary>
    public static WebApplication AnnounceStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"SafetyNet is running at {string.Join(", ", addresses)}");
            if (app.Configuration.GetValue("Demo:Enabled", false))
            {
                Console.WriteLine($"Demo sign-in: callhandler@{AccountSeeder.DemoDomain} (or supervisor@, officer@, communityfocusdesk@, crimeregistrar@, administrator@, auditor@, …)");
                Console.WriteLine($"Demo password: {AccountSeeder.DemoPassword(app.Configuration)}");
            }
            Console.WriteLine();
        });
        return app;
    }
}
