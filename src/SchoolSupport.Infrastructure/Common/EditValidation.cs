using System.ComponentModel.DataAnnotations;

namespace SchoolSupport.Infrastructure.Common;

public static class EditValidation
{
    /// <summary>All Russian messages of an edit's attributes and of its own rules at once.</summary>
    public static List<string> Check(object edit)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(edit);
        Validator.TryValidateObject(edit, context, results, validateAllProperties: true);
        // The validator skips the object's own rules once a property fails; the user should see all errors at once.
        if (edit is IValidatableObject self) results.AddRange(self.Validate(context));
        return results.Select(r => r.ErrorMessage!).Distinct().ToList();
    }
}
