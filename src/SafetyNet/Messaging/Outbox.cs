using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Messaging;

public enum MessageChannel
{
    Email,
    Sms,
}

public enum MessageState
{
    /// <summary>Waiting for its next attempt (NextAttemptAt).</summary>
    Pending,
    Sent,
    /// <summary>Given up after the last attempt or a permanent refusal: an administrator may resend it.</summary>
    DeadLetter,
}

/// <summary>
/// One message SafetyNet sends, written in the same transaction as the change that caused it, so a crash
/// loses none. The worker claims a row by taking its lease with a conditional update; only the holder of
/// the lease may mark it sent.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public MessageChannel Channel { get; set; }
    /// <summary>An e-mail address or phone number: personal data, shown to no administrator.</summary>
    public required string Recipient { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>What the message is about, by reference only (a crime or incident reference).</summary>
    public string? Reference { get; set; }
    /// <summary>Why it is sent, e.g. <c>victim-update-reminder</c>, <c>survey</c>.</summary>
    public required string Purpose { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public MessageState State { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Which channel carried it (Smtp, Notify) and the provider's id for it.</summary>
    public string? SentVia { get; set; }
    public string? ProviderId { get; set; }
    /// <summary>The last failure, as the provider's status and error code: never the body or recipient.</summary>
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(12);
        message.Property(m => m.Recipient).HasMaxLength(254);
        message.Property(m => m.Subject).HasMaxLength(200);
        message.Property(m => m.Body).HasMaxLength(10_000);
        message.Property(m => m.Reference).HasMaxLength(60);
        message.Property(m => m.Purpose).HasMaxLength(60);
        message.Property(m => m.LeaseOwner).HasMaxLength(100);
        message.Property(m => m.SentVia).HasMaxLength(20);
        message.Property(m => m.ProviderId).HasMaxLength(100);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}

/// <summary>How the force sends messages: which channel carries e-mail, quiet hours for texts, retries.</summary>
public sealed record MessagingRules(
    string EmailChannel, string SmsChannel, string QuietFrom, string QuietUntil, int MaxAttempts, int FirstRetryMinutes,
    int MaxRetryMinutes, bool LinksInTexts)
{
    public const string Key = "messaging";

    public static MessagingRules Default => new("Smtp", "Notify", "20:00", "08:00", 8, 1, 360, false);

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeOnly QuietStart => TimeOnly.Parse(QuietFrom, CultureInfo.InvariantCulture);

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeOnly QuietEnd => TimeOnly.Parse(QuietUntil, CultureInfo.InvariantCulture);

    /// <summary>Whether a text may be sent at this instant (never between 20:00 and 08:00 in London by default).</summary>
    public bool IsQuiet(DateTimeOffset instant)
    {
        var local = TimeOnly.FromDateTime(ForceClock.ToLocal(instant).DateTime);
        return QuietStart > QuietEnd ? local >= QuietStart || local < QuietEnd : local >= QuietStart && local < QuietEnd;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> outside quiet hours.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant)
    {
        if (!IsQuiet(instant))
        {
            return instant;
        }
        var local = ForceClock.ToLocal(instant).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= QuietEnd)
        {
            date = date.AddDays(1);
        }
        return ForceClock.FromLocal(date.ToDateTime(QuietEnd));
    }

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var (field, value) in new[] { ("emailChannel", EmailChannel), ("smsChannel", SmsChannel) })
        {
            if (value is not ("Smtp" or "Notify"))
            {
                problems[field] = ["Choose Smtp or Notify"];
            }
        }
        if (SmsChannel == "Smtp")
        {
            problems["smsChannel"] = ["Texts go through GOV.UK Notify"];
        }
        if (!TimeOnly.TryParse(QuietFrom, CultureInfo.InvariantCulture, out _) || !TimeOnly.TryParse(QuietUntil, CultureInfo.InvariantCulture, out _))
        {
            problems["quietFrom"] = ["Give quiet hours as times, like 20:00 and 08:00"];
        }
        if (MaxAttempts < 1 || FirstRetryMinutes < 1 || MaxRetryMinutes < FirstRetryMinutes)
        {
            problems["maxAttempts"] = ["Retries need at least one attempt and a growing back-off"];
        }
        return problems;
    }

    /// <summary>Exponential back-off: 1, 2, 4… minutes, at most <see cref="MaxRetryMinutes"/>.</summary>
    public TimeSpan BackOff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(MaxRetryMinutes, FirstRetryMinutes * Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>Puts messages in the outbox; the caller saves them with the change that caused them.</summary>
public sealed class Outbox(AppDb db, TimeProvider time)
{
    /// <summary>Surveys, whatever their channel, wait out the night like texts: nobody is asked how we did at midnight.</summary>
    public const string SurveyPurpose = "survey";

    public OutboxMessage Enqueue(MessageChannel channel, string recipient, string? subject, string body, string purpose, string? reference,
        DateTimeOffset? notBefore = null)
    {
        var now = time.GetUtcNow();
        var message = new OutboxMessage
        {
            Channel = channel,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            Purpose = purpose,
            Reference = reference,
            CreatedAt = now,
            NextAttemptAt = notBefore is { } later && later > now ? later : now,
            State = MessageState.Pending,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
