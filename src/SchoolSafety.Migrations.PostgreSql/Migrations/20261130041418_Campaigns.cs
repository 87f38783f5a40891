using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSafety.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChecklistTemplates_Version",
                table: "ChecklistTemplates");

            migrationBuilder.AddColumn<int>(
                name: "CampaignId",
                table: "Inspections",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JurisdictionId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_ChecklistTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ChecklistTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignSchool",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignSchool", x => new { x.CampaignId, x.SchoolId });
                    table.ForeignKey(
                        name: "FK_CampaignSchool_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignSchool_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CampaignId",
                table: "Inspections",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistTemplates_Version",
                table: "ChecklistTemplates",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_JurisdictionId",
                table: "Campaigns",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_TemplateId",
                table: "Campaigns",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignSchool_SchoolId",
                table: "CampaignSchool",
                column: "SchoolId");

            migrationBuilder.AddForeignKey(
                name: "FK_Inspections_Campaigns_CampaignId",
                table: "Inspections",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Inspections_Campaigns_CampaignId",
                table: "Inspections");

            migrationBuilder.DropTable(
                name: "CampaignSchool");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Inspections_CampaignId",
                table: "Inspections");

            migrationBuilder.DropIndex(
                name: "IX_ChecklistTemplates_Version",
                table: "ChecklistTemplates");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Inspections");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistTemplates_Version",
                table: "ChecklistTemplates",
                column: "Version",
                unique: true);
        }
    }
}
