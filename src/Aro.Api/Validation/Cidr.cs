using System.Net;
using System.Net.Sockets;

namespace Aro.Api.Validation;

/// <summary>
/// A CIDR block parsed as Go's net.ParseCIDR does: strict address syntax, host bits allowed.
/// The error text matches Go's so validation messages read as the reference RP's.
/// </summary>
public sealed record Cidr(IPAddress Address, int PrefixLength)
{
    public bool IsIPv4 => Address.AddressFamily == AddressFamily.InterNetwork;

    public static bool TryParse(string? value, out Cidr cidr, out string error)
    {
        cidr = null!;
        error = $"invalid CIDR address: {value}";
        if (value is null)
        {
            return false;
        }

        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var address = value[..slash];
        var prefix = value[(slash + 1)..];
        if (!TryParseAddress(address, out var ip))
        {
            return false;
        }

        var maxPrefix = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix.Length is 0 or > 3 || !prefix.All(char.IsAsciiDigit) || (prefix.Length > 1 && prefix[0] == '0'))
        {
            return false;
        }

        var length = int.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture);
        if (length > maxPrefix)
        {
            return false;
        }

        cidr = new Cidr(ip, length);
        error = "";
        return true;
    }

    // IPAddress.TryParse also takes shorthand such as "10" or "10.1" and leading zeros; Go does not.
    private static bool TryParseAddress(string address, out IPAddress ip)
    {
        ip = IPAddress.None;
        if (address.Contains(':'))
        {
            return IPAddress.TryParse(address, out ip!) && ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.ScopeId == 0 && !address.Contains('%');
        }

        var octets = address.Split('.');
        if (octets.Length != 4 || octets.Any(o => o.Length is 0 or > 3 || !o.All(char.IsAsciiDigit) || (o.Length > 1 && o[0] == '0') || int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        return IPAddress.TryParse(address, out ip!);
    }
}
