using System.Buffers.Binary;
using System.IO.Compression;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>
/// A ZIP package (XLSX, DOCX, ODT) opened within <see cref="ImportLimits"/>: the end record and the central directory are
/// checked before anything is inflated (count of parts, declared sizes of each and of all), and every part is then read
/// through a stream that counts what it really inflates, since declared sizes can lie. A package past a limit is refused with
/// <see cref="BadFileException"/>; a broken one throws <see cref="InvalidDataException"/> as <see cref="ZipArchive"/> does.
/// </summary>
internal sealed class BoundedZip : IDisposable
{
    private const long MaxDirectoryBytes = 16L * 1024 * 1024;
    private readonly ZipArchive _zip;
    private readonly ImportLimits _limits;
    private long _inflated;

    private BoundedZip(ZipArchive zip, ImportLimits limits)
    {
        _zip = zip;
        _limits = limits;
    }

    public static BoundedZip Open(Stream content, ImportLimits limits)
    {
        // ZipArchive reads the whole central directory into objects: its size and count are checked first, from the end record.
        var (parts, directoryBytes) = EndRecord(content);
        if (parts > limits.MaxParts || directoryBytes > MaxDirectoryBytes)
            throw new BadFileException(InfraFormat.Of(InfraText.Import_ZipTooManyParts, limits.MaxParts));
        var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            if (zip.Entries.Count > limits.MaxParts) throw new BadFileException(InfraFormat.Of(InfraText.Import_ZipTooManyParts, limits.MaxParts));
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length < 0 || entry.Length > limits.MaxPartBytes)
                {
                    throw new BadFileException(InfraFormat.Of(InfraText.Import_ZipPartTooLarge, Name(entry), Megabytes(entry.Length)) +
                        InfraFormat.Of(InfraText.Import_ZipPartLimit, Megabytes(limits.MaxPartBytes)));
                }
                total += entry.Length;
                if (total > limits.MaxUnpackedBytes)
                    throw new BadFileException(InfraFormat.Of(InfraText.Import_ZipTooLarge, Megabytes(limits.MaxUnpackedBytes)));
            }
            return new BoundedZip(zip, limits);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public ZipArchiveEntry? Entry(string name) => _zip.GetEntry(name);

    public IEnumerable<string> Names => _zip.Entries.Select(e => e.FullName);

    /// <summary>The inflated bytes of a part; more than it declared, or than is left of the package's budget, is refused.</summary>
    public Stream Read(ZipArchiveEntry entry) => new CountingStream(entry.Open(), this, entry);

    public void Dispose() => _zip.Dispose();

    private void Count(ZipArchiveEntry entry, long partBytes, int read)
    {
        _inflated += read;
        if (partBytes > entry.Length || partBytes > _limits.MaxPartBytes)
            throw new BadFileException(InfraFormat.Of(InfraText.Import_ZipForged, Name(entry)));
        if (_inflated > _limits.MaxUnpackedBytes)
            throw new BadFileException(InfraFormat.Of(InfraText.Import_ZipTooLarge, Megabytes(_limits.MaxUnpackedBytes)));
    }

    private static string Name(ZipArchiveEntry entry) => TextElements.Echo(entry.FullName, ImportLimits.EchoChars);

    private static long Megabytes(long bytes) => (bytes + 1024 * 1024 - 1) / (1024 * 1024);

    /// <summary>The number of entries and the size of the central directory as the end record (or its ZIP64 form) declares them.</summary>
    private static (long Parts, long DirectoryBytes) EndRecord(Stream content)
    {
        const int endRecord = 22;
        var tail = (int)Math.Min(content.Length, endRecord + ushort.MaxValue + 20);
        var bytes = new byte[tail];
        content.Position = content.Length - tail;
        content.ReadExactly(bytes);
        content.Position = 0;
        for (var i = tail - endRecord; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x06054B50) continue;
            long parts = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 10));
            long size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 12));
            if ((parts == ushort.MaxValue || size == uint.MaxValue) && i >= 20
                && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i - 20)) == 0x07064B50)
            {
                var zip64At = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i - 12));
                if (zip64At < 0 || zip64At > content.Length - 56) throw new InvalidDataException("Broken ZIP64 end record.");
                Span<byte> zip64 = stackalloc byte[56];
                content.Position = zip64At;
                content.ReadExactly(zip64);
                content.Position = 0;
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != 0x06064B50) throw new InvalidDataException("Broken ZIP64 end record.");
                parts = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip64[32..]), long.MaxValue);
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip64[40..]), long.MaxValue);
            }
            return (parts, size);
        }
        throw new InvalidDataException("No ZIP end record.");
    }

    private sealed class CountingStream(Stream inner, BoundedZip zip, ZipArchiveEntry entry) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            zip.Count(entry, _read, read);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
