namespace Aro.Consumers.Ignition;

/// <summary>The machine roles that get an Ignition config, as the machine config server names them.</summary>
public static class IgnitionRoles
{
    public const string Bootstrap = "bootstrap";
    public const string Master = "master";
    public const string Worker = "worker";
}
