using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Tests.Identification;

public sealed class SocialIndexTests
{
    [Fact]
    public void Social_index_is_the_weighted_sum_of_the_inputs_with_negative_weights_for_adverse_ones()
    {
        var profile = new SchoolYearProfile
        {
            Year = 2025,
            ParentsHigherEducationShare = 30,
            UnemployedParentsShare = 10,
            RegisteredStudentsShare = 5,
        };
        SocialInput[] inputs =
        [
            new(ProfileMeasure.ParentsHigherEducationShare, 1),
            new(ProfileMeasure.UnemployedParentsShare, -1),
            new(ProfileMeasure.RegisteredStudentsShare, -2),
        ];

        // 1·30 − 1·10 − 2·5 = 10
        SocialWellbeingIndex.Compute(profile, inputs).Should().Be(10);
    }

    [Fact]
    public void Internet_access_enters_the_social_index_as_one_or_zero()
    {
        SocialInput[] inputs = [new(ProfileMeasure.HasInternet, 4)];
        SocialWellbeingIndex.Compute(new SchoolYearProfile { HasInternet = true }, inputs).Should().Be(4);
        SocialWellbeingIndex.Compute(new SchoolYearProfile { HasInternet = false }, inputs).Should().Be(0);
    }
}
