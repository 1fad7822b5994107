using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResultsKeyLedByRegionWithoutForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assessment_results_schools_school_id",
                table: "assessment_results");

            migrationBuilder.DropPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results");

            migrationBuilder.DropIndex(
                name: "ix_assessment_results_region_id_year",
                table: "assessment_results");

            migrationBuilder.AddPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results",
                columns: new[] { "region_id", "school_id", "year", "kind", "grade", "subject" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results");

            migrationBuilder.AddPrimaryKey(
                name: "pk_assessment_results",
                table: "assessment_results",
                columns: new[] { "school_id", "year", "kind", "grade", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_results_region_id_year",
                table: "assessment_results",
                columns: new[] { "region_id", "year" });

            migrationBuilder.AddForeignKey(
                name: "fk_assessment_results_schools_school_id",
                table: "assessment_results",
                column: "school_id",
                principalTable: "schools",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
