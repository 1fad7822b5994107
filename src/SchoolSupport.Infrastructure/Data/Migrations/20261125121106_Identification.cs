using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Identification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identification_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    progress = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    started_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identification_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "methodologies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    json = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_by = table.Column<string>(type: "text", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_methodologies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "support_lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    amends_list_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amendment_reason = table.Column<string>(type: "text", nullable: false),
                    methodology_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    order_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    order_date = table.Column<DateOnly>(type: "date", nullable: true),
                    return_comment = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_lists_methodologies_methodology_id",
                        column: x => x.methodology_id,
                        principalTable: "methodologies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_list_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    results_index = table.Column<double>(type: "double precision", nullable: true),
                    band = table.Column<int>(type: "integer", nullable: true),
                    social_index = table.Column<double>(type: "double precision", nullable: true),
                    social_band = table.Column<int>(type: "integer", nullable: true),
                    cell = table.Column<int>(type: "integer", nullable: true),
                    low_results = table.Column<bool>(type: "boolean", nullable: false),
                    disadvantaged = table.Column<bool>(type: "boolean", nullable: false),
                    watch = table.Column<bool>(type: "boolean", nullable: false),
                    second_consecutive_year = table.Column<bool>(type: "boolean", nullable: false),
                    exited = table.Column<bool>(type: "boolean", nullable: false),
                    computed = table.Column<bool>(type: "boolean", nullable: false),
                    included = table.Column<bool>(type: "boolean", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    justification = table.Column<string>(type: "text", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: false),
                    evidence_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_list_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_list_entries_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_support_list_entries_support_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "support_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_list_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<int>(type: "integer", nullable: false),
                    to = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_list_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_list_history_support_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "support_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identification_runs_region_id_started_at",
                table: "identification_runs",
                columns: new[] { "region_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_methodologies_region_id_year_version",
                table: "methodologies",
                columns: new[] { "region_id", "year", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_list_entries_list_id_school_id",
                table: "support_list_entries",
                columns: new[] { "list_id", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_list_entries_school_id",
                table: "support_list_entries",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_list_history_list_id",
                table: "support_list_history",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_lists_methodology_id",
                table: "support_lists",
                column: "methodology_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_lists_region_id_year_version",
                table: "support_lists",
                columns: new[] { "region_id", "year", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identification_runs");

            migrationBuilder.DropTable(
                name: "support_list_entries");

            migrationBuilder.DropTable(
                name: "support_list_history");

            migrationBuilder.DropTable(
                name: "support_lists");

            migrationBuilder.DropTable(
                name: "methodologies");
        }
    }
}
