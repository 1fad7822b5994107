using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Partnerships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    participants_count = table.Column<int>(type: "integer", nullable: false),
                    participant_roles = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    outcome = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    materials_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultations_asp_net_users_mentor_id",
                        column: x => x.mentor_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultations_documents_materials_document_id",
                        column: x => x.materials_document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_consultations_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultations_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deficit_surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    teachers_surveyed = table.Column<int>(type: "integer", nullable: false),
                    learning_skills_deficit = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    technologies_deficit = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    assessment_deficit = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    individual_routes_deficit = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deficit_surveys", x => x.id);
                    table.ForeignKey(
                        name: "fk_deficit_surveys_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mentor_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mentor_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: true),
                    teachers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    responsibilities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    assigned_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mentor_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_mentor_assignments_asp_net_users_mentor_id",
                        column: x => x.mentor_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mentor_assignments_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mentor_assignments_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partnerships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_role = table.Column<int>(type: "integer", nullable: false),
                    model = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    agreement_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    agreement_date = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    support_types = table.Column<int>(type: "integer", nullable: false),
                    agreement_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnerships", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnerships_documents_agreement_document_id",
                        column: x => x.agreement_document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_partnerships_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_partnerships_schools_leader_school_id",
                        column: x => x.leader_school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pd_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    organiser = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<int>(type: "integer", nullable: false),
                    audience = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    develops = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pd_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_pd_events_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practice_cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    review_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_practice_cards_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_practice_cards_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultation_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_feedback", x => x.id);
                    table.CheckConstraint("ck_consultation_feedback_rating", "rating BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_consultation_feedback_consultations_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_steps_consultations_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnership_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    responsible = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnership_activities_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnership_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnership_reports_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnership_schools",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnership_schools_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_partnership_schools_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pd_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    attended = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pd_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_pd_applications_pd_events_event_id",
                        column: x => x.event_id,
                        principalTable: "pd_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pd_applications_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pd_programme_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    half = table.Column<int>(type: "integer", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pd_programme_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_pd_programme_entries_pd_events_event_id",
                        column: x => x.event_id,
                        principalTable: "pd_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pd_programme_entries_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_feedback_consultation_id_user_id",
                table: "consultation_feedback",
                columns: new[] { "consultation_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultation_steps_consultation_id",
                table: "consultation_steps",
                column: "consultation_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_materials_document_id",
                table: "consultations",
                column: "materials_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_mentor_id_date",
                table: "consultations",
                columns: new[] { "mentor_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_region_id",
                table: "consultations",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_school_id_date",
                table: "consultations",
                columns: new[] { "school_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_deficit_surveys_school_id_year",
                table: "deficit_surveys",
                columns: new[] { "school_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mentor_assignments_mentor_id_from_to",
                table: "mentor_assignments",
                columns: new[] { "mentor_id", "from", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_mentor_assignments_region_id",
                table: "mentor_assignments",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_mentor_assignments_school_id",
                table: "mentor_assignments",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnership_activities_partnership_id",
                table: "partnership_activities",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnership_reports_partnership_id",
                table: "partnership_reports",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnership_schools_partnership_id_school_id",
                table: "partnership_schools",
                columns: new[] { "partnership_id", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partnership_schools_school_id",
                table: "partnership_schools",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_agreement_document_id",
                table: "partnerships",
                column: "agreement_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_leader_school_id",
                table: "partnerships",
                column: "leader_school_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_region_id_status_signed_on",
                table: "partnerships",
                columns: new[] { "region_id", "status", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_pd_applications_event_id_school_id",
                table: "pd_applications",
                columns: new[] { "event_id", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pd_applications_school_id",
                table: "pd_applications",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_pd_events_region_id_starts_on",
                table: "pd_events",
                columns: new[] { "region_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_pd_programme_entries_event_id",
                table: "pd_programme_entries",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_pd_programme_entries_school_id_year_half_event_id",
                table: "pd_programme_entries",
                columns: new[] { "school_id", "year", "half", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_practice_cards_document_id",
                table: "practice_cards",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_practice_cards_region_id_status",
                table: "practice_cards",
                columns: new[] { "region_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_practice_cards_school_id",
                table: "practice_cards",
                column: "school_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_feedback");

            migrationBuilder.DropTable(
                name: "consultation_steps");

            migrationBuilder.DropTable(
                name: "deficit_surveys");

            migrationBuilder.DropTable(
                name: "mentor_assignments");

            migrationBuilder.DropTable(
                name: "partnership_activities");

            migrationBuilder.DropTable(
                name: "partnership_reports");

            migrationBuilder.DropTable(
                name: "partnership_schools");

            migrationBuilder.DropTable(
                name: "pd_applications");

            migrationBuilder.DropTable(
                name: "pd_programme_entries");

            migrationBuilder.DropTable(
                name: "practice_cards");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "partnerships");

            migrationBuilder.DropTable(
                name: "pd_events");
        }
    }
}
