using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DormitoryManagers = table.Column<int>(type: "INTEGER", nullable: false),
                    TeachersStandIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    SchoolPost = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatrolTeam = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatrolsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    GateDuty24h = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedCampus = table.Column<bool>(type: "INTEGER", nullable: false),
                    LowestWallHeight = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: true),
                    AntiCollisionBarrier = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnsafeBuildings = table.Column<int>(type: "INTEGER", nullable: false),
                    UnsafeBuildingsInUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    FireEquipmentServicedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Gear = table.Column<int>(type: "INTEGER", nullable: false),
                    Cameras = table.Column<int>(type: "INTEGER", nullable: false),
                    Recording24h = table.Column<bool>(type: "INTEGER", nullable: false),
                    KeyPlacesCovered = table.Column<int>(type: "INTEGER", nullable: false),
                    BlindSpots = table.Column<int>(type: "INTEGER", nullable: false),
                    BlindSpotsDescription = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Alarm = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkedToPolice = table.Column<bool>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JurisdictionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    GuardsSmall = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumFromStudents = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardsMedium = table.Column<int>(type: "INTEGER", nullable: false),
                    LargeFromStudents = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardsLarge = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraGuardPerStudents = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardsSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BoardersPerExtraGuard = table.Column<int>(type: "INTEGER", nullable: true),
                    BoardersSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    GuardMinAge = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardMaxAge = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    GuardMinEducation = table.Column<int>(type: "INTEGER", nullable: false),
                    EducationSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    QualificationSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PersonnelSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MinWallHeight = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    WallSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PhysicalSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FireServiceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    FireSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MinRetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CctvSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AlarmSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Education = table.Column<int>(type: "INTEGER", nullable: false),
                    HasCertificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    FullTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Employment = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
