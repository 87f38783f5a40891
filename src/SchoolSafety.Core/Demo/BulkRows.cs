using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SchoolSafety.Common;
using SchoolSafety.Data;

namespace SchoolSafety.Demo;

/// <summary>
/// Inserts generated rows with multi-row <c>INSERT … VALUES</c> statements built from the EF model (table, columns,
/// value converters), bypassing change tracking and the per-row round trips of <c>SaveChanges</c>: the province
/// generator writes millions of answers this way. Keys are assigned here (from the table's current maximum), so
/// the caller can set foreign keys before inserting the children. SQLite and PostgreSQL only.
/// </summary>
internal sealed class BulkRows(AppDbContext db)
{
    private const int MaxParameters = 30_000;

    private readonly Dictionary<Type, long> nextIds = [];

    /// <summary>The next free key of the entity's table; keys handed out are remembered, so call once per row.</summary>
    public async Task<long> NextIdAsync<T>(CancellationToken ct)
    {
        if (!nextIds.TryGetValue(typeof(T), out var next))
        {
            var table = Table<T>().GetTableName();
            await using var command = await CommandAsync(ct);
            command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
            next = Convert.ToInt64(await command.ExecuteScalarAsync(ct)) + 1;
        }
        nextIds[typeof(T)] = next + 1;
        return next;
    }

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = Table<T>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is { } name && name != "xmin" && p.PropertyInfo is not null)
            .ToList();
        var perStatement = Math.Max(1, Math.Min(500, MaxParameters / columns.Count));
        var head = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) VALUES ";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var offset = 0; offset < rows.Count; offset += perStatement)
        {
            await using var command = await CommandAsync(ct);
            command.Transaction = transaction.GetDbTransaction();
            var sql = new StringBuilder(head);
            var batch = rows.Skip(offset).Take(perStatement).ToList();
            for (var r = 0; r < batch.Count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = Value(columns[c], batch[r]) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
        if (db.Provider == DatabaseProvider.PostgreSql && entity.FindProperty("Id") is not null)
        {
            // Keys were given explicitly: move the identity sequence past them.
            await using var command = await CommandAsync(ct);
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table.Name}\"))";
            await command.ExecuteScalarAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static object? Value(IProperty property, object row)
    {
        var value = property.PropertyInfo!.GetValue(row);
        if (property.Name == nameof(IConcurrencyVersioned.RowVersion) && value is byte[] { Length: 0 })
            value = RandomNumberGenerator.GetBytes(8);   // SQLite's token, stamped by SaveChanges elsewhere
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null && value is not null) return converter.ConvertToProvider(value);
        return value is Enum ? Convert.ToInt32(value) : value;
    }

    private IEntityType Table<T>() => db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped.");

    private async Task<DbCommand> CommandAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return connection.CreateCommand();
    }
}
