using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class UniquePlanSectionTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sections written twice by two first readers: keep the first of each title, move its activities over.
            migrationBuilder.Sql("""
                WITH ranked AS (
                    SELECT id, first_value(id) OVER (PARTITION BY region_id, title ORDER BY "order", id) AS keep
                    FROM plan_sections)
                UPDATE plan_items i SET section_id = r.keep FROM ranked r WHERE i.section_id = r.id AND r.id <> r.keep;
                DELETE FROM plan_sections s USING (
                    SELECT id, first_value(id) OVER (PARTITION BY region_id, title ORDER BY "order", id) AS keep FROM plan_sections) r
                WHERE s.id = r.id AND r.id <> r.keep;
                """);
            migrationBuilder.CreateIndex(
                name: "ix_plan_sections_region_id_title",
                table: "plan_sections",
                columns: new[] { "region_id", "title" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_plan_sections_region_id_title",
                table: "plan_sections");
        }
    }
}
