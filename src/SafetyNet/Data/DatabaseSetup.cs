using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SafetyNet.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string ConnectionName = "SafetyNet";
    public const string DefaultSqlite = "Data Source=data/safetynet.db";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        // Configuration is read when the context is first needed, so hosts and tests that add
        // configuration after this call still choose the provider.
        builder.Services.AddDbContext<SqliteAppDb>((sp, options) =>
            options.UseSqlite(PrepareSqlite(sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName) ?? DefaultSqlite)));
        builder.Services.AddDbContext<PostgresAppDb>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName) is { Length: > 0 } connection
                ? PreparePostgres(connection)
                : throw new InvalidOperationException("ConnectionStrings:SafetyNet is required when Database:Provider is Postgres.")));
        builder.Services.AddScoped<AppDb>(sp => Provider(sp.GetRequiredService<IConfiguration>()) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresAppDb>(),
            _ => sp.GetRequiredService<SqliteAppDb>(),
        });
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    /// <summary>
    /// PostgreSQL's JIT compiler costs hundreds of milliseconds on any query its planner thinks large, far more
    /// than it saves on the short queries of case work; it is off unless the connection string sets options.
    /// </summary>
    public static string PreparePostgres(string connection)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// A relative SQLite file is taken from the working directory, and its folder is created, so that
    /// `dotnet run` keeps its database in <c>data/</c> beside the command.
    /// </summary>
    public static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } source && source != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(source);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            csb.DataSource = full;
        }
        if (csb.DefaultTimeout < 30)
        {
            csb.DefaultTimeout = 30;
        }
        return csb.ToString();
    }
}

/// <summary>Used by <c>dotnet ef</c> to generate the SQLite migration set.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by <c>dotnet ef</c> to generate the PostgreSQL migration set.</summary>
internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
