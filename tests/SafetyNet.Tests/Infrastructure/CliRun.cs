using SafetyNet.Cli;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>Runs the <c>SafetyNet</c> binary's verbs in process, capturing what they print.</summary>
public static class CliRun
{
    private static readonly SemaphoreSlim Console_ = new(1, 1);

    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        await Console_.WaitAsync();
        var (output, error) = (new StringWriter(), new StringWriter());
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await CommandLine.RunAsync(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            Console_.Release();
        }
    }

    /// <summary>Configuration arguments that point a database verb at a test application's database and audit folder.</summary>
    public static string[] For(SafetyNetApp app, params string[] args)
    {
        var settings = app.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration)) as Microsoft.Extensions.Configuration.IConfiguration;
        return [.. args,
            $"--Database:Provider={app.Provider}",
            $"--ConnectionStrings:SafetyNet={settings!["ConnectionStrings:SafetyNet"]}",
            $"--Audit:Folder={settings["Audit:Folder"]}",
            $"--Demo:Password={SafetyNetApp.Password}"];
    }

    /// <summary>Configuration arguments that point a database verb at a database no application runs on.</summary>
    public static string[] For(ScratchDatabase database, params string[] args) =>
        [.. args,
            $"--Database:Provider={database.Provider}",
            $"--ConnectionStrings:SafetyNet={database.ConnectionString}",
            $"--Audit:Folder={database.AuditFolder}",
            $"--Demo:Password={SafetyNetApp.Password}"];
}
