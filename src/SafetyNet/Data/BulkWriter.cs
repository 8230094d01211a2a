using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
        await InsertAsync(db, rows, cancellationToken);
    }

    private static (IProperty Property, string Column, ValueConverter? Converter, string DataType)[] ColumnsOf<T>(AppDb db, out string tableName)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        tableName = table.Name;
        return entity.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)))
            .Where(c => c.Column is not null && c.Property.PropertyInfo is not null)
            .Select(c => (c.Property, Column: c.Column!, Converter: c.Property.GetTypeMapping().Converter, DataType: DataTypeOf(c.Property.GetColumnType())))
            .ToArray();
    }

    private static object? ProviderValue(IProperty property, ValueConverter? converter, object row)
    {
        var value = property.PropertyInfo!.GetValue(row);
        return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>SQLite: one prepared INSERT reused for every row, inside the caller's transaction.</summary>
    private static async Task InsertAsync<T>(AppDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        var columns = ColumnsOf<T>(db, out var table);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"$p{i}";
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    var value = ProviderValue(columns[i].Property, columns[i].Converter, row);
                    parameters[i].Value = value switch
                    {
                        null => DBNull.Value,
                        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        _ => value,
                    };
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
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
        var columns = ColumnsOf<T>(db, out var table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var (property, _, converter, dataType) in columns)
                {
                    var value = ProviderValue(property, converter, row);
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
