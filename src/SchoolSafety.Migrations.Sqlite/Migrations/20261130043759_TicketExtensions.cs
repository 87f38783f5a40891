using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TicketExtensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "HazardTickets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionRequestedById",
                table: "HazardTickets",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtensionRequestedTo",
                table: "HazardTickets",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedById",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedTo",
                table: "HazardTickets");
        }
    }
}
