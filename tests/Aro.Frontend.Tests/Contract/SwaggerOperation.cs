namespace Aro.Frontend.Tests.Contract;

/// <summary>A swagger operation and one of its x-ms-examples files.</summary>
public sealed record SwaggerOperation(string OperationId, HttpMethod Method, string PathTemplate, string ExampleFile);
