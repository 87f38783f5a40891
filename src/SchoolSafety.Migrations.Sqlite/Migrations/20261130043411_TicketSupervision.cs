using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TicketSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSupervised",
                table: "HazardTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupervisionDue",
                table: "HazardTickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionNote",
                table: "HazardTickets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsSupervised",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "SupervisionDue",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "SupervisionNote",
                table: "HazardTickets");
        }
    }
}
