using System.Security.Cryptography;
using System.Text;

namespace ReportLens.Core.Deidentification.Surrogates;

/// <summary>HMAC-SHA256 under the run's key: the same original gives the same numbers, which reveal nothing without the key.</summary>
internal sealed class KeyedHash(byte[] key)
{
    public byte[] Of(string purpose, string value) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}\u001f{value}"));

    public static int Pick(byte[] hash, int index, int count) =>
        (int)(BitConverter.ToUInt32(hash, (index * 4) % (hash.Length - 3)) % (uint)count);

    public static string Tag(byte[] hash) => Convert.ToHexString(hash, 0, 3);
}
