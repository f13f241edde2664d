using Azure;
using Azure.Identity;

namespace Aro.Rp.KeyVault;

/// <summary>One object of the RP's Key Vault could not be read or written; <see cref="Status"/> is Key Vault's HTTP status (0: no answer).</summary>
internal sealed class KeyVaultObjectException(string objectDescription, int status, string message, Exception? inner = null)
    : Exception($"{objectDescription}: {message}", inner)
{
    public string ObjectDescription { get; } = objectDescription;

    public int Status { get; } = status;

    /// <summary>What went wrong, without the object's description.</summary>
    public string Reason { get; } = message;

    /// <summary>Runs one call on <paramref name="objectDescription"/>, turning what the SDK throws into one line with a status.</summary>
    public static async Task<T> OnFailureOfAsync<T>(string objectDescription, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e)
        {
            throw new KeyVaultObjectException(objectDescription, e.Status, FirstLine(e.Message), e);
        }
        catch (AggregateException e) when (e.InnerExceptions.LastOrDefault() is RequestFailedException last)
        {
            // Azure.Core's retry policy gathers every failed attempt once it gives up (a vault that does not answer).
            throw new KeyVaultObjectException(objectDescription, last.Status, FirstLine(last.Message), e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new KeyVaultObjectException(objectDescription, 401, "no token for Key Vault: " + FirstLine(e.Message), e);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KeyVaultObjectException(objectDescription, 200, "not a readable certificate: " + FirstLine(e.Message), e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
