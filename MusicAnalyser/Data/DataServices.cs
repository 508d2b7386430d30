using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MusicAnalyser.Data;

public static class DataServices
{
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddDbContext<MusicDbContext>((provider, db) =>
            db.UseSqlite(provider.GetRequiredService<SqliteDatabase>().ConnectionString)
              .AddInterceptors(ConnectionSettings.Instance));
        return services;
    }

    /// <summary>EF's connections get the same pragmas as the raw ones.</summary>
    private sealed class ConnectionSettings : DbConnectionInterceptor
    {
        public static readonly ConnectionSettings Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            SqliteDatabase.Configure((SqliteConnection)connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            SqliteDatabase.Configure((SqliteConnection)connection);
            return Task.CompletedTask;
        }
    }
}
