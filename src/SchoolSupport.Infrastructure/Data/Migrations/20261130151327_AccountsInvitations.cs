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
