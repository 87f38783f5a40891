using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SchoolTermSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SchoolTermSummaries",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    WeeksSubmitted = table.Column<long>(type: "bigint", nullable: false),
                    TicketsFound = table.Column<int>(type: "int", nullable: false),
                    TicketsClosed = table.Column<int>(type: "int", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "int", nullable: false),
                    Rejections = table.Column<int>(type: "int", nullable: false),
                    Repeats = table.Column<int>(type: "int", nullable: false),
                    FoundPerWeek = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    ClosedPerWeek = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    DaysToClose = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FirstLesson = table.Column<bool>(type: "bit", nullable: false),
                    Topics = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolTermSummaries", x => new { x.SchoolId, x.TermStart });
                    table.ForeignKey(
                        name: "FK_SchoolTermSummaries_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HazardTickets_Status_SchoolId",
                table: "HazardTickets",
                columns: new[] { "Status", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolTermSummaries_TermStart_SchoolId",
                table: "SchoolTermSummaries",
                columns: new[] { "TermStart", "SchoolId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchoolTermSummaries");

            migrationBuilder.DropIndex(
                name: "IX_HazardTickets_Status_SchoolId",
                table: "HazardTickets");
        }
    }
}
