using System.Text.RegularExpressions;

namespace Aro.Api.Validation;

/// <summary>Cluster domains: lower-case DNS names.</summary>
public static partial class DomainName
{
    /// <summary>
    /// New clusters must start with a letter; updates accept any RFC 1123 name because clusters with a
    /// leading digit already exist and must stay updatable (the reference RP's reasoning).
    /// </summary>
    public static bool IsValid(string? domain, bool isCreate) =>
        domain is not null && (isCreate ? NewDomainName().IsMatch(domain) : Rfc1123DomainName().IsMatch(domain));

    [GeneratedRegex(@"^([a-z][-a-z0-9]{0,61}[a-z0-9])(\.([a-z0-9]|[a-z0-9][-a-z0-9]{0,61}[a-z0-9]))*\z")]
    private static partial Regex NewDomainName();

    [GeneratedRegex(@"^([a-z0-9]|[a-z0-9][-a-z0-9]{0,61}[a-z0-9])(\.([a-z0-9]|[a-z0-9][-a-z0-9]{0,61}[a-z0-9]))*\z")]
    private static partial Regex Rfc1123DomainName();
}
