using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchAndResultKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_schools_region_id",
                table: "schools");

            migrationBuilder.DropIndex(
                name: "ix_school_year_profiles_region_id",
                table: "school_year_profiles");

            migrationBuilder.DropIndex(
                name: "ix_notifications_region_id",
                table: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results");

            migrationBuilder.DropIndex(
                name: "ix_assessment_results_region_id",
                table: "assessment_results");

            migrationBuilder.DropIndex(
                name: "ix_assessment_results_school_id_year_kind_grade_subject",
                table: "assessment_results");

            migrationBuilder.DropColumn(
                name: "id",
                table: "assessment_results");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "schools",
                type: "text",
                nullable: true,
                computedColumnSql: "code || ' ' || short_name || ' ' || full_name",
                stored: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results",
                columns: new[] { "school_id", "year", "kind", "grade", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_schools_region_id_locality_enrolment",
                table: "schools",
                columns: new[] { "region_id", "locality", "enrolment" });

            migrationBuilder.CreateIndex(
                name: "ix_schools_region_id_short_name",
                table: "schools",
                columns: new[] { "region_id", "short_name" });

            migrationBuilder.CreateIndex(
                name: "ix_schools_search_text",
                table: "schools",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_schools_region_id_locality_enrolment",
                table: "schools");

            migrationBuilder.DropIndex(
                name: "ix_schools_region_id_short_name",
                table: "schools");

            migrationBuilder.DropIndex(
                name: "ix_schools_search_text",
                table: "schools");

            migrationBuilder.DropPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "schools");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "assessment_results",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_schools_region_id",
                table: "schools",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_year_profiles_region_id",
                table: "school_year_profiles",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_region_id",
                table: "notifications",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_results_region_id",
                table: "assessment_results",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_results_school_id_year_kind_grade_subject",
                table: "assessment_results",
                columns: new[] { "school_id", "year", "kind", "grade", "subject" },
                unique: true);
        }
    }
}
