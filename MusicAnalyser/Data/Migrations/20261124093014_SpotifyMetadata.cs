using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicAnalyser.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpotifyMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DurationMs",
                table: "Tracks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Isrc",
                table: "Tracks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MetadataAt",
                table: "Tracks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageUrl",
                table: "Artists",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MetadataAt",
                table: "Artists",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageUrl",
                table: "Albums",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataCounters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataCounters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PlayContexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Uri = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlayContexts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlayContextLinks",
                columns: table => new
                {
                    PlayId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContextId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlayContextLinks", x => x.PlayId);
                    table.ForeignKey(
                        name: "FK_PlayContextLinks_PlayContexts_ContextId",
                        column: x => x.ContextId,
                        principalTable: "PlayContexts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlayContextLinks_Plays_PlayId",
                        column: x => x.PlayId,
                        principalTable: "Plays",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlayContextLinks_ContextId",
                table: "PlayContextLinks",
                column: "ContextId");

            migrationBuilder.CreateIndex(
                name: "IX_PlayContexts_Uri",
                table: "PlayContexts",
                column: "Uri",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataCounters");

            migrationBuilder.DropTable(
                name: "PlayContextLinks");

            migrationBuilder.DropTable(
                name: "PlayContexts");

            migrationBuilder.DropColumn(
                name: "DurationMs",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "Isrc",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "MetadataAt",
                table: "Tracks");

            migrationBuilder.DropColumn(
                name: "ImageUrl",
                table: "Artists");

            migrationBuilder.DropColumn(
                name: "MetadataAt",
                table: "Artists");

            migrationBuilder.DropColumn(
                name: "ImageUrl",
                table: "Albums");
        }
    }
}
