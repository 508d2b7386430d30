CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Artists" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Artists" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "SpotifyId" TEXT NULL
);

CREATE TABLE "Audiobooks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Audiobooks" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Author" TEXT NULL,
    "SpotifyId" TEXT NULL
);

CREATE TABLE "Countries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Countries" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL
);

CREATE TABLE "ImportRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportRuns" PRIMARY KEY AUTOINCREMENT,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Origin" TEXT NOT NULL,
    "Files" INTEGER NOT NULL,
    "Entries" INTEGER NOT NULL,
    "Added" INTEGER NOT NULL,
    "Duplicates" INTEGER NOT NULL,
    "SummaryJson" TEXT NULL
);

CREATE TABLE "Platforms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Platforms" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Reasons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reasons" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Shows" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Shows" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "SpotifyId" TEXT NULL
);

CREATE TABLE "Albums" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Albums" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "ArtistId" INTEGER NULL,
    "SpotifyId" TEXT NULL,
    CONSTRAINT "FK_Albums_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id")
);

CREATE TABLE "Chapters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Chapters" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "SpotifyId" TEXT NULL,
    "AudiobookId" INTEGER NOT NULL,
    CONSTRAINT "FK_Chapters_Audiobooks_AudiobookId" FOREIGN KEY ("AudiobookId") REFERENCES "Audiobooks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ImportFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportFiles" PRIMARY KEY AUTOINCREMENT,
    "ImportRunId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Entries" INTEGER NOT NULL,
    "Added" INTEGER NOT NULL,
    "Duplicates" INTEGER NOT NULL,
    "Replaced" INTEGER NOT NULL,
    "SkippedJson" TEXT NULL,
    "Error" TEXT NULL,
    "FirstPlayAt" INTEGER NULL,
    "LastPlayAt" INTEGER NULL,
    CONSTRAINT "FK_ImportFiles_ImportRuns_ImportRunId" FOREIGN KEY ("ImportRunId") REFERENCES "ImportRuns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Episodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Episodes" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "SpotifyId" TEXT NULL,
    "ShowId" INTEGER NOT NULL,
    CONSTRAINT "FK_Episodes_Shows_ShowId" FOREIGN KEY ("ShowId") REFERENCES "Shows" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Tracks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tracks" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "SpotifyId" TEXT NULL,
    "ArtistId" INTEGER NOT NULL,
    "AlbumId" INTEGER NULL,
    CONSTRAINT "FK_Tracks_Albums_AlbumId" FOREIGN KEY ("AlbumId") REFERENCES "Albums" ("Id"),
    CONSTRAINT "FK_Tracks_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Plays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plays" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Source" INTEGER NOT NULL,
    "TrackId" INTEGER NULL,
    "EpisodeId" INTEGER NULL,
    "ChapterId" INTEGER NULL,
    "EndedAt" INTEGER NOT NULL,
    "MsPlayed" INTEGER NOT NULL,
    "Seq" INTEGER NOT NULL,
    "ReasonStartId" INTEGER NULL,
    "ReasonEndId" INTEGER NULL,
    "PlatformId" INTEGER NULL,
    "CountryId" INTEGER NULL,
    "Shuffle" INTEGER NULL,
    "Skipped" INTEGER NULL,
    "Offline" INTEGER NULL,
    "OfflineTimestamp" INTEGER NULL,
    "IncognitoMode" INTEGER NULL,
    "ImportFileId" INTEGER NULL,
    CONSTRAINT "FK_Plays_Chapters_ChapterId" FOREIGN KEY ("ChapterId") REFERENCES "Chapters" ("Id"),
    CONSTRAINT "FK_Plays_Countries_CountryId" FOREIGN KEY ("CountryId") REFERENCES "Countries" ("Id"),
    CONSTRAINT "FK_Plays_Episodes_EpisodeId" FOREIGN KEY ("EpisodeId") REFERENCES "Episodes" ("Id"),
    CONSTRAINT "FK_Plays_ImportFiles_ImportFileId" FOREIGN KEY ("ImportFileId") REFERENCES "ImportFiles" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Plays_Platforms_PlatformId" FOREIGN KEY ("PlatformId") REFERENCES "Platforms" ("Id"),
    CONSTRAINT "FK_Plays_Reasons_ReasonEndId" FOREIGN KEY ("ReasonEndId") REFERENCES "Reasons" ("Id"),
    CONSTRAINT "FK_Plays_Reasons_ReasonStartId" FOREIGN KEY ("ReasonStartId") REFERENCES "Reasons" ("Id"),
    CONSTRAINT "FK_Plays_Tracks_TrackId" FOREIGN KEY ("TrackId") REFERENCES "Tracks" ("Id")
);

