package io.socialink.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an application holds for one owner, at an instant: {@link #toText()} for a person,
 * {@link #toJson()} for tools. Holds no token.
 *
 * @param ownerId the owner
 * @param at when the audit ran
 * @param entries the entries: links in id order, each with its grants, then grants no link uses
 */
public record AuditReport(String ownerId, Instant at, List<AuditEntry> entries) {

  /** Validates and copies the components. */
  public AuditReport {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(at, "at");
    entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
  }

  /**
   * The entries with a flag raised.
   *
   * @return the flagged entries
   */
  public List<AuditEntry> flagged() {
    return entries.stream().filter(AuditEntry::flagged).toList();
  }

  /**
   * The report as text, one entry per line after a summary line.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Audit of owner ").append(ownerId).append(" at ").append(at).append(": ").append(entries.size())
        .append(entries.size() == 1 ? " entry, " : " entries, ").append(flagged().size()).append(" flagged\n");
    for (AuditEntry e : entries) {
      out.append(e.linkId().map(id -> "link " + id + " " + e.kind().map(Enum::name).orElse("") + " "
          + e.state().map(Enum::name).orElse("")).orElse("grant without link"));
      out.append(" | ").append(e.account());
      e.grantId().ifPresent(g -> out.append(" | grant ").append(g));
      if (e.grantId().isPresent()) {
        out.append(" | scopes ").append(String.join(" ", e.scopes()));
        if (!e.undeclaredScopes().isEmpty()) {
          out.append(" (undeclared: ").append(String.join(" ", e.undeclaredScopes())).append(')');
        }
        out.append(" | issued ").append(text(e.issuedAt())).append(" | expires ").append(text(e.expiresAt()))
            .append(" | refresh until ").append(text(e.refreshExpiresAt())).append(" | last use ")
            .append(e.lastUse().map(Instant::toString).orElse("none recorded"));
      }
      out.append(" | flags ").append(e.flags().isEmpty() ? "none"
          : e.flags().stream().map(Enum::name).collect(Collectors.joining(", ")));
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The report as a JSON object: {@code ownerId}, {@code at}, {@code flagged} (a count) and
   * {@code entries}; an absent value is {@code null}, instants are ISO-8601 strings.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder out = new StringBuilder("{\"ownerId\":").append(json(ownerId)).append(",\"at\":")
        .append(json(at.toString())).append(",\"flagged\":").append(flagged().size()).append(",\"entries\":[");
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      out.append(i == 0 ? "" : ",").append('{')
          .append("\"linkId\":").append(json(e.linkId()))
          .append(",\"kind\":").append(json(e.kind().map(Enum::name)))
          .append(",\"state\":").append(json(e.state().map(Enum::name)))
          .append(",\"platformId\":").append(json(e.platformId()))
          .append(",\"account\":").append(json(e.account()))
          .append(",\"grantId\":").append(json(e.grantId()))
          .append(",\"scopes\":").append(json(e.scopes()))
          .append(",\"undeclaredScopes\":").append(json(e.undeclaredScopes()))
          .append(",\"issuedAt\":").append(json(e.issuedAt().map(Instant::toString)))
          .append(",\"expiresAt\":").append(json(e.expiresAt().map(Instant::toString)))
          .append(",\"refreshExpiresAt\":").append(json(e.refreshExpiresAt().map(Instant::toString)))
          .append(",\"lastUse\":").append(json(e.lastUse().map(Instant::toString)))
          .append(",\"flags\":").append(json(e.flags().stream().map(Enum::name).toList()))
          .append('}');
    }
    return out.append("]}").toString();
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse("unknown");
  }

  private static String json(Optional<String> value) {
    return value.map(AuditReport::json).orElse("null");
  }

  private static String json(Collection<String> values) {
    return values.stream().map(AuditReport::json).collect(Collectors.joining(",", "[", "]"));
  }

  private static String json(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
