using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SafetyNet.Data;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>
/// An empty database of the chosen provider, with its audit folder, that outlives the applications started on it:
/// for a test that starts the application more than once on one database, or only runs the binary's verbs.
/// Dropped when disposed.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _postgresDatabase;

    private ScratchDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        Folder = Directory.CreateTempSubdirectory("safetynet-test-").FullName;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresDatabase = $"sn_test_{Guid.NewGuid():N}";
            ConnectionString = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(Folder, "safetynet.db")}";
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Folder { get; }

    public string AuditFolder => Path.Combine(Folder, "audit");

    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new ScratchDatabase(provider);
        if (database._postgresDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(TestDatabases.PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database._postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return database;
    }

    /// <summary>Reads the database directly, with no application running.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work)
    {
        await using AppDb db = Provider == DatabaseProvider.Postgres
            ? new PostgresAppDb(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql(ConnectionString).Options)
            : new SqliteAppDb(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite(ConnectionString).Options);
        return await work(db);
    }

    /// <summary>
    /// Makes the database look as one made by the migrations that were squashed away: their history rows (the first
    /// and the last of the earlier set on this provider), which this build does not know.
    /// </summary>
    public Task MarkMadeByEarlierMigrationsAsync() => WithDbAsync(async db =>
    {
        var history = db.GetService<IHistoryRepository>();
        string[] earlier = Provider == DatabaseProvider.Postgres
            ? ["20261123183708_Initial", "20261207042455_AccountSessions"]
            : ["20261123183703_Initial", "20261207042431_AccountSessions"];
        await db.Database.ExecuteSqlRawAsync(history.GetCreateScript());
        foreach (var id in earlier)
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(id, "10.0.0")));
        }
        return earlier.Length;
    });

    /// <summary>The migration ids the database's history holds, in order.</summary>
    public Task<List<string>> MigrationHistoryAsync() => WithDbAsync(async db =>
        (await db.GetService<IHistoryRepository>().GetAppliedMigrationsAsync()).Select(r => r.MigrationId).Order(StringComparer.Ordinal).ToList());

    /// <summary>Deletes the database and makes it anew, empty, under the same name.</summary>
    public async Task DeleteAndStartAgainAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestDatabases.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestDatabases.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the system's temporary-file cleaning.
        }
    }
}
