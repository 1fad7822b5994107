using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The input version that <see cref="Identification.EngineInputs"/> stamps its cached region inputs with: one row per statement
    /// that writes results, profiles, schools or municipalities (statement triggers, so an import of a million rows adds one row).
    /// Not part of the EF model: only raw SQL reads it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261130210000_TrialEngineInputStamp")]
    public partial class TrialEngineInputStamp : Migration
    {
        private static readonly string[] Tables = ["assessment_results", "school_year_profiles", "schools", "municipalities"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table engine_input_changes (id bigint generated always as identity primary key, at timestamptz not null default now());
                create function note_engine_input_change() returns trigger language plpgsql as $$
                begin
                    insert into engine_input_changes default values;
                    return null;
                end $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"create trigger {table}_engine_input after insert or update or delete or truncate on {table} " +
                                     "for each statement execute function note_engine_input_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"drop trigger if exists {table}_engine_input on {table};");
            }
            migrationBuilder.Sql("drop function if exists note_engine_input_change(); drop table if exists engine_input_changes;");
        }
    }
}
