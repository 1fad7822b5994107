using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// The social well-being index (ИСБ) = Σ wᵢ·xᵢ over the inputs of the school's profile. Higher means better
/// conditions: inputs where higher is worse (unemployment, registered students) carry negative weights. The scale
/// is arbitrary; only the order of schools matters (quartiles, matrix).
/// </summary>
public static class SocialWellbeingIndex
{
    public static double Compute(SchoolYearProfile profile, IReadOnlyList<SocialInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(inputs);
        double sum = 0;
        foreach (var input in inputs)
        {
            sum += input.Weight * profile.Value(input.Measure);
        }
        return sum;
    }

    /// <summary>The same sum with weights replaced, e.g. by the coefficients of a regression fit.</summary>
    public static double Compute(SchoolYearProfile profile, IReadOnlyList<ProfileMeasure> measures, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(weights);
        if (measures.Count != weights.Count)
        {
            throw new ArgumentException("One weight per input is needed.", nameof(weights));
        }
        double sum = 0;
        for (var i = 0; i < measures.Count; i++)
        {
            sum += weights[i] * profile.Value(measures[i]);
        }
        return sum;
    }
}
