using System.Collections.Concurrent;

namespace Aro.Rp.Tests.EndToEnd.Recording;

/// <summary>Every response a client got, headers and body, except those a filter leaves out.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, bool> record) : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Request, string Response)> _responses = new();

    public IReadOnlyCollection<(string Request, string Response)> Responses => _responses;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (record(request))
        {
            // Buffered, so the caller still reads the body after us.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            _responses.Enqueue(($"{request.Method} {request.RequestUri}", $"{(int)response.StatusCode}\n{response.Headers}{response.Content.Headers}\n{await response.Content.ReadAsStringAsync(cancellationToken)}"));
        }

        return response;
    }
}
