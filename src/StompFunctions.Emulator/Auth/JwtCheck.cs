namespace StompFunctions.Emulator.Auth;

/// <summary>Outcome of checking a token's structure, algorithm and signature.</summary>
internal enum JwtCheck
{
    Valid,
    Malformed,
    UnsupportedAlgorithm,
    BadSignature,
}
