using System.Net;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Reliability;

public sealed class HealthBurstTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_burst_of_200_health_checks_on_a_fresh_portal_all_answer_healthy()
    {
        using var client = portal.Anonymous();
        client.Timeout = TimeSpan.FromSeconds(60);
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await client.GetAsync("/health");
            return response.StatusCode;
        }));
        responses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<HttpStatusCode, int> { [HttpStatusCode.OK] = 200 });
    }
}
