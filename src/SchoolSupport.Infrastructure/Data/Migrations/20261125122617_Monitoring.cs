using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_targets_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_values_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_years",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    reminder_days_before = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_years", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_years_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_quality_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    equipment_adequate = table.Column<bool>(type: "boolean", nullable: false),
                    curricula_adequate = table.Column<bool>(type: "boolean", nullable: false),
                    satisfaction_percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    internal_monitoring_effective = table.Column<bool>(type: "boolean", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    checked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_quality_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_quality_checks_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    opens = table.Column<DateOnly>(type: "date", nullable: false),
                    closes = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_stages_monitoring_years_year_id",
                        column: x => x.year_id,
                        principalTable: "monitoring_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_task_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    actor = table.Column<int>(type: "integer", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    output_document = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_task_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_task_templates_monitoring_stages_stage_id",
                        column: x => x.stage_id,
                        principalTable: "monitoring_stages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<Guid>(type: "uuid", nullable: true),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    output_document = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_tasks_monitoring_stages_stage_id",
                        column: x => x.stage_id,
                        principalTable: "monitoring_stages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_monitoring_tasks_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_monitoring_tasks_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_monitoring_tasks_task_template_template_id",
                        column: x => x.template_id,
                        principalTable: "monitoring_task_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_task_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_task_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_task_reminders_monitoring_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "monitoring_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_targets_region_id_year_code",
                table: "indicator_targets",
                columns: new[] { "region_id", "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_region_id_year_code",
                table: "indicator_values",
                columns: new[] { "region_id", "year", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_stages_year_id_number",
                table: "monitoring_stages",
                columns: new[] { "year_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_task_reminders_task_id_kind",
                table: "monitoring_task_reminders",
                columns: new[] { "task_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_task_templates_stage_id",
                table: "monitoring_task_templates",
                column: "stage_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_tasks_municipality_id",
                table: "monitoring_tasks",
                column: "municipality_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_tasks_region_id_status_due",
                table: "monitoring_tasks",
                columns: new[] { "region_id", "status", "due" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_tasks_school_id",
                table: "monitoring_tasks",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_tasks_stage_id_template_id_target_id",
                table: "monitoring_tasks",
                columns: new[] { "stage_id", "template_id", "target_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_tasks_template_id",
                table: "monitoring_tasks",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_years_region_id_year",
                table: "monitoring_years",
                columns: new[] { "region_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_quality_checks_region_id_year_school_id",
                table: "school_quality_checks",
                columns: new[] { "region_id", "year", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_quality_checks_school_id",
                table: "school_quality_checks",
                column: "school_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_targets");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "monitoring_task_reminders");

            migrationBuilder.DropTable(
                name: "school_quality_checks");

            migrationBuilder.DropTable(
                name: "monitoring_tasks");

            migrationBuilder.DropTable(
                name: "monitoring_task_templates");

            migrationBuilder.DropTable(
                name: "monitoring_stages");

            migrationBuilder.DropTable(
                name: "monitoring_years");
        }
    }
}
