namespace Aro.Api.Model;

/// <summary>
/// Marks a property that holds a secret. Stores encrypt such properties at rest, loggers and
/// external converters must never emit them.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