CREATE TABLE "TrackArtists" (
    "TrackId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "ArtistId" INTEGER NOT NULL,
    CONSTRAINT "PK_TrackArtists" PRIMARY KEY ("TrackId", "Position"),
    CONSTRAINT "FK_TrackArtists_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TrackArtists_Tracks_TrackId" FOREIGN KEY ("TrackId") REFERENCES "Tracks" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX IX_Plays_Identity ON Plays (EndedAt, MsPlayed, Kind, Source, IFNULL(TrackId, 0), IFNULL(EpisodeId, 0), IFNULL(ChapterId, 0), Seq);

CREATE UNIQUE INDEX "IX_Albums_ArtistId_Name" ON "Albums" ("ArtistId", "Name");

CREATE UNIQUE INDEX "IX_Albums_SpotifyId" ON "Albums" ("SpotifyId");

CREATE UNIQUE INDEX "IX_Artists_Name" ON "Artists" ("Name");

CREATE UNIQUE INDEX "IX_Artists_SpotifyId" ON "Artists" ("SpotifyId");

CREATE UNIQUE INDEX "IX_Audiobooks_SpotifyId" ON "Audiobooks" ("SpotifyId");

CREATE UNIQUE INDEX "IX_Audiobooks_Title" ON "Audiobooks" ("Title");

CREATE INDEX "IX_Chapters_AudiobookId_Title" ON "Chapters" ("AudiobookId", "Title");

CREATE UNIQUE INDEX "IX_Chapters_SpotifyId" ON "Chapters" ("SpotifyId");

CREATE UNIQUE INDEX "IX_Countries_Code" ON "Countries" ("Code");

CREATE INDEX "IX_Episodes_ShowId_Name" ON "Episodes" ("ShowId", "Name");

CREATE UNIQUE INDEX "IX_Episodes_SpotifyId" ON "Episodes" ("SpotifyId");

CREATE INDEX "IX_ImportFiles_ImportRunId" ON "ImportFiles" ("ImportRunId");

CREATE UNIQUE INDEX "IX_Platforms_Name" ON "Platforms" ("Name");

CREATE UNIQUE INDEX "IX_Reasons_Name" ON "Reasons" ("Name");

CREATE UNIQUE INDEX "IX_Shows_Name" ON "Shows" ("Name");

CREATE UNIQUE INDEX "IX_Shows_SpotifyId" ON "Shows" ("SpotifyId");

CREATE INDEX "IX_TrackArtists_ArtistId" ON "TrackArtists" ("ArtistId");

CREATE INDEX "IX_Tracks_AlbumId" ON "Tracks" ("AlbumId");

CREATE INDEX "IX_Tracks_ArtistId_Name" ON "Tracks" ("ArtistId", "Name");

CREATE UNIQUE INDEX "IX_Tracks_SpotifyId" ON "Tracks" ("SpotifyId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124071837_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Genres" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Genres" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);

CREATE TABLE "ArtistGenres" (
    "ArtistId" INTEGER NOT NULL,
    "GenreId" INTEGER NOT NULL,
    CONSTRAINT "PK_ArtistGenres" PRIMARY KEY ("ArtistId", "GenreId"),
    CONSTRAINT "FK_ArtistGenres_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ArtistGenres_Genres_GenreId" FOREIGN KEY ("GenreId") REFERENCES "Genres" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ArtistGenres_GenreId" ON "ArtistGenres" ("GenreId");

CREATE UNIQUE INDEX "IX_Genres_Name" ON "Genres" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124083710_Genres', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Tracks" ADD "DurationMs" INTEGER NULL;

ALTER TABLE "Tracks" ADD "Isrc" TEXT NULL;

ALTER TABLE "Tracks" ADD "MetadataAt" INTEGER NULL;

ALTER TABLE "Artists" ADD "ImageUrl" TEXT NULL;

ALTER TABLE "Artists" ADD "MetadataAt" INTEGER NULL;

ALTER TABLE "Albums" ADD "ImageUrl" TEXT NULL;

CREATE TABLE "DataCounters" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_DataCounters" PRIMARY KEY,
    "Value" INTEGER NOT NULL
);

CREATE TABLE "PlayContexts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlayContexts" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "Uri" TEXT NOT NULL
);

CREATE TABLE "PlayContextLinks" (
    "PlayId" INTEGER NOT NULL CONSTRAINT "PK_PlayContextLinks" PRIMARY KEY,
    "ContextId" INTEGER NOT NULL,
    CONSTRAINT "FK_PlayContextLinks_PlayContexts_ContextId" FOREIGN KEY ("ContextId") REFERENCES "PlayContexts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlayContextLinks_Plays_PlayId" FOREIGN KEY ("PlayId") REFERENCES "Plays" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PlayContextLinks_ContextId" ON "PlayContextLinks" ("ContextId");

CREATE UNIQUE INDEX "IX_PlayContexts_Uri" ON "PlayContexts" ("Uri");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124093014_SpotifyMetadata', '10.0.15');

COMMIT;

