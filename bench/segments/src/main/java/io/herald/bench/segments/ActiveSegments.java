package io.herald.bench.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The 50 active data segments of T3: 10 probe segments (the delay is measured on them), 10 event
 * counts in windows, 10 attribute-only, 10 nested AND/OR mixes, 5 time-based and 5 segments of
 * segments. Most mention the event names the load sends, so each event is evaluated against several
 * of them; the attribute-only ones are never touched by events.
 */
final class ActiveSegments {

  /** Probe segment {@code k} is "performed probe_k at least once in the last day". */
  static final int PROBES = 10;

  private ActiveSegments() {}

  /** A segment to create. */
  record Definition(String name, Supplier<String> condition) {}

  static String probeEvent(int k) {
    return "probe_" + k;
  }

  /**
   * The definitions in creation order; a definition's condition is built when it is created, so it
   * may refer to segments created before it through {@code ids} (index in this list to Herald id).
   */
  static List<Definition> all(List<Long> ids) {
    List<Definition> out = new ArrayList<>();
    for (int k = 0; k < PROBES; k++) {
      String event = probeEvent(k);
      out.add(new Definition("probe " + k, () -> Cond.atLeast(event, 1, 1, "days")));
    }
    // 10-19: event counts in windows.
    add(out, "page_viewed >= 20 in 1 day", Cond.atLeast("page_viewed", 20, 1, "days"));
    add(out, "product_viewed >= 3 in 7 days", Cond.atLeast("product_viewed", 3, 7, "days"));
    add(out, "add_to_cart in 1 hour", Cond.atLeast("add_to_cart", 1, 1, "hours"));
    add(out, "purchase in 24 hours", Cond.atLeast("purchase", 1, 24, "hours"));
    add(out, "login >= 5 in 30 days", Cond.atLeast("login", 5, 30, "days"));
    add(out, "search >= 2 in 60 minutes", Cond.atLeast("search", 2, 60, "minutes"));
    add(
        out,
        "checkout_started over 100 in 7 days",
        Cond.event(
            "checkout_started",
            true,
            "at_least",
            1,
            7,
            "days",
            List.of(Cond.where("price", "greater_than", "100"))));
    add(
        out,
        "purchase exactly once in 90 days",
        Cond.event("purchase", true, "exactly", 1, 90, "days", List.of()));
    add(
        out,
        "no purchase in 30 days",
        Cond.event("purchase", false, "at_least", 1, 30, "days", List.of()));
    add(
        out,
        "support tickets >= 2 in 30 days (books, toys)",
        Cond.event(
            "support_ticket_opened",
            true,
            "at_least",
            2,
            30,
            "days",
            List.of(Cond.where("category", "in_list", Cond.texts("books", "toys")))));
    // 20-29: attributes only.
    add(out, "plan free", Cond.attribute("plan", "equals", Cond.text("free")));
    add(out, "plan enterprise", Cond.attribute("plan", "equals", Cond.text("enterprise")));
    add(
        out,
        "southern Europe",
        Cond.attribute("country", "in_list", Cond.texts("DE", "FR", "ES", "IT")));
    add(out, "over 60", Cond.attribute("age", "greater_than", "60"));
    add(out, "ltv over 1000", Cond.attribute("ltv", "greater_than", "1000"));
    add(out, "Americas", Cond.attribute("timezone", "starts_with", Cond.text("America/")));
    add(out, "created in 30 days", Cond.attribute("created_at", "within_last_days", "30"));
    add(out, "logged in within 7 days", Cond.attribute("last_login_at", "within_last_days", "7"));
    add(out, "not English", Cond.attribute("language", "not_equals", Cond.text("en")));
    add(
        out,
        "basic with a bench email",
        Cond.and(
            Cond.attribute("email", "ends_with", Cond.text("@bench.example")),
            Cond.attribute("plan", "equals", Cond.text("basic"))));
    // 30-39: nested mixes.
    add(
        out,
        "paying buyers this week",
        Cond.and(
            Cond.attribute("plan", "in_list", Cond.texts("pro", "enterprise")),
            Cond.atLeast("purchase", 1, 7, "days")));
    add(
        out,
        "US or heavy viewers",
        Cond.or(
            Cond.attribute("country", "equals", Cond.text("US")),
            Cond.atLeast("page_viewed", 10, 1, "days")));
    add(
        out,
        "young or old, viewing today",
        Cond.and(
            Cond.or(
                Cond.attribute("age", "less_than", "25"),
                Cond.attribute("age", "greater_than", "65")),
            Cond.atLeast("product_viewed", 1, 1, "days")));
    add(
        out,
        "GB, no login this week",
        Cond.and(
            Cond.attribute("country", "equals", Cond.text("GB")),
            Cond.not(Cond.atLeast("login", 1, 7, "days"))));
    add(
        out,
        "carts by plan",
        Cond.or(
            Cond.and(
                Cond.attribute("plan", "equals", Cond.text("free")),
                Cond.atLeast("add_to_cart", 2, 1, "days")),
            Cond.and(
                Cond.attribute("plan", "equals", Cond.text("pro")),
                Cond.atLeast("checkout_started", 1, 1, "days"))));
    add(
        out,
        "valuable searchers",
        Cond.and(
            Cond.attribute("ltv", "greater_than", "500"),
            Cond.atLeast("search", 3, 7, "days"),
            Cond.atLeast("wishlist_added", 1, 30, "days")));
    add(
        out,
        "Europe with coupons or referrals",
        Cond.and(
            Cond.attribute("timezone", "starts_with", Cond.text("Europe/")),
            Cond.or(
                Cond.atLeast("coupon_applied", 1, 7, "days"),
                Cond.atLeast("referral_sent", 1, 30, "days"))));
    add(
        out,
        "neither free nor browsing this hour",
        Cond.not(
            Cond.or(
                Cond.attribute("plan", "equals", Cond.text("free")),
                Cond.atLeast("page_viewed", 1, 1, "hours"))));
    add(
        out,
        "retail buyers",
        Cond.and(
            Cond.relationship(
                "1", List.of(Cond.where("industry", "equals", Cond.text("retail"))), List.of()),
            Cond.atLeast("purchase", 1, 30, "days")));
    add(
        out,
        "APAC app users",
        Cond.and(
            Cond.attribute("country", "in_list", Cond.texts("IN", "JP", "AU")),
            Cond.atLeast("screen_viewed", 5, 7, "days"),
            Cond.attribute("language", "not_equals", Cond.text("en"))));
    // 40-44: time-based (leave on their own as windows pass).
    add(out, "login in 60 minutes", Cond.atLeast("login", 1, 60, "minutes"));
    add(
        out,
        "no page view in 7 days",
        Cond.event("page_viewed", false, "at_least", 1, 7, "days", List.of()));
    add(out, "logout in 30 minutes", Cond.atLeast("logout", 1, 30, "minutes"));
    add(
        out,
        "logged in today or yesterday",
        Cond.attribute("last_login_at", "within_last_days", "1"));
    add(out, "clicked an email in 2 hours", Cond.atLeast("email_link_clicked", 1, 2, "hours"));
    // 45-49: segments of segments.
    out.add(
        new Definition(
            "paying buyers who bought today",
            () -> Cond.and(Cond.segment(ids.get(30)), Cond.segment(ids.get(13)))));
    out.add(
        new Definition(
            "heavy viewers either way",
            () -> Cond.or(Cond.segment(ids.get(10)), Cond.segment(ids.get(11)))));
    out.add(
        new Definition(
            "enterprise still buying",
            () -> Cond.and(Cond.segment(ids.get(21)), Cond.not(Cond.segment(ids.get(18))))));
    out.add(
        new Definition(
            "US logins this hour",
            () ->
                Cond.and(
                    Cond.segment(ids.get(40)),
                    Cond.attribute("country", "equals", Cond.text("US")))));
    out.add(
        new Definition(
            "loyal admins",
            () ->
                Cond.and(
                    Cond.segment(ids.get(14)),
                    Cond.relationship(
                        "1",
                        List.of(),
                        List.of(Cond.where("role", "equals", Cond.text("admin")))))));
    return out;
  }

  private static void add(List<Definition> out, String name, String condition) {
    out.add(new Definition(name, () -> condition));
  }
}
