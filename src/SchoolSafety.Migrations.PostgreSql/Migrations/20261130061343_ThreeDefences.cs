using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSafety.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DormitoryManagers = table.Column<int>(type: "integer", nullable: false),
                    TeachersStandIn = table.Column<bool>(type: "boolean", nullable: false),
                    SchoolPost = table.Column<bool>(type: "boolean", nullable: false),
                    PatrolTeam = table.Column<bool>(type: "boolean", nullable: false),
                    PatrolsPerDay = table.Column<int>(type: "integer", nullable: false),
                    GateDuty24h = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedCampus = table.Column<bool>(type: "boolean", nullable: false),
                    LowestWallHeight = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    AntiCollisionBarrier = table.Column<bool>(type: "boolean", nullable: false),
                    UnsafeBuildings = table.Column<int>(type: "integer", nullable: false),
                    UnsafeBuildingsInUse = table.Column<bool>(type: "boolean", nullable: false),
                    FireEquipmentServicedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Gear = table.Column<int>(type: "integer", nullable: false),
                    Cameras = table.Column<int>(type: "integer", nullable: false),
                    Recording24h = table.Column<bool>(type: "boolean", nullable: false),
                    KeyPlacesCovered = table.Column<int>(type: "integer", nullable: false),
                    BlindSpots = table.Column<int>(type: "integer", nullable: false),
                    BlindSpotsDescription = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    Alarm = table.Column<int>(type: "integer", nullable: false),
                    NetworkedToPolice = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JurisdictionId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GuardsSmall = table.Column<int>(type: "integer", nullable: false),
                    MediumFromStudents = table.Column<int>(type: "integer", nullable: false),
                    GuardsMedium = table.Column<int>(type: "integer", nullable: false),
                    LargeFromStudents = table.Column<int>(type: "integer", nullable: false),
                    GuardsLarge = table.Column<int>(type: "integer", nullable: false),
                    ExtraGuardPerStudents = table.Column<int>(type: "integer", nullable: false),
                    GuardsSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BoardersPerExtraGuard = table.Column<int>(type: "integer", nullable: true),
                    BoardersSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    GuardMinAge = table.Column<int>(type: "integer", nullable: false),
                    GuardMaxAge = table.Column<int>(type: "integer", nullable: false),
                    AgeSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    GuardMinEducation = table.Column<int>(type: "integer", nullable: false),
                    EducationSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    QualificationSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PersonnelSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MinWallHeight = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    WallSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PhysicalSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FireServiceMonths = table.Column<int>(type: "integer", nullable: false),
                    FireSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MinRetentionDays = table.Column<int>(type: "integer", nullable: false),
                    RetentionSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CctvSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AlarmSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    Education = table.Column<int>(type: "integer", nullable: false),
                    HasCertificate = table.Column<bool>(type: "boolean", nullable: false),
                    FullTime = table.Column<bool>(type: "boolean", nullable: false),
                    Employment = table.Column<int>(type: "integer", nullable: false),
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
