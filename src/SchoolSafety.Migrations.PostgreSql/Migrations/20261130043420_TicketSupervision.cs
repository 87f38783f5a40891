using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.PostgreSql.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupervisionDue",
                table: "HazardTickets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisionNote",
                table: "HazardTickets",
                type: "character varying(500)",
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
