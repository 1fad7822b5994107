using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSupport.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Results partitioned by region and year (one partition per region's year, plus a default one for rows written otherwise),
    /// so that the import of a new year loads a table without an index and builds its key once, sorted, before attaching it
    /// (<see cref="Results.ResultPartitions"/>). The EF model is unchanged: the parent keeps the same primary key.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201070000_ResultPartitions")]
    public partial class ResultPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                alter table assessment_results rename to assessment_results_unpartitioned;
                alter table assessment_results_unpartitioned rename constraint pk_assessment_results to pk_assessment_results_unpartitioned;
                create table assessment_results (like assessment_results_unpartitioned including defaults including constraints)
                  partition by range (region_id, year);
                alter table assessment_results add constraint pk_assessment_results
                  primary key (region_id, school_id, year, kind, grade, subject);
                create table assessment_results_default partition of assessment_results default;
                do $$
                declare p record;
                begin
                  for p in select distinct region_id, year from assessment_results_unpartitioned loop
                    execute format('create table %I partition of assessment_results for values from (%L, %s) to (%L, %s)',
                      'assessment_results_' || replace(p.region_id::text, '-', '') || '_' || p.year, p.region_id, p.year, p.region_id, p.year + 1);
                  end loop;
                end $$;
                insert into assessment_results select * from assessment_results_unpartitioned;
                drop table assessment_results_unpartitioned;
                create trigger assessment_results_engine_input after insert or update or delete or truncate on assessment_results
                  for each statement execute function note_engine_input_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table assessment_results_unpartitioned (like assessment_results including defaults including constraints);
                insert into assessment_results_unpartitioned select * from assessment_results;
                drop table assessment_results;
                alter table assessment_results_unpartitioned rename to assessment_results;
                alter table assessment_results add constraint pk_assessment_results
                  primary key (region_id, school_id, year, kind, grade, subject);
                create trigger assessment_results_engine_input after insert or update or delete or truncate on assessment_results
                  for each statement execute function note_engine_input_change();
                """);
        }
    }
}
