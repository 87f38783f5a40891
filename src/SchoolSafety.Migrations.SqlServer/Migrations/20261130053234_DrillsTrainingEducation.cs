using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSafety.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DrillsTrainingEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DrillId",
                table: "StoredFiles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DrillId",
                table: "HazardTickets",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Drills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Announced = table.Column<bool>(type: "bit", nullable: false),
                    Buildings = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Floors = table.Column<int>(type: "int", nullable: false),
                    TargetSeconds = table.Column<int>(type: "int", nullable: true),
                    SignalAt = table.Column<TimeOnly>(type: "time", nullable: false),
                    AllClearAt = table.Column<TimeOnly>(type: "time", nullable: false),
                    StudentsExpected = table.Column<int>(type: "int", nullable: false),
                    StudentsCounted = table.Column<int>(type: "int", nullable: false),
                    StaffTakingPart = table.Column<int>(type: "int", nullable: false),
                    Injuries = table.Column<int>(type: "int", nullable: false),
                    Problems = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Actions = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Evaluator = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Evaluation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RowVersion = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drills_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EducationRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Topics = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ClassesReached = table.Column<int>(type: "int", nullable: false),
                    StudentsReached = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EducationRecords_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EducationTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationTopics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Level = table.Column<int>(type: "int", nullable: false),
                    JurisdictionId = table.Column<int>(type: "int", nullable: true),
                    SchoolId = table.Column<int>(type: "int", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Venue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Speakers = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AttendeeCount = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RowVersion = table.Column<byte[]>(type: "rowversion", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    Position = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendees_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_DrillId",
                table: "StoredFiles",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_HazardTickets_DrillId",
                table: "HazardTickets",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_Drills_SchoolId_Date",
                table: "Drills",
                columns: new[] { "SchoolId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_SchoolId_Date",
                table: "EducationRecords",
                columns: new[] { "SchoolId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationTopics_Key",
                table: "EducationTopics",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendees_SchoolId",
                table: "TrainingAttendees",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendees_SessionId",
                table: "TrainingAttendees",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendees_UserId",
                table: "TrainingAttendees",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_Date",
                table: "TrainingSessions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_JurisdictionId",
                table: "TrainingSessions",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_SchoolId",
                table: "TrainingSessions",
                column: "SchoolId");

            migrationBuilder.AddForeignKey(
                name: "FK_HazardTickets_Drills_DrillId",
                table: "HazardTickets",
                column: "DrillId",
                principalTable: "Drills",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_StoredFiles_Drills_DrillId",
                table: "StoredFiles",
                column: "DrillId",
                principalTable: "Drills",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HazardTickets_Drills_DrillId",
                table: "HazardTickets");

            migrationBuilder.DropForeignKey(
                name: "FK_StoredFiles_Drills_DrillId",
                table: "StoredFiles");

            migrationBuilder.DropTable(
                name: "Drills");

            migrationBuilder.DropTable(
                name: "EducationRecords");

            migrationBuilder.DropTable(
                name: "EducationTopics");

            migrationBuilder.DropTable(
                name: "TrainingAttendees");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_DrillId",
                table: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_HazardTickets_DrillId",
                table: "HazardTickets");

            migrationBuilder.DropColumn(
                name: "DrillId",
                table: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "DrillId",
                table: "HazardTickets");
        }
    }
}
