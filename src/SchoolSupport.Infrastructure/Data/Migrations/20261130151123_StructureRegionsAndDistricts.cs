using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class StructureRegionsAndDistricts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_educational_districts_region_id",
                table: "educational_districts");

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "schools",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "schools",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "regions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Europe/Moscow");

            migrationBuilder.AddColumn<bool>(
                name: "is_active",
                table: "municipalities",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "code",
                table: "educational_districts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "is_active",
                table: "educational_districts",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateIndex(
                name: "ix_schools_merged_into_id",
                table: "schools",
                column: "merged_into_id");

            // Districts had no code: give each existing one a unique code so that the unique index can be built.
            migrationBuilder.Sql("UPDATE educational_districts SET code = 'D' || substr(md5(id::text), 1, 8) WHERE code = ''");

            migrationBuilder.CreateIndex(
                name: "ix_educational_districts_region_id_code",
                table: "educational_districts",
                columns: new[] { "region_id", "code" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_schools_schools_merged_into_id",
                table: "schools",
                column: "merged_into_id",
                principalTable: "schools",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_schools_schools_merged_into_id",
                table: "schools");

            migrationBuilder.DropIndex(
                name: "ix_schools_merged_into_id",
                table: "schools");

            migrationBuilder.DropIndex(
                name: "ix_educational_districts_region_id_code",
                table: "educational_districts");

            migrationBuilder.DropColumn(
                name: "closed_on",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "regions");

            migrationBuilder.DropColumn(
                name: "is_active",
                table: "municipalities");

            migrationBuilder.DropColumn(
                name: "code",
                table: "educational_districts");

            migrationBuilder.DropColumn(
                name: "is_active",
                table: "educational_districts");

            migrationBuilder.CreateIndex(
                name: "ix_educational_districts_region_id",
                table: "educational_districts",
                column: "region_id");
        }
    }
}
