using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TicketDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TicketEvent_HazardTickets_TicketId",
                table: "TicketEvent");

            migrationBuilder.DropPrimaryKey(
                name: "PK_TicketEvent",
                table: "TicketEvent");

            migrationBuilder.RenameTable(
                name: "TicketEvent",
                newName: "TicketEvents");

            migrationBuilder.RenameIndex(
                name: "IX_TicketEvent_TicketId_At",
                table: "TicketEvents",
                newName: "IX_TicketEvents_TicketId_At");

            migrationBuilder.AddColumn<string>(
                name: "PlanFunds",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanGoal",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanMeasures",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanPeople",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanSafety",
                table: "HazardTickets",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlanTimeLimit",
                table: "HazardTickets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsiblePhone",
                table: "HazardTickets",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleUserId",
                table: "HazardTickets",
                type: "nvarchar(450)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "HazardTickets",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_TicketEvents",
                table: "TicketEvents",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HazardTickets_ResponsibleUserId",
                table: "HazardTickets",
                column: "ResponsibleUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_HazardTickets_AspNetUsers_ResponsibleUserId",
                table: "HazardTickets",
                column: "ResponsibleUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TicketEvents_HazardTickets_TicketId",
                table: "TicketEvents",
                column: "TicketId",
                principalTable: "HazardTickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HazardTickets_AspNetUsers_ResponsibleUserId",
                table: "HazardTickets");

            migrationBuilder.DropForeignKey(
                name: "FK_TicketEvents_HazardTickets_TicketId",
                table: "TicketEvents");

            migrationBuilder.DropIndex(
                name: "IX_HazardTickets_ResponsibleUserId",
                table: "HazardTickets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_TicketEvents",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "PlanFunds",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "PlanGoal",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "PlanMeasures",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "PlanPeople",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "PlanSafety",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "PlanTimeLimit",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "ResponsiblePhone",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "ResponsibleUserId",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "SourceReference",
                table: "HazardTickets");

            migrationBuilder.RenameTable(
                name: "TicketEvents",
                newName: "TicketEvent");

            migrationBuilder.RenameIndex(
                name: "IX_TicketEvents_TicketId_At",
                table: "TicketEvent",
                newName: "IX_TicketEvent_TicketId_At");

            migrationBuilder.AddPrimaryKey(
                name: "PK_TicketEvent",
                table: "TicketEvent",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_TicketEvent_HazardTickets_TicketId",
                table: "TicketEvent",
                column: "TicketId",
                principalTable: "HazardTickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
