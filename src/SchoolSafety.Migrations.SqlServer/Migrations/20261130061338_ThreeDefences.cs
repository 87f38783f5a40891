using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ThreeDefences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DefenceRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DormitoryManagers = table.Column<int>(type: "int", nullable: false),
                    TeachersStandIn = table.Column<bool>(type: "bit", nullable: false),
                    SchoolPost = table.Column<bool>(type: "bit", nullable: false),
                    PatrolTeam = table.Column<bool>(type: "bit", nullable: false),
                    PatrolsPerDay = table.Column<int>(type: "int", nullable: false),
                    GateDuty24h = table.Column<bool>(type: "bit", nullable: false),
                    ClosedCampus = table.Column<bool>(type: "bit", nullable: false),
                    LowestWallHeight = table.Column<decimal>(type: "decimal(4,2)", precision: 4, scale: 2, nullable: true),
                    AntiCollisionBarrier = table.Column<bool>(type: "bit", nullable: false),
                    UnsafeBuildings = table.Column<int>(type: "int", nullable: false),
                    UnsafeBuildingsInUse = table.Column<bool>(type: "bit", nullable: false),
                    FireEquipmentServicedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Gear = table.Column<int>(type: "int", nullable: false),
                    Cameras = table.Column<int>(type: "int", nullable: false),
                    Recording24h = table.Column<bool>(type: "bit", nullable: false),
                    KeyPlacesCovered = table.Column<int>(type: "int", nullable: false),
                    BlindSpots = table.Column<int>(type: "int", nullable: false),
                    BlindSpotsDescription = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    RetentionDays = table.Column<int>(type: "int", nullable: false),
                    Alarm = table.Column<int>(type: "int", nullable: false),
                    NetworkedToPolice = table.Column<bool>(type: "bit", nullable: false),
                    RowVersion = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefenceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefenceRecords_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StandardRuleSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    JurisdictionId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    GuardsSmall = table.Column<int>(type: "int", nullable: false),
                    MediumFromStudents = table.Column<int>(type: "int", nullable: false),
                    GuardsMedium = table.Column<int>(type: "int", nullable: false),
                    LargeFromStudents = table.Column<int>(type: "int", nullable: false),
                    GuardsLarge = table.Column<int>(type: "int", nullable: false),
                    ExtraGuardPerStudents = table.Column<int>(type: "int", nullable: false),
                    GuardsSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    BoardersPerExtraGuard = table.Column<int>(type: "int", nullable: true),
                    BoardersSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    GuardMinAge = table.Column<int>(type: "int", nullable: false),
                    GuardMaxAge = table.Column<int>(type: "int", nullable: false),
                    AgeSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    GuardMinEducation = table.Column<int>(type: "int", nullable: false),
                    EducationSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    QualificationSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PersonnelSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    MinWallHeight = table.Column<decimal>(type: "decimal(4,2)", precision: 4, scale: 2, nullable: false),
                    WallSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PhysicalSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FireServiceMonths = table.Column<int>(type: "int", nullable: false),
                    FireSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    MinRetentionDays = table.Column<int>(type: "int", nullable: false),
                    RetentionSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CctvSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    AlarmSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardRuleSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandardRuleSets_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DefenceGuards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecordId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    BirthYear = table.Column<int>(type: "int", nullable: false),
                    Education = table.Column<int>(type: "int", nullable: false),
                    HasCertificate = table.Column<bool>(type: "bit", nullable: false),
                    FullTime = table.Column<bool>(type: "bit", nullable: false),
                    Employment = table.Column<int>(type: "int", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefenceGuards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefenceGuards_DefenceRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "DefenceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DefenceGuards_RecordId",
                table: "DefenceGuards",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_DefenceRecords_IsCurrent",
                table: "DefenceRecords",
                column: "IsCurrent");

            migrationBuilder.CreateIndex(
                name: "IX_DefenceRecords_SchoolId_EffectiveFrom",
                table: "DefenceRecords",
                columns: new[] { "SchoolId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_DefenceRecords_SchoolId_Revision",
                table: "DefenceRecords",
                columns: new[] { "SchoolId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandardRuleSets_JurisdictionId_Version",
                table: "StandardRuleSets",
                columns: new[] { "JurisdictionId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DefenceGuards");

            migrationBuilder.DropTable(
                name: "StandardRuleSets");

            migrationBuilder.DropTable(
                name: "DefenceRecords");
        }
    }
}
