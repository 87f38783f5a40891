using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchoolStandings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HazardTickets_Status_SchoolId",
                table: "HazardTickets");

            migrationBuilder.CreateTable(
                name: "SchoolStandings",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidThrough = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GuardsRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardsPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    Gaps = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    DrillTermStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DrillCompliant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Drills = table.Column<int>(type: "INTEGER", nullable: false),
                    DrillsMeetingStandard = table.Column<int>(type: "INTEGER", nullable: false),
                    DrillSeconds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolStandings", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_SchoolStandings_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HazardTickets_Open",
                table: "HazardTickets",
                columns: new[] { "Status", "SchoolId", "Deadline", "FoundOn", "Grade", "IsSupervised" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchoolStandings");

            migrationBuilder.DropIndex(
                name: "IX_HazardTickets_Open",
                table: "HazardTickets");

            migrationBuilder.CreateIndex(
                name: "IX_HazardTickets_Status_SchoolId",
                table: "HazardTickets",
                columns: new[] { "Status", "SchoolId" });
        }
    }
}
