using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MusicAnalyser.Data;

public sealed class MusicDbContext(DbContextOptions<MusicDbContext> options) : DbContext(options)
{
    public DbSet<Play> Plays => Set<Play>();
    public DbSet<Artist> Artists => Set<Artist>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<Genre> Genres => Set<Genre>();
    public DbSet<ArtistGenre> ArtistGenres => Set<ArtistGenre>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<TrackArtist> TrackArtists => Set<TrackArtist>();
    public DbSet<Show> Shows => Set<Show>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<Audiobook> Audiobooks => Set<Audiobook>();
    public DbSet<Chapter> Chapters => Set<Chapter>();
    public DbSet<Platform> Platforms => Set<Platform>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Reason> Reasons => Set<Reason>();
    public DbSet<PlayContext> PlayContexts => Set<PlayContext>();
    public DbSet<PlayContextLink> PlayContextLinks => Set<PlayContextLink>();
    public DbSet<DataCounter> DataCounters => Set<DataCounter>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();

    // Unix seconds keep a play row small and make time arithmetic in SQL plain integer maths.
    private static readonly ValueConverter<DateTime, long> UnixSeconds = new(
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToUnixTimeSeconds(),
        v => DateTime.SpecifyKind(DateTimeOffset.FromUnixTimeSeconds(v).UtcDateTime, DateTimeKind.Utc));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // An index per foreign key would put seven indexes on Plays; indexes are declared where queries need them.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Play>(play =>
        {
            play.Property(p => p.EndedAt).HasConversion(UnixSeconds);
            play.Property(p => p.Kind).HasConversion<byte>();
            play.Property(p => p.Source).HasConversion<byte>();
            play.HasOne(p => p.ReasonStart).WithMany().HasForeignKey(p => p.ReasonStartId);
            play.HasOne(p => p.ReasonEnd).WithMany().HasForeignKey(p => p.ReasonEndId);
            play.HasOne(p => p.ImportFile).WithMany().HasForeignKey(p => p.ImportFileId).OnDelete(DeleteBehavior.SetNull);
            // The identity index (what makes imports idempotent) is an expression index created in the
            // migration: SQLite treats NULLs as distinct, so its key uses IFNULL(item, 0). It leads with
            // EndedAt, so it also serves every time-range query. Every other index on this table costs
            // import time and bytes per play, so each is added by the issue whose queries need it.
        });

        modelBuilder.Entity<Artist>(artist =>
        {
            artist.HasIndex(a => a.Name).IsUnique();
            artist.HasIndex(a => a.SpotifyId).IsUnique();
            artist.Property(a => a.MetadataAt).HasConversion(UnixSeconds);
        });
        modelBuilder.Entity<Genre>().HasIndex(g => g.Name).IsUnique();
        modelBuilder.Entity<ArtistGenre>(genre =>
        {
            genre.HasKey(g => new { g.ArtistId, g.GenreId });
            genre.HasIndex(g => g.GenreId);
        });
        modelBuilder.Entity<Album>(album =>
        {
            album.HasIndex(a => new { a.ArtistId, a.Name }).IsUnique();
            album.HasIndex(a => a.SpotifyId).IsUnique();
        });
        modelBuilder.Entity<Track>(track =>
        {
            track.HasIndex(t => t.SpotifyId).IsUnique();
            track.HasIndex(t => new { t.ArtistId, t.Name });
            track.HasIndex(t => t.AlbumId);
            track.HasOne(t => t.Artist).WithMany().HasForeignKey(t => t.ArtistId);
            track.Property(t => t.MetadataAt).HasConversion(UnixSeconds);
        });
        modelBuilder.Entity<PlayContext>().HasIndex(c => c.Uri).IsUnique();
        modelBuilder.Entity<PlayContextLink>(link =>
        {
            link.HasKey(l => l.PlayId);
            link.HasIndex(l => l.ContextId);
            // An export replacing a captured play takes its context over, and deletes the old link itself (CapturedPlayReconciler: the importer runs without foreign keys).
            link.HasOne(l => l.Play).WithOne().HasForeignKey<PlayContextLink>(l => l.PlayId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne(l => l.Context).WithMany().HasForeignKey(l => l.ContextId);
        });
        modelBuilder.Entity<DataCounter>().HasKey(c => c.Name);
        modelBuilder.Entity<TrackArtist>(credit =>
        {
            credit.HasKey(c => new { c.TrackId, c.Position });
            credit.HasIndex(c => c.ArtistId);
            credit.HasOne(c => c.Track).WithMany(t => t.Artists).HasForeignKey(c => c.TrackId);
            credit.HasOne(c => c.Artist).WithMany(a => a.Tracks).HasForeignKey(c => c.ArtistId);
        });
        modelBuilder.Entity<Show>().HasIndex(s => s.Name).IsUnique();
        modelBuilder.Entity<Show>().HasIndex(s => s.SpotifyId).IsUnique();
        modelBuilder.Entity<Episode>(episode =>
        {
            episode.HasIndex(e => e.SpotifyId).IsUnique();
            episode.HasIndex(e => new { e.ShowId, e.Name });
        });
        modelBuilder.Entity<Audiobook>().HasIndex(a => a.Title).IsUnique();
        modelBuilder.Entity<Audiobook>().HasIndex(a => a.SpotifyId).IsUnique();
        modelBuilder.Entity<Chapter>(chapter =>
        {
            chapter.HasIndex(c => c.SpotifyId).IsUnique();
            chapter.HasIndex(c => new { c.AudiobookId, c.Title });
        });
        modelBuilder.Entity<Platform>().HasIndex(p => p.Name).IsUnique();
        modelBuilder.Entity<Country>().HasIndex(c => c.Code).IsUnique();
        modelBuilder.Entity<Reason>().HasIndex(r => r.Name).IsUnique();
        modelBuilder.Entity<ImportRun>().HasMany(r => r.FileResults).WithOne(f => f.ImportRun).HasForeignKey(f => f.ImportRunId);
        modelBuilder.Entity<ImportFile>(file =>
        {
            file.HasIndex(f => f.ImportRunId);
            file.Property(f => f.FirstPlayAt).HasConversion(UnixSeconds);
            file.Property(f => f.LastPlayAt).HasConversion(UnixSeconds);
        });
    }
}
