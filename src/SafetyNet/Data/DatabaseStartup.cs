using Microsoft.EntityFrameworkCore;
using SafetyNet.Platform;

namespace SafetyNet.Data;

/// <summary>
/// Brings the database to the current migration and seeds what the configuration asks for, then tells
/// <c>/health</c> the system is ready. Runs in the background so the server answers 503 meanwhile.
/// </summary>
internal sealed partial class DatabaseStartup(IServiceScopeFactory scopes, StartupState state, ILogger<DatabaseStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await MigrateAsync(db, stoppingToken);
            foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
            {
                await seeder.SeedAsync(stoppingToken);
            }
            state.MarkReady();
            LogReady(log);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(log, error);
            state.MarkFailed(error);
        }
    }

    public static async Task MigrateAsync(AppDb db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            // Readers never wait for the writer, and the writer waits rather than fails.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded; SafetyNet is ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database start-up failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}

/// <summary>Work that must finish before the system reports itself ready, run in registration order.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
