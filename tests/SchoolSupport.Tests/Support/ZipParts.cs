using System.Buffers.Binary;
using System.Text;

namespace SchoolSupport.Tests.Support;

/// <summary>Edits a ZIP package in place, to make one that lies.</summary>
public static class ZipParts
{
    /// <summary>Makes the local header and the central directory of one part declare <paramref name="size"/> unpacked bytes.</summary>
    public static void DeclareSize(byte[] zip, string part, uint size)
    {
        var end = zip.Length - 22;
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)) != 0x06054B50) end--;
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        for (var i = 0; i < entries; i++)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28));
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30));
            var comment = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
            if (Encoding.UTF8.GetString(zip, at + 46, nameLength) == part)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 24), size);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
                return;
            }
            at += 46 + nameLength + extra + comment;
        }
        throw new InvalidOperationException($"No part {part}.");
    }
}
