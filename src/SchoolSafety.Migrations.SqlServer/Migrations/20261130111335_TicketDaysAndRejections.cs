using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TicketDaysAndRejections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "HazardTickets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FoundOn",
                table: "HazardTickets",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Rejections",
                table: "HazardTickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // The days (China time) and the rejections of the tickets already recorded (event kind 4: rejected).
            migrationBuilder.Sql(@"UPDATE [HazardTickets] SET [FoundOn] = CAST(DATEADD(hour, 8, [FoundAt]) AS date), [ClosedOn] = CASE WHEN [ClosedAt] IS NULL THEN NULL ELSE CAST(DATEADD(hour, 8, [ClosedAt]) AS date) END, [Rejections] = (SELECT COUNT(*) FROM [TicketEvents] e WHERE e.[TicketId] = [HazardTickets].[Id] AND e.[Kind] = 4)");

            migrationBuilder.CreateIndex(
                name: "IX_HazardTickets_SchoolId_ChecklistItemId_ClosedOn",
                table: "HazardTickets",
                columns: new[] { "SchoolId", "ChecklistItemId", "ClosedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HazardTickets_SchoolId_ChecklistItemId_ClosedOn",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "FoundOn",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "Rejections",
                table: "HazardTickets");
        }
    }
}
