using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountsInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "invited_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            // People are shown by full name: records made before this version name their author by e-mail; give them the full name.
            foreach (var (table, idColumn, nameColumn) in new[]
            {
                ("audit_log", "user_id", "user_name"), ("plan_transitions", "user_id", "user_name"), ("plan_comments", "author_id", "author_name"),
                ("consultations", "mentor_id", "mentor_name"), ("consultation_feedback", "user_id", "user_name"),
            })
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} t SET {nameColumn} = u.full_name FROM "AspNetUsers" u
                    WHERE t.{idColumn} = u.id AND t.{nameColumn} = u.email AND u.full_name <> '' AND length(u.full_name) <= 200;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "invited_at",
                table: "AspNetUsers");
        }
    }
}
