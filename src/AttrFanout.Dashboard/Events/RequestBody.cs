using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AttrFanout.Dashboard.Events;

/// <summary>Reads a request body up to a limit; a larger body is refused before or while it is read, never buffered whole.</summary>
internal static class RequestBody
{
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, int limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 4096, limit));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
