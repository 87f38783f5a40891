using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TicketLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HazardTicketId",
                table: "StoredFiles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "HazardTickets",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedById",
                table: "HazardTickets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RectificationNote",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RectifiedAt",
                table: "HazardTickets",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RectifiedById",
                table: "HazardTickets",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerificationNote",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TicketEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<int>(type: "int", nullable: true),
                    To = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketEvent_HazardTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "HazardTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_HazardTicketId",
                table: "StoredFiles",
                column: "HazardTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvent_TicketId_At",
                table: "TicketEvent",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_StoredFiles_HazardTickets_HazardTicketId",
                table: "StoredFiles",
                column: "HazardTicketId",
                principalTable: "HazardTickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StoredFiles_HazardTickets_HazardTicketId",
                table: "StoredFiles");

            migrationBuilder.DropTable(
                name: "TicketEvent");

            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_HazardTicketId",
                table: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "HazardTicketId",
                table: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "ClosedById",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "RectificationNote",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "RectifiedAt",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "RectifiedById",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "VerificationNote",
                table: "HazardTickets");
        }
    }
}
