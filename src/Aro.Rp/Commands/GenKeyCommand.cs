using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aro.Rp.Operators;
using Spectre.Console;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp genkey &lt;name&gt; [--client]</c>: a self-signed serving (or client) certificate as <c>&lt;name&gt;.key</c> and
/// <c>&lt;name&gt;.crt</c> in PEM, as the reference RP's hack/genkey writes them, both readable by the owner only. For
/// development and tests: the serving certificate for ARO_TLS_CERTIFICATE_FILE, an admin client certificate.
/// </summary>
internal static class GenKeyCommand
{
    private static readonly Argument<string> NameArgument = new("name") { Description = "The certificate's common name (and DNS name for a serving certificate); also the file names." };
    private static readonly Option<bool> ClientOption = new("--client") { Description = "A client certificate (client-authentication EKU) instead of a serving one." };
    private static readonly Option<DirectoryInfo> DirectoryOption = new("--directory") { Description = "Where to write the files (default: the current directory)." };

    public static Command Create()
    {
        var command = new Command("genkey", "Write a self-signed certificate and its key as <name>.crt and <name>.key (PEM, owner-only).") { NameArgument, ClientOption, DirectoryOption };
        command.SetAction((parseResult, _) => Task.FromResult(Run(
            parseResult.GetRequiredValue(NameArgument),
            parseResult.GetValue(ClientOption),
            parseResult.GetValue(DirectoryOption)?.FullName ?? Directory.GetCurrentDirectory(),
            AnsiConsole.Console,
            Console.Error)));
        return command;
    }

    public static int Run(string name, bool client, string directory, IAnsiConsole console, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny([.. Path.GetInvalidFileNameChars(), ',', '=', '+']) >= 0)
        {
            error.WriteLine($"aro-rp: '{name}' cannot name a certificate and its files: use letters, digits, '.', '-'.");
            return 1;
        }

        var keyPath = Path.Combine(directory, name + ".key");
        var certificatePath = Path.Combine(directory, name + ".crt");
        using var certificate = SelfSignedCertificate.Create(name, client, DateTimeOffset.UtcNow);
        using var key = certificate.GetRSAPrivateKey()!;
        try
        {
            // hack/genkey writes the key as PKCS#1 ("RSA PRIVATE KEY"); the same here, so its users' tools read it.
            WriteOwnerOnly(keyPath, key.ExportRSAPrivateKeyPem());
            WriteOwnerOnly(certificatePath, certificate.ExportCertificatePem());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"aro-rp: cannot write {keyPath} and {certificatePath}: {e.Message}");
            return 1;
        }

        console.MarkupLineInterpolated($"Wrote {certificatePath} and {keyPath} ({(client ? "client" : "serving")} certificate CN={name}, SHA-256 {Convert.ToHexString(SHA256.HashData(certificate.RawData))}).");
        return 0;
    }

    private static void WriteOwnerOnly(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
            writer.WriteLine();
        }

        // UnixCreateMode applies to a new file only: an existing one keeps its mode unless set here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
