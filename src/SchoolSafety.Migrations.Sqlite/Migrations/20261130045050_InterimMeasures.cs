using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InterimMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InterimMeasures",
                table: "InspectionResults",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InterimMeasures",
                table: "HazardTickets",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterimMeasures",
                table: "InspectionResults");

            migrationBuilder.DropColumn(
                name: "InterimMeasures",
                table: "HazardTickets");
        }
    }
}
