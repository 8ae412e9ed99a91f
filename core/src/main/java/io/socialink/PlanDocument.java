package io.socialink;

import io.socialink.http.MalformedPayloadException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON document of an {@link UnlinkPlan}, both ways: {@link #render} builds the tree of maps and
 * lists that {@link UnlinkPlan#renderJson()} prints, {@link #parse} reads such a tree back. The two
 * sit together so that a field added to one cannot be forgotten in the other.
 */
final class PlanDocument {
  private PlanDocument() {}

  static Map<String, Object> render(UnlinkPlan plan) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("id", plan.id());
    Map<String, Object> about = new LinkedHashMap<>();
    if (plan.subject() instanceof UnlinkPlan.LinkSubject ls) {
      Link link = ls.link();
      about.put("type", "link");
      about.put("linkId", link.id());
      about.put("kind", link.kind().name());
      about.put("from", link.from().describe());
      about.put("to", link.to().describe());
      about.put("link", link(link));
    } else if (plan.subject() instanceof UnlinkPlan.AccountDeletion ad) {
      about.put("type", "account-deletion");
      about.put("platform", ad.account().platformId());
      about.put("userId", ad.account().userId());
      about.put("account", account(ad.account()));
      about.put("links", ad.links().stream().map(PlanDocument::link).toList());
    }
    root.put("subject", about);
    root.put("createdAt", plan.createdAt().toString());
    List<Map<String, Object>> out = new ArrayList<>();
    for (UnlinkStep step : plan.steps()) {
      out.add(step(step));
    }
    root.put("steps", out);
    root.put("impactNotes", plan.impactNotes());
    return root;
  }

  private static Map<String, Object> step(UnlinkStep step) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", step.id());
    s.put("phase", step.phase().name());
    step.platformId().ifPresent(p -> s.put("platform", p));
    if (step instanceof UnlinkStep.ExportData e) {
      s.put("type", "export-data");
      s.put("grantId", e.grantId());
      s.put("what", e.what());
    } else if (step instanceof UnlinkStep.StopSync st) {
      s.put("type", "stop-sync");
      s.put("linkId", st.linkId());
    } else if (step instanceof UnlinkStep.RevokeGrant r) {
      s.put("type", "revoke-grant");
      s.put("grantId", r.grantId());
    } else if (step instanceof UnlinkStep.PlatformAction a) {
      s.put("type", "platform-action");
      s.put("grantId", a.grantId());
      s.put("action", a.action());
      s.put("arguments", new LinkedHashMap<>(a.arguments()));
      s.put("text", a.description());
    } else if (step instanceof UnlinkStep.ManualStep m) {
      ManualProcedure p = m.procedure();
      s.put("type", "manual");
      s.put("procedure", p.id());
      s.put("title", p.title());
      s.put("reason", m.reason());
      s.put("path", p.path());
      p.webLink().ifPresent(u -> s.put("webLink", u.toString()));
      p.deepLink().ifPresent(u -> s.put("deepLink", u.toString()));
      s.put("why", p.why());
      s.put("howToCheck", p.howToCheck());
    } else if (step instanceof UnlinkStep.Verify v) {
      s.put("type", "verify");
      s.put("grantId", v.grantId());
      s.put("probe", v.probe());
    } else if (step instanceof UnlinkStep.ForgetGrant f) {
      s.put("type", "forget-grant");
      s.put("grantId", f.grantId());
    }
    s.put("description", step.describe());
    return s;
  }

  private static Map<String, Object> link(Link link) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("id", link.id());
    l.put("ownerId", link.ownerId());
    l.put("kind", link.kind().name());
    l.put("from", end(link.from()));
    l.put("to", end(link.to()));
    l.put("grantIds", link.grantIds());
    l.put("state", link.state().name());
    l.put("createdAt", link.createdAt().toString());
    l.put("updatedAt", link.updatedAt().toString());
    l.put("version", link.version());
    link.stateReason().ifPresent(r -> l.put("stateReason", r));
    return l;
  }

  private static Map<String, Object> end(LinkEnd end) {
    Map<String, Object> e = new LinkedHashMap<>();
    if (end instanceof LinkEnd.OfAccount a) {
      e.put("type", "account");
      e.put("account", account(a.account()));
    } else if (end instanceof LinkEnd.ThisApplication app) {
      e.put("type", "application");
      e.put("name", app.name());
    } else if (end instanceof LinkEnd.BusinessAssetHolder h) {
      e.put("type", "business-asset-holder");
      e.put("platformId", h.platformId());
      e.put("holderType", h.holderType());
      e.put("holderId", h.holderId());
      e.put("name", h.name());
    }
    return e;
  }

  private static Map<String, Object> account(Account account) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("platformId", account.platformId());
    a.put("userId", account.userId());
    account.handle().ifPresent(h -> a.put("handle", h));
    account.displayName().ifPresent(d -> a.put("displayName", d));
    return a;
  }

  static UnlinkPlan parse(Map<String, Object> root) {
    try {
      Node doc = new Node("plan", root);
      Node about = doc.object("subject");
      String type = about.text("type");
      UnlinkPlan.Subject subject = switch (type) {
        case "link" -> new UnlinkPlan.LinkSubject(readLink(about.object("link")));
        case "account-deletion" -> new UnlinkPlan.AccountDeletion(readAccount(about.object("account")),
            about.objects("links").stream().map(PlanDocument::readLink).toList());
        default -> throw about.bad("type", "is '" + type + "', not 'link' or 'account-deletion'");
      };
      List<UnlinkStep> steps = doc.objects("steps").stream().map(PlanDocument::readStep).toList();
      return new UnlinkPlan(doc.text("id"), subject, steps, doc.texts("impactNotes"), doc.instant("createdAt"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw MalformedPayloadException.ofDocument("unlink plan JSON: " + e.getMessage());
    }
  }

  private static UnlinkStep readStep(Node s) {
    String id = s.text("id");
    String type = s.text("type");
    return switch (type) {
      case "export-data" -> new UnlinkStep.ExportData(id, s.text("platform"), s.text("grantId"), s.text("what"));
      case "stop-sync" -> new UnlinkStep.StopSync(id, s.text("linkId"));
      case "revoke-grant" -> new UnlinkStep.RevokeGrant(id, s.text("platform"), s.text("grantId"));
      case "platform-action" -> new UnlinkStep.PlatformAction(id, s.text("platform"), s.text("grantId"),
          s.text("action"), s.object("arguments").textValues(), s.text("text"));
      case "manual" -> new UnlinkStep.ManualStep(id, new ManualProcedure(s.text("procedure"), s.text("platform"),
          s.text("title"), s.texts("path"), s.optionalText("webLink").map(URI::create),
          s.optionalText("deepLink").map(URI::create), s.text("why"), s.text("howToCheck")), s.text("reason"));
      case "verify" -> new UnlinkStep.Verify(id, s.text("platform"), s.text("grantId"), s.text("probe"));
      case "forget-grant" -> new UnlinkStep.ForgetGrant(id, s.text("grantId"));
      default -> throw s.bad("type", "is '" + type + "', which is no step type");
    };
  }

  private static Link readLink(Node l) {
    return new Link(l.text("id"), l.text("ownerId"), l.enumValue("kind", LinkKind.class), readEnd(l.object("from")),
        readEnd(l.object("to")), l.texts("grantIds"), l.enumValue("state", LinkState.class), l.instant("createdAt"),
        l.instant("updatedAt"), l.number("version"), l.optionalText("stateReason"));
  }

  private static LinkEnd readEnd(Node e) {
    String type = e.text("type");
    return switch (type) {
      case "account" -> new LinkEnd.OfAccount(readAccount(e.object("account")));
      case "application" -> new LinkEnd.ThisApplication(e.text("name"));
      case "business-asset-holder" -> new LinkEnd.BusinessAssetHolder(e.text("platformId"), e.text("holderType"),
          e.text("holderId"), e.text("name"));
      default -> throw e.bad("type", "is '" + type + "', which is no link end type");
    };
  }

  private static Account readAccount(Node a) {
    return new Account(a.text("platformId"), a.text("userId"), a.optionalText("handle"), a.optionalText("displayName"));
  }

  /** A JSON object with the path that led to it, for messages that name the bad field. */
  private record Node(String path, Map<String, Object> fields) {
    IllegalArgumentException bad(String field, String problem) {
      return new IllegalArgumentException(path + "." + field + " " + problem);
    }

    private Object required(String field) {
      Object v = fields.get(field);
      if (v == null) {
        throw bad(field, "is missing");
      }
      return v;
    }

    String text(String field) {
      if (required(field) instanceof String s) {
        return wellFormed(field, s);
      }
      throw bad(field, "is not a string");
    }

    /** A string with an unpaired surrogate has no UTF-8 form, so it could not be rendered back. */
    private String wellFormed(String field, String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw bad(field, "holds an unpaired surrogate");
        }
      }
      return s;
    }

    Optional<String> optionalText(String field) {
      return fields.get(field) == null ? Optional.empty() : Optional.of(text(field));
    }

    long number(String field) {
      if (required(field) instanceof Number n && (n instanceof Integer || n instanceof Long)) {
        return n.longValue();
      }
      throw bad(field, "is not a whole number");
    }

    Instant instant(String field) {
      String t = text(field);
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        throw bad(field, "is not an ISO-8601 instant");
      }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      String t = text(field);
      try {
        return Enum.valueOf(type, t);
      } catch (IllegalArgumentException e) {
        throw bad(field, "is '" + t + "', not a " + type.getSimpleName());
      }
    }

    List<Object> list(String field) {
      if (required(field) instanceof List<?> l) {
        return new ArrayList<>(l);
      }
      throw bad(field, "is not an array");
    }

    List<String> texts(String field) {
      List<String> out = new ArrayList<>();
      List<Object> items = list(field);
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof String s)) {
          throw bad(field + "[" + i + "]", "is not a string");
        }
        out.add(wellFormed(field + "[" + i + "]", s));
      }
      return out;
    }

    Map<String, String> textValues() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String key : fields.keySet()) {
        out.put(key, text(key));
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    Node object(String field) {
      if (required(field) instanceof Map<?, ?> m) {
        return new Node(path + "." + field, (Map<String, Object>) m);
      }
      throw bad(field, "is not an object");
    }

    @SuppressWarnings("unchecked")
    List<Node> objects(String field) {
      List<Node> out = new ArrayList<>();
      List<Object> items = list(field);
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> m)) {
          throw bad(field + "[" + i + "]", "is not an object");
        }
        out.add(new Node(path + "." + field + "[" + i + "]", (Map<String, Object>) m));
      }
      return out;
    }
  }
}
