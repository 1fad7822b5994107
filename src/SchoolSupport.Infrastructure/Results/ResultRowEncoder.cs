using System.Buffers;
using System.Buffers.Binary;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>
/// Result rows in PostgreSQL's binary COPY format (<see cref="BulkCopy.ResultColumns"/> order), written by the threads that parse
/// a file, so that the one connection that sends them only copies bytes: encoding value by value through Npgsql's importer
/// took as long as PostgreSQL took to store the rows.
/// </summary>
internal static class ResultRowEncoder
{
    /// <summary>What a binary COPY starts with: the signature, no flags, no header extension.</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00,
        0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>What a binary COPY ends with: a field count of −1.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xff, 0xff];

    /// <summary>The most bytes one row takes.</summary>
    public const int MaxRowBytes = 2 + 2 * (4 + 16) + 4 * (4 + 4) + 3 * (4 + 8 + 2 * 3);

    public static void Write(IBufferWriter<byte> output, AssessmentResult row)
    {
        var span = output.GetSpan(MaxRowBytes);
        var at = 0;
        BinaryPrimitives.WriteInt16BigEndian(span, 10);
        at += 2;
        at += Uuid(span[at..], row.RegionId);
        at += Uuid(span[at..], row.SchoolId);
        at += Int(span[at..], row.Year);
        at += Int(span[at..], (int)row.Kind);
        at += Int(span[at..], row.Grade);
        at += Int(span[at..], (int)row.Subject);
        at += Int(span[at..], row.Participants);
        at += Numeric(span[at..], row.MeanScore);
        at += Numeric(span[at..], row.BelowMinimumShare);
        at += Numeric(span[at..], row.FailShare);
        output.Advance(at);
    }

    private static int Uuid(Span<byte> span, Guid value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        value.TryWriteBytes(span[4..], bigEndian: true, out _);
        return 20;
    }

    private static int Int(Span<byte> span, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
        return 8;
    }

    /// <summary>
    /// A figure of numeric(6,2) or (5,2): hundredths, as base-10000 digits with their weight (the integer part in at most two
    /// digits, the fraction in one), display scale 2, trailing zero digits left out as PostgreSQL stores them.
    /// </summary>
    private static int Numeric(Span<byte> span, decimal value)
    {
        var hundredths = (long)decimal.Round(value * 100m, MidpointRounding.AwayFromZero);
        var negative = hundredths < 0;
        if (negative) hundredths = -hundredths;
        if (hundredths >= 100_000_000_00L) throw new ArgumentOutOfRangeException(nameof(value));
        var whole = hundredths / 100;
        var fraction = (short)(hundredths % 100 * 100);
        Span<short> digits = stackalloc short[3];
        var count = 0;
        short weight;
        if (whole >= 10_000)
        {
            digits[count++] = (short)(whole / 10_000);
            digits[count++] = (short)(whole % 10_000);
            weight = 1;
        }
        else if (whole > 0)
        {
            digits[count++] = (short)whole;
            weight = 0;
        }
        else weight = -1;
        digits[count++] = fraction;
        while (count > 0 && digits[count - 1] == 0) count--;
        if (count == 0) weight = 0;
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * count);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], negative && count > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], 2);
        for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], digits[i]);
        return 12 + 2 * count;
    }
}
