using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "effectiveness_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    half_year = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reviewer_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_effectiveness_reviews", x => x.id);
                    table.CheckConstraint("ck_effectiveness_reviews_half", "half_year IN (1, 2)");
                    table.ForeignKey(
                        name: "fk_effectiveness_reviews_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_effectiveness_reviews_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_factors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    medium_from = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    high_from = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_factors", x => x.id);
                    table.CheckConstraint("ck_risk_factors_thresholds", "medium_from >= 0 AND high_from <= 100 AND medium_from < high_from");
                    table.ForeignKey(
                        name: "fk_risk_factors_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_profiles_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risk_profiles_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_settings",
                columns: table => new
                {
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_risk_limit = table.Column<int>(type: "integer", nullable: false),
                    first_review_month = table.Column<int>(type: "integer", nullable: false),
                    first_review_day = table.Column<int>(type: "integer", nullable: false),
                    second_review_month = table.Column<int>(type: "integer", nullable: false),
                    second_review_day = table.Column<int>(type: "integer", nullable: false),
                    decisions_month = table.Column<int>(type: "integer", nullable: false),
                    decisions_day = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_settings", x => x.region_id);
                    table.ForeignKey(
                        name: "fk_risk_settings_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<Guid>(type: "uuid", nullable: true),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    factor_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    responsible = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    taken_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    review_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_decisions_effectiveness_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "effectiveness_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_risk_decisions_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_risk_decisions_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_risk_decisions_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risk_decisions_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_findings",
                columns: table => new
                {
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    factor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_findings", x => new { x.review_id, x.factor_id });
                    table.ForeignKey(
                        name: "fk_review_findings_effectiveness_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "effectiveness_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_review_findings_risk_factors_factor_id",
                        column: x => x.factor_id,
                        principalTable: "risk_factors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    factor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group = table.Column<int>(type: "integer", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    risk_when_high = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_questions_risk_factors_factor_id",
                        column: x => x.factor_id,
                        principalTable: "risk_factors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "key_risks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    factor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_risks", x => x.id);
                    table.ForeignKey(
                        name: "fk_key_risks_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_key_risks_risk_factors_factor_id",
                        column: x => x.factor_id,
                        principalTable: "risk_factors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_key_risks_risk_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "risk_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_answers",
                columns: table => new
                {
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    share = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_answers", x => new { x.profile_id, x.question_id });
                    table.CheckConstraint("ck_risk_answers_share", "share BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_risk_answers_risk_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "risk_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_risk_answers_risk_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "risk_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_effectiveness_reviews_region_id",
                table: "effectiveness_reviews",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_effectiveness_reviews_school_id_year_half_year",
                table: "effectiveness_reviews",
                columns: new[] { "school_id", "year", "half_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_key_risks_factor_id",
                table: "key_risks",
                column: "factor_id");

            migrationBuilder.CreateIndex(
                name: "ix_key_risks_plan_id",
                table: "key_risks",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_key_risks_profile_id_factor_id",
                table: "key_risks",
                columns: new[] { "profile_id", "factor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_findings_factor_id",
                table: "review_findings",
                column: "factor_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_answers_question_id",
                table: "risk_answers",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_decisions_municipality_id",
                table: "risk_decisions",
                column: "municipality_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_decisions_plan_id",
                table: "risk_decisions",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_decisions_region_id_year",
                table: "risk_decisions",
                columns: new[] { "region_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_decisions_review_id",
                table: "risk_decisions",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_decisions_school_id",
                table: "risk_decisions",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_factors_region_id_year_code",
                table: "risk_factors",
                columns: new[] { "region_id", "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_profiles_region_id_year",
                table: "risk_profiles",
                columns: new[] { "region_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_profiles_school_id_year",
                table: "risk_profiles",
                columns: new[] { "school_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_questions_factor_id",
                table: "risk_questions",
                column: "factor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "key_risks");

            migrationBuilder.DropTable(
                name: "review_findings");

            migrationBuilder.DropTable(
                name: "risk_answers");

            migrationBuilder.DropTable(
                name: "risk_decisions");

            migrationBuilder.DropTable(
                name: "risk_settings");

            migrationBuilder.DropTable(
                name: "risk_profiles");

            migrationBuilder.DropTable(
                name: "risk_questions");

            migrationBuilder.DropTable(
                name: "effectiveness_reviews");

            migrationBuilder.DropTable(
                name: "risk_factors");
        }
    }
}
