namespace Aro.Rp.Hosting;

/// <summary>
/// The host refuses to start as configured. <see cref="Problems"/> holds every reason, each the one line an operator
/// reads (it names the environment variable to set); <c>aro-rp</c> prints them and exits 1.
/// </summary>
internal sealed class StartupRefusedException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public StartupRefusedException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
