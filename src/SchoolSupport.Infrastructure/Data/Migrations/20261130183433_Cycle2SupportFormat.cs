using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cycle2SupportFormat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "format_decided_at",
                table: "support_list_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "format_decided_by",
                table: "support_list_entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "format_reason",
                table: "support_list_entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "format_responsible",
                table: "support_list_entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "new_format",
                table: "support_list_entries",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "format_decided_at",
                table: "support_list_entries");

            migrationBuilder.DropColumn(
                name: "format_decided_by",
                table: "support_list_entries");

            migrationBuilder.DropColumn(
                name: "format_reason",
                table: "support_list_entries");

            migrationBuilder.DropColumn(
                name: "format_responsible",
                table: "support_list_entries");

            migrationBuilder.DropColumn(
                name: "new_format",
                table: "support_list_entries");
        }
    }
}
