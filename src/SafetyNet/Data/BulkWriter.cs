using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SafetyNet.Data;

/// <summary>
/// Writes many rows with the provider's fast path: binary COPY on PostgreSQL (columns taken from the EF model,
/// values through its converters), batched inserts in one transaction on SQLite. Rows carry their own keys.
/// </summary>
public static class BulkWriter
{
    public static async Task WriteAsync<T>(AppDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (db.IsPostgres)
        {
            await CopyAsync(db, rows, cancellationToken);
            return;
        }
        foreach (var chunk in rows.Chunk(5000))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>After rows were written with explicit keys, moves PostgreSQL's identity sequences past them.</summary>
    public static async Task ResetSequencesAsync(AppDb db, IEnumerable<Type> entities, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres)
        {
            return;
        }
        foreach (var type in entities)
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = entity.GetTableName()!;
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
#pragma warning disable EF1002 // Table and column names come from the model, not from input.
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{key}'), GREATEST((SELECT COALESCE(MAX(\"{key}\"), 0) FROM \"{table}\"), 1))", cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static async Task CopyAsync<T>(AppDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)))
            .Where(c => c.Column is not null && c.Property.PropertyInfo is not null)
            .Select(c => (c.Property, Column: c.Column!, Converter: c.Property.GetTypeMapping().Converter, DataType: DataTypeOf(c.Property.GetColumnType())))
            .ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sql = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var (property, _, converter, dataType) in columns)
                {
                    var value = property.PropertyInfo!.GetValue(row);
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, dataType, cancellationToken);
                    }
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>"character varying(30)" → "character varying": COPY takes the type, not its length.</summary>
    private static string DataTypeOf(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var i and > 0 ? columnType[..i] : columnType;
}
