using System.Buffers;

namespace StompFunctions.Protocol.Headers;

/// <summary>
/// Scratch space for one header: the caller's stack buffer when the bytes fit, a pooled array otherwise,
/// returned on <see cref="Dispose"/>.
/// </summary>
/// <example>
/// <code>
/// using var scratch = new ScratchBytes(stackalloc byte[HeaderText.StackLimit], needed);
/// var length = Encoding.UTF8.GetBytes(value, scratch.Span);
/// </code>
/// </example>
internal ref struct ScratchBytes
{
    private byte[]? _rented;

    public ScratchBytes(Span<byte> stack, int needed)
    {
        if (needed <= stack.Length)
        {
            Span = stack;
            _rented = null;
        }
        else
        {
            _rented = ArrayPool<byte>.Shared.Rent(needed);
            Span = _rented;
        }
    }

    /// <summary>At least the bytes asked for.</summary>
    public Span<byte> Span { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
